"""The CLI's way of showing progress (cadretrack.progress): a rich bar on stderr when stderr
is a terminal, cleared when the work ends (or is interrupted), and silent otherwise; the
waiting line on stderr whatever it is."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

from cadretrack.i18n import t
from cadretrack.progress import NOTHING, Steps


class _Bar(Steps):
    def __init__(self, bar, task) -> None:
        self._bar, self._task = bar, task

    def advance(self, count: int = 1) -> None:
        self._bar.advance(self._task, count)  # drawn by rich's own thread, ten times a second


class TerminalProgress:
    """Draws on the stream that is stderr when it is made (a test may swap it)."""

    def __init__(self, stream=None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self._shown = None  # the bar on screen: a line is printed above it

    def _is_terminal(self) -> bool:
        try:
            return self.stream.isatty()
        except (AttributeError, ValueError, OSError):
            return False

    @contextlib.contextmanager
    def steps(self, key: str, total: int | None) -> Iterator[Steps]:
        if not self._is_terminal():
            yield NOTHING
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(file=self.stream, highlight=False)
        columns = [TextColumn(t(key)), BarColumn()] + ([MofNCompleteColumn()] if total else []) + [
            TimeElapsedColumn()]
        bar = Progress(*columns, console=console, transient=True, redirect_stdout=False, redirect_stderr=False)
        with bar:
            self._shown = bar
            try:
                yield _Bar(bar, bar.add_task("", total=total))
            finally:
                self._shown = None

    def waiting(self, key: str, **fields: object) -> None:
        if self._shown is not None:
            from rich.text import Text

            self._shown.console.print(Text(t(key, **fields)))
            return
        try:
            self.stream.write(t(key, **fields) + "\n")
            self.stream.flush()
        except (OSError, ValueError):  # the stream went away (a closed pipe)
            pass
