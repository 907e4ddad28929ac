"""Change sets: what each command wrote, row by row, and how to revert it.

Every write goes through `changeset()`: one transaction holding the write lock, one row
in `changesets` naming the command, and one row in `changes` for each record touched.
Actions: `add` (a new row; reverted by marking it voided), `add-set` (every row a change set
created in a table, noted once: the thousands of rows an import remembers), `end`, `update` and
`void` (columns changed, a row taken out; reverted by restoring the values kept
in `before`), `supersede` (a filing replaced; reverted by making it current again).
Nothing is deleted, in either direction.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from cadretrack.context import Run
from cadretrack.store.ledger import Ledger, write
from cadretrack.store.units import refresh_name_keys

UNDOABLE_TABLES = {
    "assignments", "filings", "difficulties", "meetings", "generations", "rule_sets", "register_rows",
    "member_areas",
}


@dataclass
class Changeset:
    """An open change set: its id, and the summary history shows (set by the writer)."""

    id: int
    summary: dict = field(default_factory=dict)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


@contextlib.contextmanager
def changeset(db: Ledger, run: Run) -> Iterator[Changeset]:
    """One command's writes: a transaction with the write lock, recorded as a change set.
    Stored name keys made under older matching rules are refreshed first, by the writer:
    a read-only command never writes (it computes them in memory)."""
    cs: Changeset | None = None
    with write(db, committed=lambda: run.committed(cs.id, cs.summary)):
        refresh_name_keys(db)
        cs = Changeset(db.execute(
            "INSERT INTO changesets (at, user, command, summary) VALUES (?, ?, ?, '')",
            [run.now.isoformat(timespec="seconds"), _user(), json.dumps(run.command, ensure_ascii=False)],
        ).lastrowid)
        yield cs
        db.execute("UPDATE changesets SET summary = ? WHERE id = ?",
                   [json.dumps(cs.summary, ensure_ascii=False), cs.id])


def note(db: Ledger, cs: Changeset, tbl: str, action: str, rows: list[tuple[int, dict | None]]) -> None:
    db.conn.executemany(
        "INSERT INTO changes (changeset_id, tbl, row_id, action, before) VALUES (?, ?, ?, ?, ?)",
        [(cs.id, tbl, row_id, action, None if before is None else json.dumps(before)) for row_id, before in rows],
    )


def history(db: Ledger, limit: int | None = None) -> list[tuple]:
    """(id, at, user, command, summary, undoes, undone_by) of change sets, newest first;
    command and summary decoded."""
    sql = "SELECT id, at, user, command, summary, undoes, undone_by FROM changesets ORDER BY id DESC"
    rows = db.execute(sql + (" LIMIT ?" if limit else ""), [limit] if limit else []).fetchall()
    return [(r[0], r[1], r[2], json.loads(r[3] or "[]"), json.loads(r[4]) if r[4] else {}, r[5], r[6])
            for r in rows]


def latest_undoable(db: Ledger) -> dict | None:
    """The newest change set that changed records, is not an undo and is not undone."""
    row = db.execute(
        "SELECT id, command FROM changesets WHERE undoes IS NULL AND undone_by IS NULL "
        "AND id IN (SELECT changeset_id FROM changes) ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return {"id": row[0], "command": json.loads(row[1])} if row else None


def revert(db: Ledger, target: int, undo: Changeset) -> dict[str, int]:
    """Revert one change set's changes, newest first, inside the undo's change set."""
    counts: dict[str, int] = {}
    rows = db.execute(
        "SELECT tbl, row_id, action, before FROM changes WHERE changeset_id = ? ORDER BY id DESC", [target]
    ).fetchall()
    for tbl, row_id, action, before in rows:
        if tbl not in UNDOABLE_TABLES:
            continue
        if action == "add":
            db.execute(f"UPDATE {tbl} SET voided_in = ? WHERE id = ?", [undo.id, row_id])
        elif action == "add-set":
            db.execute(f"UPDATE {tbl} SET voided_in = ? WHERE created_in = ? AND voided_in IS NULL",
                       [undo.id, row_id])
        elif action in ("end", "update", "void"):
            values = json.loads(before)
            sets = ", ".join(f'"{column}" = ?' for column in values)
            db.execute(f"UPDATE {tbl} SET {sets} WHERE id = ?", [*values.values(), row_id])
        elif action == "supersede":
            db.execute(f"UPDATE {tbl} SET superseded_by = NULL, superseded_in = NULL WHERE id = ?", [row_id])
        counts[action] = counts.get(action, 0) + 1
    db.execute("UPDATE changesets SET undone_by = ? WHERE id = ?", [undo.id, target])
    db.execute("UPDATE changesets SET undoes = ? WHERE id = ?", [target, undo.id])
    return counts
