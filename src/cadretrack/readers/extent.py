"""How far a workbook's sheets reach, read from the file before any spreadsheet library is.

A spreadsheet library builds a sheet as a rectangle from A1 to its farthest cell: a 5 KB
.xlsx with one cell at XFD1048576 asks for 17 billion cells and aborts the process. So
the sheets' XML (each worksheet of an .xlsx, content.xml of an .ods) is scanned as a
stream, cell tags only, and a sheet whose rectangle is beyond the limits is refused before
it is handed over.

The scan is a pattern over the raw bytes rather than an XML parser: it is lenient as the
library is (a stray control character in a cell does not stop it), fast (a few
milliseconds for a register), and errs only on the side of a larger rectangle: a cell tag
in a comment counts, an empty `<c></c>` after a styled one counts. A cell that the library
would place counts wherever it stands: at its `r` reference, or after the cell before it.
"""

from __future__ import annotations

import codecs
import html
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from cadretrack.errors import CadretrackError
from cadretrack.readers.types import Limits

CHUNK = 1 << 20
LONGEST_TAG = 1 << 20  # a single start tag longer than this is no spreadsheet's
_ATTRS = rb"((?:[^>\"']|\"[^\"]*\"|'[^']*')*)"
_XLSX_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?(row|c)(?=[\s/>])" + _ATTRS + rb">")
_ODS_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?(table|table-row|table-cell|covered-table-cell)(?=[\s/>])"
                      + _ATTRS + rb">")
_R = re.compile(rb"(?:^|\s)r\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REF = re.compile(r"\s*\$?([A-Za-z]*)\$?(\d*)\s*$")
_REPEAT = {name: re.compile(rb"(?:^|\s)(?:[\w.\-]+:)?" + name + rb"\s*=\s*[\"']\s*(\d+)\s*[\"']")
           for name in (b"number-rows-repeated", b"number-columns-repeated")}
_VALUE_TYPE = re.compile(rb"(?:^|\s)(?:[\w.\-]+:)?value-type\s*=")
_CLOSES_AT_ONCE = re.compile(rb"\s*</")
WORKSHEET_TYPES = ("/worksheet", "/chartsheet", "/dialogsheet", "/macrosheet", "/xlMacrosheet")


@dataclass
class Extent:
    """The rectangle from A1 to a sheet's farthest cell that holds something."""

    rows: int = 0
    columns: int = 0

    def reach(self, row: int, column: int) -> None:  # 0-based
        self.rows = max(self.rows, row + 1)
        self.columns = max(self.columns, column + 1)


def check_workbook(archive: zipfile.ZipFile, path: str, limits: Limits) -> None:
    """Refuse an .xlsx or .ods whose sheets reach beyond the limits (CadretrackError)."""
    names = set(archive.namelist())
    if "content.xml" in names and "xl/workbook.xml" not in names:
        for label, extent in _ods_extents(_stream(archive, "content.xml", path), path):
            check_extent(path, label, extent, limits)
        return
    for member, label in _worksheets(archive, names).items():
        for extent in _xlsx_extents(_stream(archive, member, path), path):
            check_extent(path, label, extent, limits)


def check_extent(path: str, sheet: str, extent: Extent, limits: Limits) -> None:
    if extent.rows > limits.max_rows:
        raise CadretrackError("file_reaches_too_far", path=path, sheet=sheet, rows=extent.rows, limit=limits.max_rows)
    if extent.columns > limits.max_columns:
        raise CadretrackError("file_too_many_columns", path=path, sheet=sheet, columns=extent.columns,
                              limit=limits.max_columns)
    if extent.rows * extent.columns > limits.max_cells:
        raise CadretrackError("file_too_many_cells", path=path, sheet=sheet, rows=extent.rows,
                              columns=extent.columns, limit=limits.max_cells)


def _attr(tag: str, name: str) -> str | None:
    match = re.search(r"(?:^|\s)" + name + r"\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", tag)
    return None if match is None else html.unescape(match.group(1) if match.group(1) is not None else match.group(2))


def _read_small(archive: zipfile.ZipFile, member: str) -> str:
    try:
        info = archive.getinfo(member)
        return archive.read(info).decode("utf-8", "replace") if info.file_size <= 16 * 2**20 else ""
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError, NotImplementedError):
        return ""


def _worksheets(archive: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """member -> sheet name of every member a library may read as a sheet: those the
    workbook's relationships name, and every member under xl/worksheets/; every member
    but media when a relationship names a sheet not where it says (a library may look
    elsewhere)."""
    found = {n: n.rsplit("/", 1)[-1] for n in names
             if n.lower().startswith(("xl/worksheets/", "xl/chartsheets/")) and not n.endswith("/")}
    sheets = {}  # relationship id -> sheet name, from the workbook
    for tag in re.findall(r"<(?:[\w.\-]+:)?sheet\s[^>]*>", _read_small(archive, "xl/workbook.xml")):
        rid = next((v for v in (_attr(tag, r"[\w.\-]+:id"), _attr(tag, "id")) if v), None)
        if rid:
            sheets[rid] = _attr(tag, "name") or rid
    lost = False
    for tag in re.findall(r"<(?:[\w.\-]+:)?Relationship\s[^>]*>", _read_small(archive, "xl/_rels/workbook.xml.rels")):
        kind, target = _attr(tag, "Type") or "", _attr(tag, "Target")
        if target is None or not kind.endswith(WORKSHEET_TYPES):
            continue
        name = target.replace("\\", "/")
        name = name.lstrip("/") if name.startswith("/") else posixpath.normpath(posixpath.join("xl", name))
        if name in names:
            found[name] = sheets.get(_attr(tag, "Id") or "", found.get(name, name))
        else:
            lost = True
    if lost:
        for n in names:
            if not n.endswith("/") and not n.lower().startswith(("xl/media/", "docprops/")):
                found.setdefault(n, n)
    return found


def _stream(archive: zipfile.ZipFile, member: str, path: str) -> Iterator[bytes]:
    """The member's bytes in chunks, as UTF-8 when the XML is in UTF-16."""
    try:
        with archive.open(member) as fh:
            first = fh.read(CHUNK)
            decoder = None
            if first[:2] in (b"\xff\xfe", b"\xfe\xff") or first[:2] in (b"<\x00", b"\x00<"):
                big = first[:2] in (b"\xfe\xff", b"\x00<")
                decoder = codecs.getincrementaldecoder("utf-16-be" if big else "utf-16-le")("replace")
            chunk = first
            while chunk:
                yield decoder.decode(chunk).encode("utf-8") if decoder else chunk
                chunk = fh.read(CHUNK)
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError, NotImplementedError) as exc:
        raise CadretrackError("file_unreadable", path=path, reason=str(exc)[:200]) from None


def _tags(chunks: Iterator[bytes], pattern: re.Pattern, path: str) -> Iterator[tuple[bytes, bytes, bool]]:
    """(name, attributes, holds something) of every start tag the pattern finds; a tag cut
    by a chunk's end (or whose close tag may be) is read whole with the next chunk."""
    carry = b""
    for chunk in chunks:
        data, carry = carry + chunk, b""
        for match in pattern.finditer(data):
            if match.end() > len(data) - 64:  # a close tag right after it may be in the next chunk
                carry = data[match.start():]
                break
            yield match.group(1), match.group(2), _holds(data, match)
        else:
            cut = data.rfind(b"<")
            if cut >= 0 and data.find(b">", cut) < 0:
                carry = data[cut:]
        if len(carry) > LONGEST_TAG:
            raise CadretrackError("file_unreadable", path=path, reason="a tag longer than 1 MB")
    for match in pattern.finditer(carry):
        yield match.group(1), match.group(2), _holds(carry, match)


def _holds(data: bytes, match: re.Match) -> bool:
    """The element has content: it is not `<c/>`, nor `<c …></c>`."""
    return not match.group(2).endswith(b"/") and _CLOSES_AT_ONCE.match(data, match.end()) is None


def _ref(attrs: bytes) -> tuple[int | None, int | None] | None:
    """(0-based row, 0-based column) of a tag's r="B7" (either may be missing); None if it has none."""
    refs = [m.group(1) if m.group(1) is not None else m.group(2) for m in _R.finditer(attrs)]
    if not refs:
        return None
    row = column = None
    for raw in refs:  # a repeated attribute: the farthest of them
        text = raw.decode("utf-8", "replace")
        match = _REF.match(html.unescape(text) if "&" in text else text)
        if match is None:
            continue
        letters, digits = match.groups()
        if letters:
            value = 0
            for ch in letters.upper()[:8]:
                value = value * 26 + ord(ch) - 64
            column = max(column or 0, value - 1 if len(letters) <= 8 else 26**8)
        if digits:
            row = max(row or 0, int(digits[:12]) - 1)
    return row, column


def _xlsx_extents(chunks: Iterator[bytes], path: str) -> Iterator[Extent]:
    extent = Extent()
    row, column = -1, -1
    for name, attrs, full in _tags(chunks, _XLSX_TAG, path):
        ref = _ref(attrs)
        if name == b"row":
            row = ref[0] if ref is not None and ref[0] is not None else row + 1
            column = -1
            continue
        if ref is not None:
            row = ref[0] if ref[0] is not None else row
            column = ref[1] if ref[1] is not None else column + 1
        else:
            column += 1
        if full:
            extent.reach(max(row, 0), max(column, 0))
    yield extent


def _repeat(attrs: bytes, name: bytes) -> int:
    match = _REPEAT[name].search(attrs)
    return max(1, int(match.group(1)[:12])) if match else 1


def _ods_extents(chunks: Iterator[bytes], path: str) -> Iterator[tuple[str, Extent]]:
    """(sheet name, extent) of every table of an .ods content.xml."""
    extent: Extent | None = None
    label = ""
    row, rows, column = -1, 1, 0
    for name, attrs, full in _tags(chunks, _ODS_TAG, path):
        if name == b"table":
            if extent is not None:
                yield label, extent
            label = _attr(attrs.decode("utf-8", "replace"), r"(?:[\w.\-]+:)?name") or "?"
            extent, row, rows, column = Extent(), -1, 1, 0
        elif name == b"table-row":
            row += rows
            rows, column = _repeat(attrs, b"number-rows-repeated"), 0
        else:
            columns = _repeat(attrs, b"number-columns-repeated")
            if extent is not None and (full or _VALUE_TYPE.search(attrs)):
                extent.reach(max(row, 0) + rows - 1, column + columns - 1)
            column += columns
    if extent is not None:
        yield label, extent
