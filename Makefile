# The commands of the README: `make run` and `make test`; `make serve` and `make worker` in production;
# `make bench` and `make loadtest`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app planner
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run serve worker test bench bench-documents loadtest db demo clean catalogues catalogues-update

# The interface's translations: .po files in the repository, compiled to .mo here (never committed).
CATALOGUES := $(wildcard planner/translations/*/LC_MESSAGES/messages.po)

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: $(BIN)/activate requirements.txt
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

$(VENV)/.loadtest: $(VENV)/.runtime requirements-loadtest.txt
	$(BIN)/pip install --quiet -r requirements-loadtest.txt
	touch $@

catalogues: $(CATALOGUES:.po=.mo)

%.mo: %.po $(VENV)/.runtime
	$(BIN)/pybabel compile --statistics -i $< -o $@

# After changing messages in the code or templates: the template (.pot) and every language's .po, updated.
catalogues-update: $(VENV)/.runtime
	$(BIN)/pybabel extract -F babel.cfg -k lazy_gettext --sort-by-file --project Planner --copyright-holder "Planner's authors" \
		-o planner/translations/messages.pot .
	$(BIN)/pybabel update --width 120 -i planner/translations/messages.pot -d planner/translations

db: $(VENV)/.runtime catalogues
	$(FLASK) db upgrade

demo: db
	$(FLASK) demo --if-empty

run: demo
	@echo "Planner is serving on http://$(HOST):$(PORT)"
	$(FLASK) run --host $(HOST) --port $(PORT)

# Production: migrations first, then gunicorn (PLANNER_WORKERS, PLANNER_BIND; deploy/gunicorn.conf.py).
# Cookies are HTTPS-only here unless PLANNER_SECURE_COOKIES=false (a deployment without TLS in front).
serve: db
	PLANNER_SECURE_COOKIES=$${PLANNER_SECURE_COOKIES:-true} $(BIN)/gunicorn --config deploy/gunicorn.conf.py 'planner:create_app()'

# Production, beside `make serve`: sends the invitation emails organisers queue (PLANNER_REDIS_URL, PLANNER_SMTP_*).
# No migrations here: `make serve` applies them, and two processes should not race to.
worker: $(VENV)/.runtime catalogues
	$(FLASK) invitations-worker

test: $(VENV)/.dev catalogues
	$(BIN)/python -m pytest

bench: $(VENV)/.dev
	$(BIN)/python bench/run.py

# The worker's memory while it refuses a 50 MB + 1 byte upload, stores a 40 MB one and sends it back.
bench-documents: $(VENV)/.dev
	$(BIN)/python bench/documents_memory.py

# Needs PostgreSQL (PLANNER_LOADTEST_DATABASE_URL, wiped) and Redis on 127.0.0.1 (database 3, flushed).
loadtest: $(VENV)/.loadtest
	$(BIN)/python bench/loadtest/run.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
