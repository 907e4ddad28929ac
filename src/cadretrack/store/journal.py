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
import itertools
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


def history_of(db: Ledger, assignment_ids: list[int], limit: int = 100) -> list[tuple]:
    """As `history`, only the change sets that touched these assignments, their filings, their
    meetings or their difficulties (a commune's or a cadre's page), newest first."""
    ids = json.dumps(sorted(set(assignment_ids)))
    mine = "(SELECT value FROM json_each(?))"
    rows = db.execute(
        "SELECT id, at, user, command, summary, undoes, undone_by FROM changesets WHERE id IN ("
        f"SELECT changeset_id FROM changes WHERE (tbl = 'assignments' AND row_id IN {mine}) "
        f"OR (tbl = 'filings' AND row_id IN (SELECT id FROM filings WHERE assignment_id IN {mine})) "
        f"OR (tbl = 'meetings' AND row_id IN (SELECT id FROM meetings WHERE assignment_id IN {mine})) "
        f"OR (tbl = 'difficulties' AND row_id IN (SELECT id FROM difficulties WHERE assignment_id IN {mine}))"
        ") ORDER BY id DESC LIMIT ?", [ids, ids, ids, ids, limit]).fetchall()
    return [(r[0], r[1], r[2], json.loads(r[3] or "[]"), json.loads(r[4]) if r[4] else {}, r[5], r[6])
            for r in rows]


def undone_by(db: Ledger, changeset: int) -> int | None:
    """The change set that undid this one, or None."""
    row = db.execute("SELECT undone_by FROM changesets WHERE id = ?", [changeset]).fetchone()
    return row[0] if row else None


def latest_undoable(db: Ledger) -> dict | None:
    """The newest change set that changed records, is not an undo and is not undone."""
    row = db.execute(
        "SELECT id, command, summary FROM changesets WHERE undoes IS NULL AND undone_by IS NULL "
        "AND id IN (SELECT changeset_id FROM changes) ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return {"id": row[0], "command": json.loads(row[1]), "summary": json.loads(row[2] or "{}")} if row else None


def revert(db: Ledger, target: int, undo: Changeset) -> dict[str, int]:
    """Revert one change set's changes, newest first, inside the undo's change set. The undo
    notes what it overwrote (action `restore`, and `restore-set` for an `add-set`): the ledger
    as known before the undo can then be rebuilt from the journal (store.known)."""
    counts = revert_rows(db, target, undo.id, undo)
    db.execute("UPDATE changesets SET undone_by = ? WHERE id = ?", [undo.id, target])
    db.execute("UPDATE changesets SET undoes = ? WHERE id = ?", [target, undo.id])
    return counts


def revert_rows(db: Ledger, target: int, marker: int, undo: Changeset | None = None) -> dict[str, int]:
    """The rows of change set `target` put back as they were before it, newest change first;
    rows it added are marked voided in `marker`. With `undo`, what is overwritten is noted
    in the undo's change set. Also reverts an undo's own `restore` notes (the ledger as known
    before that undo); an undo made before undos noted anything is reverted as far as the
    row marks tell (what it voided comes back). Consecutive changes of one kind go to SQLite
    as one batch (a national import is a hundred thousand rows), in the same order."""
    counts: dict[str, int] = {}
    added = [] if undo is not None else db.execute(
        "SELECT DISTINCT tbl FROM changes WHERE changeset_id = ? AND action = 'add'", [target]).fetchall()
    rows = db.execute(
        "SELECT tbl, row_id, action, before FROM changes WHERE changeset_id = ? "
        + ("" if undo is not None else "AND action != 'add' ") + "ORDER BY id DESC", [target]
    ).fetchall()
    if not rows and undo is None and not added:
        _unvoid_legacy(db, target)

    def run_of(row) -> tuple:
        tbl, _, action, before = row
        columns = tuple(json.loads(before)) if action in ("end", "update", "void", "restore") else ()
        return tbl, action, columns

    for (tbl, action, columns), group in itertools.groupby(rows, key=run_of):
        if tbl not in UNDOABLE_TABLES:
            continue
        group = list(group)
        ids = [row_id for _, row_id, _, _ in group]
        if action == "add":
            if undo is not None:
                note(db, undo, tbl, "restore", [(row_id, {"voided_in": None}) for row_id in ids])
            db.conn.executemany(f"UPDATE {tbl} SET voided_in = ? WHERE id = ?", [(marker, i) for i in ids])
        elif action == "add-set":
            if undo is not None:
                note(db, undo, tbl, "restore-set", [(row_id, None) for row_id in ids])
            db.conn.executemany(f"UPDATE {tbl} SET voided_in = ? WHERE created_in = ? AND voided_in IS NULL",
                                [(marker, i) for i in ids])
        elif action == "restore-set":
            db.conn.executemany(f"UPDATE {tbl} SET voided_in = NULL WHERE created_in = ? AND voided_in = ?",
                                [(i, target) for i in ids])
        elif columns:
            if undo is not None:
                note(db, undo, tbl, "restore", [(i, _current(db, tbl, i, list(columns))) for i in ids])
            sets = ", ".join(f'"{column}" = ?' for column in columns)
            db.conn.executemany(f"UPDATE {tbl} SET {sets} WHERE id = ?",
                                [(*json.loads(before).values(), row_id) for _, row_id, _, before in group])
        elif action == "supersede":
            if undo is not None:
                note(db, undo, tbl, "restore", [(i, _current(db, tbl, i, ["superseded_by", "superseded_in"]))
                                                for i in ids])
            db.conn.executemany(f"UPDATE {tbl} SET superseded_by = NULL, superseded_in = NULL WHERE id = ?",
                                [(i,) for i in ids])
        if action not in ("restore", "restore-set"):
            counts[action] = counts.get(action, 0) + len(group)
    # A view of the past (store.known): the rows it added voided last, one statement a table (a row
    # is added before anything else the change set does to it, so last in reverse order is exact).
    for (tbl,) in added:
        if tbl in UNDOABLE_TABLES:
            db.execute(f"UPDATE {tbl} SET voided_in = ? WHERE id IN (SELECT row_id FROM changes "
                       "WHERE changeset_id = ? AND tbl = ? AND action = 'add')", [marker, target, tbl])
    return counts


def _current(db: Ledger, tbl: str, row_id: int, columns: list[str]) -> dict:
    names = ", ".join(f'"{c}"' for c in columns)
    row = db.execute(f"SELECT {names} FROM {tbl} WHERE id = ?", [row_id]).fetchone()
    return dict(zip(columns, row or [None] * len(columns)))


def _unvoid_legacy(db: Ledger, target: int) -> None:
    """An undo journalled before undos noted what they overwrote: the rows it voided come back."""
    if db.execute("SELECT undoes FROM changesets WHERE id = ?", [target]).fetchone() in (None, (None,)):
        return
    for tbl in sorted(UNDOABLE_TABLES):
        db.execute(f"UPDATE {tbl} SET voided_in = NULL WHERE voided_in = ?", [target])
