"""Rows of an assignment list (Decision 718-QĐ/TU and its amendments), however laid out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from cadretrack.domain.names import clean, person_name
from cadretrack.errors import CadretrackError
from cadretrack.readers.grid import read_grids
from cadretrack.readers.layout import (
    add_titles,
    cell,
    data_rows,
    find_header,
)


@dataclass(frozen=True)
class AssignmentRow:
    sheet: str
    row: int  # 1-based, as a spreadsheet program shows it
    name: str
    position: str
    agency: str
    commune: str
    district: str
    district_column: bool  # the district came from a column, not a section row
    province: str
    code: object
    note: str


def classify_assignment_header(key: str) -> str | None:
    """The field a header cell names; key is lowercase, without diacritics."""
    words = key.split()
    if not words:
        return None
    if words[0] == "ma" or key.startswith("ma so") or "dvhc" in words and "ma" in words:
        return "code"
    if key in ("stt", "tt", "so tt", "so thu tu"):
        return "stt"
    if key.startswith("ghi chu"):
        return "note"
    if ("chuc vu" in key or "chuc danh" in key) and (
        "co quan" in key or "don vi" in key or "noi cong tac" in key
    ):
        return "title"  # "Chức vụ, đơn vị công tác": "Phó Giám đốc Sở Tài chính" in one cell
    if "chuc vu" in key or "chuc danh" in key:
        return "position"
    if "hanh chinh" not in key and (
        "co quan" in key or "don vi cong tac" in key or "noi cong tac" in key or key == "don vi"
    ):
        return "agency"
    if "ho va ten" in key or "ho ten" in key or key in (
        "can bo",
        "ten can bo",
        "can bo theo doi",
        "can bo theo doi dia ban",
        "can bo lanh dao",
        "dong chi",
    ):
        return "name"
    if words[0] == "huyen" or key.startswith(("quan huyen", "cap huyen")) or "cap huyen" in key:
        return "district"
    if words[0] == "tinh":
        return "province"
    if (
        words[0] in ("xa", "phuong", "dia", "ten", "don", "dang")
        and ("xa" in words or "dia ban" in key or "phuong" in words or "phan cong theo doi" in key
             or "hanh chinh" in key)
    ) or key.startswith("thi tran"):
        return "commune"
    return None


class AssignmentFile(NamedTuple):
    rows: list[AssignmentRow]
    sheets: list[str]  # the sheets (or Word tables) the rows came from
    titles: list[str]  # the texts above their headers: "DANH SÁCH ĐIỀU CHỈNH …"


def read_assignment_rows(path: Path, sheet: str | None, is_district: Callable[[str], bool]) -> AssignmentFile:
    """Every assignment row of the file, the sheets they came from and the titles above them."""
    grids = read_grids(path, sheet)
    rows: list[AssignmentRow] = []
    used: list[str] = []
    above: list[str] = []
    for grid in grids:
        header = find_header(grid.rows, classify_assignment_header, {"name", "commune"})
        if header is None:
            header = find_header(grid.rows, classify_assignment_header, {"name", "code"})
        if header is None:
            continue
        used.append(grid.sheet)
        add_titles(above, grid, header)
        # A workbook with a sheet per district names the district in the sheet's name.
        default = grid.sheet if is_district(grid.sheet) else ""
        rows.extend(_rows_of(grid, header, is_district, default))
    if not used:
        raise CadretrackError("header_missing", path=str(path))
    return AssignmentFile(rows, used, above)


def _rows_of(grid, header, is_district, section=""):
    for index, row, district_section in data_rows(grid, header, is_district, section):
        name = person_name(clean(cell(row, header, "name")))
        commune = clean(cell(row, header, "commune"))
        code = cell(row, header, "code")
        if not name and not commune and code in ("", None):
            continue
        district = clean(cell(row, header, "district"))
        sheet, number = grid.where(index)
        yield AssignmentRow(
            sheet=sheet,
            row=number,
            name=name,
            position=clean(cell(row, header, "position") or cell(row, header, "title")),
            agency=clean(cell(row, header, "agency")),
            commune=commune,
            district=district or district_section,
            district_column=bool(district),
            province=clean(cell(row, header, "province")),
            code=code if not isinstance(code, str) else code.strip(),
            note=clean(cell(row, header, "note")),
        )
