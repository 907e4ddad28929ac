"""The words cadretrack reads a clerk's text with, as data (data/vocabulary.toml).

`parse_vocabulary` checks a parsed file and builds one frozen `Vocabulary`; a wrong file is
one `VocabularyError` naming the key. The domain never reads the file: the package edge
(cadretrack.vocabulary) reads it and installs the result here once, before any domain
module builds its tables from `installed()`; a caller may pass another `Vocabulary` to the
functions that take one (parse_rating, incoming.Vocabulary, units.word_sequences …).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from cadretrack.domain import words_source
from cadretrack.domain.names import strip_marks


class VocabularyError(ValueError):
    """A vocabulary file that cannot be used: `key` is where, `problem` what (a code the CLI
    says in the user's language: not_table, missing, not_text, spaces, case, not_list,
    forms, pair, phrase, first_look, unknown_key, twice, not_file, too_big, not_toml,
    unreadable), `value` the text at
    fault (or the library's own words for not_toml, unreadable)."""

    def __init__(self, source: str, key: str, problem: str, value: str = "") -> None:
        super().__init__(f"{source}: {key}: {problem}" + (f": {value}" if value else ""))
        self.source, self.key, self.problem, self.value = source, key, problem, value


@dataclass(frozen=True)
class Rating:
    code: str
    label: str  # Vietnamese, as the forms write it
    abbreviation: str
    english: str
    also: tuple[str, ...]  # more ways a clerk writes it


@dataclass(frozen=True)
class Following:
    """ "theo dõi" and what may stand between it and a commune's unit word (loose words)."""

    verb: str
    and_word: str
    also: tuple[str, ...]  # theo dõi, giúp đỡ
    before: tuple[str, ...]  # theo dõi các / tại / đối với
    bodies: tuple[str, ...]  # theo dõi Đảng bộ xã
    places: tuple[str, ...]  # theo dõi địa bàn
    not_places: tuple[str, ...]  # not: theo dõi xã hội


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: compiled tables are cached per vocabulary
class Vocabulary:
    commune_words: Mapping[str, tuple[str, str]]  # unit -> (full word, short form)
    district_words: Mapping[str, tuple[str, str]]
    province_words: Mapping[str, tuple[str, str]]
    unit_english: Mapping[str, str]
    ratings: tuple[Rating, ...]
    first_look: tuple[str, ...]  # loose words every related summary holds
    following: Following
    related: tuple[str, ...]  # more phrases, "[words]" optional: "quy dinh [so] 26"
    any_kind_types: tuple[str, ...]
    no_filing_types: tuple[str, ...]
    any_kind_codes: tuple[str, ...]
    no_filing_codes: tuple[str, ...]
    difficulties: tuple[tuple[str, str], ...]  # (first, then) words, loose
    district_senders: tuple[str, ...]
    organisations: tuple[str, ...]
    bare_before: tuple[tuple[str, ...], ...]  # loose word sequences
    honorifics: tuple[tuple[str, ...], ...]
    link_words: frozenset[str]

    @property
    def levels(self) -> dict[str, Mapping[str, tuple[str, str]]]:
        return {"commune": self.commune_words, "district": self.district_words, "province": self.province_words}


def install(vocabulary: Vocabulary) -> None:
    """A vocabulary to read with from now on (the package edge provides the bundled one)."""
    words_source.install(vocabulary)


def installed() -> Vocabulary:
    """The vocabulary in use: the bundled file's, read the first time it is asked for."""
    return words_source.current()


# --- checking a parsed file ------------------------------------------------------------

class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, problem: str, value: str = ""):
        raise VocabularyError(self.source, key, problem, value)

    def table(self, data: object, key: str) -> dict:
        if not isinstance(data, dict):
            self.fail(key, "not_table")
        return data

    def only(self, data: dict, key: str, names: set[str]) -> None:
        """A name the table does not know is a typo, not a list silently ignored."""
        unknown = sorted(set(data) - names)
        if unknown:
            self.fail(f"{key}.{unknown[0]}" if key else unknown[0], "unknown_name", ", ".join(sorted(names)))

    def get(self, data: dict, key: str, name: str) -> object:
        if name not in data:
            self.fail(f"{key}.{name}" if key else name, "missing")
        return data[name]

    def text(self, value: object, key: str, loose: bool = False) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(key, "not_text")
        if loose and value != " ".join(value.split()):
            self.fail(key, "spaces", value)
        if loose and value != strip_marks(unicodedata.normalize("NFD", value.casefold())):
            self.fail(key, "case", value)
        return value

    def texts(self, value: object, key: str, loose: bool = False, empty: bool = False) -> tuple[str, ...]:
        if not isinstance(value, list) or (not value and not empty):
            self.fail(key, "not_list")
        return tuple(self.text(v, f"{key}[{i}]", loose) for i, v in enumerate(value))


def _units(r: _Reader, data: dict, level: str) -> Mapping[str, tuple[str, str]]:
    key = f"units.{level}"
    table = r.table(r.get(data, "units", level), key)
    if not table:
        r.fail(key, "not_list")
    out = {}
    for unit, forms in table.items():
        words = r.texts(forms, f"{key}.{unit}")
        if len(words) != 2:
            r.fail(f"{key}.{unit}", "forms")
        out[r.text(unit, key)] = words
    return MappingProxyType(out)


def _ratings(r: _Reader, data: object) -> tuple[Rating, ...]:
    if not isinstance(data, list) or not data:
        r.fail("ratings", "not_list")
    out = []
    for i, item in enumerate(data):
        key = f"ratings[{i}]"
        item = r.table(item, key)
        fields = {name: r.text(r.get(item, key, name), f"{key}.{name}")
                  for name in ("code", "label", "abbreviation", "english")}
        also = r.texts(item.get("also", []), f"{key}.also", empty=True)
        unknown = set(item) - {"code", "label", "abbreviation", "english", "also"}
        if unknown:
            r.fail(f"{key}.{sorted(unknown)[0]}", "unknown_key")
        out.append(Rating(**fields, also=also))
    codes = [x.code for x in out]
    for code in codes:
        if codes.count(code) > 1:
            r.fail("ratings", "twice", code)
    return tuple(out)


_ITEM = r"(?:[^\s\[\]]+|\[[^\s\[\]](?:[^\[\]]*[^\s\[\]])?\])"  # a word, or [words] that may be left out
_PHRASE = re.compile(f"{_ITEM}(?: {_ITEM})*")


def _phrases(r: _Reader, value: object, key: str, first_look: tuple[str, ...]) -> tuple[str, ...]:
    phrases = r.texts(value, key, loose=True)
    for i, p in enumerate(phrases):
        if not _PHRASE.fullmatch(p) or p.startswith("[") and p.endswith("]") and p.count("[") == 1:
            r.fail(f"{key}[{i}]", "phrase", p)
        _looked_at(r, p.replace("[", "").replace("]", ""), f"{key}[{i}]", first_look)
    return phrases


def _looked_at(r: _Reader, words: str, key: str, first_look: tuple[str, ...]) -> None:
    if not any(w in words for w in first_look):
        r.fail(key, "first_look", words)


def _following(r: _Reader, data: object, first_look: tuple[str, ...]) -> Following:
    key = "register.following"
    data = r.table(data, key)
    unknown = set(data) - {"verb", "and_word", "with", "before", "bodies", "places", "not_places"}
    if unknown:
        r.fail(f"{key}.{sorted(unknown)[0]}", "unknown_key")

    def one(name: str) -> str:
        return r.text(r.get(data, key, name), f"{key}.{name}", loose=True)

    def some(name: str, empty: bool = False) -> tuple[str, ...]:
        return r.texts(r.get(data, key, name), f"{key}.{name}", loose=True, empty=empty)

    found = Following(one("verb"), one("and_word"), some("with"), some("before"), some("bodies"),
                      some("places", empty=True), some("not_places", empty=True))
    _looked_at(r, found.verb, f"{key}.verb", first_look)
    return found


def _pairs(r: _Reader, value: object, key: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list) or not value:
        r.fail(key, "not_list")
    out = []
    for i, pair in enumerate(value):
        words = r.texts(pair, f"{key}[{i}]", loose=True)
        if len(words) != 2:
            r.fail(f"{key}[{i}]", "pair")
        out.append((words[0], words[1]))
    return tuple(out)


def _sequences(r: _Reader, value: object, key: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.split()) for w in r.texts(value, key, loose=True))


def parse_vocabulary(data: dict, source: str) -> Vocabulary:
    """A vocabulary from a parsed TOML file; a `VocabularyError` naming the first wrong key."""
    r = _Reader(source)
    data = r.table(data, "")
    r.only(data, "", {"units", "ratings", "register", "mentions"})
    units = r.table(r.get(data, "", "units"), "units")
    r.only(units, "units", {"commune", "district", "province", "english"})
    levels = {level: _units(r, units, level) for level in ("commune", "district", "province")}
    english = r.table(r.get(units, "units", "english"), "units.english")
    for unit in (u for table in levels.values() for u in table):
        r.text(english.get(unit), f"units.english.{unit}")
    register = r.table(r.get(data, "", "register"), "register")
    r.only(register, "register", {"following", "related", "first_look", "any_kind_types", "no_filing_types",
                                  "any_kind_codes", "no_filing_codes", "difficulties", "district_senders",
                                  "organisations"})
    mentions = r.table(r.get(data, "", "mentions"), "mentions")
    r.only(mentions, "mentions", {"bare_before", "honorifics", "link_words"})

    def words(table: dict, section: str, name: str) -> tuple[str, ...]:
        return r.texts(r.get(table, section, name), f"{section}.{name}", loose=True)

    first_look = words(register, "register", "first_look")
    return Vocabulary(
        commune_words=levels["commune"], district_words=levels["district"], province_words=levels["province"],
        unit_english=MappingProxyType({u: r.text(e, f"units.english.{u}") for u, e in english.items()}),
        ratings=_ratings(r, r.get(data, "", "ratings")),
        first_look=first_look,
        following=_following(r, r.get(register, "register", "following"), first_look),
        related=_phrases(r, r.get(register, "register", "related"), "register.related", first_look),
        any_kind_types=words(register, "register", "any_kind_types"),
        no_filing_types=words(register, "register", "no_filing_types"),
        any_kind_codes=words(register, "register", "any_kind_codes"),
        no_filing_codes=words(register, "register", "no_filing_codes"),
        difficulties=_pairs(r, r.get(register, "register", "difficulties"), "register.difficulties"),
        district_senders=words(register, "register", "district_senders"),
        organisations=words(register, "register", "organisations"),
        bare_before=_sequences(r, r.get(mentions, "mentions", "bare_before"), "mentions.bare_before"),
        honorifics=_sequences(r, r.get(mentions, "mentions", "honorifics"), "mentions.honorifics"),
        link_words=frozenset(words(mentions, "mentions", "link_words")),
    )
