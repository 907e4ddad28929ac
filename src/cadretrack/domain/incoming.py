"""Reading one entry of the office's incoming-document register (sổ đăng ký văn bản đến).

Text in, reading out; no machine learning (the places and people named: `mentions`). An entry is *related* to Regulation 26 only
when its summary (trích yếu) speaks of following communes; its *kind* comes from the
words that say "nhận xét, đánh giá" (whatever the document's type), else its type (the
e-office column, the type code in its number, the summary's first words); its *clues*
are the commune(s) it names, the sender (a commune's party committee, or an agency),
a cadre it names and the year. `attribution` turns those clues into one assignment.

The word lists are data: data/vocabulary.toml ([register]), each with an example of what
it catches; the kinds' own words are in the rules.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from cadretrack.domain.agencies import agency_key
from cadretrack.domain.mentions import (
    Mention,
    Token,
    cadre_names,
    loose_line,
    loose_text,
    places,
    sender_places,
    tokens,
)
from cadretrack.domain.names import strip_marks
from cadretrack.domain.register_words import RegisterWords, register_words
from cadretrack.domain.vocabulary import Vocabulary as Words
from cadretrack.domain.vocabulary import installed

# The fixed words of the register (data/vocabulary.toml, [register]), compiled once per
# vocabulary (`register_words`). The kinds' own words (types, type codes, decisive words,
# hints, words that rule a kind out) come from the rule set: see `Vocabulary`.
_WORDS = register_words(installed())
# The bundled lists, as the tests and the property strategies read them.
RELATED = list(_WORDS.related_patterns)
TYPES = _WORDS.types
TYPE_CODES = _WORDS.codes

_YEAR = re.compile(r"\bnam (20\d\d)\b")
_LOOSE_YEAR = re.compile(r"(?<![/\-.\d])\b(20\d\d)\b(?![/\-.]\d)")



def _words(text: str) -> str:
    """Words as the classifier reads a summary: lower case, no diacritics, no punctuation."""
    return loose_text(tokens(text))


def _phrase(words: tuple[str, ...]) -> re.Pattern | None:
    """One pattern for whole phrases, in loose text ("6 tháng" matches "6 thang", not "16 thang")."""
    keys = [k for w in words if (k := _words(w))]
    if not keys:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + r")(?![\w])")


class Vocabulary:
    """The words of a rule set's kinds, compiled once per command: the document types and
    number codes that carry each kind, the words that say it whatever the type, the hints
    that suggest it when the type says nothing, and the words that rule it out; with the
    register's fixed words of `words` (the bundled vocabulary unless given)."""

    def __init__(self, kinds, words: Words | None = None) -> None:
        kinds = list(kinds)
        self.register = register_words(words or installed())
        self.types = dict(self.register.types)
        self.codes = dict(self.register.codes)
        for rule in reversed(kinds):  # the first kind in order wins a shared word
            for word in rule.types:
                self.types[_words(word)] = rule.kind
            for code in rule.codes:
                self.codes[_words(code)] = rule.kind
        self.words = [(rule.kind, p) for rule in kinds if (p := _phrase(rule.words))]
        self.hints = [(rule.kind, p) for rule in kinds if (p := _phrase(rule.hints))]
        self.not_words = {rule.kind: p for rule in kinds if (p := _phrase(rule.not_words))}
        # The words as the rules write them, to say which one ruled a kind out.
        self.written: dict[str, str] = {}
        for rule in kinds:
            for w in rule.not_words:
                self.written.setdefault(_words(w), w)


@dataclass
class Document:
    """What one register entry says, before it is tied to an assignment."""

    related: bool
    kind: str | None = None  # a kind of the rule set; None when its words do not say
    other_type: str = ""  # a type that is no filing ("Kế hoạch"), as written
    ruled_out: tuple[str, str] | None = None  # (kind, the words) when the words rule the kind out
    difficulties: bool = False  # a report of difficulties, for the difficulties log
    year: int | None = None
    summary_places: list[Mention] = field(default_factory=list)
    sender_places: list[Mention] = field(default_factory=list)
    cadre_names: list[str] = field(default_factory=list)  # as written after "đồng chí"
    sender: str = ""


def _type_of(text: str, vocabulary: Vocabulary, toks: list[Token] | None = None) -> tuple[str | None, str]:
    """(kind or "" or "other", the type as written) from the first words of a text, or (None, "")."""
    toks = tokens(text) if toks is None else toks
    types = vocabulary.types
    key = loose_text(toks[:2])
    if key in types:
        return types[key], " ".join(t.text for t in toks[:2])
    if toks and toks[0].loose in types:
        return types[toks[0].loose], toks[0].text
    return None, ""


def _type_of_number(number: str, vocabulary: Vocabulary) -> str | None:
    """The kind a document number's type code says: 05-CTr/STC, 123/BC-UBND."""
    text = strip_marks(unicodedata.normalize("NFD", number.casefold()))
    parts = re.split(r"[-/]", text)
    codes = [p.strip() for p in (parts[1:2] if len(parts) > 1 else []) if p.strip()]
    for code in codes:
        if code in vocabulary.codes:
            return vocabulary.codes[code]
    return None


def _code_of_number(number: str) -> str:
    parts = re.split(r"[-/]", number)
    return parts[1].strip() if len(parts) > 1 else number


def sender_kind(sender: str, places_in_sender, words: RegisterWords = _WORDS) -> str:
    """Who sent a document: "commune" (it names a commune: Đảng ủy xã …), "district" (a
    district's Party committee), "agency", or "" when the register does not say."""
    if places_in_sender:
        return "commune"
    text = loose_line(sender)
    if not text:
        return ""
    return "district" if words.district_senders.search(text) else "agency"


def maybe_related(summary: str, words: RegisterWords = _WORDS) -> bool:
    """A first look: every sign of a related summary holds "theo dõi" or the number 26."""
    first_look = loose_line(summary)
    return any(w in first_look for w in words.first_look)


_THEO_DOI = re.compile(r"(?i:theo\s+d[oõ]i)\s+(\w)")


def _bare_after_theo_doi(summary: str) -> bool:
    """ "theo dõi" followed by a capitalised word: perhaps a commune written bare."""
    return any(m.group(1).isupper() for m in _THEO_DOI.finditer(unicodedata.normalize("NFC", summary)))


def read_document(summary: str, sender: str = "", number: str = "", doc_type: str = "",
                  received: dt.date | None = None, is_place: Callable[[str], bool] | None = None, *,
                  vocabulary: Vocabulary) -> Document:
    """Whether an entry is related, its kind, and the clues it gives.

    `is_place` tells whether a name is a commune of the list: "theo dõi Tú Sơn", the
    commune written bare after "theo dõi", speaks of following it too. `vocabulary` holds
    the kinds' words, from the ledger's rule sets.
    """
    words = vocabulary.register
    if not maybe_related(summary, words):
        return Document(related=False, sender=sender)
    related = words.related.search(loose_line(summary))
    if not related and (is_place is None or not _bare_after_theo_doi(summary)):
        return Document(related=False, sender=sender)
    toks = tokens(summary)
    text = loose_text(toks)
    summary_places: list[Mention] | None = None
    if not related:
        summary_places = places(summary, toks)
        if not any(m.after == ("theo", "doi") and any(is_place(n) for n in m.spellings()) for m in summary_places):
            return Document(related=False, sender=sender)
    kind: str | None = None
    other = ""
    kind = next((k for k, pattern in vocabulary.words if pattern.search(text)), None)
    if kind is None:
        for found, written in (_type_of(doc_type, vocabulary), _type_of(summary, vocabulary, toks),
                               (_type_of_number(number, vocabulary), _code_of_number(number))):
            if found is None or found == "":
                continue
            if found == "other":
                other = other or written
                continue
            kind = found
            break
        if kind is None and not other:
            kind = next((k for k, pattern in vocabulary.hints if pattern.search(text)), None)
    ruled_out = None
    if kind is not None and kind in vocabulary.not_words:
        hit = vocabulary.not_words[kind].search(text)
        if hit:
            ruled_out, kind = (kind, vocabulary.written.get(hit.group(0), hit.group(0))), None
    year_match = _YEAR.search(text) or _LOOSE_YEAR.search(text)
    year = int(year_match.group(1)) if year_match else (received.year if received else None)
    return Document(
        related=True, kind=kind, other_type="" if kind else other, ruled_out=ruled_out, year=year,
        difficulties=bool(words.difficulties.search(text)),
        summary_places=places(summary, toks) if summary_places is None else summary_places,
        sender_places=list(sender_places(sender)),
        cadre_names=(cadre_names(summary, toks) if words.honorific_hint.search(text) else [])
        + (cadre_names(sender) if words.honorific_hint.search(loose_line(sender)) else []), sender=sender,
    )


def agency_matches(sender: str, agencies: list[str]) -> list[str]:
    """The agencies a sender names: the same words, the agency's words then more ("Sở Tài
    chính tỉnh Hòa Bình"), else the agency's words inside; the longest such agency wins."""
    key = agency_key(sender)
    if not key:
        return []
    hits = [a for a in agencies if (k := agency_key(a)) and (key == k or key.startswith(k + " "))]
    if not hits:  # "Đồng chí Nguyễn Văn An, Phó Giám đốc Sở Tài chính": the agency's words inside
        hits = [a for a in agencies if (k := agency_key(a)) and f" {k} " in f" {key} "]
    if not hits:
        return []
    longest = max(len(agency_key(a)) for a in hits)
    return [a for a in hits if len(agency_key(a)) == longest]

