"""Generations of administrative units: which units are in force on a date.

A ledger begins with one generation, in force since always. The 2025 reform adds a
second from 01/07/2025: names then resolve to the new units, while everything dated
before stays with the old ones. Pure functions of the generations as stored.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

SEPARATOR = "@"


class Generation(NamedTuple):
    id: int
    effective: dt.date | None  # None: the first generation, in force since always
    source: str = ""
    province: str = ""


class Link(NamedTuple):
    """An old unit and a new unit it became (part of); keys as the ledger stores them."""

    old: str
    new: str
    part: str  # "whole" or "part"


def unit_key(official: str, generation: int) -> str:
    """The ledger's key of a unit: its official code, marked with its generation after the first."""
    return official if generation == 1 else f"{official}{SEPARATOR}{generation}"


def official_code(key: str) -> str:
    """The official code of a unit from its ledger key."""
    return key.partition(SEPARATOR)[0]


def generation_of(key: str) -> int:
    return int(key.partition(SEPARATOR)[2] or 1)


def in_force(generations: list[Generation], day: dt.date) -> Generation:
    """The generation in force on a day (the first one before every later one began)."""
    current = generations[0]
    for g in generations[1:]:
        if g.effective is not None and g.effective <= day:
            current = g
    return current


def ends(generations: list[Generation], generation: int) -> dt.date | None:
    """The day a generation's units were abolished (the next one took effect), or None."""
    later = [g.effective for g in generations if g.id > generation and g.effective is not None]
    return min(later) if later else None
