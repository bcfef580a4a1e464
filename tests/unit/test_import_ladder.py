"""The import ladder of docs/ARCHITECTURE.md: pure domain below everything; nothing imports the web layer."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "planner"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def modules_under(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def test_the_domain_imports_neither_flask_nor_the_database_nor_the_rest_of_planner():
    offending = {
        str(path.relative_to(PACKAGE)): sorted(
            name for name in imported_modules(path)
            if name.split(".")[0] in {"flask", "flask_sqlalchemy", "sqlalchemy", "werkzeug", "jinja2"}
            or (name.startswith("planner") and not name.startswith("planner.domain"))
        )
        for path in modules_under("domain")
    }
    assert {path: names for path, names in offending.items() if names} == {}


def test_only_the_application_factory_imports_the_web_layer():
    importers = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if not path.is_relative_to(PACKAGE / "web")
        and any(name.startswith("planner.web") for name in imported_modules(path))
    )
    assert importers == ["__init__.py"]
