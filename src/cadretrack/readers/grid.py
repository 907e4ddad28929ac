"""Any spreadsheet a clerk sends (.xlsx, .xls, .csv) as plain grids of cell values.

Merged ranges are filled with their top-left value, so a district merged down a
column, or a title merged across, reads like any other cell.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from cadretrack.errors import CadretrackError

EXCEL_TYPES = {".xlsx", ".xlsm", ".xls"}
KNOWN_TYPES = EXCEL_TYPES | {".csv"}


@dataclass
class Grid:
    sheet: str
    rows: list[list[object]]


def read_grids(path: Path, sheet: str | None = None) -> list[Grid]:
    """Every sheet of the file (or only `sheet`), as grids; CadretrackError if unreadable."""
    if not path.is_file():
        raise CadretrackError("file_missing", path=str(path))
    suffix = path.suffix.lower()
    if suffix not in KNOWN_TYPES:
        raise CadretrackError("file_type", path=str(path), suffix=suffix or "?")
    if suffix == ".csv":
        grids = [_read_csv(path)]
    else:
        grids = _read_excel(path, sheet)
    if sheet is not None and suffix == ".csv":
        grids[0].sheet = sheet
    return grids


def _read_csv(path: Path) -> Grid:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CadretrackError("csv_encoding", path=str(path)) from None
    if "\x00" in text:
        raise CadretrackError("file_unreadable", path=str(path), reason="NUL")
    try:
        rows = max(
            ([list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=d)] for d in ",;\t"),
            key=_cells_in_wide_rows,
        )
    except csv.Error as exc:
        raise CadretrackError("file_unreadable", path=str(path), reason=str(exc)) from None
    return Grid(sheet=path.name, rows=rows)


def _cells_in_wide_rows(rows: list[list[str]]) -> int:
    """How well a delimiter splits the file: cells in rows of more than one cell.

    Title rows ("XÃ, PHƯỜNG, THỊ TRẤN") hold commas in semicolon files, so
    csv.Sniffer guesses wrong; the table's rows decide instead.
    """
    return sum(len(r) for r in rows if len(r) > 1)


def _read_excel(path: Path, sheet: str | None) -> list[Grid]:
    import python_calamine as pc

    head = path.read_bytes()[:8]
    if not (head.startswith(b"PK") or head.startswith(b"\xd0\xcf\x11\xe0")):
        raise CadretrackError("file_not_excel", path=str(path))
    try:
        workbook = pc.CalamineWorkbook.from_path(str(path))
        names = workbook.sheet_names
        if sheet is not None:
            if sheet not in names:
                raise CadretrackError(
                    "sheet_missing", path=str(path), sheet=sheet, sheets=", ".join(names)
                )
            names = [sheet]
        grids = []
        for name in names:
            ws = workbook.get_sheet_by_name(name)
            rows = ws.to_python(skip_empty_area=False)
            _fill_merged(rows, ws.merged_cell_ranges or [])
            grids.append(Grid(sheet=name, rows=rows))
        return grids
    except CadretrackError:
        raise
    except pc.PasswordError:
        raise CadretrackError("file_password", path=str(path)) from None
    except Exception as exc:  # calamine raises many kinds for broken files
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        if "password" in reason.lower() or "encrypt" in reason.lower():
            raise CadretrackError("file_password", path=str(path)) from None
        raise CadretrackError("file_unreadable", path=str(path), reason=reason) from None


def _fill_merged(rows: list[list[object]], ranges) -> None:
    for (r1, c1), (r2, c2) in ranges:
        if r1 >= len(rows) or c1 >= len(rows[r1]):
            continue
        value = rows[r1][c1]
        for r in range(r1, min(r2, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c1, min(c2, len(row) - 1) + 1):
                row[c] = value
