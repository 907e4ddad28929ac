"""Unit words, and how a written unit name finds its units in a list.

A clerk writes "Phường Phương Lâm", "P. Phương Lâm", "Phương Lâm" or "phuong lam" for
one ward. A leading unit word is only a *possible* prefix: "Phương Lâm" is the ward
Phương Lâm, not a ward called "Lâm", and Huế has a ward called "Phường Đúc". So a
written name is read both ways (with its first word(s) as a unit word, and whole),
both readings are looked up, and the one the list holds wins; when both are held,
the name is ambiguous. A unit word that was written must agree with the unit's type:
"Phường Hòa Bình" is not the Xã Hòa Bình of the same list.

Lookups go by the exact key first (diacritics kept, tone placement ignored), then by
the loose key (diacritics dropped), as `names` defines them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from typing import Callable, Generic, Mapping, NamedTuple, TypeVar

from cadretrack.domain.names import nearest, strip_marks, syllable_key
from cadretrack.domain.vocabulary import installed

# Each unit type, as the lists write it, with the ways a clerk writes it: data
# (data/vocabulary.toml, [units]), in the order headings list them ("xã, phường, thị trấn").
# A one-letter abbreviation counts only with its dot ("X. Hiền Lương"), since a name may
# begin with such a letter.
_VOCABULARY = installed()
COMMUNE_WORDS = _VOCABULARY.commune_words
DISTRICT_WORDS = _VOCABULARY.district_words
PROVINCE_WORDS = _VOCABULARY.province_words
LEVELS = {"commune": COMMUNE_WORDS, "district": DISTRICT_WORDS, "province": PROVINCE_WORDS}

def word_sequences(level: Mapping[str, tuple[str, str]]) -> tuple[tuple[str, ...], ...]:
    """The unit words of a level (a table of the vocabulary) as the register's scanner
    reads them: loose words ("thị trấn" -> ("thi", "tran")), an abbreviation with its dot
    as a word ("x." -> ("x", ".")), one written without a dot also with one ("tt": ("tt", "."),
    ("tt",)); the longer spellings of a first word first."""
    out: list[tuple[str, ...]] = []
    for full, short in level.values():
        out.append(tuple(_loose(full).split()))
        word = _loose(short).rstrip(".").strip()
        out += [(word, ".")] if short.endswith(".") else [(word, "."), (word,)]
    return tuple(sorted(dict.fromkeys(out), key=len, reverse=True))


def first_words(level: Mapping[str, tuple[str, str]]) -> set[str]:
    """The first word of each way a level's unit is written, with and without its marks,
    without a dot ("huyện", "huyen", "thị", "thi", "tp", "h")."""
    words = set()
    for forms in level.values():
        for form in forms:
            first = unicodedata.normalize("NFC", form.casefold()).split()[0].rstrip(".")
            words |= {first, _loose(first)}
    return words


def _loose(text: str) -> str:
    return strip_marks(unicodedata.normalize("NFD", text.casefold()))


# English names of the unit types, for messages in English.
UNIT_EN = _VOCABULARY.unit_english

# A word of NFD text and whether a dot follows it.
_TOKEN = re.compile(r"([^\W_](?:[^\W_]|[\u0300-\u036f])*)(\s*\.)?")
_MARK = re.compile(r"[\u0300-\u036f]")


class Reading(NamedTuple):
    """One way to read a written name: the unit word it begins with (or none) and the rest."""

    unit: str  # the unit type written, "" when the name is read whole
    unit_exact: bool  # the unit word was written with its own diacritics (or none was taken)
    exact: str  # exact key of the rest
    loose: str  # loose key of the rest


def _tokens(name: str) -> list[tuple[str, bool]]:
    text = unicodedata.normalize("NFD", name.casefold())
    return [(m.group(1), bool(m.group(2))) for m in _TOKEN.finditer(text)]


@functools.lru_cache(maxsize=None)
def _spellings(level: str) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    """(unit, words, needs a dot) of every spelling of a level's unit words, longest first."""
    out = []
    for unit, spellings in LEVELS[level].items():
        for spelling in spellings:
            words = tuple(w for w, _ in _tokens(spelling))
            out.append((unit, words, spelling.endswith(".")))
    return tuple(sorted(out, key=lambda s: -len(s[1])))


def _keys(words: list[str]) -> tuple[str, str]:
    return " ".join(syllable_key(w) for w in words), " ".join(strip_marks(w) for w in words)


def _word_agrees(written: str, word: str) -> tuple[bool, bool]:
    """(the written word can be this unit word, it was written exactly so)."""
    if syllable_key(written) == syllable_key(word):
        return True, True
    # Without any diacritic it may be the word typed plainly; with other ones it is not.
    return (not _MARK.search(written) and written.replace("đ", "d") == strip_marks(word)), False


@functools.lru_cache(maxsize=1 << 16)
def readings(name: str, level: str) -> tuple[Reading, ...]:
    """Every reading of a written name: whole, and after each unit word it may begin with."""
    tokens = _tokens(name)
    words = [w for w, _ in tokens]
    found = [Reading("", True, *_keys(words))]
    for unit, spelling, dotted in _spellings(level):
        n = len(spelling)
        if len(tokens) <= n or (dotted and not tokens[n - 1][1]):
            continue
        agree = [_word_agrees(tokens[i][0], spelling[i]) for i in range(n)]
        if all(ok for ok, _ in agree):
            found.append(Reading(unit, all(ex for _, ex in agree), *_keys(words[n:])))
    return tuple(found)


@functools.lru_cache(maxsize=None)
def _full_words(level: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each unit type of a level with the syllable keys of its full spelling."""
    return tuple((unit, tuple(syllable_key(w) for w, _ in _tokens(spellings[0])))
                 for unit, spellings in LEVELS[level].items())


def official_reading(name: str, level: str, unit: str = "") -> Reading:
    """How a list's own name reads: its unit word (as the list writes it, or `unit`) and the rest."""
    words = [w for w, _ in _tokens(name)]
    keys = [syllable_key(w) for w in words]
    wanted = unit_type(unit, level) if unit else ""
    for candidate, spelling in _full_words(level):
        n = len(spelling)
        if (not wanted or candidate == wanted) and len(words) > n and tuple(keys[:n]) == spelling:
            return Reading(candidate, True, *_keys(words[n:]))
    return Reading(wanted, True, *_keys(words))


@functools.lru_cache(maxsize=64)
def unit_type(text: str, level: str) -> str:
    """The unit type a list's type column names ("Phường", "thị trấn"), or ""."""
    key = _keys([w for w, _ in _tokens(text)])[0]
    for unit in LEVELS[level]:
        if _keys([w for w, _ in _tokens(unit)])[0] == key:
            return unit
    return ""


T = TypeVar("T")


class Found(NamedTuple):
    values: list  # the units the name means
    other_type: list  # units of that name but another type than the unit word written
    written_unit: str  # the unit word of the reading that found other_type


class UnitIndex(Generic[T]):
    """Units of one level by the exact and loose keys of their names without unit word."""

    def __init__(self, level: str) -> None:
        self.level = level
        self.exact: dict[str, list[tuple[str, T]]] = defaultdict(list)
        self.loose: dict[str, list[tuple[str, T]]] = defaultdict(list)
        self.names: dict[str, str] = {}  # loose key -> a display name, for suggestions

    def add(self, value: T, name: str, reading: Reading | None = None) -> None:
        reading = reading or official_reading(name, self.level)
        self.exact[reading.exact].append((reading.unit, value))
        self.loose[reading.loose].append((reading.unit, value))
        self.names.setdefault(reading.loose, name)

    def find(self, name: str, keep: Callable[[T], bool] | None = None) -> Found:
        """The units a written name means (exact keys first, then loose), kept by `keep`."""
        other: list = []
        written = ""
        for level in ("exact", "loose"):
            index = self.exact if level == "exact" else self.loose
            values: list = []
            for r in readings(name, self.level):
                if level == "exact" and not r.unit_exact:
                    continue
                for unit, value in index.get(r.exact if level == "exact" else r.loose, ()):
                    if keep is not None and not keep(value):
                        continue
                    if r.unit and unit and unit != r.unit:
                        if value not in other:
                            other.append(value)
                            written = r.unit
                    elif value not in values:
                        values.append(value)
            if values:
                return Found(values, [], "")
        return Found([], other, written)

    def suggest(self, name: str, pool: dict[str, str] | None = None) -> list[str]:
        """Display names nearest to any reading of the name."""
        pool = self.names if pool is None else pool
        out: list[str] = []
        for r in readings(name, self.level):
            for choice in nearest(r.loose, pool):
                if choice not in out:
                    out.append(choice)
        return out[:3]


_UNIT_NAMES = sorted({w for level in LEVELS.values() for w in level}, key=len, reverse=True)
_LEADING_UNIT = re.compile(r"(^|,\s*|\bủy\s+)(" + "|".join(w.capitalize() for w in _UNIT_NAMES) + r")(?=\s)")


def in_running_text(text: str) -> str:
    """A unit's name as Vietnamese administrative writing puts it inside a sentence, its unit
    word in lower case: "Đảng ủy Phường Thái Bình, Thành phố Hòa Bình" -> "Đảng ủy phường
    Thái Bình, thành phố Hòa Bình". Proper names keep their capitals."""
    return _LEADING_UNIT.sub(lambda m: m.group(1) + m.group(2).lower(), text)
