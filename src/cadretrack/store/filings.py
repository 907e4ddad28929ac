"""Filings: what was received for each assignment, kind and year (one current each)."""

from __future__ import annotations

import datetime as dt

from cadretrack.domain.obligations import Filing
from cadretrack.store import journal
from cadretrack.store.journal import Changeset
from cadretrack.store.ledger import Ledger


_FILING = ("id, assignment_id, kind, year, filed, COALESCE(number, ''), COALESCE(rating, ''), score, "
           "COALESCE(note, '')")


def _current(db: Ledger, year: int | None, more: str = "") -> list:
    """Rows of the current (not superseded, not voided) filings, optionally of one year, in
    the order they were recorded: the Filing's columns, then `more`."""
    sql = f"SELECT {_FILING}{more} FROM filings WHERE superseded_by IS NULL AND voided_in IS NULL"
    params: list = []
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    return db.execute(sql + " ORDER BY id", params).fetchall()


def _filing(r, day=dt.date.fromisoformat) -> Filing:
    return Filing(r[0], r[1], r[2], r[3], day(r[4]), r[5], r[6], r[7], r[8])


def load_filings(db: Ledger, year: int | None = None) -> list[Filing]:
    """Current (not superseded) filings, optionally of one year."""
    return [_filing(r) for r in _current(db, year)]


def load_recorded(db: Ledger, year: int | None = None) -> list[tuple[Filing, str, int]]:
    """Current filings (optionally of one year) with the summary of the register row each came
    from and the change set that recorded it, in the order they were recorded."""
    return [(_filing(r), r[9], r[10]) for r in _current(db, year, ", COALESCE(summary, ''), created_in")]


def save_filings(db: Ledger, items: list, cs: Changeset) -> list[int]:
    """New filings (each an `item` with its `assignment` and the `existing` filing it
    replaces, if any), the replaced ones superseded; their ids, in order."""
    cursor = db.conn.cursor()
    added, superseded = [], []
    for p in items:
        i = p.item
        cursor.execute(
            "INSERT INTO filings (assignment_id, kind, year, filed, number, rating, score, note, summary, created_in) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (p.assignment.id, i.kind, i.year, i.filed.isoformat(), i.number, i.rating or None, i.score, i.note,
             i.summary or None, cs.id),
        )
        added.append((cursor.lastrowid, None))
        if p.existing is not None:
            cursor.execute(
                "UPDATE filings SET superseded_by = ?, superseded_in = ? WHERE id = ?",
                (cursor.lastrowid, cs.id, p.existing.id),
            )
            superseded.append((p.existing.id, None))
    journal.note(db, cs, "filings", "add", added)
    journal.note(db, cs, "filings", "supersede", superseded)
    return [row_id for row_id, _ in added]


def withdraw_filings(db: Ledger, ids: list[int], cs: Changeset) -> None:
    """Filings taken out of the count (a register row corrected in the book is no longer
    the filing it produced): kept, marked voided in this change set; undo brings them back."""
    if not ids:
        return
    db.conn.executemany("UPDATE filings SET voided_in = ? WHERE id = ?", [(cs.id, i) for i in ids])
    journal.note(db, cs, "filings", "void", [(i, {"voided_in": None}) for i in ids])
