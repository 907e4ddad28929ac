"""`history`, `undo`, `backup` and `restore`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cadretrack.context import Run
from cadretrack.domain.dates import DateError
from cadretrack.domain.moments import parse_moment
from cadretrack.errors import CadretrackError
from cadretrack.interrupts import critical
from cadretrack.output import Output
from cadretrack.readers.source import check_input
from cadretrack.store import journal
from cadretrack.store.backup import auto_backup
from cadretrack.store.ledger import Ledger, copy_to, check_ledger, file_is_sound, open_ledger, replace_damaged, restore_over


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


SQLITE_MAX_INT = 2**63 - 1


def history(db: Ledger, limit: int | None = None, since: str | None = None, until: str | None = None
            ) -> list[ChangeSet]:
    """Change sets, newest first: the latest `limit` of those made from the start of what
    `since` names to the end of what `until` names (local time; a day alone is all of it); a
    limit beyond any ledger's count is no limit."""
    if limit is not None and limit > SQLITE_MAX_INT:
        limit = None
    first = _moment(since)[0] if since else None
    end = _moment(until)[1] if until else None
    if first is not None and end is not None and first >= end:
        raise CadretrackError("since_after_until", since=since, until=until)
    if first is None and end is None:
        return [ChangeSet(*row) for row in journal.history(db, limit)]
    found = []
    for row in journal.history(db):
        at = _at(row[1])
        if (first is None or at is None or at >= first) and (end is None or at is None or at < end):
            found.append(ChangeSet(*row))
            if limit and len(found) == limit:
                break
    return found


def _moment(text: str):
    """[start, end) of what a clerk wrote, as aware datetimes of the machine's local time."""
    try:
        start, end = parse_moment(text)
        return start.astimezone(), end.astimezone()
    except (DateError, OverflowError, ValueError):  # no such day, or none a clock can name (31/12/9999)
        raise CadretrackError("moment_invalid", value=text) from None


def _at(text: str):
    """A change set's stored moment (ISO, UTC), None when unreadable (kept: never hidden)."""
    try:
        at = dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.timezone.utc)


def undo(db: Ledger, run: Run, expected: int | None = None) -> tuple[dict, dict[str, int]]:
    """Revert the latest change set that changed records; itself a change set. `expected`:
    the change set the clerk was shown (the web page's confirmation). The latest is read again
    under the write lock, so a change committed meanwhile by another command is never the one
    reverted in its place: nothing is done and the clerk is asked again."""
    target = journal.latest_undoable(db)
    if target is None:
        raise CadretrackError("undo_nothing")
    if expected is not None and target["id"] != expected:
        by = journal.undone_by(db, expected)
        if by is not None:  # the page was sent twice: the first did it
            raise CadretrackError("undo_already", shown=expected, by=by)
        raise CadretrackError("undo_moved", shown=expected, latest=target["id"])
    auto_backup(db.path, "undo", run.now)
    with journal.changeset(db, run) as cs:
        latest = journal.latest_undoable(db)
        if latest is None or latest["id"] != target["id"]:  # committed between the look and the lock
            raise CadretrackError("undo_moved", shown=target["id"], latest=latest["id"] if latest else "-")
        counts = journal.revert(db, target["id"], cs)
        cs.summary = {"undoes": target["id"], **counts}
    return target, counts


def backup(db: Ledger, output: Path | Output | None, run: Run) -> Path:
    """A copy of the ledger in backups/, or at `output` (never over a file, never the ledger)."""
    if output is None:
        return auto_backup(db.path, "manual", run.now, reuse=False)
    return copy_to(db, Output.check(output, inputs=[db.path], exclusive=True))


def restore_at(ledger: Path, source: Path, run: Run) -> Path:
    """`restore` of the ledger at `ledger`: opened and backed up first as any ledger, or,
    when it is too damaged to open, kept as it lies in backups/ and replaced whole."""
    _check_backup(source)
    try:
        db = open_ledger(ledger, run.now)
    except CadretrackError as exc:
        if exc.key not in ("ledger_damaged", "ledger_damaged_no_backup"):
            raise
        with critical():
            kept = replace_damaged(ledger, source, run.now)
            run.committed(None, {"restored": str(source)})
        return kept
    return restore(db, source, run)


def _check_backup(source: Path) -> None:
    check_input(source)
    try:
        check_ledger(source)
        sound = file_is_sound(source)
    except CadretrackError as exc:
        if exc.key == "ledger_foreign":
            raise CadretrackError("restore_not_ledger", path=str(source)) from None
        if not exc.key.startswith("ledger_damaged"):
            raise
        sound = False
    if not sound:
        raise CadretrackError("restore_damaged", path=str(source))


def restore(db: Ledger, source: Path, run: Run) -> Path:
    """Replace the ledger's content with a checked backup, after backing the ledger up."""
    _check_backup(source)
    ledger = db.path
    db.close()
    with critical():  # the ledger replaced and the run told so, in one step
        saved = restore_over(ledger, source, run.now)
        run.committed(None, {"restored": str(source)})
    return saved


def latest_undoable(db: Ledger) -> dict | None:
    """The change set `undo` would revert now (None: nothing to undo)."""
    return journal.latest_undoable(db)
