"""The annex of a decision as a Word document (.docx): its tables as one grid.

An annex may run over several tables (a table per page, or a table broken by a page
break), each perhaps repeating the header row; the tables of one width that follow each
other are read as one list, with the header rows they repeat left out, so that a section
row ("II. HUYỆN ĐÀ BẮC") on one page still covers the rows on the next. Merged cells
(a section row across the table, a district merged down a column) read like any other
cell. Paragraphs (the title above, "Danh sách này có 151 đồng chí." below) are not read.
Each row keeps where it stands: "Bảng 2", row 7, as the clerk finds it in Word.
"""

from __future__ import annotations

import io
from pathlib import Path

from cadretrack.errors import CadretrackError
from cadretrack.readers.types import Grid

HEADER_ZONE = 6  # rows of a table's top that a following table may repeat
TITLE_PARAGRAPHS = 20  # paragraphs kept above a table: its title lies right above it


def read_word(path: Path, data: bytes) -> list:
    """The tables of the document whose bytes are `data` (checked by readers/grid first:
    a zip within limits, XML without a DTD and not nested without end)."""
    try:
        return _tables(path, data)
    except CadretrackError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds for a broken document
        raise CadretrackError("file_unreadable", path=str(path), reason=str(exc)[:200] or type(exc).__name__) from None


def _tables(path: Path, data: bytes) -> list:
    from docx import Document

    document = Document(io.BytesIO(data))
    grids: list[Grid] = []
    above: list[str] = []  # the paragraphs since the last table: a title for the next one
    number = 0
    for block in document.iter_inner_content():
        if not hasattr(block, "rows"):  # a paragraph
            if block.text.strip():
                above = [*above[-(TITLE_PARAGRAPHS - 1):], block.text.strip()]
            continue
        number += 1
        table, before, above = block, above, []
        rows = [[_text(c) for c in row.cells] for row in table.rows]
        if not rows:
            continue
        origins = [(f"Bảng {number}", r) for r in range(1, len(rows) + 1)]
        last = grids[-1] if grids else None
        if last is not None and _width(last.rows) == _width(rows):
            top = {tuple(r) for r in last.rows[:HEADER_ZONE] if any(r)}
            keep = _after_repeated_header(rows, top)
            last.rows.extend(rows[i] for i in keep)
            last.origins.extend(origins[i] for i in keep)
        else:
            grids.append(Grid(sheet=f"Bảng {number}", rows=rows, origins=origins, above=before))
    return grids


def _text(cell) -> str:
    return cell.text.strip()


def _width(rows: list[list[str]]) -> int:
    return max((len(r) for r in rows), default=0)


def _after_repeated_header(rows: list[list[str]], top: set[tuple]) -> list[int]:
    """Indexes of the rows to keep: the leading rows that repeat the first table's header go."""
    i = 0
    while i < len(rows) and (tuple(rows[i]) in top or not any(rows[i])):
        i += 1
    return list(range(i, len(rows)))
