"""The benchmark's query count: on each response when asked for, never otherwise."""
from planner import create_app
from planner.extensions import db
from tests.conftest import RequestPerContextClient, _test_config


def test_with_counting_on_each_response_says_how_many_statements_it_cost(migrated_database_url, client):
    app = create_app({**_test_config(migrated_database_url), "COUNT_QUERIES": True})
    app.test_client_class = RequestPerContextClient
    counted = app.test_client()
    assert counted.get("/").headers["X-Query-Count"] == "1"
    assert counted.get("/events/nowhere/calendar.ics").headers["X-Query-Count"] == "1"
    assert "X-Query-Count" not in client.get("/").headers
    with app.app_context():
        db.engine.dispose()
