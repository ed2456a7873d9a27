"""The one jinja2 Environment every output is rendered with.

Templates come from templates/ (shipped in the wheel); data is only ever passed as values to
`render`, never as template source, so `{{ }}` or `{% %}` inside the data is just text.
StrictUndefined turns a misspelt name in a template into an error instead of an empty string.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from scraper.render.escape import code, fenced, md, safe_url
from scraper.render.literal import py_literal
from scraper.resources import templates_dir


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update({"repr": py_literal, "md": md, "code": code, "fenced": fenced})
    env.tests["safe_url"] = safe_url
    return env


def render(template: str, **values: Any) -> str:
    """Render templates/`template` with `values` as its variables."""
    return environment().get_template(template).render(**values)
