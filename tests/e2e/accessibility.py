"""axe-core (pinned in tests/js/package.json) run inside the page, for the WCAG 2.2 A and AA rules."""
import subprocess
from pathlib import Path

import pytest

PACKAGES = Path(__file__).resolve().parents[1] / "js"
AXE = PACKAGES / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture(scope="session")
def axe() -> Path:
    """The pinned axe-core script, installed once (npm ci) if it is missing."""
    if not AXE.is_file():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=PACKAGES, check=True, capture_output=True)
    return AXE


def violations(page, axe_script: Path) -> list[str]:
    """Each violated rule on the page as it is now, with the elements it found, ready to read in a failure."""
    page.add_script_tag(path=str(axe_script))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(result => result.violations.map(v => `${v.id}: ${v.help} — `"
        " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))",
        WCAG_22_A_AA,
    )
