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
from cadretrack.domain.regime import Regime, as_regime, settle
from cadretrack.domain.rules import Rules

STATUSES = ("overdue", "late", "pending", "on_time")
# What a clerk may write for a status (--status), besides its code and the headings of the
# tables (their commas included): one word per status, never shared. "Quá hạn" is only ever
# the unfiled overdue one; a filing that came after its deadline is "nộp muộn".
STATUS_WORDS = {
    "overdue": ("quá hạn", "chưa nộp, đã quá hạn", "chưa nộp quá hạn", "đã quá hạn"),
    "late": ("nộp muộn", "muộn", "nộp chậm", "nộp quá hạn", "filed late"),
    "pending": ("còn hạn", "chưa nộp, còn trong hạn", "còn trong hạn", "chưa đến hạn"),
    "on_time": ("đúng hạn", "nộp đúng hạn", "on time"),
}


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


def owed(
    assignments: Iterable[AssignmentLike],
    rules: Rules | Regime,
    year: int,
    holidays: Collection[dt.date] = (),
) -> list[Owed]:
    """Every filing owed in `year`, by the assignment that owes it, under the rule set
    (of `rules`, one set or several in time) that governs each kind that year."""
    assignments = list(assignments)
    result: list[Owed] = []
    append = result.append
    for o in as_regime(rules).owing(year, holidays):
        rule, kind, due = o.rule, o.rule.kind, o.due
        for a in assignments:
            if in_force(a.start, a.end, due):  # owed by who follows the commune on the due date
                append(Owed(a, kind, year, due, o.basis, o.moved_from))
            elif rule.late_start_grace and due < a.start and a.start.year == year:
                late_due, late_moved = settle(a.start + dt.timedelta(days=o.rules.grace_days), o.rules, holidays)
                if late_due >= o.start:
                    append(Owed(a, kind, year, late_due, "grace", late_moved))
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
    rules: Rules | Regime,
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


def owes(assignment: AssignmentLike, kind: str, rules: Rules | Regime, year: int, holidays: Collection[dt.date] = ()) -> bool:
    return any(o.kind == kind for o in owed([assignment], rules, year, holidays))


def count(items: Iterable[Status]) -> dict[str, int]:
    counts = {"on_time": 0, "late": 0, "overdue": 0, "pending": 0}
    for item in items:
        counts[item.status] += 1
    return counts
