"""Gunicorn settings for `make serve`: workers and address from the environment, every log line on stdout."""
import multiprocessing
import os

bind = os.environ.get("PLANNER_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("PLANNER_WORKERS", 2 * multiprocessing.cpu_count()))
accesslog = "-"
# The load test switches the access log off (PLANNER_ACCESS_LOG=false): a line per request would bury the errors.
access_log_level = "WARNING" if os.environ.get("PLANNER_ACCESS_LOG", "true").lower() == "false" else "INFO"

# Gunicorn's own messages, its access log and the application's loggers (planner.*) all go to stdout,
# where the service manager or container runtime collects them.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "plain"}},
    "root": {"level": os.environ.get("PLANNER_LOG_LEVEL", "INFO"), "handlers": ["stdout"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
        "gunicorn.access": {"level": access_log_level, "handlers": ["stdout"], "propagate": False},
        # Creating the app sets up Alembic (Flask-Migrate), which announces each of its plugins at INFO.
        "alembic": {"level": "WARNING"},
    },
}
