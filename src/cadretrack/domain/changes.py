"""What an assignment list changes in the ledger: a pure plan, computed before any write.

Full list (the default): the file is the whole list from the effective date on.
Assignments in force that the file repeats stay; new ones start on that date;
in-force ones the file leaves out end the day before. With `amend`, only the
listed communes change hands. An assignment that would end before it began (it
starts on the effective date itself) is voided instead: it never took effect.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cadretrack.domain.agencies import position_key


@dataclass(frozen=True)
class Wanted:
    """One resolved row of the file: this cadre follows this commune."""

    sheet: str
    row: int
    commune_code: str
    commune_label: str
    cadre: str
    agency: str
    cadre_key: tuple[str, str]
    position: str
    note: str


@dataclass
class Plan:
    effective: dt.date
    create: list[Wanted] = field(default_factory=list)
    end: list = field(default_factory=list)  # stored assignments to end on effective - 1
    void: list = field(default_factory=list)  # stored assignments that never took effect
    unchanged: list = field(default_factory=list)
    reposition: list = field(default_factory=list)  # (stored, Wanted) with a new position
    conflicts: list = field(default_factory=list)  # (Wanted or None, stored later assignment)
    in_force: int = 0  # assignments in force on the effective date, before the plan

    @property
    def ending(self) -> int:
        """How many assignments in force (or starting on the date) the plan ends or voids."""
        return len(self.end) + len(self.void)

    @property
    def changes(self) -> int:
        return len(self.create) + len(self.end) + len(self.void) + len(self.reposition)

    def counts(self) -> dict[str, int]:
        return {
            "created": len(self.create),
            "ended": self.ending,
            "unchanged": len(self.unchanged),
            "updated": len(self.reposition),
        }


def plan_changes(wanted: list[Wanted], stored: list, effective: dt.date, amend: bool) -> Plan:
    """The plan that makes the ledger agree with the file from `effective` on.

    `stored` are the ledger's assignments (objects with commune_code, cadre_key,
    position, start, end, in_force_on()). Assignments that begin after the
    effective date are conflicts: lists must be imported in date order.
    """
    plan = Plan(effective=effective)
    current: dict[str, object] = {}
    later: dict[str, list] = {}
    for a in stored:
        if a.in_force_on(effective):
            current[a.commune_code] = a
        elif a.start > effective:
            later.setdefault(a.commune_code, []).append(a)
    plan.in_force = len(current)
    listed = set()
    for w in wanted:
        listed.add(w.commune_code)
        for a in later.get(w.commune_code, []):
            plan.conflicts.append((w, a))
        a = current.get(w.commune_code)
        if a is not None and a.cadre_key == w.cadre_key:
            if w.position and position_key(w.position, w.agency) != position_key(a.position, a.agency):
                plan.reposition.append((a, w))
            else:
                plan.unchanged.append(a)
            continue
        if a is not None:
            _retire(plan, a, effective)
        plan.create.append(w)
    if not amend:
        for code, a in current.items():
            if code not in listed:
                _retire(plan, a, effective)
        for code, items in later.items():
            if code not in listed:
                plan.conflicts.extend((None, a) for a in items)
    return plan


def _retire(plan: Plan, a, effective: dt.date) -> None:
    if a.start >= effective:
        plan.void.append(a)
    else:
        plan.end.append(a)
