"""Reading one entry of the office's incoming-document register (sổ đăng ký văn bản đến).

Text in, reading out; no machine learning. An entry is *related* to Regulation 26 only
when its summary (trích yếu) speaks of following communes; its *kind* comes from the
words that say "nhận xét, đánh giá" (whatever the document's type), else its type (the
e-office column, the type code in its number, the summary's first words); its *clues*
are the commune(s) it names, the sender (a commune's party committee, or an agency),
a cadre it names and the year. `attribution` turns those clues into one assignment.

The word lists are data: extend them here, each with an example of what it catches.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from cadretrack.domain.names import strip_marks

# The summary speaks of following communes (loose text, words separated by spaces).
RELATED = [
    # theo dõi xã Cao Sơn, theo dõi các phường, theo dõi địa bàn, theo dõi P. Tân Hòa (not: xã hội)
    r"\btheo doi (?:cac |tai |doi voi )?(?:xa(?! hoi)|phuong|thi tran|dac khu|dia ban|tt|(?:x|p|dk) ?\.)(?!\w)",
    r"\bcan bo (?:lanh dao )?(?:duoc phan cong )?theo doi\b",  # cán bộ theo dõi
    r"\b26 ?- ?qd ?/ ?tu\b|\bquy dinh (?:so )?26\b",  # Quy định số 26-QĐ/TU
]
# "Nhận xét, đánh giá" (or a "phiếu nhận xét") makes an evaluation whatever the type.
EVALUATION = [r"\bnhan xet\b", r"\bphieu danh gia\b"]
# Document types: from the e-office "Loại văn bản" column or the summary's first words (the
# "Tên loại" of "Tên loại và trích yếu"), before the type code of the number.
TYPES = {
    "chuong trinh": "program",
    "bao cao": "report",
    "phieu": "evaluation",
    "cong van": "",  # a công văn may carry any of them: decided by its words
    "to trinh": "",
    "ke hoach": "other", "thong bao": "other", "quyet dinh": "other", "huong dan": "other",
    "nghi quyet": "other", "giay moi": "other", "ket luan": "other", "chi thi": "other",
    "bien ban": "other", "danh sach": "other",
}
# Type codes in a document number: 05-CTr/STC (Party style), 123/BC-UBND (State style).
TYPE_CODES = {
    "ctr": "program", "bc": "report", "cv": "", "ttr": "",
    "kh": "other", "tb": "other", "qd": "other", "hd": "other", "nq": "other", "gm": "other",
    "kl": "other", "ct": "other", "bb": "other", "ds": "other",
}
# Words that spell out an abbreviation in an agency's name: "Ban Tuyên giáo TU".
ABBREVIATIONS = {
    "tu": "tinh uy", "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc", "ubmttq": "uy ban mat tran to quoc", "du": "dang uy",
    "btv": "ban thuong vu", "ubkt": "uy ban kiem tra", "vp": "van phong",
    "lhpn": "lien hiep phu nu", "ldld": "lien doan lao dong",
}
# Unit words before a commune's name, and before a district's.
COMMUNE_WORDS = (("thi", "tran"), ("dac", "khu"), ("xa",), ("phuong",), ("tt", "."), ("tt",), ("x", "."), ("p", "."))
# Words after which a capitalised name is a commune written bare: "theo dõi địa bàn Tân Pheo".
BARE_BEFORE = (("dia", "ban"), ("theo", "doi"))
DISTRICT_WORDS = (("thanh", "pho"), ("thi", "xa"), ("huyen",), ("quan",), ("tp", "."), ("tp",), ("tx", "."), ("tx",),
                  ("h", "."), ("q", "."))

HONORIFICS = (("dong", "chi"), ("d/c",), ("d", "/", "c"))
MAX_NAME_WORDS = 5  # a district's name after its unit word
MAX_RUN_WORDS = 9  # a commune's name, perhaps followed by its district
_UNIT_WORDS = {"xa", "phuong", "thi", "huyen", "quan", "thanh", "tinh", "dac", "tt", "tp", "tx"}
_LINK_WORDS = {"cua", "va", "theo", "tai", "ve", "cho", "voi", "thuoc", "tren", "trong", "giai", "nhiem", "den",
               "tu", "la", "o", "nam", "do", "dong", "can", "bo", "gui", "kem"}

# A word may hold an apostrophe or a dot between letters ("Ch'ơm", "M'Đrắk", "N.T Phong
# Hải"), or slashes ("QĐ/TU", "đ/c"); any other mark stands alone.
_TOKEN = re.compile(r"\w+(?:['’.]\w+)*(?:/\w+)*|[^\w\s]")
# "P.Tân Hòa", "TT.Đà Bắc": a unit word's abbreviation stuck to the name is split off.
_STUCK = re.compile(r"^(x|p|tt|dk|h|q|tx|tp)\.(?=\w)")
_YEAR = re.compile(r"\bnam (20\d\d)\b")
_LOOSE_YEAR = re.compile(r"(?<![/\-.\d])\b(20\d\d)\b(?![/\-.]\d)")
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


@dataclass
class Document:
    """What one register entry says, before it is tied to an assignment."""

    related: bool
    kind: str | None = None  # program, report, evaluation; None when its words do not say
    other_type: str = ""  # a type that is no filing ("Kế hoạch"), as written
    year: int | None = None
    summary_places: list[Mention] = field(default_factory=list)
    sender_places: list[Mention] = field(default_factory=list)
    cadre_names: list[str] = field(default_factory=list)  # as written after "đồng chí"
    sender: str = ""


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
            # One lower-case word may belong to a name ("Đại áng"); a unit word never does.
            if not run or not run[-1].capitalised or t.loose in _UNIT_WORDS or t.loose in _LINK_WORDS:
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
    for t in toks[after:]:
        if not t.word or len(run) == MAX_NAME_WORDS or _YEAR_WORD.match(t.text) or (run and t.loose == "nam"):
            break
        run.append(t)
    if not run:
        return "", end
    return " ".join(t.text for t in toks[i:after + len(run)]), after + len(run)


@functools.lru_cache(maxsize=4096)  # senders repeat: the same agencies and communes all year
def _sender_places(sender: str) -> tuple[Mention, ...]:
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
                out.append(" ".join(t.text for t in run))
    return out


def _type_of(text: str, toks: list[Token] | None = None) -> tuple[str | None, str]:
    """(kind or "" or "other", the type as written) from the first words of a text, or (None, "")."""
    toks = tokens(text) if toks is None else toks
    key = loose_text(toks[:2])
    if key in TYPES:
        return TYPES[key], " ".join(t.text for t in toks[:2])
    if toks and toks[0].loose in TYPES:
        return TYPES[toks[0].loose], toks[0].text
    return None, ""


def _type_of_number(number: str) -> str | None:
    """The kind a document number's type code says: 05-CTr/STC, 123/BC-UBND."""
    text = strip_marks(unicodedata.normalize("NFD", number.casefold()))
    parts = re.split(r"[-/]", text)
    codes = [p.strip() for p in (parts[1:2] if len(parts) > 1 else []) if p.strip()]
    for code in codes:
        if code in TYPE_CODES:
            return TYPE_CODES[code]
    return None


def _code_of_number(number: str) -> str:
    parts = re.split(r"[-/]", number)
    return parts[1].strip() if len(parts) > 1 else number


_HONORIFIC_HINT = re.compile(r"\bdong chi\b|\bd ?/ ?c\b")
_RELATED = re.compile("|".join(f"(?:{p})" for p in RELATED))
_EVALUATION = re.compile("|".join(f"(?:{p})" for p in EVALUATION))


def maybe_related(summary: str) -> bool:
    """A first look: every sign of a related summary holds "theo dõi" or the number 26."""
    first_look = loose_line(summary)
    return "theo doi" in first_look or "26" in first_look


_THEO_DOI = re.compile(r"(?i:theo\s+d[oõ]i)\s+(\w)")


def _bare_after_theo_doi(summary: str) -> bool:
    """ "theo dõi" followed by a capitalised word: perhaps a commune written bare."""
    return any(m.group(1).isupper() for m in _THEO_DOI.finditer(unicodedata.normalize("NFC", summary)))


def read_document(summary: str, sender: str = "", number: str = "", doc_type: str = "",
                  received: dt.date | None = None, is_place: Callable[[str], bool] | None = None) -> Document:
    """Whether an entry is related, its kind, and the clues it gives.

    `is_place` tells whether a name is a commune of the list: "theo dõi Tú Sơn", the
    commune written bare after "theo dõi", speaks of following it too.
    """
    if not maybe_related(summary):
        return Document(related=False, sender=sender)
    related = _RELATED.search(loose_line(summary))
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
    if _EVALUATION.search(text):
        kind = "evaluation"
    else:
        for found, written in (_type_of(doc_type), _type_of(summary, toks),
                               (_type_of_number(number), _code_of_number(number))):
            if found is None or found == "":
                continue
            if found == "other":
                other = other or written
                continue
            kind = found
            break
        if kind is None and not other:
            if re.search(r"\bchuong trinh theo doi\b", text):
                kind = "program"
            elif re.search(r"\bbao cao\b", text):
                kind = "report"
    year_match = _YEAR.search(text) or _LOOSE_YEAR.search(text)
    year = int(year_match.group(1)) if year_match else (received.year if received else None)
    return Document(
        related=True, kind=kind, other_type="" if kind else other, year=year,
        summary_places=places(summary, toks) if summary_places is None else summary_places,
        sender_places=list(_sender_places(sender)),
        cadre_names=cadre_names(summary, toks) if _HONORIFIC_HINT.search(text) else [], sender=sender,
    )


@functools.lru_cache(maxsize=4096)  # senders and agencies repeat
def agency_key(text: str) -> str:
    """An agency's name as loose words with abbreviations spelled out: "Ban Tuyên giáo TU"."""
    words = []
    for t in tokens(text):
        if t.word:
            words.append(ABBREVIATIONS.get(t.loose, t.loose))
    return " ".join(words)


def agency_matches(sender: str, agencies: list[str]) -> list[str]:
    """The agencies a sender names: the same words, or the agency's words then more
    ("Sở Tài chính tỉnh Hòa Bình"); the longest such agency wins."""
    key = agency_key(sender)
    if not key:
        return []
    hits = [a for a in agencies if (k := agency_key(a)) and (key == k or key.startswith(k + " "))]
    if not hits:
        return []
    longest = max(len(agency_key(a)) for a in hits)
    return [a for a in hits if len(agency_key(a)) == longest]

