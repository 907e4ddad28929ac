"""What `verify FILE` found, for people (sentences and a short table) and scripts (JSON)."""

from __future__ import annotations

import re
from pathlib import Path

from cadretrack.domain.dates import format_date
from cadretrack.i18n import t
from cadretrack.render.streams import write_data
from cadretrack.render.text import local_time, to_json


def document_check_text(result) -> tuple[list[str], list[tuple[str, str, str]], list[str]]:
    """What `verify FILE` says, for the terminal and the web page alike: the sentences before
    the table of differences, its rows (place in words, in the file, in the ledger), and the
    sentences after it."""
    s = result.stamp
    name = Path(result.file).name
    document = t("doc_" + s.document)
    if not result.same_ledger:
        return [t("doc_other_ledger", file=name, document=document, year=s.year, ledger=s.ledger[:8])], [], []
    before = [t("doc_from_here", file=name, document=document, year=s.year, as_of=format_date(s.as_of),
                changeset=s.changeset, at=local_time(s.at))]
    if result.compared == "figures":
        before.append(t("doc_own_template"))
    rows: list[tuple[str, str, str]] = []
    after: list[str] = []
    if result.unedited:
        before.append(t("doc_unedited"))
    else:
        before.append(t("doc_edited", count=len(result.differences) + result.more))
        rows = [(place_words(d["where"]), *contrast(d["document"], d["ledger"])) for d in result.differences]
        if result.more:
            after.append(t("doc_more_differences", count=result.more))
    if result.changes_since:
        after.append(t("doc_changed_since", count=result.changes_since, file=result.file))
    else:
        after.append(t("doc_unchanged_since"))
    return before, rows, after


def print_document_check(result, format: str) -> None:
    if format == "json":
        write_data(to_json(result.as_dict()))
        return
    from rich.table import Table
    from rich.text import Text

    from cadretrack.render.terminal import console

    out = console()
    before, rows, after = document_check_text(result)
    for line in before:
        out.print(line, markup=False)
    if rows:
        table = Table(header_style="bold")
        for key in ("col_where", "col_in_file", "col_in_ledger"):
            table.add_column(t(key), overflow="fold")
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))  # a file's text, never markup
        out.print(table)
    for line in after:
        out.print(line, markup=False)


_TABLE_CELL = re.compile(r"^T(\d+):(\d+)\.(\d+)$")
_PARAGRAPH = re.compile(r"^¶(\d+)$")
SHOWN = 120  # characters of a long text shown, around its first difference


def place_words(where: str) -> str:
    """A difference's place as the clerk finds it: "Bảng 2, dòng 3, cột 4", "Đoạn 12", a
    workbook's "Tổng hợp!C7" as it is, the stamp in words."""
    if where == "stamp":
        return t("where_stamp")
    cell = _TABLE_CELL.match(where)
    if cell:
        return t("where_table_cell", table=cell[1], row=cell[2], column=cell[3])
    paragraph = _PARAGRAPH.match(where)
    return t("where_paragraph", number=paragraph[1]) if paragraph else where


def contrast(in_file, in_ledger) -> tuple[str, str]:
    """Both texts, a long one cut to the stretch where they first differ (the same words before
    it elided on both sides), so the difference is always in view."""
    a, b = ("—" if v is None else str(v) for v in (in_file, in_ledger))
    if len(a) <= SHOWN and len(b) <= SHOWN:
        return a, b
    first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    start = max(0, first - SHOWN // 3)
    return tuple(("…" if start else "") + v[start:start + SHOWN] + ("…" if len(v) > start + SHOWN else "")
                 for v in (a, b))
