"""The four evaluation levels and the ways a clerk writes them: data (data/vocabulary.toml,
[[ratings]])."""

from __future__ import annotations

import functools

from cadretrack.domain.names import text_key
from cadretrack.domain.vocabulary import Vocabulary, installed

# code -> (Vietnamese label, abbreviation, English), best first.
RATINGS = {r.code: (r.label, r.abbreviation, r.english) for r in installed().ratings}


@functools.lru_cache(maxsize=8)
def spellings(vocabulary: Vocabulary) -> dict[str, str]:
    """Every accepted spelling's key -> its rating code: the code (with "-" or a space), the
    label, the label without " nhiệm vụ", the abbreviation, the English, then the extra ones."""
    table: dict[str, str] = {}
    for r in vocabulary.ratings:
        short = r.label.replace(" nhiệm vụ", "")
        for text in (r.code, r.code.replace("-", " "), r.label, r.abbreviation, short, r.english):
            table[text_key(text)] = r.code
    for r in vocabulary.ratings:
        for text in r.also:
            table[text_key(text)] = r.code
    return table


def parse_rating(text: str, vocabulary: Vocabulary | None = None) -> str | None:
    """The rating code for any accepted spelling; None when it is none of them."""
    return spellings(vocabulary or installed()).get(text_key(text))


def rating_label(code: str | None) -> str:
    return RATINGS[code][0] if code in RATINGS else ""
