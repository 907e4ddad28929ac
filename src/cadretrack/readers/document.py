"""A document cadretrack exported, read back for `verify FILE` and `diff --since FILE`: its
provenance stamp (a property of the workbook or the Word file) and what it shows, cell by
cell or paragraph by paragraph, to compare with the same document made again."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from cadretrack.domain.provenance import PROPERTY
from cadretrack.errors import CadretrackError
from cadretrack.readers.source import read_input
from cadretrack.readers.xml_guard import guard_archive_xml

LIMIT = 200 * 2**20  # a national year's workbook is about 3 MB
UNPACKED_LIMIT = 300 * 2**20  # what its parts may hold once unpacked (a national year's: about 40 MB)
TYPES = (".xlsx", ".docx")
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}property"
_IDENTIFIER = "{http://purl.org/dc/elements/1.1/}identifier"
_DESCRIPTION = "{http://purl.org/dc/elements/1.1/}description"


@dataclass(frozen=True)
class Document:
    path: Path
    suffix: str
    data: bytes
    stamp: str | None  # the stamp's text, None when it carries none


def read_document(path: Path) -> Document:
    """The file and its stamp text; refused (exit 2) when it is no Office file we could read."""
    suffix = path.suffix.lower()
    if suffix not in TYPES:
        raise CadretrackError("verify_not_ours", path=str(path))
    data = read_input(path, LIMIT)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(i.file_size for i in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise CadretrackError("verify_not_ours", path=str(path)) from None
    if unpacked > UNPACKED_LIMIT:  # an Office file, but far beyond any document we export
        archive.close()
        raise CadretrackError("file_unzipped_too_big", path=str(path), size=unpacked // 2**20,
                              limit=UNPACKED_LIMIT // 2**20)
    with archive:
        guard_archive_xml(archive, str(path))
        stamp = _stamp(archive, suffix)
    return Document(path, suffix, data, stamp)


def _stamp(archive: zipfile.ZipFile, suffix: str) -> str | None:
    """The stamp: a workbook's custom property (else its comments, which a program that drops
    custom properties keeps), a Word file's identifier (else its comments)."""
    custom = _part(archive, "docProps/custom.xml") if suffix == ".xlsx" else None
    if custom is not None:
        for prop in custom.iter(_CUSTOM):
            if prop.get("name") == PROPERTY and len(prop) and prop[0].text:
                return prop[0].text
    core = _part(archive, "docProps/core.xml")
    if core is None:
        return None
    for tag in ((_IDENTIFIER,) if suffix == ".docx" else ()) + (_DESCRIPTION,):
        found = core.find(tag)
        if found is not None and found.text and found.text.startswith("cadretrack-stamp"):
            return found.text
    return None


def _part(archive: zipfile.ZipFile, member: str):
    try:
        return ElementTree.fromstring(archive.read(member))
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None


def workbook_cells(data: bytes) -> dict[tuple[str, str], str]:
    """Every non-empty cell of a workbook as (sheet, cell) -> its value as text."""
    from openpyxl import load_workbook

    # Formulas as written, not their cached results: a program that saves the file may drop
    # those (openpyxl does) or recompute them (Excel does), and neither is an edit.
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        cells = {}
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    value = getattr(cell, "value", None)
                    if value is not None and value != "":
                        cells[(ws.title, cell.coordinate)] = _text(value)
        return cells
    finally:
        wb.close()


def document_texts(data: bytes) -> dict[str, str]:
    """Every paragraph of a Word document (tables' cells included) by its place."""
    import docx

    doc = docx.Document(io.BytesIO(data))
    texts = {f"¶{n}": p.text for n, p in enumerate(doc.paragraphs, start=1) if p.text.strip()}
    for t, table in enumerate(doc.tables, start=1):
        for r, row in enumerate(table.rows, start=1):
            for c, cell in enumerate(row.cells, start=1):
                if cell.text.strip():
                    texts[f"T{t}:{r}.{c}"] = cell.text
    return texts


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "strftime"):  # as the clerk reads the cell: day first (both sides alike)
        if getattr(value, "hour", 0) or getattr(value, "minute", 0):
            return value.strftime("%d/%m/%Y %H:%M")
        return value.strftime("%d/%m/%Y")
    return str(value)
