"""The places and people a summary or a sender names: "xã Cao Sơn, huyện Đà Bắc",
"Đảng ủy phường Phương Lâm", "đồng chí Nguyễn Văn An".

Text is cut into tokens, each kept as written and loose (lower case, no diacritics).
A place follows a unit word ("xã", "P.", "thị trấn") or, written bare, "địa bàn" or
"theo dõi"; its name is the capitalised words that follow (one lower-case word may
belong to it: "Đại áng"; "-" and "'" join: "Phương Liên - Trung Tự", "Ch'ơm"), perhaps
with its district after a comma. Whoever resolves a place tries its longest start first.
The word lists are data: data/vocabulary.toml ([units], [mentions]).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from cadretrack.domain.names import strip_marks
from cadretrack.domain.units import COMMUNE_WORDS as UNIT_COMMUNE_WORDS
from cadretrack.domain.units import DISTRICT_WORDS as UNIT_DISTRICT_WORDS
from cadretrack.domain.units import LEVELS as UNIT_LEVELS
from cadretrack.domain.units import word_sequences
from cadretrack.domain.vocabulary import installed

# The unit words, from the one table of them (units.py), as this scanner reads them.
COMMUNE_WORDS = word_sequences(UNIT_COMMUNE_WORDS)
# Words after which a capitalised name is a commune written bare: "theo dõi địa bàn Tân Pheo".
BARE_BEFORE = installed().bare_before
DISTRICT_WORDS = word_sequences(UNIT_DISTRICT_WORDS)

HONORIFICS = installed().honorifics  # "đồng chí", "đ/c" before a cadre's name
MAX_NAME_WORDS = 5  # a district's name after its unit word
MAX_RUN_WORDS = 9  # a commune's name, perhaps followed by its district
# The first word of any unit word of any level (one letter left out: a name may begin so).
_UNIT_WORDS = {w[0] for level in UNIT_LEVELS.values() for w in word_sequences(level) if len(w[0]) > 1}
_LINK_WORDS = installed().link_words  # lower-case words that end a place's name: "của", "và"

# A word may hold an apostrophe or a dot between letters ("Ch'ơm", "M'Đrắk", "N.T Phong
# Hải"), or slashes ("QĐ/TU", "đ/c"); any other mark stands alone.
_TOKEN = re.compile(r"\w+(?:['’.]\w+)*(?:/\w+)*|[^\w\s]")
# "P.Tân Hòa", "TT.Đà Bắc": a unit word's abbreviation stuck to the name is split off.
_STUCK = re.compile(r"^(" + "|".join(dict.fromkeys(
    re.escape(w[0]) for level in (UNIT_COMMUNE_WORDS, UNIT_DISTRICT_WORDS) for w in word_sequences(level)
    if w[1:] == (".",))) + r")\.(?=\w)")
_YEAR_WORD = re.compile(r"^(?:19|20)\d\d$")


class Token(NamedTuple):
    text: str  # as written (NFC)
    loose: str  # lower case, without diacritics

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


_new_token = functools.partial(tuple.__new__, Token)  # Token((text, loose)) without Python-level __new__


def _loose_table() -> dict[int, str]:
    """Each lower-case letter with diacritics (NFC) to its plain letter: "ệ" -> "e", "đ" -> "d"."""
    table = {}
    for code in range(0xC0, 0x1F00):
        ch = chr(code)
        plain = strip_marks(unicodedata.normalize("NFD", ch))
        if ch.lower() == ch and len(plain) == 1 and plain != ch:
            table[code] = plain
    return table


_LOOSE = _loose_table()


@functools.lru_cache(maxsize=64)  # a row's summary is looked at twice
def loose_line(text: str) -> str:
    """The whole text lower case, without diacritics, on one line: for a first look."""
    return " ".join(unicodedata.normalize("NFC", text).lower().translate(_LOOSE).split())


_LOOSE_WORDS: dict[str, str] = {}  # the words of a register repeat: "báo", "cáo", "theo", "dõi" …


def _loose_word(word: str) -> str:
    loose = _LOOSE_WORDS[word] = strip_marks(unicodedata.normalize("NFD", word.casefold()))
    return loose


def tokens(text: str) -> list[Token]:
    """The words and marks of a text, each as written and loose. The loose text is made
    once for the whole text (a 10,000-row register reads every summary)."""
    nfc = unicodedata.normalize("NFC", text)
    words = _TOKEN.findall(nfc)
    if len(_LOOSE_WORDS) > 200_000:
        _LOOSE_WORDS.clear()
    toks = [_new_token((w, _LOOSE_WORDS.get(w) or _loose_word(w))) for w in words]
    if "." in nfc and any("." in t.loose for t in toks):
        toks = [part for t in toks for part in _unstick(t)]
    return toks


def _unstick(t: Token) -> list[Token]:
    m = _STUCK.match(t.loose)
    if not m:
        return [t]
    n = len(m.group(1))
    return [Token(t.text[:n], t.loose[:n]), Token(".", "."), Token(t.text[n + 1:], t.loose[n + 1:])]


def loose_text(toks: list[Token]) -> str:
    return " ".join(t.loose for t in toks)


@dataclass
class Mention:
    """A place named in the text: its unit word ("" when bare) and name words as written,
    and a district written after it. The name may run on ("Cao Sơn Đà Bắc"): the one who
    resolves it tries the longest run of words first."""

    unit: str
    words: list[str]
    district: str = ""
    after: tuple[str, ...] = ()  # the words before a name written bare ("theo dõi")

    @property
    def text(self) -> str:
        return " ".join([self.unit, *self.words]).strip()

    def spellings(self) -> list[str]:
        """The mention with fewer and fewer trailing words, longest first."""
        return [" ".join([self.unit, *self.words[:n]]).strip() for n in range(len(self.words), 0, -1)]



def _starts(toks: list[Token], i: int, words: tuple[str, ...]) -> bool:
    return i + len(words) <= len(toks) and all(toks[i + k].loose == w for k, w in enumerate(words))


def _by_first(*groups: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """Word sequences by their first word, in the order given (longest spellings first)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for group in groups:
        for words in group:
            out.setdefault(words[0], []).append(words)
    return out


def _word_at(toks: list[Token], i: int, index: dict[str, list[tuple[str, ...]]]) -> tuple[str, ...] | None:
    """The word sequence of `index` that starts at token i, if any."""
    for words in index.get(toks[i].loose, ()):
        if _starts(toks, i, words):
            return words
    return None


_PLACE_STARTS = _by_first(BARE_BEFORE, COMMUNE_WORDS)
_COMMUNE_STARTS = _by_first(COMMUNE_WORDS)
_DISTRICT_STARTS = _by_first(DISTRICT_WORDS)
_HONORIFIC_STARTS = _by_first(HONORIFICS)


def _name_run(toks: list[Token], start: int, all_caps: bool) -> list[Token]:
    """The capitalised words from `start` (all words when the text is in capitals), up to
    punctuation or "năm 2024". A district may ride along ("CAO SƠN HUYỆN ĐÀ BẮC", "Tứ
    Quận" is a name): whoever resolves the run takes its longest start that names a commune."""
    run: list[Token] = []
    for i in range(start, len(toks)):
        t = toks[i]
        if len(run) == MAX_RUN_WORDS:
            break
        if t.text in "-–" and run and i + 1 < len(toks) and toks[i + 1].word and (
                all_caps or toks[i + 1].capitalised):
            run.append(t)  # "Phương Liên - Trung Tự"
            continue
        if t.text in "'’" and run and i + 1 < len(toks) and toks[i + 1].word:
            run.append(t)  # "Xã B' Lá", "Ia H' Drai"
            continue
        if not t.word:
            break
        if run and (_YEAR_WORD.match(t.text) or (
                t.loose == "nam" and i + 1 < len(toks) and toks[i + 1].text.isdigit())):
            break
        if not all_caps and not t.capitalised:
            # One lower-case word may belong to a name ("Đại áng"), and one letter may open it ("xã é
            # Tòng", as the official list writes it); a unit word never does.
            opens = (not run and len(t.text) == 1 and i + 1 < len(toks) and toks[i + 1].word
                     and toks[i + 1].capitalised and not _YEAR_WORD.match(toks[i + 1].text))
            if (not opens and (not run or not run[-1].capitalised)) or t.loose in _UNIT_WORDS \
                    or t.loose in _LINK_WORDS:
                break
        run.append(t)
    return run


def _all_caps(text: str) -> bool:
    return not any(ch.islower() for ch in text)


def places(text: str, toks: list[Token] | None = None) -> list[Mention]:
    """Every commune-level place the text names after a unit word, with a district that follows."""
    toks = tokens(text) if toks is None else toks
    all_caps = _all_caps(text)
    found: list[Mention] = []
    i = 0
    while i < len(toks):
        if toks[i].loose not in _PLACE_STARTS:
            i += 1
            continue
        word = _word_at(toks, i, _PLACE_STARTS)
        if word is None or (word[-1] == "xa" and i + 1 < len(toks) and toks[i + 1].loose == "hoi"
                            and (all_caps or not toks[i + 1].text[:1].isupper())):  # xã hội: society
            i += 1
            continue
        after = i + len(word)
        if word in BARE_BEFORE and after < len(toks) and _word_at(toks, after, _COMMUNE_STARTS):
            i = after  # "theo dõi P. Tân Hòa": the unit word follows
            continue
        run = _name_run(toks, after, all_caps)
        if not run:
            i = after
            continue
        unit = "" if word in BARE_BEFORE else " ".join(t.text for t in toks[i:after])
        district, end = _district_after(toks, after + len(run))
        found.append(Mention(unit, [t.text for t in run], district, word if word in BARE_BEFORE else ()))
        i = end
    return found


def _district_after(toks: list[Token], end: int) -> tuple[str, int]:
    """"…, huyện Đà Bắc" or "(TP. Hòa Bình)" right after a commune's name, and where it ends."""
    i = end
    while i < len(toks) and toks[i].text in ",(-–":
        i += 1
    word = _word_at(toks, i, _DISTRICT_STARTS) if i < len(toks) else None
    if word is None:
        return "", end
    after = i + len(word)
    run = []  # lower case too ("huyện đà bắc"): the longest run that names a district is taken
    for j in range(after, len(toks)):
        t = toks[j]
        if t.text in "-–'’" and run and j + 1 < len(toks) and toks[j + 1].word:
            run.append(t)  # "Phan Rang-Tháp Chàm", "Ia H' Drai"
            continue
        # "năm 2024" ends it; "Pác Nặm" and "Ngã Năm" are names
        if not t.word or len(run) == MAX_NAME_WORDS or _YEAR_WORD.match(t.text) or (
                run and t.loose == "nam" and j + 1 < len(toks) and toks[j + 1].text.isdigit()):
            break
        run.append(t)
    if not run:
        return "", end
    return " ".join(t.text for t in toks[i:after + len(run)]), after + len(run)


@functools.lru_cache(maxsize=4096)  # senders repeat: the same agencies and communes all year
def sender_places(sender: str) -> tuple[Mention, ...]:
    return tuple(places(sender))


def cadre_names(text: str, toks: list[Token] | None = None) -> list[str]:
    """The names that follow "đồng chí" / "đ/c" (up to five capitalised words)."""
    toks = tokens(text) if toks is None else toks
    out = []
    for i in range(len(toks)):
        word = _word_at(toks, i, _HONORIFIC_STARTS) if toks[i].loose in _HONORIFIC_STARTS else None
        if word:
            run = _name_run(toks, i + len(word), _all_caps(text))
            if run:
                out.append(re.split(r" [-–] ", " ".join(t.text for t in run))[0])  # "An - Sở Tài chính"
    return out
