"""The files that ship inside the package (src/cadretrack/data): the built-in rules, the
gazetteer, the reform table, the list of titles, the letter template, the sample data."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def bundled_path(*parts: str) -> Path:
    return Path(str(resources.files("cadretrack").joinpath("data", *parts)))


def bundled_text(*parts: str) -> str:
    return resources.files("cadretrack").joinpath("data", *parts).read_text("utf-8")
