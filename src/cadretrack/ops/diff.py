"""`diff --since WHEN|FILE`: what changed between the ledger as known at a moment (or at the
moment an exported document's stamp names) and the ledger now, for one year.

Both sides are ordinary `check` reports (the "before" one on the ledger as known then);
items are matched by assignment, kind and year. A filing that appeared is `filed`, one that
took another's place `replaced`, one that went `withdrawn`, a status that moved by the clock
alone `status`; assignments that began, ended, moved or were voided are `assignment`.
Each change names the change set that made it (from the journal), its time and command."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from cadretrack.bulk import collector_paused
from cadretrack.ops.check import run_check
from cadretrack.ops.known import known_upto
from cadretrack.store.assignments import load_assignments
from cadretrack.store.known import changeset_rows, last_changeset, touched_after
from cadretrack.store.ledger import Ledger


@dataclass
class Diff:
    since: str  # the moment of the before side (UTC ISO: the last change set it includes)
    until: str  # the last change set now
    year: int
    as_of: dt.date  # the after side's
    as_of_before: dt.date
    counts_before: dict
    counts_after: dict
    changes: list[dict] = field(default_factory=list)
    rules: object = None  # the after side's rules (the kinds' labels)

    def as_dict(self) -> dict:
        return {"since": self.since or None, "until": self.until or None, "year": self.year,
                "as_of": self.as_of.isoformat(), "as_of_before": self.as_of_before.isoformat(),
                "counts_before": self.counts_before, "counts_after": self.counts_after, "changes": self.changes}


def run_diff(db: Ledger, upto: int, since: str, year: int, as_of_before: dt.date, as_of: dt.date) -> Diff:
    """The differences between the ledger as known up to change set `upto` (as of
    `as_of_before`) and the ledger now (as of `as_of`)."""
    now = last_changeset(db)
    view, _ = known_upto(db, upto)
    with collector_paused():
        try:
            before = run_check(view, year, as_of_before, include_all=True)
            assignments_before = {a.id: a for a in load_assignments(view)}
        finally:
            if view is not db:
                view.close()
        after = run_check(db, year, as_of, include_all=True)
        assignments_after = {a.id: a for a in load_assignments(db)}
    touched = touched_after(db, upto, ("filings", "assignments"))
    result = Diff(since, now.at, year, as_of, as_of_before, before.counts, after.counts, rules=after.rules)
    old = {_key(i): i for i in before.scope}
    filed_before = {i.filing.id for i in before.scope if i.filing is not None}
    filed_after = {i.filing.id for i in after.scope if i.filing is not None}
    changes = []
    for item in after.scope:
        was = old.pop(_key(item), None)
        if was is None:  # owed under an assignment that is new since: listed with it, and its filing
            new = item.filing is not None and item.filing.id not in filed_before
            if new and ("filings", item.filing.id) in touched:
                changes.append((item, "filed", touched.get(("filings", item.filing.id)), None, item.status))
            continue
        change, row = _filing_change(was, item)
        if change:
            changes.append((item, change, touched.get(("filings", row)) if row else None, was.status, item.status))
    # Owed then under an assignment changed since: its filing, if a change set since took it out
    # (one merely no longer owed by that assignment is the assignment's change, listed below).
    for was in old.values():
        gone = was.filing is not None and was.filing.id not in filed_after
        if gone and ("filings", was.filing.id) in touched:
            changes.append((was, "withdrawn", touched.get(("filings", was.filing.id)), was.status, None))
    changes.sort(key=lambda c: (c[0].owed.assignment.place, c[0].owed.kind, c[0].owed.due))
    sets = changeset_rows(db, {c[2] for c in changes if c[2]} | {cs for (tbl, _), cs in touched.items()
                                                                  if tbl == "assignments"})
    for item, change, changeset, was, now_status in changes:
        a = item.owed.assignment
        result.changes.append({
            "change": change, **_changeset(changeset, sets), "kind": item.owed.kind, "year": item.owed.year,
            "commune_code": a.commune_code, "commune": a.commune, "cadre": a.cadre, "before": was,
            "after": now_status,
        })
    result.changes += _assignment_changes(assignments_before, assignments_after, touched, sets, year)
    return result


def diff_since_document(db: Ledger, path, year: int | None, as_of: dt.date) -> Diff:
    """`diff --since FILE`: from the moment, year and as-of date the document's stamp names."""
    from cadretrack.errors import CadretrackError
    from cadretrack.ops.verify_document import document_stamp
    from cadretrack.store.ledger import ledger_identity

    stamp = document_stamp(path)
    if stamp.ledger != ledger_identity(db):
        raise CadretrackError("diff_other_ledger", path=str(path))
    if year is not None and year != stamp.year:
        raise CadretrackError("diff_file_year", path=str(path), year=year, stamped=stamp.year)
    if stamp.changeset > last_changeset(db).changeset:
        raise CadretrackError("diff_other_ledger", path=str(path))
    return run_diff(db, stamp.changeset, stamp.at, stamp.year, stamp.as_of, as_of)


def _key(item) -> tuple:
    return item.owed.assignment.id, item.owed.kind, item.owed.year


def _filing_change(was, now) -> tuple[str | None, int | None]:
    """The kind of change of one obligation, and the filing row whose journal names its change set."""
    a, b = was.filing, now.filing
    if a is None and b is not None:
        return "filed", b.id
    if a is not None and b is None:
        return "withdrawn", a.id
    if a is not None and b is not None and a.id != b.id:
        return "replaced", b.id
    if was.status != now.status:
        return "status", None
    return None, None


def _changeset(changeset: int | None, sets: dict) -> dict:
    at, command = sets.get(changeset, (None, None))
    return {"changeset": changeset, "at": at, "command": " ".join(json.loads(command)) if command else None}


FIELDS = ("cadre", "agency", "position", "start", "end", "decision")


def _assignment_changes(before: dict, after: dict, touched: dict, sets: dict, year: int) -> list[dict]:
    """Assignments of the year (to the end of the next: a deadline may fall there) that changed."""
    first, last = dt.date(year, 1, 1), dt.date(year + 1, 12, 31)

    def of_year(a) -> bool:
        return a is not None and a.start <= last and (a.end is None or a.end >= first)

    out = []
    for (tbl, row), changeset in sorted(touched.items(), key=lambda kv: (kv[1], kv[0][1])):
        if tbl != "assignments":
            continue
        a, b = before.get(row), after.get(row)
        if not (of_year(a) or of_year(b)):
            continue
        values_a = _values(a)
        values_b = _values(b)
        if values_a == values_b:
            continue
        changed = [k for k in FIELDS if values_a.get(k) != values_b.get(k)]
        some = b or a
        out.append({
            "change": "assignment", **_changeset(changeset, sets), "kind": None, "year": None,
            "commune_code": some.commune_code, "commune": some.commune, "cadre": some.cadre,
            "before": {k: values_a.get(k) for k in changed} if a else None,
            "after": {k: values_b.get(k) for k in changed} if b else None,
        })
    return out


def _values(a) -> dict:
    if a is None:
        return {}
    return {"cadre": a.cadre, "agency": a.agency, "position": a.position, "start": a.start.isoformat(),
            "end": a.end.isoformat() if a.end else None, "decision": a.decision or None}
