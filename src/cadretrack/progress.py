"""Saying that a long command is at work: a bar for work done in steps, a line while it waits.

Ops, renderers and the store say what they are doing (`steps`, `waiting`); whoever runs them
decides how it shows. The CLI listens with render/progress.py: a bar on stderr while stderr
is a terminal (nothing when it is a file or a pipe), and the waiting line on stderr. With no
listener (a web app, a test calling an op) both are silent. One bar at a time: steps begun
inside another's (a workbook written by an export) count for nothing of their own.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Protocol


class Steps:
    """Work in steps, as a listener shows it (this one shows nothing)."""

    def advance(self, count: int = 1) -> None:
        pass

    def __call__(self, count: int = 1) -> None:  # a plain callable too (the workbook's `progress`)
        self.advance(count)


NOTHING = Steps()


class Listener(Protocol):
    def steps(self, key: str, total: int | None) -> contextlib.AbstractContextManager[Steps]: ...

    def waiting(self, key: str, **fields: object) -> None: ...


_listener: list[Listener] = []
_open: list[Steps] = []  # the steps being shown (at most one)


def listen(listener: Listener | None) -> None:
    """`listener` shows what commands do from now on (None: nobody does)."""
    _listener[:] = [listener] if listener is not None else []
    _open.clear()


@contextlib.contextmanager
def steps(key: str, total: int | None = None) -> Iterator[Steps]:
    """Work of `total` steps (None: not known) named by message key `key`; advance as it goes."""
    if not _listener or _open:
        yield NOTHING
        return
    with _listener[0].steps(key, total) as shown:
        _open.append(shown)
        try:
            yield shown
        finally:
            _open.clear()


def waiting(key: str, **fields: object) -> None:
    """The command waits for something outside it (the ledger's lock): say so, once."""
    if _listener:
        _listener[0].waiting(key, **fields)
