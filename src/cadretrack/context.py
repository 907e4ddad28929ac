"""What every command runs with: the moment, the day, the command line, the language, and
what it has done so far (the change sets it committed, the files it put in place).

The CLI builds one `Run` per command; ops and the store take it instead of loose
`now, today, command` arguments. The domain never sees it: it takes the dates it needs.
An interruption asks the run what was done, and says exactly that.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path



@dataclass(frozen=True)
class Committed:
    """A change set the command committed: its id and the summary history shows (id None:
    the ledger's content replaced by `restore`, summary {"restored": the backup's path})."""

    id: int | None
    summary: dict


@dataclass(frozen=True)
class Run:
    now: dt.datetime  # when the command started (UTC): change sets and backups are stamped with it
    today: dt.date  # the clerk's day: what "in the future" and "overdue" are measured against
    command: list[str] = field(default_factory=list)  # as the clerk typed it, kept in history
    lang: str = "vi"
    written: list = field(default_factory=list, compare=False)  # Committed change sets, in order
    files: list = field(default_factory=list, compare=False)  # files put in place under their name
    outputs: list = field(default_factory=list, compare=False)  # the files or folders it was asked to write

    @property
    def wrote(self) -> bool:
        """Whether the command has committed a change to the ledger."""
        return bool(self.written)

    def committed(self, changeset_id: int | None, summary: dict) -> None:
        self.written.append(Committed(changeset_id, dict(summary)))

    def file_written(self, path: Path) -> None:
        self.files.append(Path(path))

    @classmethod
    def at(cls, now: dt.datetime, command: list[str] | None = None, lang: str = "vi") -> "Run":
        """A run at `now`, its day taken in the machine's local time."""
        return cls(now=now, today=now.astimezone().date(), command=list(command or []), lang=lang)


_active: list[Run] = []  # the command running in this process (the CLI sets it)


def activate(run: Run | None) -> None:
    """`run` is the command now running (None: none is)."""
    _active[:] = [run] if run is not None else []


def active() -> Run | None:
    return _active[0] if _active else None


def note_file(path: Path) -> None:
    """`path` is in place under its name: noted as written by the running command, if any."""
    run = active()
    if run is not None:
        run.file_written(path)
