"""The data package: a wheel of one published dataset for consumers (`make package`).

`claude-retention-data` (import name `claude_retention_data`, free on the package index) holds
the dataset JSON byte for byte, its JSON Schema, and the typed constants module as the package
itself, with `py.typed`; it has no dependencies and is versioned as the dataset, so
`pip install -U claude-retention-data` moves a consumer to the newest page, as with `tzdata`.

The package project is generated under `build/` from a dataset file, then built by a standard
build backend (hatchling, through `pip wheel`, without network: hatchling is installed with the
`package` extra).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from schema.export import SCHEMA_PATH
from schema.models import Dataset
from scraper import dataset_io
from scraper.errors import fail
from scraper.render import render

DIST_NAME = "claude-retention-data"
IMPORT_NAME = "claude_retention_data"

_PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.21"]
build-backend = "hatchling.build"

[project]
name = "{name}"
version = "{version}"
description = "Which Claude API features ZDR and HIPAA allow: the 'API and data retention' page as data."
readme = "README.md"
requires-python = ">=3.11"
license = {{ text = "MIT" }}
dependencies = []
classifiers = ["Typing :: Typed", "Programming Language :: Python :: 3"]

[tool.hatch.build.targets.wheel]
packages = ["{package}"]
"""

_DATA_MODULE = '''\
"""The dataset and its JSON Schema as shipped in this package, read with importlib.resources."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

DATASET_FILE = files(__package__) / "retention.json"
SCHEMA_FILE = files(__package__) / "dataset.schema.json"


def dataset() -> dict[str, Any]:
    """The whole dataset (retention.json) as parsed JSON."""
    value: dict[str, Any] = json.loads(DATASET_FILE.read_text(encoding="utf-8"))
    return value


def schema() -> dict[str, Any]:
    """The dataset's JSON Schema (draft 2020-12), for validating it in other tools."""
    value: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return value
'''

_README = """\
# claude-retention-data {version}

Anthropic's "API and data retention" page as data: which Claude API features zero data
retention (ZDR) and HIPAA readiness allow. Compiled by `retention` from {origin}.
No dependencies; the version is the dataset's (major: a feature removed or eligibility
narrowed; minor: added or widened; patch: wording).

```python
import claude_retention_data as retention
from claude_retention_data.data import dataset

retention.DATASET_VERSION                          # "{version}"
retention.status("web_search", "zdr")              # "yes" | "qualified" | "no"
retention.check_request({{"model": "m", "messages": []}}, "hipaa").allowed
dataset()["features"]                              # the JSON, as published
```
"""


def _origin(data: Dataset) -> str:
    where = data.source.url or "a copy of the page"
    return f"{where} (the page as of {data.source.date})" if data.source.date else where


def project(dataset_path: Path, where: Path) -> tuple[Path, Dataset]:
    """Write the package project for the dataset at `dataset_path` into `where` (replaced)."""
    text = dataset_path.read_text(encoding="utf-8") if dataset_path.is_file() else None
    if text is None:
        raise fail("dataset", f"no dataset at {dataset_path}: run `make build` first", str(dataset_path))
    data = dataset_io.loads(text, str(dataset_path))
    shutil.rmtree(where, ignore_errors=True)
    package = where / IMPORT_NAME
    package.mkdir(parents=True)
    version = data.dataset_version
    (where / "pyproject.toml").write_text(_PYPROJECT.format(name=DIST_NAME, version=version, package=IMPORT_NAME))
    (where / "README.md").write_text(_README.format(version=version, origin=_origin(data)), encoding="utf-8")
    (package / "__init__.py").write_text(render(data, "python"), encoding="utf-8")
    (package / "data.py").write_text(_DATA_MODULE, encoding="utf-8")
    (package / "retention.json").write_text(text, encoding="utf-8")
    (package / "dataset.schema.json").write_text(SCHEMA_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    (package / "py.typed").write_text("")
    return where, data


def build_wheel(dataset_path: Path, out: Path) -> Path:
    """Generate the project under `out` and build its wheel into `out`; the wheel's path."""
    import importlib.util

    if importlib.util.find_spec("hatchling") is None:
        raise fail("package", "the build backend hatchling is not installed: pip install '.[package]'", "hatchling")
    where, data = project(dataset_path, out / "package-src")
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index"]
    done = subprocess.run([*command, "--wheel-dir", str(out), str(where)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"building the data package failed:\n{done.stdout}{done.stderr}")
    wheel = out / f"{IMPORT_NAME}-{data.dataset_version}-py3-none-any.whl"
    if not wheel.is_file():
        raise RuntimeError(f"the build did not leave {wheel}")
    return wheel


def main(argv: list[str] | None = None) -> int:
    """`python -m scraper.publish.package DATASET [--out DIR]`: build the data package's wheel into DIR."""
    import argparse

    from scraper.errors import RetentionError, report

    parser = argparse.ArgumentParser(prog="python -m scraper.publish.package", description=main.__doc__)
    parser.add_argument("dataset", type=Path, nargs="?", default=Path("dist/retention.json"))
    parser.add_argument("--out", type=Path, default=Path("build"), help="where the wheel goes (default build/)")
    args = parser.parse_args(argv)
    try:
        print(build_wheel(args.dataset, args.out))
    except RetentionError as exc:
        return report(exc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
