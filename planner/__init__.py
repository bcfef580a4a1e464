"""Planner: agendas for expert group meetings and other multi-day hybrid meetings."""
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from planner.cache import init_cache
from planner.config import load_config
from planner.query_count import count_queries_per_request
from planner.extensions import csrf, db, login, migrate

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=str(PROJECT_ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    load_config(app, test_config)
    app.json.sort_keys = False

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    csrf.init_app(app)
    login.init_app(app)
    if proxies := int(app.config["TRUSTED_PROXIES"]):
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    init_cache(app)
    if app.config["COUNT_QUERIES"]:
        count_queries_per_request(app)

    from planner import models  # noqa: F401  (registers the tables with the metadata)
    from planner.cli import register_commands
    from planner.web import register_web

    register_web(app)
    register_commands(app)
    return app

