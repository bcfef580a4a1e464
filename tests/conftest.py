"""Fixtures: an application over a fresh database (SQLite, or PLANNER_TEST_DATABASE_URL), factories, sign-in."""
import functools
import os
from contextlib import contextmanager
from datetime import date, datetime

import pytest
from flask_migrate import upgrade
from sqlalchemy import MetaData, create_engine, event, select
from werkzeug.security import generate_password_hash

from planner import create_app
from planner.config import database_url
from planner.domain.vocabulary import AttendanceMode, InstitutionKind, MeetingFormat, SessionKind, TeamRole
from flask_login import FlaskLoginClient

from planner.extensions import db
from planner.models import accounts
from planner.operations.accounts import create_organiser, find_user, start_sign_in
from planner.operations.agenda import add_session
from planner.operations.meetings import add_institution, add_person, add_room, create_meeting
from planner.operations.team import grant_role
from planner.operations.tokens import create_token
from tests.integration.browsing import csrf_token_of

ORGANISER_PASSWORD = "organiser password"
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def quick_password_hashing(monkeypatch):
    """Hash passwords with few rounds: scrypt's deliberate slowness, paid at every sign-in, would dominate the suite.

    The accounts still store a salted hash and check it the same way; only the cost differs
    (test_sign_in checks the production setting).
    """
    monkeypatch.setattr(accounts, "generate_password_hash",
                        functools.partial(generate_password_hash, method="pbkdf2:sha256:1000"))


@pytest.fixture(scope="session")
def migrated_database_url(tmp_path_factory):
    url = database_url(
        os.environ.get("PLANNER_TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
    )
    _drop_everything(url)
    app = create_app(_test_config(url))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return url


def _drop_everything(url: str) -> None:
    """Leave nothing from an earlier run, the migrations' own bookkeeping included."""
    engine = create_engine(url)
    existing = MetaData()
    existing.reflect(engine)
    existing.drop_all(engine)
    engine.dispose()


class RequestPerContextClient(FlaskLoginClient):
    """Each request in an application context of its own, as in production.

    Flask reuses an application context a test already holds, so ``g`` (where
    Flask-Login keeps the current user) and the database session would leak from one
    request to the next and into the test.
    """

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


def _test_config(url: str) -> dict:
    return {"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "test-secret"}


def test_app(url: str, **settings):
    """The application over the test database, its clients sending each request in its own context."""
    app = create_app({**_test_config(url), **settings})
    app.test_client_class = RequestPerContextClient
    return app


test_app.__test__ = False


@pytest.fixture
def app(migrated_database_url):
    app = test_app(migrated_database_url)
    yield app
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as connection:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(table.delete())
        db.engine.dispose()


@pytest.fixture
def other_app(migrated_database_url):
    """More applications over the test database (another worker, other settings): ``other_app(SETTING=…)``;
    their connections are closed afterwards."""
    made = []

    def making(**settings):
        made.append(test_app(migrated_database_url, **settings))
        return made[-1]

    yield making
    for app in made:
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def app_context(app):
    with app.app_context():
        yield


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class Factory:
    """Records with sane defaults, made through the operations, committed."""

    def meeting(self, **overrides):
        values = dict(
            slug="test-meeting", title="Test meeting", first_day=date(2021, 10, 18), last_day=date(2021, 10, 22),
            timezone="Asia/Seoul", format=MeetingFormat.HYBRID, venue="Seoul", published=True,
        )
        values.update(overrides)
        meeting = create_meeting(**values)
        db.session.commit()
        return meeting

    def room(self, meeting, name="Room 1", **overrides):
        room = add_room(meeting, name=name, **overrides)
        db.session.commit()
        return room

    def institution(self, meeting, name="Ministry of Justice", kind=InstitutionKind.GOVERNMENT, **overrides):
        institution = add_institution(meeting, name=name, kind=kind, **overrides)
        db.session.commit()
        return institution

    def person(self, meeting, name="Kim Min-ji", **overrides):
        person = add_person(meeting, name=name, **overrides)
        db.session.commit()
        return person

    def session(self, meeting, title="Working session", starts=datetime(2021, 10, 18, 9), ends=None, **overrides):
        values = dict(kind=SessionKind.WORKING, attendance_mode=AttendanceMode.HYBRID)
        values.update(overrides)
        session = add_session(
            meeting, title=title, starts=starts, ends=ends or starts.replace(hour=starts.hour + 1), **values
        )
        db.session.commit()
        return session

    def organiser(self, email="organiser@example.org", password=PASSWORD, *, name="", meetings=(),
                  administrator=False):
        """An account that organises ``meetings`` (none: a signed-in stranger to every meeting)."""
        user = create_organiser(email, password, name, administrator=administrator)
        for meeting in meetings:
            grant_role(meeting, user, TeamRole.ORGANISER, actor=None)
        db.session.commit()
        return user

    def token(self, user, name="test client") -> str:
        """A live API token of ``user``; the secret, as a client sends it."""
        _, secret = create_token(user, name)
        db.session.commit()
        return secret


@pytest.fixture
def make(app_context):
    return Factory()


@pytest.fixture
def sign_in(app, app_context):
    """A test client signed in as an organiser of the given meetings: ``sign_in(meeting).get(...)``."""
    def signed_in(*meetings, email: str = "organiser@example.org", administrator: bool = False) -> FlaskLoginClient:
        user = find_user(email) or create_organiser(email, ORGANISER_PASSWORD, administrator=administrator)
        for meeting in meetings:
            grant_role(meeting, user, TeamRole.ORGANISER, actor=None)
        start_sign_in(user, remembered=False)  # the client's session carries this sign-in
        db.session.commit()
        return app.test_client(user=user)

    return signed_in


@pytest.fixture
def seed(app):
    """Make records in a short application context and keep what the test needs (ids, secrets):
    ``with seed() as make: ...``. Tests that read back what requests stored do so in their own context too.
    """
    @contextmanager
    def seeding():
        with app.app_context():
            yield Factory()

    return seeding


@contextmanager
def emptied_redis(url: str):
    """A connection to the Redis database at ``url``, emptied before and after: each test module that needs one
    has a database number of its own."""
    from redis import Redis

    connection = Redis.from_url(url)
    connection.flushdb()
    try:
        yield connection
    finally:
        connection.flushdb()
        connection.close()


@pytest.fixture
def read(app):
    """Run a query in its own application context and hand back plain values: ``read(lambda: ...)``."""
    def reading(function):
        with app.app_context():
            return function()

    return reading


@pytest.fixture
def stored_rows(app):
    """Everything in the database, table by table, to show that a refused request changed nothing."""
    def rows() -> dict[str, list[tuple]]:
        with app.app_context():
            return {
                table.name: sorted(
                    (tuple(row) for row in db.session.execute(select(table)).all()), key=repr
                )
                for table in db.metadata.sorted_tables
            }

    return rows


class AuthActions:
    """Signing in and out through the pages, as flaskr's tests do."""

    def __init__(self, client):
        self._client = client

    def login(self, email="organiser@example.org", password=PASSWORD):
        token = csrf_token_of(self._client.get("/login"))
        return self._client.post("/login", data={"email": email, "password": password, "csrf_token": token})

    def logout(self):
        token = csrf_token_of(self._client.get("/logout"))
        return self._client.post("/logout", data={"csrf_token": token})


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture
def browser(app):
    """Another browser (its own cookies), signed in as ``email``: ``browser("b@example.org")``."""
    def open_browser(email=None, password=PASSWORD):
        client = app.test_client()
        if email is not None:
            response = AuthActions(client).login(email, password)
            assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return open_browser


class QueryCounter:
    def __init__(self):
        self.statements: list[str] = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany):
        self.statements.append(statement)

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries(app):
    """Count the SQL statements a block sends: ``with count_queries() as counter: ...``."""
    @contextmanager
    def counting():
        with app.app_context():
            engine = db.engine
        counter = QueryCounter()
        event.listen(engine, "before_cursor_execute", counter)
        try:
            yield counter
        finally:
            event.remove(engine, "before_cursor_execute", counter)

    return counting
