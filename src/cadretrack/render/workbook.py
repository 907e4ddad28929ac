"""The year-end workbook for the Standing Committee, and the check's list as a sheet.

Every sheet prints legibly on A4 (render/xlsx_print) and every table ends with the
signature block of a printed biểu."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cadretrack.domain.dates import format_date
from cadretrack.domain.ratings import rating_label
from cadretrack.domain.rules import Rules
from cadretrack.render.provenance import stamp_line, stamp_workbook
from cadretrack.render.xlsx_print import plan_pages, print_setup, set_widths
from cadretrack.render.xlsx_style import (
    Styles,
    cell_writers,
    excel_day,
    data_row,
    date,
    header_block,
    merge,
    new_workbook,
    nothing_listed,
    number,
    signature_block,
    text,
)
from cadretrack.reports.summary import (
    SummaryRow,
    agency_grouping,
    detail,
    member_table,
    place_grouping,
    summarize,
    to_chase,
    unit_words,
)

STATUS_VI = {
    "on_time": "Nộp đúng hạn",
    "late": "Nộp muộn",
    "overdue": "Chưa nộp, đã quá hạn",
    "pending": "Chưa nộp, còn trong hạn",
}
COUNT_HEADERS = ["Đúng hạn", "Nộp muộn", "Chưa nộp, đã quá hạn", "Chưa đến hạn", "Tỷ lệ đã nộp"]
SHEETS = ("Tổng hợp", "Biểu đồ", "Chi tiết", "Theo cơ quan", "Chưa nộp, nộp muộn", "Khó khăn, vướng mắc", "Căn cứ",
          "Theo UVBTV phụ trách")
Progress = Callable[[int], None]


def _noop(_: int) -> None:
    pass


@dataclass(frozen=True)
class SummaryCells:
    """Where a summary sheet put its numbers: the charts read them from there."""

    sheet: str
    first: int  # the first data row (0-based)
    rows: list[SummaryRow]  # the data rows, then the total row
    kinds: list[str]
    fixed: int = 4  # the columns before the first kind's

    def column(self, kind: str, offset: int) -> int:
        """The column of a kind's count (0 on time, 1 late, 2 overdue, 3 pending, 4 share)."""
        return self.fixed + 5 * self.kinds.index(kind) + offset


def write_summary(
    report, path: Path, today: dt.date, progress: Progress | None = None,
    meetings: dict | None = None, difficulties: list | None = None,
) -> None:
    """Every sheet of the year-end workbook, from a check report over all statuses,
    the meetings per assignment ({id: (invited, attended)}) and the difficulties."""
    from cadretrack.render.charts import charts_sheet

    progress = progress or _noop
    wb = new_workbook(path)
    styles = Styles(wb)
    items = report.scope
    group, heading, place = place_grouping(items)
    units = unit_words(items)
    rows, total = summarize(items, group, "Tổng cộng")
    cells = _summary_sheet(wb, styles, report, today, SHEETS[0], heading, "Số " + units, rows, total, communes=True)
    progress(len(rows))
    charts_sheet(wb, styles, report, today, SHEETS[1], cells, heading)
    _detail_sheet(wb, styles, report, today, place, units, progress, meetings or {})
    rows, total = summarize(items, agency_grouping(items), "Tổng cộng", by_name=True)
    _summary_sheet(wb, styles, report, today, SHEETS[3], "Cơ quan, đơn vị", "Số cán bộ", rows, total, communes=False)
    progress(len(rows))
    if report.members:  # once the Standing Committee's division of work is imported
        table = member_table(items, report.member_of, "Tổng cộng")
        _summary_sheet(wb, styles, report, today, SHEETS[7], "Đồng chí Ủy viên Ban Thường vụ phụ trách", "Số xã",
                       table.rows, table.total, communes=True, members=table)
        progress(len(table.rows))
    _list_sheet(wb, styles, report, today, SHEETS[4], to_chase(items), place, units,
                "DANH SÁCH CHƯA NỘP, NỘP MUỘN", progress)
    _difficulties_sheet(wb, styles, report, today, place, units, difficulties or [])
    _rules_sheet(wb, styles, report, today, units)
    stamp_workbook(wb, report.stamp)
    wb.close()


def write_check_list(report, path: Path, today: dt.date) -> None:
    """The check's listed filings as one formatted sheet: the list to chase."""
    wb = new_workbook(path)
    styles = Styles(wb)
    place = place_grouping(report.items)[2]
    _list_sheet(wb, styles, report, today, "Danh sách", report.items, place, unit_words(report.items),
                "DANH SÁCH VĂN BẢN PHẢI NỘP", _noop)
    wb.close()


def _title(report, prefix: str = "") -> tuple[str, str]:
    """The title of a sheet (by default: the results of the regulation of the year's set)."""
    prefix = prefix or "TỔNG HỢP KẾT QUẢ THỰC HIỆN " + report.rules.title_name.upper()
    return f"{prefix} NĂM {report.year}", f"Số liệu tính đến ngày {format_date(report.as_of)}"


def _kind_label(rules: Rules, kind: str) -> str:
    return rules.kinds[kind].label_vi


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _two_row_header(ws, styles, row: int, fixed: list[str], groups: list[tuple[str, list[str]]]) -> int:
    """Fixed columns merged over two rows, then groups with their sub-columns.

    Written row by row (the top row whole first), so the order also suits
    XlsxWriter's streaming mode should memory ever call for it.
    """
    for col, label in enumerate(fixed):
        ws.write_string(row, col, label, styles.header)
    col = len(fixed)
    for label, subs in groups:
        ws.merge_range(row, col, row, col + len(subs) - 1, label, styles.header)
        col += len(subs)
    ws.set_row(row + 1, 62)  # four lines: "Chưa nộp, đã quá hạn" in a narrow column
    for col, label in enumerate(fixed):
        ws.merge_range(row, col, row + 1, col, label, styles.header)
    col = len(fixed)
    for _, subs in groups:
        for sub in subs:
            ws.write_string(row + 1, col, sub, styles.header)
            col += 1
    return col


def _blocks(fixed: int, groups: list[int]) -> list[tuple[int, int]]:
    """Column ranges that print on one page: each fixed column, then each group whole."""
    blocks = [(c, c) for c in range(fixed)]
    col = fixed
    for size in groups:
        blocks.append((col, col + size - 1))
        col += size
    return blocks


def _summary_sheet(wb, styles, report, today, name, label, unit_label, rows: list[SummaryRow], total: SummaryRow,
                   communes: bool, members=None) -> SummaryCells:
    """A summary table: per group its units (or cadres), assignments and each kind's counts;
    per member in charge (`members`, a reports.summary.MemberTable) also the area and cadres."""
    ws = wb.add_worksheet(name)
    kinds = list(report.rules.kinds)  # owed in the year, in the rules' order
    fixed = ["STT", label, unit_label, "Số phân công"]
    widths = [5, 24, 8, 8]
    if members is not None:
        fixed = ["STT", label, "Địa bàn phụ trách", unit_label, "Số cán bộ"]
        widths = [5, 20, 26, 7, 7]
    widths += [7, 7, 8, 7, 7.5] * len(kinds)
    width = len(widths)
    set_widths(ws, widths)
    plan = plan_pages(widths, _blocks(len(fixed), [5] * len(kinds)), keys=2)
    title, subtitle = _title(report)
    page = plan.first_page_columns(width)
    start = header_block(ws, styles, page, report.rules.organization, today, title, subtitle)
    _two_row_header(ws, styles, start, fixed, [(_kind_label(report.rules, k), COUNT_HEADERS) for k in kinds])
    first = start + 2
    for index, row in enumerate(rows + [total]):
        r = first + index
        is_total = row is total
        fmt_text = styles.total_text if is_total else styles.text
        fmt_num = styles.total_number if is_total else styles.number
        fmt_pct = styles.total_percent if is_total else styles.percent
        if not is_total:
            number(ws, r, 0, index + 1, styles.center)
        if members is not None:
            who = row.label + (f", {members.positions[row.label]}" if row.label in members.positions else "")
            area = "" if is_total else members.areas.get(row.label, "")
            data_row(ws, r, [(who, 20), (area, 26)], styles.text)
            text(ws, r, 1, who, fmt_text)
            text(ws, r, 2, area, fmt_text)
            number(ws, r, 3, len(row.communes), fmt_num)
            number(ws, r, 4, len(row.cadres), fmt_num)
        else:
            data_row(ws, r, [(row.label, 24)], styles.text)
            text(ws, r, 1, row.label, fmt_text)
            number(ws, r, 2, len(row.communes if communes else row.cadres), fmt_num)
            number(ws, r, 3, len(row.assignments), fmt_num)
        col = len(fixed)
        for kind in kinds:
            counts = row.kinds[kind]
            for value in (counts.on_time, counts.late, counts.overdue, counts.pending):
                number(ws, r, col, value, fmt_num)
                col += 1
            number(ws, r, col, counts.share, fmt_pct)
            col += 1
    ws.freeze_panes(first, 2)
    signature_block(ws, styles, first + len(rows) + 2, page, report.rules.organization, today)
    if communes and report.stamp is not None:  # the provenance, printed under the signatures
        line = first + len(rows) + 10
        merge(ws, line, 2, line, max(page - 1, 2), stamp_line(report.stamp), styles.stamp)
        ws.set_row(line, 36)
    print_setup(ws, (start, start + 1), plan)
    if not communes:
        ws.autofilter(start + 1, 0, first + len(rows) - 1, width - 1)
    return SummaryCells(name, first, rows + [total], kinds, len(fixed))


def _detail_sheet(wb, styles, report, today, place, units, progress, meetings):
    ws = wb.add_worksheet(SHEETS[2])
    kinds = list(report.rules.kinds)
    rated = [k for k in kinds if report.rules.kinds[k].rating]  # a rating and a score each
    # STT, name and commune first: they repeat on every printed page of a wide year.
    fixed = ["STT", "Họ và tên", units.capitalize(), place, "Chức vụ", "Cơ quan, đơn vị"]
    fixed_sizes = [5, 22, 18, 16, 18, 24]
    subs = ["Hạn nộp", "Ngày nộp", "Số, ký hiệu", "Trạng thái", "Ghi chú"]
    sizes = [11, 11, 12, 14, 12]
    widths = fixed_sizes + sizes * len(kinds) + [16, 7] * len(rated) + [8, 8]
    width = len(widths)
    set_widths(ws, widths)
    plan = plan_pages(widths, _blocks(len(fixed), [len(subs)] * len(kinds) + [2] * len(rated) + [2]), keys=3)
    title, subtitle = _title(report)
    page = plan.first_page_columns(width)
    start = header_block(ws, styles, page, report.rules.organization, today, "CHI TIẾT " + title, subtitle)
    groups = [(_kind_label(report.rules, k), subs) for k in kinds] + [
        ("Kết quả " + _lower_first(_kind_label(report.rules, k)), ["Xếp loại", "Điểm"]) for k in rated] + [
        ("Dự họp đảng ủy xã", ["Được mời", "Có dự"]),
    ]
    _two_row_header(ws, styles, start, fixed, groups)
    first = start + 2
    rows = detail(report.scope)
    # The hot loop of a national year (10,000 rows × 20 cells): the writer's methods bound
    # once, each cell written as what it is, empty ones not at all.
    put_text, put_number = cell_writers(ws)
    f_text, f_center, f_date, f_status = styles.text, styles.center, styles.date, styles.status
    place_sizes = list(zip(fixed_sizes[1:], range(1, 6)))
    for index, row in enumerate(rows):
        r = first + index
        a = row.assignment
        values = (a.cadre, a.commune, a.district or a.province, a.position, a.agency)
        ratings = [(rating_label(row.rating(k)), row.score(k)) for k in rated]
        # Every wrapped cell counts for the row's height: names, statuses, numbers, notes.
        heights = [(v, size) for v, (size, _) in zip(values, place_sizes)]
        put_number(r, 0, index + 1, f_center)  # a number, as the anchor and official tables have it
        for value, (_, col) in zip(values, place_sizes):
            if value:
                put_text(r, col, value, f_text)
        col = len(fixed)
        for kind in kinds:
            item = row.kinds.get(kind)
            if item is None:
                put_text(r, col + 3, "Không phải nộp", f_center)
                heights.append(("Không phải nộp", sizes[3]))
            else:
                status = STATUS_VI[item.status]
                put_number(r, col, excel_day(item.owed.due), f_date)
                put_text(r, col + 3, status, f_status[item.status])
                heights.append((status, sizes[3]))
                filing = item.filing
                if filing is not None:
                    put_number(r, col + 1, excel_day(filing.filed), f_date)
                    if filing.number:
                        put_text(r, col + 2, filing.number, f_text)
                    if filing.note:
                        put_text(r, col + 4, filing.note, f_text)
                    heights += [(filing.number, sizes[2]), (filing.note, sizes[4])]
            col += len(subs)
        for rating, score in ratings:
            heights.append((rating, 16))
            if rating:
                put_text(r, col, rating, f_center)
            if score is not None:
                put_number(r, col + 1, score, styles.decimal)
            col += 2
        data_row(ws, r, heights, f_text)
        if meetings:  # with no meeting recorded in the year, blank says "not recorded", not 0
            invited, attended = meetings.get(a.id, (0, 0))
            put_number(r, col, invited, styles.number)
            put_number(r, col + 1, attended, styles.number)
        if index % 500 == 499:
            progress(500)
    progress(len(rows) % 500)
    if not rows:
        nothing_listed(ws, styles, first, width)
    ws.freeze_panes(first, 3)
    ws.autofilter(start + 1, 0, first + max(len(rows), 1) - 1, width - 1)
    signature_block(ws, styles, first + max(len(rows), 1) + 1, page, report.rules.organization, today)
    print_setup(ws, (start, start + 1), plan)


def _list_sheet(wb, styles, report, today, name, items, place, units, heading, progress):
    ws = wb.add_worksheet(name)
    headers = ["STT", "Loại", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị", units.capitalize(), place,
               "Hạn nộp", "Ngày nộp", "Số ngày chậm", "Trạng thái"]
    sizes = [5, 16, 22, 16, 22, 18, 16, 11, 11, 8, 14]
    member_of = report.member_of if getattr(report, "members", None) else None
    if member_of:  # once the division of work is imported: the member in charge, last
        headers.append("UVBTV phụ trách")
        sizes.append(18)
    set_widths(ws, sizes)
    plan = plan_pages(sizes, keys=3)
    page = plan.first_page_columns(len(headers))
    title, subtitle = _title(report, heading)
    start = header_block(ws, styles, page, report.rules.organization, today, title, subtitle)
    ws.set_row(start, 30)
    for col, label in enumerate(headers):
        ws.write_string(start, col, label, styles.header)
    put_text, put_number = cell_writers(ws)
    labels = {k: _kind_label(report.rules, k) for k in report.rules.kinds}
    columns = list(zip(sizes[1:], range(1, 7)))
    for index, item in enumerate(items):
        r = start + 1 + index
        a, f = item.owed.assignment, item.filing
        values = (labels[item.owed.kind], a.cadre, a.position, a.agency, a.commune, a.district or a.province)
        status = STATUS_VI[item.status]
        member = (getattr(member_of(item), "member", "") or "") if member_of else ""
        data_row(ws, r, [(v, size) for v, (size, _) in zip(values, columns)] + [(status, sizes[10])]
                 + ([(member, sizes[11])] if member_of else []), styles.text)
        put_number(r, 0, index + 1, styles.center)
        for value, (_, col) in zip(values, columns):
            if value:
                put_text(r, col, value, styles.text)
        put_number(r, 7, excel_day(item.owed.due), styles.date)
        if f is not None:
            put_number(r, 8, excel_day(f.filed), styles.date)
        if item.days_late is not None:
            put_number(r, 9, item.days_late, styles.number)
        put_text(r, 10, status, styles.status[item.status])
        if member:
            put_text(r, 11, member, styles.text)
        if index % 500 == 499:
            progress(500)
    progress(len(items) % 500)
    if not items:
        nothing_listed(ws, styles, start + 1, len(headers))
    ws.freeze_panes(start + 1, 0)
    ws.autofilter(start, 0, start + max(len(items), 1), len(headers) - 1)
    signature_block(ws, styles, start + max(len(items), 1) + 2, page, report.rules.organization, today)
    print_setup(ws, (start, start), plan)


def _difficulties_sheet(wb, styles, report, today, place, units, items):
    ws = wb.add_worksheet(SHEETS[5])
    headers = ["STT", units.capitalize(), place, "Cán bộ theo dõi", "Ngày nêu", "Người nêu", "Nội dung",
               "Ngày giải quyết", "Kết quả giải quyết", "Chuyển cấp", "Số ngày"]
    sizes = [5, 18, 16, 18, 11, 11, 30, 11, 22, 14, 7]
    set_widths(ws, sizes)
    plan = plan_pages(sizes, keys=2)
    page = plan.first_page_columns(len(headers))
    title, subtitle = _title(report, f"KHÓ KHĂN, VƯỚNG MẮC CỦA CÁC {units.upper()}")
    start = header_block(ws, styles, page, report.rules.organization, today, title, subtitle)
    ws.set_row(start, 30)
    for col, label in enumerate(headers):
        ws.write_string(start, col, label, styles.header)
    for index, d in enumerate(items, start=1):
        r = start + index
        data_row(ws, r, [(d.commune, 18), (d.cadre, 18), (d.text, 30), (d.resolution, 22), (d.referred_to, 14)],
                 styles.text)
        number(ws, r, 0, index, styles.center)
        for col, value in ((1, d.commune), (2, d.district), (3, d.cadre)):
            text(ws, r, col, value, styles.text)
        date(ws, r, 4, d.raised_on, styles.date)
        text(ws, r, 5, "Cán bộ theo dõi" if d.raised_by == "cadre" else "Đảng ủy xã", styles.center)
        text(ws, r, 6, d.text, styles.text)
        date(ws, r, 7, d.resolved_on, styles.date)
        text(ws, r, 8, d.resolution, styles.text)
        text(ws, r, 9, d.referred_to, styles.text)
        number(ws, r, 10, d.age_days, styles.number)
    if not items:
        nothing_listed(ws, styles, start + 1, len(headers))
    ws.freeze_panes(start + 1, 0)
    ws.autofilter(start, 0, start + max(len(items), 1), len(headers) - 1)
    signature_block(ws, styles, start + max(len(items), 1) + 2, page, report.rules.organization, today)
    print_setup(ws, (start, start), plan)


def _rules_sheet(wb, styles, report, today, units):
    ws = wb.add_worksheet(SHEETS[6])
    rules = report.rules
    set_widths(ws, [34, 90])
    lines = [
        ("Số liệu tính đến ngày", format_date(report.as_of)),
        ("Năm", str(report.year)),
        ("Ngày lập", format_date(today)),
        ("Quy định", rules.name),
        ("Hướng dẫn", rules.guidance),
        ("Ngày có hiệu lực", format_date(rules.effective) + " (không tính nghĩa vụ có hạn trước ngày này)"),
        *[(f"Nhận nhiệm vụ sau hạn {_lower_first(rule.label_vi)}", f"hạn {rules.grace_days} ngày sau ngày nhận nhiệm vụ")
          for rule in rules.kinds.values() if rule.late_start_grace],
        ("Hạn rơi vào ngày nghỉ", "lùi sang ngày làm việc kế tiếp" if rules.next_working_day else "không lùi (tính theo ngày lịch)"),
    ]
    for kind, rule in rules.kinds.items():
        day = f"{rule.day:02d}/{rule.month:02d}"
        due = f"trước ngày {day} (ngày cuối cùng đúng hạn là ngày liền trước)" if rule.before else f"chậm nhất ngày {day}"
        extra = "; ".join(f"riêng năm {y}: chậm nhất {format_date(d)}" for y, d in sorted(rule.overrides.items()))
        filer = "cán bộ theo dõi" if rule.filer == "cadre" else f"đảng ủy {units}"
        lines.append((rule.label_vi, f"{filer} nộp {due}" + (f"; {extra}" if extra else "")))
    lines += [
        ("Nộp đúng hạn", "đã nộp, ngày nộp không muộn hơn hạn nộp"),
        ("Nộp muộn", "đã nộp, sau hạn nộp"),
        ("Chưa nộp, đã quá hạn", "đến ngày tính số liệu chưa nộp, đã qua hạn nộp"),
        ("Chưa nộp, còn trong hạn", "đến ngày tính số liệu chưa nộp, chưa đến hạn nộp"),
        ("Người phải nộp", "phân công đang có hiệu lực vào ngày hạn nộp; chỉ tính văn bản nhận đến ngày tính số liệu"),
    ]
    ws.merge_range(0, 0, 0, 1, "CĂN CỨ VÀ CÁCH TÍNH SỐ LIỆU", styles.title)
    for index, (key, value) in enumerate(lines, start=2):
        text(ws, index, 0, key, styles.header)
        text(ws, index, 1, value, styles.text)
    print_setup(ws, (0, 0), plan_pages([34, 90]))
