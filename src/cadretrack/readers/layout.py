"""Finding the table inside a sheet laid out as an official annex.

Above the header: title rows ("PHỤ LỤC", "DANH SÁCH …"). The header may span two
rows (a merged group cell over its columns). Below it, perhaps a column-number row
"(1) (2) (3)". Then data rows, section rows naming a district ("II. HUYỆN ĐÀ BẮC"),
and a footer ("Tổng cộng: 151 xã, phường, thị trấn") after which signatures follow.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from cadretrack.domain.names import clean, loose_key, text_key
from cadretrack.domain.units import DISTRICT_WORDS

HEADER_SCAN_ROWS = 40
Classifier = Callable[[str], str | None]

_COLUMN_NUMBER = re.compile(r"^[\(\[]?(\d{1,2}|[a-z])[\)\]]?$")
_SECTION_PREFIX = re.compile(
    r"^\s*(?:[IVXLC]+|\d{1,2}|[A-Z])\s*[\.\)\-–:/]\s*|^\s*[IVXLC]+\s+(?=\S)", re.IGNORECASE
)
# A section row's district word, from the one table of unit words (one letter with its dot,
# "H.", is left out: a name may begin with it).
_DISTRICT_WORDS = tuple(sorted({loose_key(form) + " " for forms in DISTRICT_WORDS.values() for form in forms
                                if len(loose_key(form)) > 1}))
_NUMERAL = re.compile(r"^[\(\[]?(?:\d{1,4}|[ivx]{1,5})[\)\]]?\.?$")  # a row number: 12, (4), IV.
_FOOTER = re.compile(r"^(?:tong cong|tong so|cong(?: \d|$))")


@dataclass
class Header:
    row: int  # index of the last header row
    columns: dict[str, int]  # field -> column index
    labels: dict[str, str]  # field -> header text as written
    first: int = 0  # index of the first header row (the upper one of a two-row header)


def _cell_text(value: object) -> str:
    return clean(value) if value not in (None, "") else ""


def find_header(rows: list[list[object]], classify: Classifier, required: set[str]) -> Header | None:
    """The header row (or pair of rows) whose cells name the most known columns."""
    best: tuple[int, Header] | None = None
    limit = min(len(rows), HEADER_SCAN_ROWS)
    for r in range(limit):
        for span in (1, 2):
            if r + span > len(rows):
                continue
            header = _classify_rows(rows[r : r + span], r + span - 1, classify)
            header.first = r
            if not required <= header.columns.keys():
                continue
            score = len(header.columns) * 10 - span
            if best is None or score > best[0]:
                best = (score, header)
    return best[1] if best else None


def _classify_rows(rows: list[list[object]], last: int, classify: Classifier) -> Header:
    width = max(len(r) for r in rows)
    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    for c in range(width):
        parts = []
        for row in rows:
            text = _cell_text(row[c]) if c < len(row) else ""
            if text and text not in parts:
                parts.append(text)
        if not parts:
            continue
        label = " ".join(parts)
        # The lower row names the column; the upper one is a group heading.
        field = classify(text_key(parts[-1])) or classify(text_key(label))
        if field and field not in columns:
            columns[field] = c
            labels[field] = label
    return Header(row=last, columns=columns, labels=labels)


def title_rows(rows: list[list[object]], header: Header) -> list[str]:
    """The texts of the rows above the header ("PHỤ LỤC", "DANH SÁCH ĐIỀU CHỈNH …"), each once."""
    texts: list[str] = []
    for row in rows[: header.first]:
        for value in row:
            text = _cell_text(value)
            if text and text not in texts:
                texts.append(text)
    return texts


def add_titles(titles: list[str], grid, header: Header) -> None:
    """Add to `titles` the texts above a sheet's header (above its table in a Word file, then
    its own title rows) not yet in it: what the whole file says of itself (an amendment…)."""
    for text in [*grid.above, *title_rows(grid.rows, header)]:
        if text not in titles:
            titles.append(text)


def is_column_number_row(row: list[object]) -> bool:
    """ "(1) (2) (3) …" or "1 2 3 …" under the header; stops at the first other cell."""
    seen = False
    for value in row:
        if value is None or value == "":
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if not (float(value).is_integer() and 0 <= value < 100):
                return False
        elif not _COLUMN_NUMBER.match(str(value).strip().lower().replace(" ", "")):
            return False
        seen = True
    return seen


_SIGNATURE = ("t m ", "tm ", "k t ", "kt ", "thay mat ", "noi nhan", "nguoi lap")


def is_signature(row: list[object]) -> bool:
    """The row opens the signature block ("T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN", "Nơi nhận:"),
    in whichever column it stands: nothing below it is data."""
    texts = [v for v in row if v not in (None, "")]
    if len(texts) != 1 or not isinstance(texts[0], str):
        return False
    return (text_key(_cell_text(texts[0])) + " ").startswith(_SIGNATURE)


def is_footer(row: list[object]) -> bool:
    first = next((v for v in row if v not in (None, "")), None)
    if not isinstance(first, str) or first.strip()[:1].lower() not in ("t", "c"):
        return False  # "Tổng cộng", "Tổng số", "Cộng"
    return bool(_FOOTER.match(text_key(_cell_text(first))))


def _raw(value: object) -> str:
    """A cell as text, only stripped: enough to compare cells (clean() is 3× dearer)."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def titles(row: list[object]) -> list[str]:
    """The row's different texts other than row numbers ("3", "(4)", "IV."), at most two."""
    texts: list[str] = []
    for value in row:
        text = _raw(value)
        if text and text not in texts and not _NUMERAL.match(text.replace(" ", "").lower()):
            texts.append(text)
            if len(texts) > 1:
                break
    return texts


def is_heading(row: list[object], header: Header, texts: list[str] | None = None) -> bool:
    """A row holding a single title (merged across, or alone left of the commune column),
    such as a group of agencies ("A. KHỐI ĐẢNG"): not an assignment."""
    texts = titles(row) if texts is None else texts
    if len(texts) != 1:
        return False
    commune = header.columns.get("commune")
    only_commune = commune is not None and commune < len(row) and _raw(row[commune]) == texts[0] and all(
        _raw(v) != texts[0] for i, v in enumerate(row) if i != commune
    )
    return not only_commune


def section_title(
    row: list[object], is_district: Callable[[str], bool], texts: list[str] | None = None
) -> str | None:
    """The district a section row names ("II. HUYỆN ĐÀ BẮC (17 xã)"), else None."""
    texts = titles(row) if texts is None else texts
    if len(texts) != 1:
        return None  # a data row: a section row holds one title (and perhaps its numeral)
    text = _SECTION_PREFIX.sub("", clean(texts[0]), count=1)
    text = re.split(r"\s*[\(:]\s*|\s+[-–]\s+", text, maxsplit=1)[0].strip()
    if not text:
        return None
    key = text_key(text) + " "
    if key.startswith(_DISTRICT_WORDS) or is_district(text):
        return text
    return None


def names_district(text: str) -> bool:
    """The text opens with a district-level word (domain.units.DISTRICT_WORDS: huyện, thành phố, TP.)."""
    return (text_key(text) + " ").startswith(_DISTRICT_WORDS)


def cell(row: list[object], header: Header, field: str) -> object:
    index = header.columns.get(field)
    if index is None or index >= len(row):
        return ""
    value = row[index]
    return "" if value is None else value


def data_rows(grid, header: Header, is_district: Callable[[str], bool], section: str = ""):
    """(index, row, district of the section it lies in) of every data row under the header:
    column-number rows, section rows ("II. HUYỆN ĐÀ BẮC") and headings skipped, up to the footer.
    Every list laid out as an annex (assignments, members) is read through it."""
    for index in range(header.row + 1, len(grid.rows)):
        row = grid.rows[index]
        if is_column_number_row(row):
            continue
        if is_footer(row) or is_signature(row):
            break
        texts = titles(row)
        title = section_title(row, is_district, texts)
        if title is not None:
            section = title
            continue
        if is_heading(row, header, texts):
            continue
        yield index, row, section
