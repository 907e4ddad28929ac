"""Reminders and difficulties for people and scripts."""

from __future__ import annotations

from cadretrack.domain.dates import format_date
from cadretrack.i18n import t
from cadretrack.render.terminal import console, table
from cadretrack.render.text import print_for_scripts

DIFFICULTY_FIELDS = ["id", "commune", "commune_code", "district", "cadre", "raised_on", "raised_by", "text",
                     "resolved_on", "resolution", "referred_to", "age_days", "member"]


def progress(item, as_of) -> str:
    """How far an item is from its due date, in the user's language (letters say it in Vietnamese)."""
    if item.status == "overdue":
        return t("progress_overdue", days=item.days_late)
    days = (item.owed.due - as_of).days
    return t("progress_today") if days == 0 else t("progress_left", days=days)


def print_reminders(found) -> None:
    from cadretrack.render.check import kind_label

    out = console()
    if not found.recipients:
        out.print(t("remind_nothing", as_of=format_date(found.as_of), within=found.within))
        return
    headers = [t(k) for k in ("col_kind", "col_cadre", "col_commune", "col_district", "col_due", "col_progress")]
    for recipient in found.recipients:
        rows = [[kind_label(found.rules, i.owed.kind) + f" {i.owed.year}", i.owed.assignment.cadre,
                 i.owed.assignment.commune, i.owed.assignment.district, format_date(i.owed.due),
                 progress(i, found.as_of)] for i in recipient.items]
        styles = ["red" if i.status == "overdue" else "yellow" for i in recipient.items]
        out.print(table(f"{recipient.name} ({len(rows)})", headers, rows, styles))
    total = sum(len(r.items) for r in found.recipients)
    overdue = sum(r.overdue for r in found.recipients)
    out.print(t("remind_summary", recipients=len(found.recipients), total=total, overdue=overdue,
                soon=total - overdue, within=found.within, as_of=format_date(found.as_of)))


def print_difficulties(items: list, format: str) -> None:
    if print_for_scripts([d.as_dict() for d in items], DIFFICULTY_FIELDS, format):
        return
    out = console()
    if not items:
        out.print(t("difficulties_none"))
        return
    headers = [t(k) for k in ("col_id", "col_commune", "col_cadre", "col_raised_on", "col_raised_by", "col_text",
                              "col_resolved_on", "col_age")]
    body = [[str(d.id), d.commune, d.cadre, format_date(d.raised_on), t("raiser_" + d.raised_by), d.text,
             format_date(d.resolved_on) or t("still_open"), str(d.age_days)] for d in items]
    if any(d.member for d in items):  # once members exist: whom the difficulty goes to first
        headers.insert(3, t("col_member"))
        for row, d in zip(body, items):
            row.insert(3, d.member)
    out.print(table(t("difficulties_title"), headers, body))
