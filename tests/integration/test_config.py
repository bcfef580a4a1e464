from planner import create_app


def test_the_test_config_replaces_the_instance_and_environment_settings(monkeypatch):
    monkeypatch.setenv("PLANNER_DATABASE_URL", "sqlite:////nowhere/from-env.sqlite")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x"})
    assert (app.testing, app.config["SQLALCHEMY_DATABASE_URI"]) == (True, "sqlite://")


def test_a_deployment_takes_its_database_and_secret_from_the_environment(monkeypatch):
    monkeypatch.setenv("PLANNER_DATABASE_URL", "postgresql://planner@db.internal/planner")
    monkeypatch.setenv("PLANNER_SECRET_KEY", "from-the-environment")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://planner@db.internal/planner"
    assert app.config["SECRET_KEY"] == "from-the-environment"


def test_without_configuration_a_local_sqlite_database_lives_in_the_instance_folder(monkeypatch):
    monkeypatch.delenv("PLANNER_DATABASE_URL", raising=False)
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("/instance/planner.sqlite")
    assert len(app.config["SECRET_KEY"]) >= 32
