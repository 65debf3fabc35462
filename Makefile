# Kepenak Ngodene — `make run` serves the portal, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Two workers: the CI machine has two cores; pass PYTEST_ARGS="" to run in one process.
PYTEST_ARGS ?= -n 2
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: install run migrate initial-data demo-data test prod-check audit lint check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

initial-data: migrate
	$(BIN)/python manage.py load_initial_data

demo-data: initial-data
	$(BIN)/python manage.py load_demo_data

run: demo-data
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

# The production stack (gunicorn, DEBUG off, collected static, a real rqworker) on the local
# PostgreSQL and Redis, with the browser suite run against it (.ci/prod-check).
prod-check: install
	.ci/prod-check

# Known vulnerabilities in the pinned requirements (PyPI's advisory data); fails on any finding.
audit: install
	$(BIN)/pip-audit --requirement requirements.txt --progress-spinner off

lint: install
	$(BIN)/ruff check .
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles
