"""openpyxl against XlsxWriter for the year-end workbook's kind of sheet, measured.

    python bench/writers.py [ROWS]

Writes ROWS (default 10,051: every commune of 2024) × 12 styled cells (Times New
Roman, borders, wrapped text, real dates with a dd/mm/yyyy format, a status fill)
with each library, three times, and prints the median seconds as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path


def rows(n: int):
    for i in range(n):
        yield [i + 1, f"Nguyễn Văn An {i}", "Phó Giám đốc", "Sở Tài chính", f"Xã Số {i}", "Huyện Một",
               dt.date(2024, 1, 31), dt.date(2024, 1, 10 + i % 15), f"{i}-CTr", "Nộp đúng hạn", "", "Hoàn thành tốt"]


def with_xlsxwriter(path: Path, n: int) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    ws = wb.add_worksheet("Chi tiết")
    base = {"font_name": "Times New Roman", "font_size": 11, "border": 1, "text_wrap": True, "valign": "vcenter"}
    text = wb.add_format(base)
    date = wb.add_format({**base, "num_format": "dd/mm/yyyy"})
    status = wb.add_format({**base, "bg_color": "#C6EFCE"})
    for r, row in enumerate(rows(n)):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date)
            elif isinstance(value, int):
                ws.write_number(r, c, value, text)
            else:
                ws.write_string(r, c, value, status if c == 9 else text)
    wb.close()


def with_openpyxl(path: Path, n: int) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Chi tiết")
    thin = Side(style="thin")
    font, border = Font(name="Times New Roman", size=11), Border(left=thin, right=thin, top=thin, bottom=thin)
    align, fill = Alignment(wrap_text=True, vertical="center"), PatternFill("solid", fgColor="C6EFCE")
    for row in rows(n):
        cells = []
        for c, value in enumerate(row):
            cell = WriteOnlyCell(ws, value=value)
            cell.font, cell.border, cell.alignment = font, border, align
            if isinstance(value, dt.date):
                cell.number_format = "dd/mm/yyyy"
            if c == 9:
                cell.fill = fill
            cells.append(cell)
        ws.append(cells)
    wb.save(path)


def measure(n: int, runs: int = 3) -> dict:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, write in (("openpyxl (write-only)", with_openpyxl), ("XlsxWriter", with_xlsxwriter)):
            samples = []
            for i in range(runs):
                start = time.perf_counter()
                write(Path(tmp) / f"{name[:4]}-{i}.xlsx", n)
                samples.append(time.perf_counter() - start)
            out[name] = round(statistics.median(samples), 3)
    return out


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 10_051)))
