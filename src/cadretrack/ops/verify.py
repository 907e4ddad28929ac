"""`verify`: SQLite's own checks, then named domain checks, all reported in one run.

Each check is a plain function (db, context) -> findings with a stable code.
Errors mean corruption or a contradiction in the ledger (exit 1); warnings are
advice (exit 0).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cadretrack.domain.dates import format_date
from cadretrack.domain.obligations import owes
from cadretrack.ops.calendar import holidays_for
from cadretrack.store import records
from cadretrack.store.ledger import Ledger
from cadretrack.store.units import load_units


@dataclass(frozen=True)
class Finding:
    code: str
    level: str  # "error" or "warning"
    key: str  # message key
    fields: dict

    def as_dict(self, message: str) -> dict:
        return {**self.fields, "code": self.code, "level": self.level, "message": message}


def _integrity(db, ctx):
    for (result,) in db.execute("PRAGMA integrity_check").fetchall():
        if result != "ok":
            yield Finding("integrity", "error", "verify_integrity", {"detail": result})


def _foreign_keys(db, ctx):
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
        yield Finding("foreign-key", "error", "verify_foreign_key", {"table": table, "row": rowid, "parent": parent})


def _overlaps(db, ctx):
    by_commune: dict[str, list] = {}
    for a in ctx["assignments"]:
        by_commune.setdefault(a.commune_code, []).append(a)
    for items in by_commune.values():
        items.sort(key=lambda a: a.start)
        for prev, cur in zip(items, items[1:]):
            if prev.end is None or prev.end >= cur.start:
                yield Finding("overlapping-assignments", "error", "verify_overlap", {
                    "commune": cur.commune, "first": prev.cadre, "second": cur.cadre,
                    "start": format_date(cur.start)})


def _filings(db, ctx):
    by_id = {a.id: a for a in ctx["assignments"]}
    rules, today = ctx["rules"], ctx["today"]
    for f in records.load_filings(db):
        a = by_id.get(f.assignment_id)
        if a is None:
            yield Finding("filing-without-assignment", "error", "verify_filing_orphan", {"id": f.id})
            continue
        label = {"id": f.id, "kind": f.kind, "year": f.year, "commune": a.commune, "cadre": a.cadre,
                 "filed": format_date(f.filed)}
        if not owes(a, f.kind, rules, f.year, holidays_for(rules, f.year)):
            yield Finding("filing-not-owed", "error", "verify_not_owed", label)
        if f.filed < a.start:
            yield Finding("filing-before-assignment", "error", "verify_before_start", {**label, "start": format_date(a.start)})
        if f.filed > today:
            yield Finding("future-date", "error", "verify_future", label)


def _unknown_communes(db, ctx):
    for (code,) in db.execute(
        "SELECT DISTINCT commune_code FROM assignments WHERE commune_code NOT IN (SELECT code FROM communes)"
    ).fetchall():
        yield Finding("unknown-commune", "error", "verify_unknown_commune", {"commune_code": code})


def _unfollowed(db, ctx):
    """Units in force today that nobody follows (only once somebody follows any)."""
    followed = {a.commune_code for a in ctx["assignments"] if a.in_force_on(ctx["today"])}
    if not followed:
        return
    for c in ctx["units"].on(ctx["today"]).communes:
        if c.code not in followed:
            yield Finding("unfollowed-commune", "warning", "verify_unfollowed", {"commune": c.label(), "commune_code": c.official})


def _abolished(db, ctx):
    """Assignments still in force on a unit after the generation that abolished it took effect."""
    units = ctx["units"]
    for a in ctx["assignments"]:
        until = units.abolished_on(a.commune_code)
        if until is not None and (a.end is None or a.end >= until):
            became = "; ".join(c.label() for c, _ in units.became(a.commune_code)) or "?"
            yield Finding("assignment-on-abolished-unit", "warning", "verify_abolished_in_force", {
                "commune": a.commune, "commune_code": a.official_code, "cadre": a.cadre,
                "date": format_date(until), "became": became})


CHECKS = (_integrity, _foreign_keys, _unknown_communes, _overlaps, _filings, _unfollowed, _abolished)


def verify(db: Ledger, today: dt.date) -> list[Finding]:
    findings = list(_integrity(db, None))
    if findings:
        return findings  # a damaged file: the domain checks would read garbage
    ctx = {"assignments": records.load_assignments(db), "rules": records.load_rules(db), "today": today,
           "units": load_units(db)}
    for check in CHECKS[1:]:
        findings.extend(check(db, ctx))
    return findings
