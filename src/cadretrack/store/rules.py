"""The rule sets a ledger lives under, each with the day its period begins."""

from __future__ import annotations

import datetime as dt

from cadretrack.store import journal
from cadretrack.store.journal import Changeset
from cadretrack.store.ledger import Ledger


def rule_set_rows(db: Ledger) -> list[tuple[int, dt.date, str, str]]:
    """(id, start, name, TOML text) of every rule set in force at some time, oldest first."""
    rows = db.execute(
        "SELECT id, start, COALESCE(name, ''), text FROM rule_sets WHERE voided_in IS NULL ORDER BY start, id"
    ).fetchall()
    return [(r[0], dt.date.fromisoformat(r[1]), r[2], r[3]) for r in rows]


def add_rule_set(db: Ledger, start: dt.date, name: str, text: str, cs: Changeset, undoable: bool = True) -> int:
    """A rule set in force from `start`; `undoable` False for the ledger's first (made by
    init, which nothing undoes)."""
    new_id = db.execute(
        "INSERT INTO rule_sets (start, name, text, created_in) VALUES (?, ?, ?, ?)",
        [start.isoformat(), name, text, cs.id],
    ).lastrowid
    if undoable:
        journal.note(db, cs, "rule_sets", "add", [(new_id, None)])
    return new_id

