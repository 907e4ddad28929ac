"""The stamp of a review workbook (domain/book): the ledger that wrote it and the places it
asks about, read from its very hidden sheet; None when the file carries none."""

from __future__ import annotations

from pathlib import Path

from cadretrack.domain.book import STAMP_SHEET, read_stamp
from cadretrack.errors import CadretrackError
from cadretrack.readers.grid import EXCEL_TYPES, read_grids


def read_review_stamp(path: Path) -> tuple[str, set[str]] | None:
    if path.suffix.lower() not in EXCEL_TYPES:  # a CSV holds one sheet: no stamp
        return None
    try:
        grids = read_grids(path, STAMP_SHEET)
    except CadretrackError as exc:
        if exc.key == "sheet_missing":
            return None
        raise
    return read_stamp(grids[0].rows) if grids else None
