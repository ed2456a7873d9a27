"""Dataset JSON: canonical bytes out, located errors in."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from schema.models import Dataset
from scraper.errors import Problem, RetentionError, at, fail


def dumps(dataset: Dataset) -> str:
    """Canonical JSON: sorted keys, lists in page order, two-space indent, final newline."""
    return json.dumps(dataset.model_dump(mode="json"), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def loads(text: str, origin: str) -> Dataset:
    """Parse and schema-check a dataset; every schema error is reported with its JSON path."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as err:
        raise fail("json", err.msg, at(origin, err.lineno, err.colno)) from None
    except RecursionError:
        raise fail("json", "nested too deeply", at(origin, 1, 1)) from None
    try:
        return Dataset.model_validate(raw)
    except ValidationError as err:
        problems = [Problem("schema", e["msg"], f"{origin}: {_path(e['loc'])}") for e in err.errors()]
        raise RetentionError(problems) from None


def read(path: Path) -> Dataset:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise fail("unreadable", str(err), str(path)) from None
    return loads(text, str(path))
