"""What every command runs with: the moment, the day, the command line, the language.

The CLI builds one `Run` per command; ops and the store take it instead of loose
`now, today, command` arguments. The domain never sees it: it takes the dates it needs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    now: dt.datetime  # when the command started (UTC): change sets and backups are stamped with it
    today: dt.date  # the clerk's day: what "in the future" and "overdue" are measured against
    command: list[str] = field(default_factory=list)  # as the clerk typed it, kept in history
    lang: str = "vi"
    written: list = field(default_factory=list, compare=False)  # change sets committed so far

    @property
    def wrote(self) -> bool:
        """Whether the command has committed a change to the ledger (what an interruption says)."""
        return bool(self.written)

    @classmethod
    def at(cls, now: dt.datetime, command: list[str] | None = None, lang: str = "vi") -> "Run":
        """A run at `now`, its day taken in the machine's local time."""
        return cls(now=now, today=now.astimezone().date(), command=list(command or []), lang=lang)
