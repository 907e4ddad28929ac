"""The check's rows for people (grouped, coloured), scripts (JSON, CSV) and files."""

from __future__ import annotations

from cadretrack.domain.dates import format_date
from cadretrack.domain.obligations import STATUSES, Status
from cadretrack.domain.ratings import rating_label
from cadretrack.domain.rules import Rules
from cadretrack.errors import CadretrackError
from cadretrack.i18n import get_lang, t
from cadretrack.render.streams import write_data
from cadretrack.render.text import to_csv, to_json, who_and_where

FIELDS = ["kind", "year", "due", "filed", "status", "days_late", "cadre", "position", "agency",
          "commune", "commune_code", "district", "member", "member_position", "number", "rating", "score", "note", "rule"]
STYLES = {"overdue": "bold red", "late": "yellow", "pending": "cyan", "on_time": "green"}


def kind_label(rules: Rules, kind: str) -> str:
    rule = rules.kinds[kind]
    return rule.label_en if get_lang() == "en" else rule.label_vi


def rule_text(item: Status, rules: Rules) -> str:
    """Which rule set the due date, in words a clerk recognises."""
    owed = item.owed
    rule = rules.kinds[owed.kind]
    if owed.basis == "grace":
        text = t("rule_grace", days=rules.grace_days, start=format_date(owed.assignment.start))
    elif owed.basis == "override":
        text = t("rule_override", year=owed.year, date=format_date(rule.overrides[owed.year]))
    elif rule.before:
        text = t("rule_before", day=f"{rule.day:02d}/{rule.month:02d}")
    else:
        text = t("rule_by", day=f"{rule.day:02d}/{rule.month:02d}")
    if owed.moved_from is not None:
        text += " " + t("rule_moved", date=format_date(owed.moved_from))
    return text


def item_dicts(items: list[Status], rules: Rules, member_of=None) -> list[dict]:
    """Each item as the JSON/CSV row of the contract (FIELDS). Each assignment's fields, each
    rule's text and each date's ISO form are worked out once (a national check has 30,000)."""
    texts: dict = {}
    people: dict[int, tuple] = {}
    iso: dict = {None: None}
    out = []
    for item in items:
        owed, f = item.owed, item.filing
        a = owed.assignment
        who = people.get(a.id)
        if who is None:
            who = people[a.id] = tuple(who_and_where(a).values())
        m = member_of(item) if member_of else None
        who = (*who, m.member, m.position or None) if m else (*who, None, None)
        key = (owed.kind, owed.year, owed.basis, owed.moved_from, a.start if owed.basis == "grace" else None)
        rule = texts.get(key)
        if rule is None:
            rule = texts[key] = rule_text(item, rules)
        due = iso.get(owed.due) or iso.setdefault(owed.due, owed.due.isoformat())
        if f is None:
            values = (owed.kind, owed.year, due, None, item.status, item.days_late, *who, None, None, None, None, rule)
        else:
            filed = iso.get(f.filed) or iso.setdefault(f.filed, f.filed.isoformat())
            values = (owed.kind, owed.year, due, filed, item.status, item.days_late, *who,
                      f.number or None, f.rating or None, f.score, f.note or None, rule)
        out.append(dict(zip(FIELDS, values)))
    return out


def check_json(report) -> str:
    return to_json({
        "year": report.year,
        "as_of": report.as_of,
        "counts": report.counts,
        "items": item_dicts(report.items, report.rules, report.member_of),
    })


def check_csv(report) -> str:
    return to_csv(item_dicts(report.items, report.rules, report.member_of), FIELDS)


def summary_line(report) -> str:
    c = report.counts
    line = t("check_summary", as_of=format_date(report.as_of), year=report.year, total=sum(c.values()), **c)
    if report.year < report.first_year:  # nothing owed: say why, as record does
        line += " " + t("check_before_rules", year=report.year, first=report.first_year)
    return line


TABLE_ROWS = 500  # per status in the table for people; all of them in JSON, CSV and files


def check_tables(report, limit: int | None = TABLE_ROWS):
    """One rich table per status present, most urgent first, each cut at `limit` rows
    with a line saying how many more (a national listing is for files, not a screen)."""
    from rich.table import Table

    from cadretrack.render.terminal import safe_text

    tables = []
    for status in STATUSES:
        every = [i for i in report.items if i.status == status]
        if not every:
            continue
        rows = every[:limit] if limit else every
        more = len(every) - len(rows)
        tbl = Table(title=f"{t('status_' + status)} ({len(every)})", title_style=STYLES[status],
                    title_justify="left", header_style="bold",
                    caption=t("table_more", count=more) if more else None, caption_justify="left")
        columns = ["col_kind", "col_district", "col_commune", "col_cadre", "col_agency", "col_due",
                   "col_filed", "col_days_late", "col_rule"]
        if report.members:  # once the division of work is imported: the member in charge
            columns.insert(3, "col_member")
        for key in columns:
            tbl.add_column(t(key), overflow="fold")
        for i in rows:
            a, f = i.owed.assignment, i.filing
            extra = f" ({rating_label(f.rating)})" if f and f.rating else ""
            cells = [
                kind_label(report.rules, i.owed.kind), a.district, a.commune, a.cadre, a.agency,
                format_date(i.owed.due), (format_date(f.filed) + extra) if f else "",
                "" if i.days_late is None else str(i.days_late), rule_text(i, report.rules),
            ]
            if report.members:
                m = report.member_of(i)
                cells.insert(3, m.member if m else "")
            tbl.add_row(*map(safe_text, cells), style=STYLES[status] if status == "overdue" else None)
        tables.append(tbl)
    return tables


OUTPUT_SUFFIXES = {".csv": "csv", ".json": "json", ".xlsx": "xlsx"}


def output_format(format: str, output) -> str:
    """What to write: on stdout, the format asked for; in a file, what its extension says
    (.csv, .json, .xlsx). Any other extension is refused before any work is done."""
    if output is None:
        return format
    written = OUTPUT_SUFFIXES.get(output.suffix.lower())
    if written is None:
        raise CadretrackError("output_suffix", path=str(output), accepted=", ".join(OUTPUT_SUFFIXES))
    if not output.parent.is_dir():
        raise CadretrackError("folder_missing", path=str(output.parent))
    return written


def emit(report, format: str, output, today) -> None:
    """The check's listing on stdout (a table, JSON or CSV), or in `output` (JSON, CSV for
    spreadsheets, a workbook)."""
    if format == "xlsx":
        from cadretrack.progress import steps
        from cadretrack.render.files import write_atomically
        from cadretrack.render.workbook import write_check_list

        with steps("exporting"):  # a national list to chase: seconds
            write_atomically(output, lambda tmp: write_check_list(report, tmp, today))
        return
    if format in ("json", "csv"):
        text = check_json(report) + "\n" if format == "json" else check_csv(report)
        if output is None:
            write_data(text)
        else:
            from cadretrack.render.files import write_atomically

            write_atomically(output, lambda tmp: tmp.write_text(
                text, encoding="utf-8-sig" if format == "csv" else "utf-8"))
        return
    from cadretrack.render.terminal import console

    out = console()
    for tbl in check_tables(report, TABLE_ROWS):
        out.print(tbl)
    out.print(summary_line(report))
