"""The ledger as known at a moment: a copy in memory with every change set committed after
it reverted, newest first, through the journal's own revert (the code `undo` uses).

The ordinary read paths then run unchanged on the copy, so every journalled table follows
(filings, assignments, units, rule sets, members, difficulties): a change set undone later
still counts before its undo, one undone before the moment does not. The ledger itself is
only read (SQLite's backup API); the copy refuses writes like a read-only ledger.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from cadretrack.errors import CadretrackError
from cadretrack.store import journal
from cadretrack.store.ledger import Ledger


@dataclass(frozen=True)
class Moment:
    """The last change set a view of the ledger includes (id 0: none yet), and its time (UTC ISO)."""

    changeset: int
    at: str

    def as_dict(self) -> dict:
        return {"changeset": self.changeset, "at": self.at}


def last_changeset(db: Ledger, moment: dt.datetime | None = None) -> Moment:
    """The newest change set committed by `moment` (any moment: the newest of all)."""
    sql = "SELECT id, at FROM changesets"
    params: list = []
    if moment is not None:
        sql += " WHERE at <= ?"
        params.append(moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds"))
    row = db.execute(sql + " ORDER BY id DESC LIMIT 1", params).fetchone()
    return Moment(row[0], row[1]) if row else Moment(0, "")


def changes_after(db: Ledger, changeset: int) -> int:
    """How many change sets were committed after `changeset`."""
    return db.execute("SELECT COUNT(*) FROM changesets WHERE id > ?", [changeset]).fetchone()[0]


def as_known(db: Ledger, upto: int) -> Ledger:
    """An in-memory copy of the ledger holding only the change sets up to `upto` (the ledger
    itself when nothing came after). The caller closes it (it is closed with the command)."""
    if changes_after(db, upto) == 0:
        return db
    conn = sqlite3.connect(":memory:")
    try:
        db.conn.backup(conn)
        copy = Ledger(conn, db.path)
        conn.execute("PRAGMA foreign_keys = OFF")  # a scratch copy: the journal is cut at `upto`
        later = [r[0] for r in conn.execute(
            "SELECT id FROM changesets WHERE id > ? ORDER BY id DESC", [upto]).fetchall()]
        for changeset in later:
            journal.revert_rows(copy, changeset, changeset)
        conn.execute("UPDATE changesets SET undone_by = NULL WHERE undone_by > ?", [upto])
        # The later change sets are gone from the view (history, the last change set); their
        # notes in `changes` stay (nothing but a revert reads them: cutting them costs as much).
        conn.execute("DELETE FROM changesets WHERE id > ?", [upto])
        conn.commit()
    except BaseException:
        conn.close()
        raise
    copy.refusal = CadretrackError("known_on_read_only")
    return copy


def changeset_moment(db: Ledger, changeset: int) -> Moment:
    """The change set `changeset` and its time (its time empty when the ledger has none such)."""
    row = db.execute("SELECT id, at FROM changesets WHERE id = ?", [changeset]).fetchone()
    return Moment(row[0], row[1]) if row else Moment(changeset, "")


def touched_after(db: Ledger, changeset: int, tables: tuple[str, ...]) -> dict[tuple[str, int], int]:
    """(table, row id) -> the latest change set after `changeset` that touched the row
    (added, ended, replaced, voided or restored it), from the journal."""
    marks = ", ".join("?" * len(tables))
    rows = db.execute(
        f"SELECT tbl, row_id, MAX(changeset_id) FROM changes WHERE changeset_id > ? AND tbl IN ({marks}) "
        "AND action NOT IN ('add-set', 'restore-set') GROUP BY tbl, row_id", [changeset, *tables]).fetchall()
    return {(r[0], r[1]): r[2] for r in rows}


def changeset_rows(db: Ledger, ids: set[int]) -> dict[int, tuple[str, str]]:
    """id -> (at, command as stored) of the change sets named."""
    found: dict[int, tuple[str, str]] = {}
    chosen = sorted(ids)
    for start in range(0, len(chosen), 500):
        chunk = chosen[start:start + 500]
        for r in db.execute(f"SELECT id, at, command FROM changesets WHERE id IN ({', '.join('?' * len(chunk))})",
                            chunk).fetchall():
            found[r[0]] = (r[1], r[2])
    return found
