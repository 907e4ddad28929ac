"""Rich tables for people; plain when the output is not a terminal."""

from __future__ import annotations

import unicodedata

from rich.console import Console
from rich.table import Table
from rich.text import Text


class _Console(Console):
    """Rich's console, except that a reader gone away (`| head`) is not Rich's exit 1 but the
    BrokenPipeError every command answers the same way (cli.localized: exit 0)."""

    def on_broken_pipe(self) -> None:
        from cadretrack.render.streams import reader_gone

        reader_gone()
        raise BrokenPipeError(32, "the reader of the output has gone")


def console(stderr: bool = False) -> Console:
    """A console that draws for a terminal, or wide plain text when piped."""
    out = _Console(stderr=stderr, highlight=False, soft_wrap=False)
    if not out.is_terminal:
        out = _Console(stderr=stderr, highlight=False, soft_wrap=False, width=200, no_color=True)
    return out


def safe_text(value: object) -> Text:
    """A cell as literal text: no rich markup, no terminal control sequences."""
    raw = "" if value is None else str(value)
    return Text("".join(ch if ch == "\n" or unicodedata.category(ch) != "Cc" else "\ufffd" for ch in raw))


def table(title: str, headers: list[str], rows: list[list[str]], styles: list[str] | None = None) -> Table:
    tbl = Table(title=title, show_lines=False, header_style="bold")
    for header in headers:
        tbl.add_column(header, overflow="fold")
    for i, row in enumerate(rows):
        tbl.add_row(*(safe_text(cell) for cell in row), style=(styles[i] if styles else None))
    return tbl
