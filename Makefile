# The two set-up commands of the README are `make demo` and `make test`; each
# installs what it needs into .venv itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DIR := .demo
DEMO_DB := sqlite:///$(CURDIR)/$(DEMO_DIR)/scamtrace.db
DEMO_REPORTS ?= 5000
DEMO_SEED ?= 1

.PHONY: demo test lint bench install clean screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	$(BIN)/scamtrace demo-data --reports $(DEMO_REPORTS) --seed $(DEMO_SEED) --out $(DEMO_DIR)/world
	$(BIN)/scamtrace --db $(DEMO_DB) ingest $(DEMO_DIR)/world/reports.jsonl
	$(BIN)/scamtrace --db $(DEMO_DB) link
	$(BIN)/scamtrace --db $(DEMO_DB) operations --tss-only --limit 15 --format table
	$(BIN)/scamtrace --db $(DEMO_DB) serve --dev --demo-admin --host 127.0.0.1 --port 8000

# The browser tests drive Debian's chromium; a missing browser fails them rather than skipping.
test: $(STAMP)
	sh scripts/install-browser.sh
	SCAMTRACE_REQUIRE_BROWSER=1 $(BIN)/python -m pytest -q

screenshots: $(STAMP)
	SCAMTRACE_UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest -q tests/web/test_browser.py

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(DEMO_DIR) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
