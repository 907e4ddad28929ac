"""Small helpers that write real spreadsheets shaped like the annexes offices send."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from openpyxl import Workbook

TITLE = [
    ["TỈNH ỦY HÒA BÌNH", None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
    [],
    ["DANH SÁCH PHÂN CÔNG CÁN BỘ THEO DÕI XÃ, PHƯỜNG, THỊ TRẤN"],
    ["(Kèm theo Quyết định số 718-QĐ/TU ngày 14/12/2022)"],
]
HEADER = ["STT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị công tác", "Xã, phường, thị trấn", "Huyện, thành phố", "Ghi chú"]


def xlsx(path: Path, rows: list[list], merges: list[str] = (), sheet: str = "Sheet1", extra: dict | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    for name, more in (extra or {}).items():
        other = wb.create_sheet(name)
        for row in more:
            other.append(row)
    wb.save(path)
    return path


def xls(path: Path, rows: list[list], merges: list[tuple[int, int, int, int]] = ()) -> Path:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    merged = {(r1, c1) for r1, r2, c1, c2 in merges}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None or any(r1 <= r <= r2 and c1 <= c <= c2 and (r, c) != (r1, c1) for r1, r2, c1, c2 in merges):
                continue
            if (r, c) in merged:
                continue
            if isinstance(value, dt.date):
                ws.write(r, c, value, date_style)
            else:
                ws.write(r, c, value)
    for r1, r2, c1, c2 in merges:
        ws.write_merge(r1, r2, c1, c2, rows[r1][c1])
    wb.save(str(path))
    return path


def csv_file(path: Path, rows: list[list], bom: bool = False, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    return path


def assignment_rows(pairs: list[tuple[str, str, str]], district: str | None = None) -> list[list]:
    """Data rows (name, agency, commune), numbered, in the HEADER's columns."""
    return [
        [i, name, "Phó Giám đốc", agency, commune, district or "", ""]
        for i, (name, agency, commune) in enumerate(pairs, start=1)
    ]


# Cadres, agencies and communes the tests assign, as (name, agency, commune).
PAIRS = [
    ("Nguyễn Văn An", "Sở Tài chính", "Xã Hiền Lương"),
    ("Trần Thị Bình", "Sở Y tế", "Phường Tân Hòa"),
    ("Lê Đức Cường", "Ban Tổ chức Tỉnh ủy", "Xã Mông Hóa"),
]
# Two cadres of one agency: what reminders and the agency sheet group.
SHARED_AGENCY = PAIRS[:2] + [("Lê Đức Cường", "Sở Tài chính", "Xã Mông Hóa")]


def assign(cli, folder: Path, pairs: list, effective: str = "14/12/2022", name: str = "list.xlsx"):
    """The pairs imported as an assignment list in force from `effective`; the cli back."""
    path = xlsx(folder / name, [HEADER] + assignment_rows(pairs))
    result = cli("import", "assignments", path, "--effective", effective)
    assert result.exit_code == 0, result.output + result.stderr
    return cli
