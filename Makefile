# Two set-up commands: `make build` (the main job) and `make test`; each makes .venv if missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test lint typecheck golden clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

build: $(STAMP)  ## compile the bundled page into dist/
	$(BIN)/retention build

test: $(STAMP) lint typecheck  ## ruff, mypy --strict, then pytest
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check scraper schema tests

typecheck: $(STAMP)
	$(BIN)/mypy --strict scraper schema tests

golden: $(STAMP)  ## rewrite the golden files from the current code; review the diff
	$(BIN)/python -m tests.regenerate

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
