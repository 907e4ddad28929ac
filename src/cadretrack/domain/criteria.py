"""What a clerk asks to see: the criteria of a list, as plain values, and how a document's
number and its words are matched the way a clerk types them.

The criteria hold names as typed ("Cao Sơn", "Ban Tuyên giáo TU"); ops/criteria.py resolves
them against the ledger once (with the messages and suggestions every command gives) and
filters items with the result. Any front end (the CLI, a web page) fills in the same object.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from cadretrack.domain.names import _words, strip_marks, syllable_key


YEARS = range(1900, 3000)  # a year a clerk may ask about; "20224" is a typo, not a question


@dataclass(frozen=True)
class Criteria:
    """Which filings owed (check, remind) or recorded (list filings) a list shows; every
    field empty: all of them. Kinds by key or label, comma-separated ("program, báo cáo")."""

    kinds: str = ""
    district: str = ""
    agency: str = ""
    commune: str = ""
    cadre: str = ""


@dataclass(frozen=True)
class FilingCriteria(Criteria):
    """`list filings`: the criteria of assignments and kinds, and of the filing itself."""

    year: int | None = None
    number: str = ""  # "05/ctr-stc" finds "05-CTr/STC"
    text: str = ""  # words of the note or the summary, all of them


_TOKEN = re.compile(r"([0-9]+)|[^\W0-9_]+")  # ASCII digits are numbers; any other letter or digit is a word


def number_tokens(number: str) -> tuple[str, ...]:
    """A document number as the clerk reads it: its runs of digits (by value: "05" is 5) and
    of letters (case and diacritics dropped, đ is d), whatever separates them."""
    text = strip_marks(unicodedata.normalize("NFD", number.casefold()))
    return tuple(str(int(m.group(1))) if m.group(1) else m.group(0) for m in _TOKEN.finditer(text))


def number_matches(wanted: str, number: str) -> bool:
    """`wanted` names `number` or a run of its parts: "05/ctr-stc", "05 CTr STC", "5-CTr"
    and "CTr/STC" all find "05-CTr/STC"; "15-CTr" does not."""
    want, have = number_tokens(wanted), number_tokens(number)
    if not want:
        return True
    n = len(want)
    return any(have[i:i + n] == want for i in range(len(have) - n + 1))


def text_words(query: str) -> list[tuple[str, bool]]:
    """Each word of a search, keyed: (its exact key, True) when written with diacritics
    (it must match them, tone style aside), else (its bare key, False) matching any."""
    found = []
    for word in _words(query):
        exact, bare = syllable_key(word), strip_marks(word)
        found.append((exact, True) if exact != bare else (bare, False))
    return list(dict.fromkeys(found))  # a word said twice is one test (50,000 times "so" is one)


def text_keys(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The exact and the bare keys of a text's words, to test many searches against."""
    words = _words(text)
    return frozenset(syllable_key(w) for w in words), frozenset(strip_marks(w) for w in words)


def text_matches(words: list[tuple[str, bool]], keys: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Every word of the search is a word of the text."""
    exact, bare = keys
    return all((key in exact) if marked else (key in bare) for key, marked in words)
