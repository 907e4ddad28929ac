"""Rows of the Board's register of incoming documents (sổ văn bản đến)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cadretrack.domain.names import clean
from cadretrack.errors import CadretrackError
from cadretrack.readers.grid import read_grids
from cadretrack.readers.layout import cell, find_header, is_column_number_row, is_footer

FIELDS = ("received", "number", "kind", "year", "commune", "district", "code", "cadre", "rating", "score", "note")


@dataclass(frozen=True)
class FilingRow:
    sheet: str
    row: int
    values: dict  # field -> raw cell value
    labels: dict  # field -> header text as written


def classify_register_header(key: str) -> str | None:
    words = key.split()
    if not words:
        return None
    if key.startswith("ngay den") or key in ("ngay nhan", "ngay nop", "ngay"):
        return "received"
    if key.startswith(("so ky hieu", "so va ky hieu", "ky hieu", "so hieu")) or key == "so van ban":
        return "number"
    if words[0] == "loai" or key.startswith("loai van ban"):
        return "kind"
    if key in ("nam", "nam theo doi", "nam bao cao", "cua nam"):
        return "year"
    if words[0] == "ma" and ("xa" in words or "dvhc" in words):
        return "code"
    if key.startswith(("xep loai", "muc xep loai", "ket qua xep loai", "muc do hoan thanh")):
        return "rating"
    if words[0] == "diem":
        return "score"
    if key.startswith("ghi chu"):
        return "note"
    if key.startswith(("can bo", "ho va ten", "ho ten", "nguoi theo doi")):
        return "cadre"
    if words[0] == "huyen":
        return "district"
    if (words[0] in ("xa", "dia", "ten", "don") and ("xa" in words or "dia ban" in key)) or key.startswith(
        ("thi tran", "phuong")
    ):
        return "commune"
    return None


def read_filing_rows(path: Path, sheet: str | None) -> list[FilingRow]:
    grids = read_grids(path, sheet)
    rows: list[FilingRow] = []
    found = False
    for grid in grids:
        header = find_header(grid.rows, classify_register_header, {"received", "kind", "commune"}) or find_header(
            grid.rows, classify_register_header, {"received", "kind", "code"}
        )
        if header is None:
            continue
        found = True
        for index in range(header.row + 1, len(grid.rows)):
            row = grid.rows[index]
            if is_column_number_row(row):
                continue
            if is_footer(row):
                break
            values = {f: cell(row, header, f) for f in FIELDS}
            if all(clean(v) == "" for k, v in values.items() if k in ("received", "kind", "commune", "code")):
                continue
            rows.append(FilingRow(grid.sheet, index + 1, values, header.labels))
    if not found:
        raise CadretrackError("register_header_missing", path=str(path))
    return rows
