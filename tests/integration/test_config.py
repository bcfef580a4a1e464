from planner import create_app
from planner.operations.mail import SmtpSettings, smtp_settings


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


def test_the_mail_server_for_invitations_comes_from_the_environment(monkeypatch):
    for name, value in {"HOST": "smtp.example.org", "PORT": "587", "USERNAME": "planner", "PASSWORD": "123456",
                        "USE_TLS": "true", "FROM": "Planner <planner@example.org>"}.items():
        monkeypatch.setenv(f"PLANNER_SMTP_{name}", value)
    assert smtp_settings(create_app().config) == SmtpSettings("smtp.example.org", 587, "planner", "123456", True,
                                                              "Planner <planner@example.org>")


def test_without_a_mail_server_there_are_no_smtp_settings(monkeypatch):
    monkeypatch.delenv("PLANNER_SMTP_HOST", raising=False)
    assert smtp_settings(create_app().config) is None
