"""What each change set did, row by row, and how to revert it.

Actions: `add` (a new row; reverted by marking it voided), `end`, `update` and
`void` (columns changed, a row taken out; reverted by restoring the values kept
in `before`), `supersede` (a filing replaced;
reverted by making it current again). Nothing is deleted, in either direction.
"""

from __future__ import annotations

import json

from cadretrack.store.ledger import Ledger

UNDOABLE_TABLES = {"assignments", "filings", "difficulties", "meetings", "generations"}


def note(db: Ledger, changeset: int, tbl: str, action: str, rows: list[tuple[int, dict | None]]) -> None:
    db.conn.executemany(
        "INSERT INTO changes (changeset_id, tbl, row_id, action, before) VALUES (?, ?, ?, ?, ?)",
        [(changeset, tbl, row_id, action, None if before is None else json.dumps(before)) for row_id, before in rows],
    )


def latest_undoable(db: Ledger) -> dict | None:
    """The newest change set that changed records, is not an undo and is not undone."""
    row = db.execute(
        "SELECT id, command FROM changesets WHERE undoes IS NULL AND undone_by IS NULL "
        "AND id IN (SELECT changeset_id FROM changes) ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return {"id": row[0], "command": json.loads(row[1])} if row else None


def revert(db: Ledger, changeset: int, undo: int) -> dict[str, int]:
    """Revert one change set's changes, newest first, inside the caller's transaction."""
    counts: dict[str, int] = {}
    rows = db.execute(
        "SELECT tbl, row_id, action, before FROM changes WHERE changeset_id = ? ORDER BY id DESC", [changeset]
    ).fetchall()
    for tbl, row_id, action, before in rows:
        if tbl not in UNDOABLE_TABLES:
            continue
        if action == "add":
            db.execute(f"UPDATE {tbl} SET voided_in = ? WHERE id = ?", [undo, row_id])
        elif action in ("end", "update", "void"):
            values = json.loads(before)
            sets = ", ".join(f'"{column}" = ?' for column in values)
            db.execute(f"UPDATE {tbl} SET {sets} WHERE id = ?", [*values.values(), row_id])
        elif action == "supersede":
            db.execute(f"UPDATE {tbl} SET superseded_by = NULL, superseded_in = NULL WHERE id = ?", [row_id])
        counts[action] = counts.get(action, 0) + 1
    db.execute("UPDATE changesets SET undone_by = ? WHERE id = ?", [undo, changeset])
    db.execute("UPDATE changesets SET undoes = ? WHERE id = ?", [changeset, undo])
    return counts
