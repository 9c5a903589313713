# Two commands on a fresh machine with Python 3.11+:  `make run`  and  `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV     := $(VENV)/.dev-installed
SOURCES := $(shell find assistant prompts knowledge examples -type f -not -path '*/__pycache__/*' 2>/dev/null)

.PHONY: install install-dev run test bench evals evals-local ingest typecheck lint format clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.X)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The app is installed as users get it (a regular install, runtime dependencies only); it is reinstalled when the
# sources change. The dev install is editable, for the tests.
$(RUNTIME): pyproject.toml $(SOURCES) | $(BIN)/python
	@if [ -f $(DEV) ]; then touch $(RUNTIME); else $(BIN)/python -m pip install --quiet . && touch $(RUNTIME); fi

$(DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(DEV) $(RUNTIME)

install: $(RUNTIME)  ## venv + the project (runtime dependencies only)

install-dev: $(DEV)  ## venv + the project with its dev extras (tests, type checks, lint)

ingest: install  ## build the index of the default guide (idempotent)
	$(BIN)/hiring-assistant ingest

run: ingest  ## the web app on http://127.0.0.1:7860, offline unless an LLM is configured
	$(BIN)/hiring-assistant ui

test: install-dev  ## the full test suite (browser tests need Debian's chromium; .ci/run installs it)
	$(BIN)/python -m pytest

typecheck: install-dev  ## mypy over the package (pydantic plugin)
	$(BIN)/mypy

lint: install-dev  ## ruff: lint rules and formatting check
	$(BIN)/ruff check assistant tests evals
	$(BIN)/ruff format --check assistant tests evals

format: install-dev  ## ruff: apply formatting and safe fixes
	$(BIN)/ruff check --fix assistant tests evals
	$(BIN)/ruff format assistant tests evals

bench: install-dev  ## performance figures (prints, asserts nothing)
	$(BIN)/hiring-assistant bench

evals: install-dev  ## the eval suites, dev and test side by side, QA beside three baselines (hiring-assistant eval)
	$(BIN)/hiring-assistant eval --suite all

# The same suites through the local model, beside the offline engine on the same cases: quality, latency p50/p95,
# calls and tokens per job. Needs ASSISTANT_LLM_GGUF or the cached model (`$(BIN)/python evals/local_model.py fetch`,
# once; nothing is downloaded here). Hours on 2 cores: narrow it, e.g. make evals-local EVALS_LOCAL_ARGS="--limit 4".
EVALS_LOCAL_ARGS ?= --deadline 600
evals-local: install-dev  ## the eval suites through the local GGUF model beside offline (hiring-assistant eval --backend local)
	nice -n 10 $(BIN)/hiring-assistant eval --backend local --suite all $(EVALS_LOCAL_ARGS)

clean:
	rm -rf $(VENV) .data evals/results tests/screenshots .pytest_cache
