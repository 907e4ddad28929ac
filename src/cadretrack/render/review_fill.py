"""A review workbook (render/review) completed with the clerk's answers, cell by cell, its
stamp and lists kept: what the clerk would have typed into it in Excel."""

from __future__ import annotations

from pathlib import Path

from cadretrack.render.files import write_atomically
from cadretrack.render.review import COLUMNS

SHEET = "Cần xem lại"
HEAD = 4  # the header row (1-based), as write_review lays it out
COLUMN_OF = {"action": "Xử lý", "kind": "Loại", "year": "Năm", "commune": "Xã, phường, thị trấn",
             "district": "Huyện, thành phố", "cadre": "Cán bộ theo dõi"}
PLACE = "Vị trí trong sổ"


def fill_review(source: Path, output, answers: dict[str, dict]) -> None:
    """Rows without an answer are left out (a clerk deletes the rows not decided yet): they
    stay asked, and the next review workbook asks them again."""
    from openpyxl import load_workbook

    index = {label: i + 1 for i, (label, _) in enumerate(COLUMNS)}

    def write(tmp: Path) -> None:
        wb = load_workbook(source)
        ws = wb[SHEET]
        for r in range(ws.max_row, HEAD, -1):  # from the bottom: deleting keeps the rows above in place
            answer = answers.get(str(ws.cell(r, index[PLACE]).value or ""))
            if answer is None or not answer.get("action"):
                ws.delete_rows(r)
                continue
            for field, label in COLUMN_OF.items():
                value = (answer.get(field) or "").strip()
                if field == "year" and value.isdigit():
                    ws.cell(r, index[label], int(value))
                else:
                    ws.cell(r, index[label], value or None)
        wb.save(tmp)

    write_atomically(output, write)
