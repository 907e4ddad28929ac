"""The obligation engine: what each assignment owes in a year, by when, and its status.

Pure functions of (assignments, filings, rules, year, as-of date). The brief's rules:

* A filing of year Y is owed by the assignment in force on its due date in Y.
* An assignment that begins after a kind's due date in Y (kinds with
  late_start_grace, i.e. the program) still owes it, due grace_days after it begins.
* Nothing is owed whose due date falls before the regulation took effect.
* Only filings dated on or before the as-of date count.

Statuses: on_time (filed on or before the due date), late (filed after it),
overdue (not filed, due date passed), pending (not filed, not yet due).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from typing import NamedTuple, Protocol

from cadretrack.domain.assignment import in_force
from cadretrack.domain.rules import KindRule, Rules

STATUSES = ("overdue", "late", "pending", "on_time")


class AssignmentLike(Protocol):
    id: int
    commune_code: str
    start: dt.date
    end: dt.date | None


class Filing(NamedTuple):
    """A filing as recorded. Records here are immutable named tuples: cheap to make by
    the tens of thousands, and safe to share."""

    id: int
    assignment_id: int
    kind: str
    year: int
    filed: dt.date
    number: str = ""
    rating: str = ""
    score: float | None = None
    note: str = ""


class Owed(NamedTuple):
    assignment: AssignmentLike
    kind: str
    year: int
    due: dt.date
    basis: str  # "deadline", "override" or "grace"
    moved_from: dt.date | None = None  # the last on-time day before a weekend/holiday shift


class Status(NamedTuple):
    owed: Owed
    filing: Filing | None
    status: str
    days_late: int | None


def _month_day(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29/02 in a common year
        return dt.date(year, month, 28)


def next_working_day(day: dt.date, holidays: Collection[dt.date]) -> dt.date:
    while day.weekday() >= 5 or day in holidays:
        day += dt.timedelta(days=1)
    return day


def deadline(rule: KindRule, year: int) -> tuple[dt.date, str]:
    """The last on-time day of a kind in a year, before any weekend shift, and its basis."""
    if year in rule.overrides:
        return rule.overrides[year], "override"
    day = _month_day(year, rule.month, rule.day)
    if rule.before:
        day -= dt.timedelta(days=1)
    return day, "deadline"


def _settle(day: dt.date, rules: Rules, holidays: Collection[dt.date]) -> tuple[dt.date, dt.date | None]:
    if not rules.next_working_day:
        return day, None
    moved = next_working_day(day, holidays)
    return moved, (day if moved != day else None)


def owed(
    assignments: Iterable[AssignmentLike],
    rules: Rules,
    year: int,
    holidays: Collection[dt.date] = (),
) -> list[Owed]:
    """Every filing owed in `year`, by the assignment that owes it."""
    assignments = list(assignments)
    result: list[Owed] = []
    append = result.append
    for kind, rule in rules.kinds.items():
        nominal, basis = deadline(rule, year)
        due, moved_from = _settle(nominal, rules, holidays)
        if due < rules.effective:
            continue
        for a in assignments:
            if in_force(a.start, a.end, due):  # owed by who follows the commune on the due date
                append(Owed(a, kind, year, due, basis, moved_from))
            elif rule.late_start_grace and due < a.start and a.start.year == year:
                late_due, late_moved = _settle(
                    a.start + dt.timedelta(days=rules.grace_days), rules, holidays
                )
                if late_due >= rules.effective:
                    result.append(Owed(a, kind, year, late_due, "grace", late_moved))
    return result


def status_of(owed_item: Owed, filing: Filing | None, as_of: dt.date) -> Status:
    if filing is not None and filing.filed <= as_of:
        if filing.filed <= owed_item.due:
            return Status(owed_item, filing, "on_time", None)
        return Status(owed_item, filing, "late", (filing.filed - owed_item.due).days)
    if as_of > owed_item.due:
        return Status(owed_item, None, "overdue", (as_of - owed_item.due).days)
    return Status(owed_item, None, "pending", None)


def statuses(
    assignments: Iterable[AssignmentLike],
    filings: Iterable[Filing],
    rules: Rules,
    year: int,
    as_of: dt.date,
    holidays: Collection[dt.date] = (),
) -> list[Status]:
    """The status of every filing owed in `year` as of `as_of`.

    `filings` are the current (not superseded) filings; each counts for the
    assignment, kind and year it was recorded for.
    """
    by_key = {(f.assignment_id, f.kind, f.year): f for f in filings}
    return [
        status_of(o, by_key.get((o.assignment.id, o.kind, o.year)), as_of)
        for o in owed(assignments, rules, year, holidays)
    ]


def owes(assignment: AssignmentLike, kind: str, rules: Rules, year: int, holidays: Collection[dt.date] = ()) -> bool:
    return any(o.kind == kind for o in owed([assignment], rules, year, holidays))


def count(items: Iterable[Status]) -> dict[str, int]:
    counts = {"on_time": 0, "late": 0, "overdue": 0, "pending": 0}
    for item in items:
        counts[item.status] += 1
    return counts
