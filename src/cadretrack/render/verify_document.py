"""What `verify FILE` found, for people (sentences and a short table) and scripts (JSON)."""

from __future__ import annotations

from pathlib import Path

from cadretrack.domain.dates import format_date
from cadretrack.i18n import t
from cadretrack.render.text import local_time
from cadretrack.render.streams import write_data
from cadretrack.render.text import to_json


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
            where = t("where_stamp") if d["where"] == "stamp" else d["where"]
            table.add_row(where, _shown(d["document"]), _shown(d["ledger"]))
        out.print(table)
        if result.more:
            out.print(t("doc_more_differences", count=result.more), markup=False)
    if result.changes_since:
        out.print(t("doc_changed_since", count=result.changes_since, file=result.file), markup=False)
    else:
        out.print(t("doc_unchanged_since"), markup=False)


def _shown(value) -> str:
    if value is None:
        return "—"
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "…"
