# Two commands for a fresh machine:
#   make run    create .venv, install requirements.txt, serve the dashboard
#   make test   install the app, the test tools and Chromium, run every test
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
APP_STAMP := $(VENV)/.app-installed
DEV_STAMP := $(VENV)/.dev-installed
CHROMIUM_PATH ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export CHROMIUM_PATH

.PHONY: help install install-dev browser-deps db-deps run test test-fast lint screenshots bench clean

help:
	@echo "make run          install and serve the dashboard (honours STREAMLIT_SERVER_PORT)"
	@echo "make test         install everything and run every test (unit, AppTest, PostgreSQL, browser)"
	@echo "make test-fast    run the tests without the browser ones"
	@echo "make screenshots  screenshot every page in both languages into screenshots/"
	@echo "make bench        run the benchmarks in bench/ and print their figures"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(APP_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install -r requirements.txt
	touch $@

$(DEV_STAMP): requirements-dev.txt $(APP_STAMP)
	$(PY) -m pip install -r requirements-dev.txt
	touch $@

install: $(APP_STAMP)

install-dev: $(DEV_STAMP)

# Debian's Chromium (Playwright's own browser download cannot work offline)
# and CJK fonts so that Korean renders in screenshots; nginx for the test of
# deploy/nginx.conf's security headers (tests/test_browser_csp.py, skipped without it).
browser-deps:
	@if [ -x "$(CHROMIUM_PATH)" ] && { ! command -v dpkg >/dev/null || dpkg -s fonts-noto-cjk >/dev/null 2>&1; }; then \
		echo "chromium and fonts present"; \
	elif command -v apt-get >/dev/null; then \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium fonts-noto-cjk; \
	else \
		echo "Install Chromium and set CHROMIUM_PATH=/path/to/chromium for the browser tests"; exit 1; \
	fi
	@if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then \
		echo "nginx present"; \
	elif command -v apt-get >/dev/null; then \
		{ $(SUDO) apt-get install -y -q nginx || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q nginx; }; }; \
	else \
		echo "nginx not found: the CSP tests will be skipped"; \
	fi

# Debian's PostgreSQL server binaries: the class-mode tests start their own
# throw-away server (initdb + pg_ctl in a temporary folder); nothing is enabled.
db-deps:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || [ -n "$$PG_BIN" ]; then \
		echo "postgresql present"; \
	elif command -v apt-get >/dev/null; then \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q postgresql; \
	else \
		echo "Install PostgreSQL (initdb, pg_ctl) and set PG_BIN=/path/to/its/bin for the class-mode tests"; exit 1; \
	fi

run: install
	$(BIN)/streamlit run dashboard.py

# Two pytest-xdist workers (one per core here); a module that starts its own server,
# and the claims' ResNet sweep, stay on one worker (xdist_group marks, --dist loadgroup).
# PYTEST_WORKERS=0 runs everything in one process.
PYTEST_WORKERS ?= 2
PYTEST_PARALLEL := $(if $(filter 0,$(PYTEST_WORKERS)),,-n $(PYTEST_WORKERS) --dist loadgroup)

test: install-dev browser-deps db-deps
	$(PY) -m pytest $(PYTEST_PARALLEL)

test-fast: install-dev db-deps
	$(PY) -m pytest $(PYTEST_PARALLEL) -m "not browser"

lint: install-dev
	$(BIN)/ruff check .

screenshots: install-dev browser-deps
	$(PY) scripts/screenshots.py --out screenshots

bench: install-dev browser-deps
	@for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache screenshots
