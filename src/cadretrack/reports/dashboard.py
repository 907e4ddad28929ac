"""The web app's overview of a year: per kind, per place and per member in charge, the four
statuses with counts and shares. Computed from the same statuses `check` lists (its scope),
so every figure equals `check --format json` for the same year, as-of date and filters."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from cadretrack.domain.obligations import STATUSES, Status
from cadretrack.reports.summary import place_grouping


@dataclass
class Tally:
    label: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    filter: dict[str, str] = field(default_factory=dict)  # the list's filter behind this row

    @property
    def owed(self) -> int:
        return sum(self.counts.values())

    def share(self, status: str) -> float:
        return self.counts[status] / self.owed if self.owed else 0.0


@dataclass
class Overview:
    total: Tally
    kinds: list[Tally]
    places: list[Tally]
    place_heading: str
    members: list[Tally] | None  # None: the ledger does not know who is in charge of whom


def _tallies(items: list[Status], key, label, filter_of) -> list[Tally]:
    rows: dict = {}
    for (k, status), n in Counter((key(i), i.status) for i in items).items():
        row = rows.get(k)
        if row is None:
            row = rows[k] = Tally(label(k), filter=filter_of(k))
        row.counts[status] += n
    return list(rows.values())


def overview(items: list[Status], kinds: dict[str, str]) -> Overview:
    """`items`: every filing owed in the scope, in the check's order; `kinds`: key -> label,
    in the rules' order."""
    total = Tally("", filter={})
    for status, n in Counter(i.status for i in items).items():
        total.counts[status] = n
    by_kind = {t.filter["kind"]: t for t in _tallies(items, lambda i: i.owed.kind, kinds.get, lambda k: {"kind": k})}
    group, heading, _ = place_grouping(items) if items else (None, "", "")
    districts = bool(items) and all(i.owed.assignment.district for i in items)
    places = _tallies(items, group, str, lambda k: {"district": k} if districts else {}) if items else []
    members = None
    if items and hasattr(items[0].owed.assignment, "member"):  # seam: the member in charge (issue #30)
        members = sorted(_tallies(items, lambda i: i.owed.assignment.member or "", str,
                                  lambda k: {}), key=lambda t: t.label)
    return Overview(total, [by_kind[k] for k in kinds if k in by_kind], places, heading, members)
