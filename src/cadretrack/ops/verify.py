"""`verify`: SQLite's own checks, then named domain checks, all reported in one run.

Each check is a plain function (context) -> Problems with a stable code and a level.
Errors mean corruption or a contradiction in the ledger (exit 1); warnings are
advice (exit 0).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cadretrack.domain.dates import format_date
from cadretrack.domain.obligations import owes
from cadretrack.domain.regime import Regime
from cadretrack.domain.unitset import Units
from cadretrack.context import Run
from cadretrack.errors import CadretrackError, Problem
from cadretrack.ops.calendar import holidays_for
from cadretrack.ops.ledger import load_regime, open_ledger
from cadretrack.store.assignments import load_assignments
from cadretrack.store.filings import load_filings
from cadretrack.store.members import load_member_areas
from cadretrack.store.ledger import Ledger, foreign_key_faults, integrity_faults
from cadretrack.store.units import load_units, unknown_commune_codes


DAMAGED_KEYS = ("ledger_damaged", "ledger_damaged_no_backup")


def finding(code: str, level: str, key: str, **fields) -> Problem:
    return Problem(key, fields, code=code, level=level)


@dataclass
class Facts:
    """What the domain checks read, loaded once."""

    db: Ledger
    assignments: list
    filings: list
    regime: Regime
    units: Units
    today: dt.date
    members: list = field(default_factory=list)  # the members' areas (MemberArea)


def _foreign_keys(v: Facts):
    for table, rowid, parent in foreign_key_faults(v.db):
        yield finding("foreign-key", "error", "verify_foreign_key", table=table, row=rowid, parent=parent)


def _overlaps(v: Facts):
    by_commune: dict[str, list] = {}
    for a in v.assignments:
        by_commune.setdefault(a.commune_code, []).append(a)
    for items in by_commune.values():
        items.sort(key=lambda a: a.start)
        for prev, cur in zip(items, items[1:]):
            if prev.end is None or prev.end >= cur.start:
                yield finding("overlapping-assignments", "error", "verify_overlap", commune=cur.commune,
                              first=prev.cadre, second=cur.cadre, start=format_date(cur.start))


def _filings(v: Facts):
    by_id = {a.id: a for a in v.assignments}
    for f in v.filings:
        a = by_id.get(f.assignment_id)
        if a is None:
            yield finding("filing-without-assignment", "error", "verify_filing_orphan", id=f.id)
            continue
        label = {"id": f.id, "kind": f.kind, "year": f.year, "commune": a.commune, "cadre": a.cadre,
                 "filed": format_date(f.filed)}
        if not owes(a, f.kind, v.regime, f.year, holidays_for(v.regime, f.year)):
            yield finding("filing-not-owed", "error", "verify_not_owed", **label)
        if f.filed < a.start:
            yield finding("filing-before-assignment", "error", "verify_before_start", **label,
                          start=format_date(a.start))
        if f.filed > v.today:
            yield finding("future-date", "error", "verify_future", **label)
        rule = v.regime.kinds(f.year).get(f.kind)
        if rule is not None and f.filed < rule.earliest_on(f.year):
            yield finding("filing-outside-window", "warning", "verify_outside_window", **label,
                          start=format_date(rule.earliest_on(f.year)))


def _unknown_communes(v: Facts):
    for code in unknown_commune_codes(v.db):
        yield finding("unknown-commune", "error", "verify_unknown_commune", commune_code=code)


def _unfollowed(v: Facts):
    """Units in force today that nobody follows (only once somebody follows any)."""
    followed = {a.commune_code for a in v.assignments if a.in_force_on(v.today)}
    if not followed:
        return
    for c in v.units.on(v.today).communes:
        if c.code not in followed:
            yield finding("unfollowed-commune", "warning", "verify_unfollowed", commune=c.label(),
                          commune_code=c.official)


def _abolished(v: Facts):
    """Assignments still in force on a unit after the generation that abolished it took effect."""
    units = v.units
    for a in v.assignments:
        until = units.abolished_on(a.commune_code)
        if until is not None and (a.end is None or a.end >= until):
            became = "; ".join(c.label() for c, _ in units.became(a.commune_code)) or "?"
            yield finding("assignment-on-abolished-unit", "warning", "verify_abolished_in_force",
                          commune=a.commune, commune_code=a.official_code, cadre=a.cadre,
                          date=format_date(until), became=became)


def _member_overlaps(v: Facts):
    """Two members in charge of one commune at once (an import refuses it; a ledger edited by
    hand may hold it)."""
    by_commune: dict[str, list] = {}
    for m in v.members:
        by_commune.setdefault(m.commune_code, []).append(m)
    for items in by_commune.values():
        items.sort(key=lambda m: m.start)
        for prev, cur in zip(items, items[1:]):
            if prev.end is None or prev.end >= cur.start:
                yield finding("overlapping-members", "error", "verify_member_overlap", commune=cur.commune,
                              first=prev.member, second=cur.member, start=format_date(cur.start))


def _without_member(v: Facts):
    """Followed units with no member in charge today (only once members exist)."""
    in_charge = {m.commune_code for m in v.members if m.in_force_on(v.today)}
    if not in_charge:
        return
    seen = set()
    for a in v.assignments:
        if a.in_force_on(v.today) and a.commune_code not in in_charge and a.commune_code not in seen:
            seen.add(a.commune_code)
            yield finding("commune-without-member", "warning", "verify_without_member", commune=a.commune,
                          commune_code=a.official_code)


CHECKS = (_foreign_keys, _unknown_communes, _overlaps, _filings, _unfollowed, _abolished, _member_overlaps,
          _without_member)


def verify_at(path: Path, run: Run) -> list[Problem]:
    """`verify` of the ledger at `path`: one opened so damaged that it cannot be read is
    one integrity finding (naming the newest backup and `restore`), like a damaged page."""
    try:
        db = open_ledger(path, run)
    except CadretrackError as exc:
        if exc.key not in DAMAGED_KEYS:
            raise
        return [finding("integrity", "error", "verify_damaged", sentence=exc.message())]
    try:
        return verify(db, run.today)
    finally:
        db.close()


def verify(db: Ledger, today: dt.date) -> list[Problem]:
    try:
        faults = integrity_faults(db)
    except CadretrackError as exc:
        if exc.key not in DAMAGED_KEYS:
            raise
        return [finding("integrity", "error", "verify_damaged", sentence=exc.message())]
    findings = [finding("integrity", "error", "verify_integrity", detail=d) for d in faults]
    if findings:
        return findings  # a damaged file: the domain checks would read garbage
    view = Facts(db, load_assignments(db), load_filings(db), load_regime(db), load_units(db), today,
                 load_member_areas(db))
    for check in CHECKS:
        findings.extend(check(view))
    return findings
