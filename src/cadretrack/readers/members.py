"""Rows of the Standing Committee's division of work ("phân công nhiệm vụ các đồng chí Ủy viên
Ban Thường vụ"), however laid out: read through the same header finding, section rows and
merged cells as an assignment list (readers.layout)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from cadretrack.domain.names import clean, person_name
from cadretrack.errors import CadretrackError
from cadretrack.readers.assignments import classify_assignment_header
from cadretrack.readers.grid import read_grids
from cadretrack.readers.layout import add_titles, cell, data_rows, find_header


@dataclass(frozen=True)
class MemberRow:
    sheet: str
    row: int
    name: str
    position: str
    area: str  # as written: a district, communes in one cell, or one commune
    district: str  # the district of the section the row lies in, or of a district column
    code: object


def classify_member_header(key: str) -> str | None:
    """The field a header cell of a division of work names (key lowercase, no diacritics).
    The area column is called "commune", as an assignment list's, so the layout's rules for a
    row holding only that cell apply."""
    if "phu trach" in key or key.startswith(("dia ban", "dang bo", "don vi phu trach", "linh vuc")):
        return "commune"
    field = classify_assignment_header(key)
    if field in ("title", "agency"):
        return "position"  # "Chức vụ, đơn vị": the member's office, shown as written
    return field


class MemberFile(NamedTuple):
    rows: list[MemberRow]
    sheets: list[str]
    titles: list[str]


def read_member_rows(path: Path, is_district: Callable[[str], bool]) -> MemberFile:
    """Every row naming a member's area, the sheets they came from and the titles above them.
    A row without a name continues the member above it (one commune a row under one name)."""
    rows: list[MemberRow] = []
    used: list[str] = []
    above: list[str] = []
    for grid in read_grids(path, None):
        header = find_header(grid.rows, classify_member_header, {"name", "commune"})
        if header is None:
            continue
        used.append(grid.sheet)
        add_titles(above, grid, header)
        name = position = ""
        for index, row, section in data_rows(grid, header, is_district):
            raw = cell(row, header, "commune")  # line breaks separate communes: kept as ";"
            area = clean(str(raw).replace("\r", "\n").replace("\n", "; ")) if raw not in ("", None) else ""
            code = cell(row, header, "code")
            written = person_name(clean(cell(row, header, "name")))
            if written:
                name, position = written, clean(cell(row, header, "position"))
            if not area and code in ("", None):
                continue
            sheet, number = grid.where(index)
            rows.append(MemberRow(sheet, number, name, position, area,
                                  clean(cell(row, header, "district")) or section,
                                  code.strip() if isinstance(code, str) else code))
    if not used:
        raise CadretrackError("members_header_missing", path=str(path))
    return MemberFile(rows, used, above)
