"""The official look of an exported workbook (Nghị định 30/2020/NĐ-CP): Times New Roman,
a header block, bordered tables, A4 landscape. Built on XlsxWriter.

Every text cell is written with write_string: nothing from the ledger can become
a formula or a link, whatever it begins with.
"""

from __future__ import annotations

import datetime as dt
import functools

FONT = "Times New Roman"
# Light fills: the status words say it all, and a black-and-white printer turns a strong
# fill into a grey that hides them. Overdue is bold as well, which survives any printer.
STATUS_FILL = {"on_time": "#EBF6EE", "late": "#FFF5D6", "overdue": "#FDE4E6", "pending": "#EDF3FA"}
DEFAULT_SIGNER = "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN"


def new_workbook(path):
    import xlsxwriter

    in_memory = hasattr(path, "write")  # a buffer: a document made again to compare (verify FILE)
    return xlsxwriter.Workbook(
        path if in_memory else str(path),
        {
            "in_memory": in_memory,
            # Not constant_memory: its streaming drops vertical merges after the
            # first (measured: 128 MB against 99 MB peak on a national year).
            "constant_memory": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "default_date_format": "dd/mm/yyyy",
        },
    )


class Styles:
    """The formats one workbook uses, made once."""

    def __init__(self, wb) -> None:
        base = {"font_name": FONT, "font_size": 11, "valign": "vcenter"}
        cell = {**base, "border": 1, "text_wrap": True}
        self.plain = wb.add_format(base)
        self.stamp = wb.add_format({**base, "italic": True, "text_wrap": True, "valign": "top"})
        self.left_head = wb.add_format({**base, "font_size": 12, "align": "center"})
        self.left_head_bold = wb.add_format({**base, "font_size": 12, "bold": True, "align": "center"})
        self.right_head = wb.add_format({**base, "font_size": 12, "bold": True, "underline": True, "align": "center"})
        self.place_date = wb.add_format({**base, "font_size": 12, "italic": True, "align": "center"})
        self.title = wb.add_format({**base, "font_size": 14, "bold": True, "align": "center", "text_wrap": True})
        self.subtitle = wb.add_format({**base, "font_size": 12, "italic": True, "align": "center"})
        self.header = wb.add_format({**cell, "bold": True, "align": "center", "bg_color": "#F2F2F2"})
        self.text = wb.add_format(cell)
        self.center = wb.add_format({**cell, "align": "center"})
        self.number = wb.add_format({**cell, "align": "center", "num_format": "0"})
        self.decimal = wb.add_format({**cell, "align": "center", "num_format": "0.0"})
        self.date = wb.add_format({**cell, "align": "center", "num_format": "dd/mm/yyyy"})
        self.percent = wb.add_format({**cell, "align": "center", "num_format": "0.0%"})
        self.total_text = wb.add_format({**cell, "bold": True, "align": "center"})
        self.total_number = wb.add_format({**cell, "bold": True, "align": "center", "num_format": "0"})
        self.total_percent = wb.add_format({**cell, "bold": True, "align": "center", "num_format": "0.0%"})
        self.status = {
            s: wb.add_format({**cell, "align": "center", "bg_color": color, "bold": s == "overdue"})
            for s, color in STATUS_FILL.items()
        }
        self.empty = wb.add_format({**cell, "align": "center", "italic": True})
        self.sign_title = wb.add_format({**base, "font_size": 12, "bold": True, "align": "center", "text_wrap": True,
                                         "valign": "top"})
        self.sign_name = wb.add_format({**base, "font_size": 12, "bold": True, "align": "center"})


# Empty values write nothing: a data row carries the bordered cell format itself
# (data_row), which spreadsheet programs apply to its empty cells. On a national
# year that saves about 100,000 blank cells.


def cell_writers(ws):
    """(write text, write number) for the hot loops of a national workbook: XlsxWriter's own
    `_write_string`/`_write_number`, which its public methods call after handling A1
    notation (about a third of each call: 0.2 s over 200,000 cells, bench/NOTES.md). Both
    loops pass only non-empty text and finite numbers, as the public methods require too;
    should a release drop these names, the public methods serve, only slower."""
    return getattr(ws, "_write_string", ws.write_string), getattr(ws, "_write_number", ws.write_number)


def text(ws, row: int, col: int, value: object, fmt) -> None:
    """A text cell that stays text, whatever it begins with."""
    if value is not None and value != "":
        ws.write_string(row, col, str(value), fmt)


def number(ws, row: int, col: int, value: float | int | None, fmt) -> None:
    if value is not None:
        ws.write_number(row, col, value, fmt)


@functools.lru_cache(maxsize=4096)
def excel_day(value: dt.date) -> float:
    """Excel's serial day number (1900 system): due dates repeat, so each is computed once."""
    return float((value - dt.date(1899, 12, 30)).days)


def date(ws, row: int, col: int, value: dt.date | None, fmt) -> None:
    """A real date cell, shown dd/mm/yyyy by its format."""
    if value is not None:
        ws.write_number(row, col, excel_day(value), fmt)


def place_and_date(place: str, day: dt.date) -> str:
    """"Hòa Bình, ngày 05 tháng 12 năm 2023": days below 10 and months below 3 take a 0."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def merge(ws, first_row: int, first_col: int, last_row: int, last_col: int, value: str, fmt) -> None:
    """A merged range, or the one cell when it is one (XlsxWriter refuses to merge a single cell)."""
    if (first_row, first_col) == (last_row, last_col):
        ws.write_string(first_row, first_col, value, fmt)
    else:
        ws.merge_range(first_row, first_col, last_row, last_col, value, fmt)


def _halves(width: int) -> tuple[int, int]:
    """The last column of the left part of a header or signature block and the first of the right."""
    left_end = max(2, width // 3)
    return left_end, max(left_end + 1, width - max(4, width // 3))


def header_block(ws, styles: Styles, width: int, organization: dict, today: dt.date, title: str, subtitle: str) -> int:
    """The header block, title and subtitle over the first `width` columns; returns the first free row."""
    left_end, right_start = _halves(width)
    committee = organization.get("party_committee", "")
    board = organization.get("board", "")
    merge(ws, 0, 0, 0, left_end, committee, styles.left_head)
    merge(ws, 0, right_start, 0, width - 1, "ĐẢNG CỘNG SẢN VIỆT NAM", styles.right_head)
    merge(ws, 1, 0, 1, left_end, board, styles.left_head_bold)
    merge(ws, 1, right_start, 1, width - 1, place_and_date(organization.get("place", ""), today), styles.place_date)
    merge(ws, 2, 0, 2, left_end, "*", styles.left_head)
    ws.set_row(4, 36)
    merge(ws, 4, 0, 4, width - 1, title, styles.title)
    merge(ws, 5, 0, 5, width - 1, subtitle, styles.subtitle)
    return 7


def nothing_listed(ws, styles: Styles, row: int, width: int) -> None:
    """"Không có" across an empty table's first row: a printed empty list says so. Its STT
    cell stays empty, as a row that lists nobody."""
    ws.write_blank(row, 0, None, styles.empty)
    merge(ws, row, 1, row, width - 1, "Không có", styles.empty)


def signature_block(ws, styles: Styles, row: int, width: int, organization: dict, today: dt.date) -> None:
    """Under a printed table (biểu): the place and date line, Người lập biểu on the left and the
    rule set's signer on the right, room to sign, then their names.
    Columns A and B stay empty (below a table they hold STT and the row's name), so that a
    program reading the table down to its last row does not take the block for one."""
    left_end, right_start = _halves(width)
    signer = organization.get("signer_title") or DEFAULT_SIGNER
    merge(ws, row, right_start, row, width - 1, place_and_date(organization.get("place", ""), today),
          styles.place_date)
    merge(ws, row + 1, 2, row + 1, left_end, "NGƯỜI LẬP BIỂU", styles.sign_title)
    merge(ws, row + 1, right_start, row + 1, width - 1, signer, styles.sign_title)
    ws.set_row(row + 1, 17 * (signer.count("\n") + 1))
    names = row + 6  # four empty rows to sign in
    merge(ws, names, 2, names, left_end, organization.get("preparer_name", ""), styles.sign_name)
    merge(ws, names, right_start, names, width - 1, organization.get("signer_name", ""), styles.sign_name)


def data_row(ws, row: int, cells: list[tuple[str, float]], fmt, line_height: float = 15.0) -> None:
    """Give a data row its cell format (borders for the empty cells) and a height that
    fits its wrapped texts, which spreadsheet programs do not compute on opening.

    cells are (text, column width in characters); a line holds about one
    character per width unit.
    """
    lines = 1
    for value, width in cells:
        if value:
            n = _lines(value, width)
            if n > lines:
                lines = n
    ws.set_row(row, line_height * lines if lines > 1 else None, fmt)


@functools.lru_cache(maxsize=65536)
def _lines(value: object, width: float) -> int:
    """Lines a value takes in a column of `width` (names, statuses and agencies repeat)."""
    per_line = max(1, int(width * 1.05))
    text = str(value)
    if len(text) <= per_line and "\n" not in text:
        return 1
    return sum(-(-len(part) // per_line) or 1 for part in text.split("\n"))
