"""Dataset JSON: canonical bytes out; in, the one loader every command uses.

`load_dataset` reads with a size cap, parses JSON within limits (nesting, integer digits),
checks the schema and the semantic rules, and reports each problem with its place: whatever
`retention validate` refuses, every command refuses the same way (exit 2).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from schema.models import Dataset
from scraper import source, validate
from scraper.errors import Problem, RetentionError, at, fail


def dumps(dataset: Dataset) -> str:
    """Canonical JSON: sorted keys, lists in page order, two-space indent, final newline."""
    return json.dumps(dataset.model_dump(mode="json"), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def parse_json(text: str, origin: str, subject: str = "dataset") -> object:
    """JSON within limits: malformed, too deep or too long a number is a located error."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise fail("json", f"{subject} is not JSON: {err.msg}", at(origin, err.lineno, err.colno)) from None
    except RecursionError:
        raise fail("json", f"{subject} is nested too deeply", at(origin, 1, 1)) from None
    except ValueError as err:  # an integer beyond Python's digit limit
        raise fail("json", f"{subject} holds {str(err).split(';')[0]}", at(origin, 1, 1)) from None


def loads(text: str, origin: str) -> Dataset:
    """Parse a dataset and check it: schema errors with their JSON path, then every rule."""
    raw = parse_json(text, origin)
    try:
        data = Dataset.model_validate(raw)
    except ValidationError as err:
        problems = [Problem("schema", e["msg"], f"{origin}: {_path(e['loc'])}") for e in err.errors()]
        raise RetentionError(problems) from None
    validate.check(data, origin, in_source=False)
    return data


def load_dataset(path: Path, max_bytes: int = source.DEFAULT_MAX_BYTES) -> Dataset:
    """The dataset in the file at `path` (or `-` for stdin), fully checked."""
    src = source.read(path, "text", max_bytes)
    return loads(src.text, src.origin)
