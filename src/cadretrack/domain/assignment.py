"""An assignment (a cadre following a commune from a start date, until an end date or
for good) and the one rule of when it is in force."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from cadretrack.domain.generations import official_code


def in_force(start: dt.date, end: dt.date | None, day: dt.date) -> bool:
    """In force on `day`: begun by then, and not ended before it (`end` is its last day)."""
    return start <= day and (end is None or end >= day)


def in_force_between(start: dt.date, end: dt.date | None, first: dt.date, last: dt.date) -> bool:
    """In force on some day from `first` to `last`, both included."""
    return start <= last and (end is None or end >= first)


class Assignment(NamedTuple):
    """One assignment as stored, with its cadre and commune spelled out."""

    id: int
    commune_code: str
    cadre_id: int
    cadre: str
    agency: str
    position: str
    start: dt.date
    end: dt.date | None
    decision: str
    commune: str
    district: str
    province: str
    cadre_key: tuple[str, str]
    commune_type: str = ""
    place: tuple = ()  # (generation, province, district, commune code) as numbers: the stable order

    @property
    def official_code(self) -> str:
        """The commune's official code (commune_code is the ledger's key of the unit)."""
        return official_code(self.commune_code)

    def in_force_on(self, day: dt.date) -> bool:
        return in_force(self.start, self.end, day)


def during_year(assignments: Iterable, year: int) -> list:
    """The assignments in force on some day of `year`."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return [a for a in assignments if in_force_between(a.start, a.end, first, last)]
