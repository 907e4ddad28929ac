"""`history`, `undo`, `backup` and `restore`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cadretrack.context import Run
from cadretrack.errors import CadretrackError
from cadretrack.interrupts import critical
from cadretrack.store import journal
from cadretrack.store.backup import auto_backup
from cadretrack.store.ledger import Ledger, copy_into, copy_to, file_is_sound, is_ledger


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
    return [ChangeSet(*row) for row in journal.history(db, limit)]


def undo(db: Ledger, run: Run) -> tuple[dict, dict[str, int]]:
    """Revert the latest change set that changed records; itself a change set."""
    target = journal.latest_undoable(db)
    if target is None:
        raise CadretrackError("undo_nothing")
    auto_backup(db.path, "undo", run.now)
    with journal.changeset(db, run) as cs:
        counts = journal.revert(db, target["id"], cs)
        cs.summary = {"undoes": target["id"], **counts}
    return target, counts


def backup(db: Ledger, output: Path | None, run: Run) -> Path:
    if output is None:
        return auto_backup(db.path, "manual", run.now, reuse=False)
    if output.exists():
        raise CadretrackError("backup_exists", path=str(output))
    return copy_to(db, output)


def restore(db: Ledger, source: Path, run: Run) -> Path:
    """Replace the ledger's content with a checked backup, after backing the ledger up."""
    if not source.is_file():
        raise CadretrackError("file_missing", path=str(source))
    if not is_ledger(source):
        raise CadretrackError("restore_not_ledger", path=str(source))
    if not file_is_sound(source):
        raise CadretrackError("restore_damaged", path=str(source))
    ledger = db.path
    db.close()
    saved = auto_backup(ledger, "restore", run.now)
    with critical():  # the ledger replaced and the run told so, in one step
        copy_into(source, ledger)
        run.committed(None, {"restored": str(source)})
    return saved
