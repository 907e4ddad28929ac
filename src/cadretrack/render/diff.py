"""`diff` for people (counts before and after, then each change), scripts (JSON) and CSV."""

from __future__ import annotations

from cadretrack.domain.dates import format_date
from cadretrack.domain.obligations import STATUSES
from cadretrack.i18n import t
from cadretrack.render.check import kind_label
from cadretrack.render.text import command_text, local_time
from cadretrack.render.streams import write_data
from cadretrack.render.text import to_csv, to_json

CSV_FIELDS = ["change", "changeset", "at", "command", "kind", "year", "commune_code", "cadre", "before", "after"]


def print_diff(diff, format: str) -> None:
    if format == "json":
        write_data(to_json(diff.as_dict()))
        return
    if format == "csv":
        rows = [{**c, "before": _value(c["before"], raw=True), "after": _value(c["after"], raw=True)}
                for c in diff.changes]
        write_data(to_csv(rows, CSV_FIELDS))
        return
    from rich.table import Table

    from cadretrack.render.terminal import console

    out = console()
    out.print(t("diff_title", since=local_time(diff.since) if diff.since else "—",
                until=local_time(diff.until) if diff.until else "—", year=diff.year,
                as_of_before=format_date(diff.as_of_before), as_of=format_date(diff.as_of)), markup=False)
    counts = Table(title=t("diff_counts_title"), title_justify="left", header_style="bold")
    for key in ("col_status", "col_before", "col_after"):
        counts.add_column(t(key))
    for status in STATUSES:
        counts.add_row(t("status_" + status), str(diff.counts_before.get(status, 0)),
                       str(diff.counts_after.get(status, 0)))
    out.print(counts)
    if not diff.changes:
        out.print(t("diff_none"), markup=False)
        return
    table = Table(header_style="bold")
    for key in ("col_change", "col_kind", "col_commune", "col_cadre", "col_before", "col_after", "col_changeset",
                "col_when", "col_command"):
        table.add_column(t(key), overflow="fold")
    for c in diff.changes:
        kind = kind_label(diff.rules, c["kind"]) if c["kind"] and c["kind"] in diff.rules.kinds else c["kind"] or ""
        table.add_row(t("change_" + c["change"]), kind, c.get("commune") or c["commune_code"] or "", c["cadre"] or "",
                      _value(c["before"]), _value(c["after"]), str(c["changeset"] or ""),
                      local_time(c["at"]) if c["at"] else "", command_text(c["command"]))
    out.print(table)
    out.print(t("diff_count", count=len(diff.changes)), markup=False)


def _value(value, raw: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{k}={'' if v is None else v}" for k, v in value.items())
    if raw or value not in STATUSES:
        return str(value)
    return t("status_" + value)
