"""A title and its agency written in one cell: "Phó Giám đốc Sở Tài chính".

Many annexes have one column *Chức vụ, đơn vị công tác*. The position is the title with any
roles before it ("Tỉnh ủy viên, Giám đốc"); the agency is the unit the title heads ("Sở Tài
chính"). Where the title's last word is the unit's first word, the word belongs to both:
"Trưởng Ban Tuyên giáo Tỉnh ủy" is Trưởng Ban of the Ban Tuyên giáo Tỉnh ủy.

The titles are data (`data/chuc-danh.txt`, one a line, the shared word in brackets:
"Trưởng [Ban]"), matched case-, diacritics- and tone-style-insensitively word by word.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from cadretrack.domain.names import exact_key, loose_key


class Title(NamedTuple):
    words: tuple[str, ...]  # exact keys of the title's words
    shared: int  # how many of its last words begin the agency's name too
    loose: tuple[str, ...] = ()  # their loose keys, for text typed without diacritics


_BRACKET = re.compile(r"\[([^\]]+)\]\s*$")
_WORD = re.compile(r"[^\s,;]+")


def parse_titles(text: str) -> list[Title]:
    """Titles from a list: one a line, '#' starts a comment, "[Ban]" marks the shared word."""
    titles = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        bracket = _BRACKET.search(line)
        shared = len(bracket.group(1).split()) if bracket else 0
        plain = line.replace("[", " ").replace("]", " ").split()
        if plain:
            titles.append(Title(tuple(exact_key(w) for w in plain), shared, tuple(loose_key(w) for w in plain)))
    # Longest first: "Phó Trưởng Ban Thường trực" before "Phó Trưởng Ban".
    return sorted(set(titles), key=lambda t: -len(t.words))


class Split(NamedTuple):
    position: str
    agency: str


def split_title(text: str, titles: list[Title]) -> Split | None:
    """Position and agency of "Tỉnh ủy viên, Giám đốc Sở Tài chính", or None when no known
    title is followed by the name of a unit."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    keys = [exact_key(text[a:b]) for a, b in spans]
    looses = [loose_key(text[a:b]) for a, b in spans]
    # A word typed without any diacritic ("Giam doc") may stand for one written with them.
    plain = [k == lk for k, lk in zip(keys, looses)]

    def at(i: int, t: Title) -> bool:
        n = len(t.words)
        return i + n <= len(keys) and all(
            keys[i + k] == t.words[k] or (plain[i + k] and looses[i + k] == t.loose[k]) for k in range(n))

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
    position = text[: spans[end - 1][1]].strip(" ,;")
    agency_from = spans[end - title.shared][0] if title.shared else spans[end][0]
    agency = text[agency_from:].strip(" ,;")
    return Split(position, agency) if position and agency else None
