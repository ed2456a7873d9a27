"""Hatch build hook: the tool's wheel carries the newest published dataset.

`dist/retention.json` goes into the wheel as `scraper/_shipped/retention.json`, so that
`retention preflight` works outside this repository. Only for a real wheel: an editable install
reads the checkout's dist/ directly, and so still installs while dist/ is being rebuilt.
"""

from __future__ import annotations

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ShipDataset(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "standard":  # hatchling refuses the build if the file is missing
            build_data["force_include"]["dist/retention.json"] = "scraper/_shipped/retention.json"
