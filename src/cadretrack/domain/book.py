"""A row's place in the office's book of incoming documents, and a fingerprint of what it
says: what lets a register imported again and again be decided one row at a time, once.

The place is the year of *Ngày đến* and the *Số đến* (the arrival number restarts each
January); a book without arrival numbers places a row by its date, sender, number and
summary. The fingerprint changes when anything the decision reads changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from cadretrack.domain.names import clean, loose_key


def _digest(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=10).hexdigest()


def _tidy(value: object) -> str:
    """A cell as text with its spacing collapsed (a date as ISO, 12.0 as 12). Cheaper than
    `names.clean`: a book of 10,000 rows is read again every week, and the same file gives
    the same text."""
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def place_in_book(received: object, arrival: object, sender: object, number: object, summary: object) -> str:
    """`2024#123` (the year of Ngày đến, a date, and Số đến), else `<Ngày đến as written>|<digest
    of sender, number, summary>` (with Số đến when there is one: a Số đến without a readable
    year is no place, as every year's book numbers from 1, and a new book's first row is
    not the old book's first row corrected)."""
    arrival_text = _tidy(arrival)
    if arrival_text and isinstance(received, (dt.date, dt.datetime)):
        return f"{received.year}#{arrival_text}"
    parts = [_tidy(sender).lower(), _tidy(number).lower(), _tidy(summary).lower()]
    return f"{_tidy(received)}|{_digest(*([arrival_text] if arrival_text else []), *parts)}"


def apart(places: list[str]) -> list[str]:
    """The places of a book's rows in book order, each told apart from an earlier row at the
    same place (two rows given one Số đến, or the same entry copied twice): the second is
    `2024#12 (2)`, the third `2024#12 (3)`. The first keeps the place it always had."""
    seen: dict[str, int] = {}
    out = []
    for place in places:
        n = seen[place] = seen.get(place, 0) + 1
        out.append(place if n == 1 else f"{place} ({n})")
    return out


def _as_read(value: object) -> str:
    if isinstance(value, str):
        return value
    return _tidy(value)


def fingerprint(*values: object) -> str:
    """What a row says, as deciding it reads it (text as written, dates as ISO): a row
    re-typed with other spacing is decided again, to the same decision."""
    return _digest(*[_as_read(v) for v in values])


# The clerk's answers to a row left for review (the column Xử lý of the review workbook).
ANSWERS = {
    "record": "Ghi nhận",
    "difficulty": "Ghi khó khăn, vướng mắc",
    "unrelated": "Không phải văn bản theo Quy định",
    "replace": "Ghi nhận, thay văn bản đã ghi",
}


def answer_of(text: object) -> str | None:
    """The answer a cell gives ("record", "difficulty", "unrelated", "replace"), "" when empty, None when
    it is none of them. Read loosely: "ghi nhan", "Không phải VB theo QĐ" …"""
    key = loose_key(clean(text))
    if not key:
        return ""
    for answer, words in ANSWERS.items():
        if key == loose_key(words):
            return answer
    if key.startswith("ghi nhan") and "thay" in key.split():
        return "replace"
    if key.startswith("khong phai"):
        return "unrelated"
    if "kho khan" in key or "vuong mac" in key:
        return "difficulty"
    if key.startswith("ghi nhan"):
        return "record"
    return None


# The review workbook's stamp: a very hidden sheet naming the ledger that wrote it and the
# places it asks about. Its answers are taken only by that ledger, for those places.
STAMP_SHEET = "cadretrack"
STAMP_TITLE = "cadretrack review"


def stamp_rows(ledger: str, places: list[str]) -> list[list[str]]:
    return [[STAMP_TITLE, ledger], *[["place", p] for p in places]]


def read_stamp(rows: list[list]) -> tuple[str, set[str]] | None:
    """(ledger identity, places) from the stamp sheet's rows, or None when they are no stamp."""
    if not rows or len(rows[0]) < 2 or clean(rows[0][0]) != STAMP_TITLE:
        return None
    places = {clean(r[1]) for r in rows[1:] if len(r) >= 2 and clean(r[0]) == "place" and clean(r[1])}
    return clean(rows[0][1]), places
