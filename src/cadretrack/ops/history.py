"""`history`, `undo`, `backup` and `restore`."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from cadretrack.errors import CadretrackError
from cadretrack.store import journal
from cadretrack.store.backup import auto_backup, copy_database
from cadretrack.store.ledger import Ledger, close_changeset, is_ledger, ledger_path, open_changeset, write


@dataclass
class ChangeSet:
    id: int
    at: str
    user: str
    command: list[str]
    summary: dict
    undoes: int | None
    undone_by: int | None

    def as_dict(self) -> dict:
        return {
            "id": self.id, "at": self.at, "user": self.user, "command": self.command,
            "summary": self.summary, "undoes": self.undoes, "undone_by": self.undone_by,
        }


def history(db: Ledger, limit: int | None = None) -> list[ChangeSet]:
    sql = "SELECT id, at, user, command, summary, undoes, undone_by FROM changesets ORDER BY id DESC"
    rows = db.execute(sql + (" LIMIT ?" if limit else ""), [limit] if limit else []).fetchall()
    return [
        ChangeSet(r[0], r[1], r[2], json.loads(r[3] or "[]"), json.loads(r[4] or "{}") if r[4] else {}, r[5], r[6])
        for r in rows
    ]


def undo(db: Ledger, now: dt.datetime, command: list[str]) -> tuple[dict, dict[str, int]]:
    """Revert the latest change set that changed records; itself a change set."""
    target = journal.latest_undoable(db)
    if target is None:
        raise CadretrackError("undo_nothing")
    auto_backup(ledger_path(db), "undo", now)
    with write(db):
        changeset = open_changeset(db, command, now)
        counts = journal.revert(db, target["id"], changeset)
        close_changeset(db, changeset, {"undoes": target["id"], **counts})
    return target, counts


def backup(db: Ledger, output: Path | None, now: dt.datetime) -> Path:
    if output is None:
        return auto_backup(ledger_path(db), "manual", now, reuse=False)
    if output.exists():
        raise CadretrackError("backup_exists", path=str(output))
    return copy_database(db.conn, output)


def restore(ledger: Path, source: Path, now: dt.datetime) -> Path:
    """Replace the ledger's content with a checked backup, after backing the ledger up."""
    if not source.is_file():
        raise CadretrackError("file_missing", path=str(source))
    if not is_ledger(source):
        raise CadretrackError("restore_not_ledger", path=str(source))
    import sqlite3

    check = sqlite3.connect(str(source))
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        check.close()
    if not ok:
        raise CadretrackError("restore_damaged", path=str(source))
    saved = auto_backup(ledger, "restore", now)
    src = sqlite3.connect(str(source))
    dst = sqlite3.connect(str(ledger), timeout=30)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return saved
