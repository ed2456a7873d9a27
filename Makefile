# Two set-up commands: `make build` (the main job) and `make test`; each makes .venv if missing.
# `make build` installs only what the tool needs to run; `make test` adds the development tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
PACKAGE_STAMP := $(VENV)/.installed-package

.PHONY: build test lint typecheck golden clean package

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(DEV_STAMP)

$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $(PACKAGE_STAMP)

build: $(STAMP)  ## compile the newest bundled copy of the page into dist/
	$(BIN)/retention build

package: $(PACKAGE_STAMP)  ## the data package: build/claude_retention_data-<dataset_version>-py3-none-any.whl
	$(BIN)/python -m scraper.publish.package dist/retention.json --out build

test: $(DEV_STAMP) lint typecheck  ## ruff, mypy --strict, then pytest
	$(BIN)/python -m pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check scraper schema tests

typecheck: $(DEV_STAMP)
	$(BIN)/mypy --strict scraper schema tests

golden: $(DEV_STAMP)  ## rewrite the golden files from the current code; review the diff
	$(BIN)/python -m tests.regenerate

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache

.PHONY: check history
CHECK_URL ?= https://platform.claude.com/docs/en/manage-claude/api-and-data-retention
CHECK_FLAGS ?=

check: $(STAMP)  ## fetch the live page, compare with dist/ (exit 1: changed); CHECK_FLAGS=--publish publishes
	$(BIN)/retention check --url $(CHECK_URL) $(CHECK_FLAGS)

history: $(STAMP)  ## rebuild dist/ from the page's real past: every copy sources/manifest.json lists, in order
	rm -rf build/history-dist
	$(BIN)/python -m scraper.publish.replay sources/manifest.json --dist build/history-dist
	rm -rf dist && mv build/history-dist dist

.PHONY: fuzz
fuzz: $(DEV_STAMP)  ## the long fuzzing profile (100 000 examples a test); figures go in the README
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -p no:cacheprovider tests/test_fuzz.py

.PHONY: bench
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): $(DEV_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)  ## costs per page and per run against the anchors; rewrites the README table
	$(BIN)/python -m tests.bench

.PHONY: converters
CONVERTERS_STAMP := $(VENV)/.converters-installed
$(CONVERTERS_STAMP): $(DEV_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,converters]'
	touch $(CONVERTERS_STAMP)

converters: $(CONVERTERS_STAMP)  ## rerun the converters (html2text, markdownify, pandoc, ...) over the English copies into tests/converted/
	$(BIN)/python -m tests.converters
