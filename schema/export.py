"""The JSON Schema of the dataset, exported from the models for consumers in other languages."""

from __future__ import annotations

import json
from pathlib import Path

from schema.models import Dataset

SCHEMA_PATH = Path(__file__).resolve().parent / "dataset.schema.json"


def schema_json() -> str:
    """The schema as canonical JSON text (sorted keys, final newline)."""
    schema = Dataset.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://retention.invalid/dataset.schema.json"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(schema_json(), encoding="utf-8")
