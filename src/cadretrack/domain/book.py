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


def place_in_book(received: dt.date | None, arrival: object, sender: object, number: object,
                  summary: object) -> str:
    """`2024#123` (year received, Số đến), else `2024-01-10|<digest of sender, number, summary>`."""
    arrival_text = clean(arrival)
    year = str(received.year) if received else "?"
    if arrival_text:
        return f"{year}#{arrival_text}"
    day = received.isoformat() if received else "?"
    return f"{day}|{_digest(loose_key(clean(sender)), loose_key(clean(number)), loose_key(clean(summary)))}"


def fingerprint(*values: object) -> str:
    """What a row says, as deciding it reads it (tidy text, dates as ISO)."""
    return _digest(*(v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else clean(v) for v in values))


# The clerk's answers to a row left for review (the column Xử lý of the review workbook).
ANSWERS = {
    "record": "Ghi nhận",
    "difficulty": "Ghi khó khăn, vướng mắc",
    "unrelated": "Không phải văn bản theo Quy định",
}


def answer_of(text: object) -> str | None:
    """The answer a cell gives ("record", "difficulty", "unrelated"), "" when empty, None when
    it is none of them. Read loosely: "ghi nhan", "Không phải VB theo QĐ" …"""
    key = loose_key(clean(text))
    if not key:
        return ""
    for answer, words in ANSWERS.items():
        if key == loose_key(words):
            return answer
    if key.startswith("khong phai"):
        return "unrelated"
    if "kho khan" in key or "vuong mac" in key:
        return "difficulty"
    if key.startswith("ghi nhan"):
        return "record"
    return None
