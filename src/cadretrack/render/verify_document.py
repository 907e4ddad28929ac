"""What `verify FILE` found, for people (sentences and a short table) and scripts (JSON)."""

from __future__ import annotations

import re
from pathlib import Path

from cadretrack.domain.dates import format_date
from cadretrack.i18n import t
from cadretrack.render.streams import write_data
from cadretrack.render.text import local_time, to_json


def print_document_check(result, format: str) -> None:
    if format == "json":
        write_data(to_json(result.as_dict()))
        return
    from rich.table import Table

    from cadretrack.render.terminal import console

    out = console()
    s = result.stamp
    name = Path(result.file).name
    document = t("doc_" + s.document)
    if not result.same_ledger:
        out.print(t("doc_other_ledger", file=name, document=document, year=s.year, ledger=s.ledger[:8]),
                  markup=False)
        return
    out.print(t("doc_from_here", file=name, document=document, year=s.year, as_of=format_date(s.as_of),
                changeset=s.changeset, at=local_time(s.at)), markup=False)
    if result.compared == "figures":
        out.print(t("doc_own_template"), markup=False)
    if result.unedited:
        out.print(t("doc_unedited"), markup=False)
    else:
        out.print(t("doc_edited", count=len(result.differences) + result.more), markup=False)
        table = Table(header_style="bold")
        for key in ("col_where", "col_in_file", "col_in_ledger"):
            table.add_column(t(key), overflow="fold")
        for d in result.differences:
            table.add_row(place_words(d["where"]), *contrast(d["document"], d["ledger"]))
        out.print(table)
        if result.more:
            out.print(t("doc_more_differences", count=result.more), markup=False)
    if result.changes_since:
        out.print(t("doc_changed_since", count=result.changes_since, file=result.file), markup=False)
    else:
        out.print(t("doc_unchanged_since"), markup=False)


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
