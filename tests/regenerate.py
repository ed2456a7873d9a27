"""`make golden`: rewrite every golden file from the current code. Review the diff before committing."""

from __future__ import annotations

from schema.export import SCHEMA_PATH, schema_json
from scraper.compiler import compile_source
from scraper.dataset_io import dumps
from scraper.render import render
from scraper.source import read
from tests.conftest import BUNDLED, GOLDEN


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    bundled = compile_source(read(BUNDLED))
    (GOLDEN / "bundled.json").write_text(dumps(bundled), encoding="utf-8")
    SCHEMA_PATH.write_text(schema_json(), encoding="utf-8")
    (GOLDEN / "retention.md").write_text(render(bundled, "markdown"), encoding="utf-8")
    (GOLDEN / "retention_constants.py").write_text(render(bundled, "python"), encoding="utf-8")
    print(f"wrote bundled.json, retention.md, retention_constants.py in {GOLDEN}, and {SCHEMA_PATH}")


if __name__ == "__main__":
    main()
