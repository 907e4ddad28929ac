"""A title and its agency written in one cell: "Phó Giám đốc Sở Tài chính".

Many annexes have one column *Chức vụ, đơn vị công tác*. The position is the title with any
roles before it ("Tỉnh ủy viên, Giám đốc"); the agency is the unit the title heads ("Sở Tài
chính"), as the agency writes its own name. Where the title's last word is the unit's first
word, the word belongs to both: "Trưởng Ban Tuyên giáo Tỉnh ủy" is Trưởng Ban of the Ban
Tuyên giáo Tỉnh ủy; the formal style writes it twice, "Trưởng ban Ban Tổ chức Tỉnh ủy", and
then the title keeps its word and the agency its own. A shared word written small as part of
the title ("Phó Trưởng ban Tổ chức Tỉnh ủy") begins the agency's name with its capital: "Ban
Tổ chức Tỉnh ủy".

The titles are data (`data/chuc-danh.txt`, one a line, the shared word in brackets:
"Trưởng [Ban]"), matched case-, diacritics- and tone-style-insensitively word by word; every
title beginning with "Phó" is also read written "P." ("P. Giám đốc").
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from cadretrack.domain.names import exact_key, loose_key


class Title(NamedTuple):
    words: tuple[str, ...]  # exact keys of the title's words
    shared: int  # how many of its last words begin the agency's name too
    loose: tuple[str, ...] = ()  # their loose keys, for text typed without diacritics


_BRACKET = re.compile(r"\[([^\]]+)\]\s*$")
# A word: letters and digits with the combining marks that follow them (NFD text too);
# "P.GĐ" is two words, "Lao động - Thương binh" three.
_WORD = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")
_DEPUTY = exact_key("Phó")
_BREAK = re.compile(r"[,;:()]")  # what ends a title: roles and titles are listed with commas


def _title(words: list[str], shared: int) -> Title:
    return Title(tuple(exact_key(w) for w in words), shared, tuple(loose_key(w) for w in words))


def parse_titles(text: str) -> list[Title]:
    """Titles from a list: one a line, '#' starts a comment, "[Ban]" marks the shared word."""
    titles = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        bracket = _BRACKET.search(line)
        shared = len(_WORD.findall(bracket.group(1))) if bracket else 0
        words = _WORD.findall(line)
        if not words or shared >= len(words):
            continue
        titles.append(_title(words, shared))
        if exact_key(words[0]) == _DEPUTY and len(words) > 1:  # "P. Giám đốc"
            titles.append(_title(["P", *words[1:]], shared))
    # Longest first: "Phó Trưởng Ban Thường trực" before "Phó Trưởng Ban".
    return sorted(set(titles), key=lambda t: (-len(t.words), t.words))


class Split(NamedTuple):
    position: str
    agency: str


def _capitalised(text: str) -> str:
    """The text with its first letter a capital, as a name begins ("ban Tổ chức" -> "Ban Tổ chức")."""
    nfc = unicodedata.normalize("NFC", text)
    return nfc[:1].upper() + nfc[1:] if nfc[:1].islower() else text


def split_title(text: str, titles: list[Title]) -> Split | None:
    """Position and agency of "Tỉnh ủy viên, Giám đốc Sở Tài chính", or None when no known
    title is followed by the name of a unit."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    keys = [exact_key(text[a:b]) for a, b in spans]
    looses = [loose_key(text[a:b]) for a, b in spans]
    # A word typed without any diacritic ("Giam doc") may stand for one written with them.
    plain = [k == lk for k, lk in zip(keys, looses)]

    def same(i: int, word: str, loose: str) -> bool:
        return keys[i] == word or (plain[i] and looses[i] == loose)

    # A title never runs across a comma: "Tỉnh ủy viên, Trưởng ban" holds no "Viện trưởng".
    joined = [not _BREAK.search(text[spans[k - 1][1]:spans[k][0]]) for k in range(1, len(spans))]

    def at(i: int, t: Title) -> bool:
        n = len(t.words)
        return i + n <= len(keys) and all(same(i + k, t.words[k], t.loose[k]) for k in range(n)) and all(
            joined[i + k] for k in range(n - 1))

    last: tuple[int, Title] | None = None
    i = 0
    while i < len(keys):
        title = next((t for t in titles if at(i, t)), None)
        if title is None:
            i += 1
            continue
        last = (i, title)
        i += len(title.words)
    if last is None:
        return None
    start, title = last
    end = start + len(title.words)  # the first word after the title
    if end >= len(spans):
        return None  # "Phó Trưởng ban" alone names no unit
    shared = title.shared
    if shared and end + shared <= len(spans) and all(
            same(end + k, title.words[-shared + k], title.loose[-shared + k]) for k in range(shared)):
        shared = 0  # "Trưởng ban Ban Tổ chức": the agency writes its own word
    position = text[: spans[end - 1][1]].strip(" ,;:-–")
    agency = text[spans[end - shared][0] if shared else spans[end][0]:].strip(" ,;:-–")
    return Split(position, _capitalised(agency)) if position and agency else None
