"""With ``PLANNER_COUNT_QUERIES=true`` (the benchmark sets it), each response says in ``X-Query-Count`` how many
SQL statements it cost, so the count can be measured over real HTTP against a real server."""
from flask import Flask, g, has_app_context
from sqlalchemy import event

from planner.extensions import db


def count_queries_per_request(app: Flask) -> None:
    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "before_cursor_execute")
    def count(*_):
        if has_app_context():
            g.query_count = g.get("query_count", 0) + 1

    @app.after_request
    def report(response):
        response.headers["X-Query-Count"] = str(g.get("query_count", 0))
        return response
