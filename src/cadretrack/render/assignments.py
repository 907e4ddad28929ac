"""Assignment lists and import plans, for people and for scripts."""

from __future__ import annotations

from cadretrack.domain.changes import Plan
from cadretrack.domain.dates import format_date
from cadretrack.i18n import t
from cadretrack.render.terminal import console, table
from cadretrack.render.text import print_for_scripts, who_and_where

FIELDS = ["cadre", "position", "agency", "commune", "commune_code", "district", "start", "end", "decision"]


def assignment_dict(a) -> dict:
    return {
        **who_and_where(a),
        "start": a.start,
        "end": a.end,
        "decision": a.decision or None,
    }


def print_assignments(items: list, format: str) -> None:
    if print_for_scripts([assignment_dict(a) for a in items], FIELDS, format):
        return
    headers = [t(k) for k in ("col_district", "col_commune", "col_code", "col_cadre", "col_position",
                              "col_agency", "col_start", "col_end", "col_decision")]
    body = [
        [a.district, a.commune, a.official_code, a.cadre, a.position, a.agency,
         format_date(a.start), format_date(a.end) or t("in_force"), a.decision]
        for a in items
    ]
    out = console()
    if not items:
        out.print(t("show_nothing"))
        return
    out.print(table(t("list_title"), headers, body))
    out.print(t("list_count", count=len(items)))


def print_lineage(lineage) -> None:
    """Where a unit came from (and who followed those units), and what it became."""
    out = console()

    def units(pairs) -> str:
        return "; ".join(f"{c.name} ({c.district or c.province}, {t('part_' + part)})" for c, part in pairs)

    if lineage.formed_from:
        out.print(f"{t('show_formed_from')}: {units(lineage.formed_from)}")
        if lineage.earlier:
            print_assignments(lineage.earlier, "table")
    if lineage.became:
        out.print(f"{t('show_became', date=format_date(lineage.abolished))}: {units(lineage.became)}")


def plan_table(plan: Plan):
    headers = [t(k) for k in ("col_change", "col_commune", "col_cadre", "col_position", "col_start", "col_end")]
    rows = []
    day_before = format_date(plan.effective.fromordinal(plan.effective.toordinal() - 1))
    for a in plan.end:
        rows.append([t("change_end"), a.commune, a.cadre, a.position, format_date(a.start), day_before])
    for a in plan.void:
        rows.append([t("change_void"), a.commune, a.cadre, a.position, format_date(a.start), ""])
    for w in plan.create:
        rows.append([t("change_new"), w.commune_label, w.cadre, w.position, format_date(plan.effective), ""])
    for a, w in plan.reposition:
        rows.append([t("change_position"), a.commune, a.cadre, f"{a.position} → {w.position}", "", ""])
    return table("", headers, rows)
