"""Extensions, created once and bound to an application in ``create_app``."""
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from planner.database import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
login = LoginManager()
login.login_view = "auth.login_page"
login.login_message = "Please sign in as an organiser to continue."
# Limits on guessing (sign-in, reset requests, the public registration form): planner.web.limits says which.
# Kept in Redis when PLANNER_REDIS_URL is set, so every worker counts the same attempts; in memory otherwise.
limiter = Limiter(key_func=get_remote_address, key_prefix="planner-limits", headers_enabled=True)
