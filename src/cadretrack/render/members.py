"""The members in charge and their communes, for people and for scripts."""

from __future__ import annotations

from cadretrack.domain.dates import format_date
from cadretrack.i18n import t
from cadretrack.render.terminal import console, table
from cadretrack.render.text import print_for_scripts

FIELDS = ["member", "position", "commune", "commune_code", "district", "start", "end", "decision"]


def member_dict(a) -> dict:
    return {
        "member": a.member, "position": a.position, "commune": a.commune, "commune_code": a.official_code,
        "district": a.district or None, "start": a.start, "end": a.end, "decision": a.decision or None,
    }


def print_members(items: list, format: str) -> None:
    if print_for_scripts([member_dict(a) for a in items], FIELDS, format):
        return
    out = console()
    if not items:
        out.print(t("members_nothing_listed"))
        return
    headers = [t(k) for k in ("col_member", "col_position", "col_district", "col_commune", "col_code",
                              "col_start", "col_end", "col_decision")]
    body = [[a.member, a.position, a.district, a.commune, a.official_code, format_date(a.start),
             format_date(a.end) or t("member_in_force"), a.decision]
            for a in sorted(items, key=lambda a: (a.member, a.place, a.start))]
    out.print(table(t("members_title"), headers, body))
    out.print(t("members_count", count=len(items), members=len({a.member_id for a in items})))


def print_commune_members(items: list) -> None:
    """Who was in charge of one unit, over time (nothing before any division of work)."""
    if not items:
        return
    headers = [t(k) for k in ("col_member", "col_position", "col_start", "col_end", "col_decision")]
    body = [[a.member, a.position, format_date(a.start), format_date(a.end) or t("member_in_force"), a.decision]
            for a in items]
    console().print(table(t("show_members"), headers, body))
