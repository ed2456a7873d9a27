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

.PHONY: check history
CHECK_URL ?= https://platform.claude.com/docs/en/manage-claude/api-and-data-retention
CHECK_FLAGS ?=

check: $(STAMP)  ## fetch the live page, compare with dist/ (exit 1: changed); CHECK_FLAGS=--publish publishes
	$(BIN)/retention check --url $(CHECK_URL) $(CHECK_FLAGS)

history: $(STAMP)  ## rebuild dist/ from the page's real past: the March 2026 copy, then the April 2026 copy
	rm -rf build/history-dist
	$(BIN)/retention build sources/en-mdx-2026-03.md --dist build/history-dist
	$(BIN)/retention build sources/en-text-2026-04.txt --dist build/history-dist
	rm -rf dist && mv build/history-dist dist

.PHONY: fuzz
fuzz: $(STAMP)  ## the long fuzzing profile (100 000 examples a test); figures go in the README
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -p no:cacheprovider tests/test_fuzz.py

.PHONY: bench
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)  ## costs per page and per run against the anchors; rewrites the README table
	$(BIN)/python -m tests.bench

.PHONY: converters
converters: $(STAMP)  ## rerun the converters (html2text, markdownify, pandoc, ...) over the English copies into tests/converted/
	$(BIN)/python -m tests.converters
