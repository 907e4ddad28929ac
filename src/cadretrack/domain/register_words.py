"""The register's fixed words (data/vocabulary.toml, [register]) compiled into the patterns
the classifier reads a summary with: once per vocabulary."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from cadretrack.domain.names import strip_marks
from cadretrack.domain.vocabulary import Following, Vocabulary

_SPECIAL = re.compile(r"([.^$*+?{}\[\]\\|()])")


def _esc(words: str) -> str:
    """Loose words as a pattern: regex marks escaped, spaces kept as they read."""
    return _SPECIAL.sub(r"\\\1", words)


def _loose(text: str) -> str:
    return strip_marks(unicodedata.normalize("NFD", text.casefold()))


def _glued(word: str) -> str:
    parts = [p for p in re.split(r"([-/])", word) if p]
    return " ?".join(_esc(p) for p in parts)


_ITEM = re.compile(r"\[([^\]]+)\]|(\S+)")


def phrase_pattern(phrase: str) -> str:
    """A phrase of the vocabulary as a pattern over loose text: words in [brackets] may be
    left out: "quy dinh [so] 26" -> \\bquy dinh (?:so )?26\\b."""
    items = [(bool(m.group(1)), (m.group(1) or m.group(2)).split()) for m in _ITEM.finditer(phrase)]
    out = ""
    for i, (optional, words) in enumerate(items):
        body = " ".join(_glued(w) for w in words)
        last = i == len(items) - 1
        if not optional:
            out += body + ("" if last else " ")
        elif not last:
            out += f"(?:{body} )?"
        else:
            out = out.rstrip(" ") + f"(?: {body})?"
    return rf"\b{out}\b"


def following_pattern(following: Following, commune_words) -> str:
    """ "theo dõi" (and its companions) before a commune's unit word or a place word."""
    full = [_loose(f) for f, _ in commune_words.values()]
    plain = [_loose(s) for _, s in commune_words.values() if not s.endswith(".")]
    dotted = [_loose(s).rstrip(".") for _, s in commune_words.values() if s.endswith(".")]

    def place(p: str) -> str:
        return _esc(p) + "".join(f"(?! {_esc(n[len(p) + 1:])})" for n in following.not_places
                                 if n.startswith(p + " "))

    places = [place(p) for p in dict.fromkeys([*full, *following.places, *plain])]
    if dotted:
        places.append("(?:" + "|".join(map(_esc, dotted)) + r") ?\.")
    return (rf"\b{_esc(following.verb)} ?,? (?:(?:{_esc(following.and_word)} )?(?:"
            + "|".join(map(_esc, following.also)) + ") ?,? )?(?:"
            + "".join(f"{_esc(w)} |" for w in following.before).rstrip("|") + ")?(?:"
            + "".join(f"{_esc(w)} |" for w in following.bodies).rstrip("|") + ")?(?:"
            + "|".join(places) + r")(?!\w)")


@dataclass(frozen=True)
class RegisterWords:
    first_look: tuple[str, ...]  # every related summary holds one of these (loose)
    related_patterns: tuple[str, ...]  # each way a summary speaks of following communes
    related: re.Pattern  # any of them
    types: dict[str, str]  # document types that carry any kind ("") or no filing ("other")
    codes: dict[str, str]  # the same as type codes of a document number
    difficulties: re.Pattern  # a report of difficulties, for the difficulties log
    district_senders: re.Pattern  # a district's Party committee: its summary is no filing
    honorific_hint: re.Pattern  # a cadre may be named: "đồng chí", "đ/c"


def _any_of(words) -> str:
    return r"\b(?:" + "|".join(words) + r")\b"


@functools.lru_cache(maxsize=8)
def register_words(words: Vocabulary) -> RegisterWords:
    """The register's fixed words as the classifier uses them."""
    related = (following_pattern(words.following, words.commune_words), *map(phrase_pattern, words.related))
    return RegisterWords(
        first_look=words.first_look,
        related_patterns=related,
        related=re.compile("|".join(f"(?:{p})" for p in related)),
        types={**dict.fromkeys(words.any_kind_types, ""), **dict.fromkeys(words.no_filing_types, "other")},
        codes={**dict.fromkeys(words.any_kind_codes, ""), **dict.fromkeys(words.no_filing_codes, "other")},
        difficulties=re.compile("|".join(rf"\b{re.escape(a)}\b.*\b{re.escape(b)}\b" for a, b in words.difficulties)),
        district_senders=re.compile(_any_of(re.escape(w) for w in words.district_senders)),
        honorific_hint=re.compile(_any_of(" ?".join(map(re.escape, h)) for h in words.honorifics)),
    )
