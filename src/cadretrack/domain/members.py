"""The Standing Committee's division of work: which member (Ủy viên Ban Thường vụ) is in
charge of which commune, from a start date until an end date or for good.

An area as offices write it is a district ("Đảng bộ huyện Đà Bắc", "TP. Hòa Bình": all of
its communes), or communes listed in one cell (commas, semicolons, "và", line breaks), or one
commune a row. Stored, it is one row a commune, like an assignment, so that the same plan
(domain.changes) ends, voids and creates them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from typing import NamedTuple

from cadretrack.domain.assignment import in_force
from cadretrack.domain.generations import official_code

_SEPARATORS = re.compile(r"\s*(?:[,;\n\r]+|\s+và\s+|\s+&\s+)\s*", re.IGNORECASE)
# "Đảng bộ huyện Đà Bắc", "Đảng ủy xã Tân Lạc", "phụ trách Đảng bộ …": the party organisation of a unit.
_ORGANISATION = re.compile(r"^(?:(?:uvbtv\s+)?phụ\s+trách\s*:?\s*)?(?:đảng\s+(?:bộ|ủy|uỷ)\s+)?", re.IGNORECASE)


def area_parts(text: str) -> list[str]:
    """The units an area cell names, each as written without "Đảng bộ": "Đảng bộ huyện Đà Bắc
    và huyện Mai Châu" is ["huyện Đà Bắc", "huyện Mai Châu"]."""
    parts = []
    for part in _SEPARATORS.split(text or ""):
        part = _ORGANISATION.sub("", part.strip(" .-–:")).strip(" .-–:")
        if part and part not in parts:
            parts.append(part)
    return parts


class MemberArea(NamedTuple):
    """One commune in a member's charge, as stored (the fields domain.changes plans with)."""

    id: int
    commune_code: str
    member_id: int
    cadre: str  # the member's name (named as the plan names a person)
    position: str
    start: dt.date
    end: dt.date | None
    decision: str
    commune: str
    district: str
    cadre_key: tuple[str, str]  # (name key, "")
    place: tuple = ()
    agency: str = ""

    @property
    def member(self) -> str:
        return self.cadre

    @property
    def official_code(self) -> str:
        return official_code(self.commune_code)

    def in_force_on(self, day: dt.date) -> bool:
        return in_force(self.start, self.end, day)


class MemberIndex:
    """The member in charge of a commune on a day, for many lookups (a national check)."""

    def __init__(self, areas: Iterable[MemberArea]) -> None:
        self._by_commune: dict[str, list[MemberArea]] = {}
        for a in sorted(areas, key=lambda a: a.start):
            self._by_commune.setdefault(a.commune_code, []).append(a)
        self._starts = {code: [a.start for a in items] for code, items in self._by_commune.items()}

    def __bool__(self) -> bool:
        return bool(self._by_commune)

    def on(self, commune_code: str, day: dt.date) -> MemberArea | None:
        items = self._by_commune.get(commune_code)
        if not items:
            return None
        i = bisect.bisect_right(self._starts[commune_code], day) - 1
        while i >= 0:  # one member at a time: the latest begun by then, if not ended
            if items[i].in_force_on(day):
                return items[i]
            i -= 1
        return None
