"""Any table a clerk sends (.xlsx, .xls, .ods, .csv, or a Word .docx) as plain grids of cell values.

Merged ranges are filled with their top-left value, so a district merged down a
column, or a title merged across, reads like any other cell.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from cadretrack.errors import CadretrackError
from cadretrack.readers.extent import Extent, check_extent, check_workbook
from cadretrack.readers.source import check_input, read_input
from cadretrack.readers.types import Grid, Limits
from cadretrack.readers.xls_extent import xls_extents
from cadretrack.readers.xml_guard import guard_archive_xml

EXCEL_TYPES = {".xlsx", ".xlsm", ".xls", ".ods"}
KNOWN_TYPES = EXCEL_TYPES | {".csv", ".docx"}
SAVE_FIRST = {".doc", ".pdf", ".rtf", ".odt"}  # formats to save as .docx or .xlsx first
_ENCRYPTED_OOXML = "EncryptionInfo".encode("utf-16-le")


def read_grids(path: Path, sheet: str | None = None) -> list[Grid]:
    """Every sheet of the file (or only `sheet`), as grids; CadretrackError if unreadable.

    The file is read once, as a regular file and within the size limit (readers/source);
    every library then reads those bytes, after the checks that keep it from harm: a zip
    bomb, a sheet reaching beyond the limits, XML with a DTD or nested without end."""
    suffix = path.suffix.lower()
    check_input(path)
    if suffix in SAVE_FIRST:
        raise CadretrackError("file_save_first", path=str(path), suffix=suffix)
    if suffix not in KNOWN_TYPES:
        raise CadretrackError("file_type", path=str(path), suffix=suffix or "?")
    limits = Limits.current()
    data = read_input(path, limits.max_bytes)
    if not data:
        raise CadretrackError("file_empty", path=str(path))
    if suffix == ".csv":
        grids = [_read_csv(path, data)]
    elif suffix == ".docx":
        from cadretrack.readers.word import read_word

        with _zip(path, data) as archive:
            _check_zip(archive, path, limits)
            guard_archive_xml(archive, str(path))
        grids = read_word(path, data)
        if sheet is not None:
            grids = [g for g in grids if g.sheet == sheet]
    else:
        grids = _read_excel(path, data, sheet, limits)
    for grid in grids:
        check_grid(path, grid, limits, cells=suffix != ".csv")  # the CSV reader bounds its own cells
    if sheet is not None and suffix == ".csv":
        grids[0].sheet = sheet
    return grids


def check_grid(path: Path, grid: Grid, limits: Limits, cells: bool = True) -> None:
    """Refuse a sheet of too many rows, or (`cells`) a cell longer than a spreadsheet cell can be."""
    if len(grid.rows) > limits.max_rows:
        raise CadretrackError("file_too_many_rows", path=str(path), sheet=grid.sheet,
                              rows=len(grid.rows), limit=limits.max_rows)
    if not cells:
        return
    longest = limits.max_cell_chars
    for index, row in enumerate(grid.rows):
        for column, value in enumerate(row):
            if isinstance(value, str) and len(value) > longest:
                table, number = grid.where(index)
                raise CadretrackError("file_cell_too_long", path=str(path), sheet=table,
                                      cell=f"{_column_name(column)}{number}", chars=len(value), limit=longest)


def _column_name(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _read_csv(path: Path, raw: bytes) -> Grid:
    try:
        # Excel's "Unicode text" is UTF-16 with a byte-order mark; everything else UTF-8.
        text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CadretrackError("csv_encoding", path=str(path)) from None
    if "\x00" in text:
        raise CadretrackError("file_unreadable", path=str(path), reason="NUL")
    limit = Limits.current().max_cell_chars
    reader = None
    try:
        sample = text[:65536]
        delimiter = max(",;\t", key=lambda d: _cells_in_wide_rows(
            list(csv.reader(io.StringIO(sample, newline=""), delimiter=d))))
        previous = csv.field_size_limit(limit)  # a longer cell stops the C reader: no cell is measured twice
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows = [list(r) for r in reader]
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            line = reader.line_num if reader is not None else "?"
            raise CadretrackError("file_cell_too_long_line", path=str(path), line=line, limit=limit) from None
        raise CadretrackError("file_unreadable", path=str(path), reason=str(exc)) from None
    finally:
        if reader is not None:
            csv.field_size_limit(previous)
    return Grid(sheet=path.name, rows=rows)


def _cells_in_wide_rows(rows: list[list[str]]) -> int:
    """How well a delimiter splits the file's start: cells in rows of more than one cell.

    Title rows ("XÃ, PHƯỜNG, THỊ TRẤN") hold commas in semicolon files, so
    csv.Sniffer guesses wrong; the table's rows decide instead.
    """
    return sum(len(r) for r in rows if len(r) > 1)


def _zip(path: Path, data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise CadretrackError("file_unreadable", path=str(path), reason=str(exc)[:200]) from None


def _check_zip(archive: zipfile.ZipFile, path: Path, limits: Limits) -> None:
    """Refuse a workbook whose members would unpack too large (a zip bomb) before reading."""
    members = archive.infolist()
    total = sum(m.file_size for m in members)
    if total > limits.max_unzipped:
        raise CadretrackError("file_unzipped_too_big", path=str(path), size=total // 2**20,
                              limit=limits.max_unzipped // 2**20)
    for m in members:
        if m.file_size > 2**20 and m.file_size > limits.max_ratio * max(m.compress_size, 1):
            raise CadretrackError("file_zip_ratio", path=str(path), member=m.filename,
                                  ratio=m.file_size // max(m.compress_size, 1), limit=limits.max_ratio)


def _read_excel(path: Path, data: bytes, sheet: str | None, limits: Limits) -> list[Grid]:
    import python_calamine as pc

    if data.startswith(b"PK"):
        with _zip(path, data) as archive:
            _check_zip(archive, path, limits)
            check_workbook(archive, str(path), limits)  # before calamine builds any sheet
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        if _ENCRYPTED_OOXML in data:
            raise CadretrackError("file_password", path=str(path))
        for name, extent in xls_extents(data):  # before calamine holds 16.7 million cells for one
            check_extent(str(path), name, extent, limits)
    else:
        raise CadretrackError("file_not_excel", path=str(path), suffix=path.suffix)
    try:
        workbook = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = workbook.sheet_names
        if sheet is None:
            # Hidden sheets and chart sheets hold no list a clerk means to import.
            shown = [m.name for m in workbook.sheets_metadata
                     if m.visible == pc.SheetVisibleEnum.Visible and m.typ == pc.SheetTypeEnum.WorkSheet]
            names = shown or names
        else:
            if sheet not in names:
                raise CadretrackError(
                    "sheet_missing", path=str(path), sheet=sheet, sheets=", ".join(names)
                )
            names = [sheet]
        grids = []
        for name in names:
            ws = workbook.get_sheet_by_name(name)
            # An .xls sheet is at most 65,536 × 256 cells, which calamine holds; as Python
            # lists (filled from A1) they would weigh gigabytes: its reach is checked here.
            check_extent(str(path), name, Extent(ws.end[0] + 1, ws.end[1] + 1) if ws.height else Extent(), limits)
            rows = ws.to_python(skip_empty_area=False)
            _fill_merged(rows, ws.merged_cell_ranges or [])
            grids.append(Grid(sheet=name, rows=rows))
        return grids
    except CadretrackError:
        raise
    except pc.PasswordError:
        raise CadretrackError("file_password", path=str(path)) from None
    except BaseException as exc:  # calamine raises many kinds for broken files, a Rust panic among them
        if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
            raise  # Ctrl-C, SystemExit
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
