# Two commands on a fresh machine with Python 3.11+:  `make run`  and  `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test bench evals ingest typecheck clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.X)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)  ## venv + the project with its dev extras

ingest: install  ## build the index of the default guide (idempotent)
	$(BIN)/hiring-assistant ingest

run: ingest  ## the web app on http://127.0.0.1:7860, offline unless an LLM is configured
	$(BIN)/hiring-assistant ui

test: install  ## the full test suite (browser tests need Debian's chromium; .ci/run installs it)
	$(BIN)/python -m pytest

typecheck: install  ## mypy over the package (pydantic plugin)
	$(BIN)/mypy

bench: install  ## performance figures (prints, asserts nothing)
	$(BIN)/hiring-assistant bench

evals: install  ## the eval datasets: retrieval/abstention, job ads, interview notes
	$(BIN)/python evals/run_qa.py
	$(BIN)/python evals/run_ads.py
	$(BIN)/python evals/run_notes.py
	@echo "--- held-out notes (report only, not used for tuning):"
	$(BIN)/python evals/run_notes.py --dir evals/notes-heldout

clean:
	rm -rf $(VENV) .data evals/results tests/screenshots .pytest_cache
