"""History, for people and scripts."""

from __future__ import annotations

from cadretrack.i18n import t
from cadretrack.render.stopped import summary_text
from cadretrack.render.streams import write_data
from cadretrack.render.terminal import console, table
from cadretrack.render.text import command_text, local_time, to_json


def print_history(items: list, format: str) -> None:
    if format == "json":
        write_data(to_json([c.as_dict() for c in items]) + "\n")
        return
    if not items:
        console().print(t("history_none"))
        return
    rows = []
    for c in items:
        summary = summary_text(c.summary)
        state = t("undone_by", id=c.undone_by) if c.undone_by else ""
        rows.append([str(c.id), local_time(c.at), c.user, command_text(c.command), summary, state])
    headers = [t(k) for k in ("col_id", "col_at", "col_user", "col_command", "col_summary", "col_state")]
    console().print(table(t("history_title"), headers, rows))
