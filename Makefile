# Hotliner — two commands: `make run` (set up, then run the app on its embedded SQLite default)
# and `make test` (set up, then run the whole test suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup lint clean screenshots bench


$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

MO := translations/fr/LC_MESSAGES/messages.mo

$(MO): translations/fr/LC_MESSAGES/messages.po $(STAMP)
	$(BIN)/pybabel compile -d translations

setup: $(STAMP) $(MO)

run: setup
	$(BIN)/hotliner run-demo

test: setup
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) instance/*.db

screenshots: setup
	$(BIN)/python scripts/screenshots.py

bench: setup
	$(BIN)/python bench/understanding.py
	$(BIN)/python bench/understanding_calls.py
	$(BIN)/python bench/engine_speed.py
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/reports.py
	$(BIN)/python bench/calibration.py
	$(BIN)/python bench/politeness.py
	$(BIN)/python bench/caller_consistency.py
