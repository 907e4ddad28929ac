"""The sheet *Biểu đồ*: native Excel charts drawn from the summary's own cells.

The statuses by kind read the total row of *Tổng hợp* directly. The on-time share by
place is a small table of formulas over *Tổng hợp* (on time ÷ owed), so both charts
follow the numbers when the workbook is recalculated; each formula carries its value
for programs that show a file without recalculating it.
"""

from __future__ import annotations

from xlsxwriter.utility import quote_sheetname, xl_range_abs, xl_rowcol_to_cell

from cadretrack.domain.dates import format_date
from cadretrack.render.xlsx_print import MIN_SCALE, PagePlan, column_pixels, plan_pages, print_setup, set_widths
from cadretrack.render.xlsx_style import FONT, header_block, signature_block

STATUSES = ("Đúng hạn", "Nộp muộn", "Chưa nộp, đã quá hạn", "Chưa đến hạn")
# Colours that stay apart in grey: dark, light, black, white with a border.
SERIES = ("#1F4E79", "#9DC3E6", "#404040", "#D9D9D9", "#7F6000", "#C00000")
CHART_CHARS = 126  # about 900 px
# Up to FEW places: a bar per kind for each; up to MANY: one bar each (all kinds together);
# more (a nation's districts): the MANY lowest shares. The chart then fits one printed page.
FEW = 12
MANY = 40
PAGE_HEIGHT_PT = 595.3 - 72 * 1.2  # A4 landscape less the top and bottom margins
TEXT = {"name": FONT, "size": 11}


def charts_sheet(wb, styles, report, today, name: str, cells, heading: str) -> None:
    ws = wb.add_worksheet(name)
    kinds = cells.kinds
    labels = [report.rules.kinds[k].label_vi for k in kinds]
    # The columns span the charts' width, so that the header block and the charts share a page.
    widths = [24] + [12] * (len(kinds) + 1)
    while sum(widths) < CHART_CHARS or len(widths) < 9:
        widths.append(8)
    set_widths(ws, widths)
    chart_width = sum(column_pixels(w) for w in widths)
    plan = plan_pages(widths)
    page = len(widths)
    start = header_block(ws, styles, page, report.rules.organization, today,
                         f"BIỂU ĐỒ KẾT QUẢ THỰC HIỆN {report.rules.title_name.upper()} NĂM {report.year}",
                         f"Số liệu tính đến ngày {format_date(report.as_of)}")
    source = quote_sheetname(cells.sheet)
    total = cells.first + len(cells.rows) - 1
    head = cells.first - 1  # the sub-header row of Tổng hợp: the status words

    by_kind = wb.add_chart({"type": "column"})
    for index, (kind, label) in enumerate(zip(kinds, labels)):
        first = cells.column(kind, 0)
        by_kind.add_series({
            "name": label,
            "categories": f"={source}!{xl_range_abs(head, cells.column(kinds[0], 0), head, cells.column(kinds[0], 3))}",
            "values": f"={source}!{xl_range_abs(total, first, total, first + 3)}",
            "fill": {"color": SERIES[index % len(SERIES)]},
            "border": {"color": "#000000", "width": 0.5},
            "data_labels": {"value": True, "font": TEXT},
        })
    _style(by_kind, "Tình hình nộp văn bản theo loại (số văn bản)", number_format="0")
    by_kind.set_size({"width": chart_width, "height": 380})
    ws.insert_chart(start, 0, by_kind)

    # The on-time share per place: a table of formulas, then its chart.
    places = cells.rows[:-1]
    shown = min(len(places), MANY)
    per_kind = len(places) <= FEW
    height = max(380, 80 + shown * (14 * len(kinds) + 8 if per_kind else 18))
    second = start + 20  # the second chart on a page of its own, its table under it
    table = second + height // 20 + 2
    ws.set_h_pagebreaks([second, table])
    order = list(range(len(places)))
    many = len(places) > MANY
    if many:  # the places most behind, which the chart shows (the summary holds them all)
        order.sort(key=lambda i: _share(places[i].kinds, kinds) or 0.0)
        order = order[:shown]
    lowest = f" ({shown} NƠI CÓ TỶ LỆ THẤP NHẤT)" if many else ""
    ws.merge_range(table, 0, table, len(kinds) + 1, f"TỶ LỆ NỘP ĐÚNG HẠN THEO {heading.upper()}{lowest}",
                   styles.header)
    ws.set_row(table, 30)
    ws.set_row(table + 1, 45)
    for col, label in enumerate([heading] + labels + ["Tất cả"]):
        ws.write_string(table + 1, col, label, styles.header)
    # Nothing owed: #N/A, a gap in the chart, and no text on paper.
    ws.conditional_format(table + 2, 1, table + 1 + shown, len(kinds) + 1, {
        "type": "formula", "criteria": f"=ISNA({xl_rowcol_to_cell(table + 2, 1)})",
        "format": wb.add_format({"font_color": "#FFFFFF"})})
    for offset, i in enumerate(order):
        r = table + 2 + offset
        row = cells.first + i
        ws.write_formula(r, 0, f"={source}!{xl_rowcol_to_cell(row, 1, True, True)}", styles.text, places[i].label)
        for col, kind in enumerate(kinds, start=1):
            on_time = f"{source}!{xl_rowcol_to_cell(row, cells.column(kind, 0), True, True)}"
            owed = f"SUM({source}!{xl_range_abs(row, cells.column(kind, 0), row, cells.column(kind, 3))})"
            ws.write_formula(r, col, f"=IF({owed}=0,NA(),{on_time}/{owed})", styles.percent,
                             _value(_share(places[i].kinds, [kind])))
        on_time = "+".join(f"{source}!{xl_rowcol_to_cell(row, cells.column(k, 0), True, True)}" for k in kinds)
        owed = "+".join(f"SUM({source}!{xl_range_abs(row, cells.column(k, 0), row, cells.column(k, 3))})" for k in kinds)
        ws.write_formula(r, len(kinds) + 1, f"=IF(({owed})=0,NA(),({on_time})/({owed}))", styles.percent,
                         _value(_share(places[i].kinds, kinds)))
    by_place = wb.add_chart({"type": "bar"})
    series = list(enumerate(labels, start=1)) if per_kind else [(len(kinds) + 1, "Tất cả văn bản")]
    for index, (col, label) in enumerate(series):
        by_place.add_series({
            "name": label,
            "categories": [name, table + 2, 0, table + 1 + shown, 0],
            "values": [name, table + 2, col, table + 1 + shown, col],
            "fill": {"color": SERIES[index % len(SERIES)]},
            "border": {"color": "#000000", "width": 0.5},
        })
    title = f"Tỷ lệ nộp đúng hạn theo {heading.lower()}"
    if many:
        title += f" ({shown} nơi thấp nhất)"
    _style(by_place, title, number_format="0%")
    # In a bar chart x is the value axis (across) and y the places (down, the first on top).
    by_place.set_x_axis({"min": 0, "max": 1, "num_format": "0%", "num_font": TEXT,
                         "major_gridlines": {"visible": True, "line": {"color": "#BFBFBF"}}})
    by_place.set_y_axis({"reverse": True, "num_font": TEXT, "major_gridlines": {"visible": False}})
    by_place.show_na_as_empty_cell()
    by_place.set_size({"width": chart_width, "height": height})
    ws.insert_chart(second, 0, by_place)
    signature_block(ws, styles, table + 3 + shown, page, report.rules.organization, today)
    # The taller chart on one page, at a scale that keeps its 11 pt text at 8.8 pt or more.
    fit = int(PAGE_HEIGHT_PT * 100 / (height * 0.75))
    print_setup(ws, None, PagePlan(max(MIN_SCALE, min(plan.scale, fit))))


def _style(chart, title: str, number_format: str) -> None:
    """Times New Roman throughout, no rotated text (the title names the unit)."""
    chart.set_title({"name": title, "name_font": {"name": FONT, "size": 13, "bold": True}})
    chart.set_legend({"position": "bottom", "font": TEXT})
    chart.set_x_axis({"num_font": TEXT})
    chart.set_y_axis({"num_font": TEXT, "num_format": number_format,
                      "major_gridlines": {"visible": True, "line": {"color": "#BFBFBF"}}})
    chart.set_chartarea({"border": {"none": True}})


def _share(counts: dict, kinds: list[str]) -> float | None:
    owed = sum(counts[k].owed for k in kinds)
    return sum(counts[k].on_time for k in kinds) / owed if owed else None


def _value(share: float | None):
    return "#N/A" if share is None else share
