"""Match keys for Vietnamese names, the one place every command matches names.

A clerk types "Hoà", "Hòa", "HOA", "xã hoà bình" or NFD text for the same unit.
Two keys are computed for every name:

* the exact key keeps every diacritic but ignores case, Unicode normalisation,
  spacing and *where* the tone mark sits: each syllable's tone mark is taken off
  its vowel and written after the syllable, so the old style ("hòa", "thủy") and
  the new style ("hoà", "thuỷ") give the same key;
* the loose key drops every diacritic (đ becomes d), for names typed without them.

Unit words ("Xã", "P.", "Huyện", "TP.") are the business of `units`, which reads a
unit's name with and without them and keys each reading here.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

# Bump when exact_key or loose_key change: ledgers store the keys of their communes
# and recompute them when this differs from the version they were made with.
KEY_VERSION = "2"  # 2: a leading unit word is a possible prefix, not a certain one

# Combining marks of the five Vietnamese tones, in NFD.
_TONES = {"\u0300": "2", "\u0301": "1", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_NO_TONES = str.maketrans(dict.fromkeys(_TONES))
# A word in NFD text: letters and digits with the combining marks that follow them.
_WORD = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")
_MARKS = re.compile(r"[\u0300-\u036f]")


def strip_marks(text: str) -> str:
    """Drop every combining mark and map đ to d; text is NFD and casefolded."""
    return _MARKS.sub("", text).replace("đ", "d")


def _words(name: str) -> list[str]:
    """Casefolded NFD words of a name, punctuation and spacing dropped."""
    return _WORD.findall(unicodedata.normalize("NFD", name.casefold()))


@functools.lru_cache(maxsize=1 << 15)  # a language of a few thousand syllables
def syllable_key(word: str) -> str:
    """One NFD word with its tone mark moved to the end, as NFC: "hoà" and "hòa" agree."""
    base = word.translate(_NO_TONES)
    if len(base) == len(word):
        return unicodedata.normalize("NFC", word)
    tone = next(_TONES[ch] for ch in word if ch in _TONES)
    return unicodedata.normalize("NFC", base) + tone


@functools.lru_cache(maxsize=1 << 16)  # names repeat: agencies, districts, provinces
def exact_key(name: str) -> str:
    """Key with diacritics kept and tone placement, case and spacing ignored."""
    return " ".join(syllable_key(w) for w in _words(name))


@functools.lru_cache(maxsize=1 << 16)
def loose_key(name: str) -> str:
    """Key with every diacritic dropped, for names typed without them."""
    return " ".join(strip_marks(w) for w in _words(name))


text_key = loose_key  # free text (a header cell) is keyed like a name


# Control characters (a terminal's escape, NUL, a bell, a tab) and the zero-width space count
# as a space; the other invisible formatting characters (a soft hyphen, zero-width joiners,
# bidirectional overrides that reverse what a reader sees, a byte-order mark) as nothing, as
# they look. None is ever part of a name, a number or a note, so none is stored.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b]")
_INVISIBLE = re.compile("[\u00ad\u200c-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")


def clean(text: object) -> str:
    """A cell or option value as tidy NFC text: stray spaces and line breaks collapsed,
    control and invisible characters gone."""
    if text is None:
        return ""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    text = unicodedata.normalize("NFC", str(text))
    if not text.isprintable():
        text = _INVISIBLE.sub("", _CONTROL.sub(" ", text))
    return " ".join(text.split())


def clean_lines(text: object) -> str:
    """Free text of several lines (a difficulty, a note on its outcome): `clean` on each
    line, blank lines dropped."""
    lines = (clean(line) for line in unicodedata.normalize("NFC", "" if text is None else str(text)).splitlines())
    return "\n".join(line for line in lines if line)


_HONORIFIC = re.compile(r"^\s*(?:đồng\s+chí|đ\s*/\s*c\.?)\s+", re.IGNORECASE)


def person_name(text: str) -> str:
    """A cadre's name without the "Đồng chí" / "Đ/c" an annex may put before it."""
    tidy = clean(text)
    stripped = _HONORIFIC.sub("", tidy, count=1)
    return stripped or tidy


def nearest(wanted: str, choices: dict[str, str], limit: int = 3) -> list[str]:
    """Display names whose loose key is closest to `wanted`'s; choices maps key to name."""
    keys = difflib.get_close_matches(wanted, list(choices), n=limit, cutoff=0.6)
    return [choices[k] for k in keys]


# Vietnamese dictionary order: a ă â b c d đ e ê … o ô ơ … u ư …; the tones after the
# letters: none, huyền, sắc, hỏi, ngã, nặng. Numbers by value: "Số 2" before "Số 10".
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_TONE_RANK = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_NUMBER = re.compile(r"(\d+)")


@functools.lru_cache(maxsize=1 << 14)
def sort_key(text: str) -> tuple:
    """Order names as a Vietnamese reader does: Đ after D, Ư after U, tones after letters,
    numbers by value ("Cán bộ số 2" before "Cán bộ số 10"), case ignored."""
    letters: list[tuple[int, int]] = []
    tones: list[int] = []
    for part in _NUMBER.split(unicodedata.normalize("NFC", text).casefold()):
        if part.isdigit():
            letters.append((-1, int(part)))  # a number sorts before any letter, by its value
            continue
        for ch in part:
            nfd = unicodedata.normalize("NFD", ch)
            tone = next((_TONE_RANK[c] for c in nfd if c in _TONE_RANK), 0)
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONE_RANK))
            if base.isspace():
                letters.append((-2, 0))  # "An Bình" before "Anh"
            elif base in _LETTER_RANK:
                letters.append((0, _LETTER_RANK[base]))
            else:
                letters.append((1, ord(base[0]) if base else 0))
            tones.append(tone)
    return tuple(letters), tuple(tones), text
