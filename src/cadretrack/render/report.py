"""The Board's draft report to the Standing Committee, as a Word document from a docxtpl
template (the bundled one, or a Board's own with --template).

Every figure comes from the same statuses `check` computes for the year and date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cadretrack.domain.dates import format_date
from cadretrack.domain.ratings import RATINGS
from cadretrack.render.docx_template import template_path, write_docx
from cadretrack.render.xlsx_style import DEFAULT_SIGNER, place_and_date
from cadretrack.reports.summary import NO_MEMBER, SummaryRow, member_table, unit_words

TEMPLATE = "bao-cao-ket-qua.docx"


def percent(part: int, whole: int) -> str:
    """"72,7%": one decimal, a decimal comma, as Vietnamese documents write it."""
    if not whole:
        return "-"
    return f"{100 * part / whole:.1f}".replace(".", ",") + "%"


def committee_word(party_committee: str) -> str:
    """"Tỉnh ủy" or "Thành ủy", as the header's committee says (THÀNH ỦY HÀ NỘI)."""
    return "Thành ủy" if party_committee.strip().upper().startswith("THÀNH ỦY") else "Tỉnh ủy"


def context(report, difficulties: list, today: dt.date) -> dict:
    """Every field a template may use (see data/templates/README.md)."""
    rules = report.rules
    org = rules.organization
    items = report.scope
    units = unit_words(items)
    total = SummaryRow("")
    total.add_all(items)
    kinds = []
    for key, rule in rules.kinds.items():
        c = total.kinds[key]
        not_filed = c.overdue + c.pending
        kinds.append({
            "key": key, "label": rule.label_vi,
            "owed": c.owed, "on_time": c.on_time, "late": c.late, "overdue": c.overdue, "pending": c.pending,
            "not_filed": not_filed, "filed": c.filed,
            "on_time_pct": percent(c.on_time, c.owed), "late_pct": percent(c.late, c.owed),
            "not_filed_pct": percent(not_filed, c.owed), "filed_pct": percent(c.filed, c.owed),
        })
    labels = {k: r.label_vi for k, r in rules.kinds.items()}
    missing = [i for i in items if i.status == "overdue"]
    late = [i for i in items if i.status == "late"]
    committee = committee_word(org.get("party_committee", ""))
    return {
        "party_committee": org.get("party_committee", ""),
        "board": org.get("board", ""),
        "committee": committee,
        "place_date": place_and_date(org.get("place", ""), today),
        "number": org.get("report_number", "       -BC/BTCTU"),
        "regulation": rules.name,
        "regulation_short": rules.title_name,
        "guidance": rules.guidance,
        "year": report.year,
        "as_of": format_date(report.as_of),
        "units": units,
        "assignments": len(total.assignments),
        "cadres": len(total.cadres),
        "communes": len(total.communes),
        "kinds": kinds,
        "missing": [_row(n, i, labels) for n, i in enumerate(missing, start=1)],
        "late": [_row(n, i, labels) for n, i in enumerate(late, start=1)],
        "ratings": _ratings(items, rules),
        "difficulties": [
            {"n": n, "commune": d.commune, "text": d.text, "raised": format_date(d.raised_on),
             "result": _result(d)}
            for n, d in enumerate(difficulties, start=1)],
        "resolved": sum(1 for d in difficulties if d.resolved_on and not d.referred_to),
        "referred": sum(1 for d in difficulties if d.resolved_on and d.referred_to),
        "open": sum(1 for d in difficulties if not d.resolved_on),
        **_members(report, labels),
        "signer_title": org.get("signer_title") or DEFAULT_SIGNER,
        "signer_name": org.get("signer_name", ""),
    }


def _row(n: int, item, labels: dict) -> dict:
    a, f = item.owed.assignment, item.filing
    return {
        "n": n, "name": a.cadre, "position": a.position, "agency": a.agency,
        "commune": a.commune, "district": a.district or a.province,
        "kind": labels[item.owed.kind], "due": format_date(item.owed.due),
        "filed": format_date(f.filed) if f is not None else "", "days_late": item.days_late or "",
    }


def _members(report, labels: dict) -> dict:
    """The table per member in charge (one row per member and kind, as the workbook's sheet
    counts them) and the overdue filings grouped by member; empty before any member."""
    if not report.members:
        return {"members": [], "members_missing": []}
    table = member_table(report.scope, report.member_of, "Tổng cộng")
    rows = []
    for n, row in enumerate(table.rows + [table.total], start=1):
        is_total = row is table.total
        who = row.label + (f", {table.positions[row.label]}" if row.label in table.positions else "")
        for k, (key, label) in enumerate(labels.items()):
            c = row.kinds[key]
            first = k == 0
            rows.append({
                "n": n if first and not is_total else "", "member": who if first else "",
                "area": table.areas.get(row.label, "") if first and not is_total else "", "kind": label,
                "owed": c.owed, "on_time": c.on_time, "late": c.late, "not_filed": c.overdue + c.pending,
                "filed_pct": percent(c.filed, c.owed),
            })
    missing: dict[str, list] = {}
    for item in report.scope:
        if item.status == "overdue":
            m = report.member_of(item)
            missing.setdefault(m.member if m else NO_MEMBER, []).append(item)
    grouped = [{"member": name, "count": len(items),
                "places": ", ".join(dict.fromkeys(i.owed.assignment.commune for i in items))}
               for name, items in missing.items() if name != NO_MEMBER]
    return {"members": rows, "members_missing": grouped}


def _ratings(items, rules) -> list[dict]:
    """Per rated kind: how many filings carry each level, and how many none."""
    out = []
    for key, rule in rules.kinds.items():
        if not rule.rating:
            continue
        filed = [i.filing for i in items if i.owed.kind == key and i.filing is not None]
        rated = [f.rating for f in filed if f.rating in RATINGS]
        levels = [{"code": code, "label": label, "short": short, "count": rated.count(code),
                   "pct": percent(rated.count(code), len(rated))}
                  for code, (label, short, _) in RATINGS.items()]
        out.append({"label": rule.label_vi, "filed": len(filed), "rated": len(rated),
                    "unrated": len(filed) - len(rated), "levels": levels})
    return out


def _result(d) -> str:
    if not d.resolved_on:
        return "Chưa giải quyết"
    said = d.resolution or "Đã giải quyết"
    if d.referred_to:
        said += f"; chuyển {d.referred_to}"
    return f"{said} ({format_date(d.resolved_on)})"


def report_template(template: Path | None) -> Path:
    """The report template to use; refused before any work when it cannot be."""
    return template_path(template, TEMPLATE)


def report_bytes(report, difficulties: list, today: dt.date) -> bytes:
    """The report from the built-in template, stamped, in memory (verify FILE makes it again)."""
    from cadretrack.render.docx_template import docx_bytes
    from cadretrack.render.provenance import stamp_docx

    return docx_bytes(report_template(None), context(report, difficulties, today),
                      finish=lambda doc: stamp_docx(doc, report.stamp))


def write_report(report, difficulties: list, path: Path, source: Path, today: dt.date) -> None:
    """The report from the template at `source` (see report_template)."""
    from cadretrack.render.provenance import stamp_docx

    write_docx(source, context(report, difficulties, today), path, finish=lambda doc: stamp_docx(doc, report.stamp))
