"""One agency, however it is written: the key that says two spellings are one agency, and
the spelling shown for it.

Annexes and registers write one agency many ways: "Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo
tỉnh ủy", "Ban Tuyên giáo TU", "BAN TUYÊN GIÁO TỈNH UỶ"; "UBND tỉnh" and "Ủy ban nhân dân
tỉnh". Every place that asks whether two agencies are one (a cadre's identity, the letters
of `remind`, the agency table of the summary, `check --agency`, the sender of a register
row) asks `agency_key`; where one name must be shown for them, `preferred` chooses it.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Iterable

from cadretrack.domain.names import _MARKS, _WORD, exact_key, loose_key, sort_key, strip_marks

# Abbreviations in agencies' names (loose words), spelled out: "Ban Tuyên giáo TU".
ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc", "ubmttq": "uy ban mat tran to quoc",
    "btv": "ban thuong vu", "ubkt": "uy ban kiem tra", "vp": "van phong",
    "lhpn": "lien hiep phu nu", "ldld": "lien doan lao dong", "bchqs": "bo chi huy quan su",
    "dbqh": "dai bieu quoc hoi", "tw": "trung uong", "chqs": "chi huy quan su", "bdbp": "bo doi bien phong",
    "bchbdbp": "bo chi huy bo doi bien phong", "hnd": "hoi nong dan", "ccb": "cuu chien binh",
    "tand": "toa an nhan dan", "vksnd": "vien kiem sat nhan dan", "ubmttqvn": "uy ban mat tran to quoc viet nam",
    "cand": "cong an nhan dan", "tncs": "thanh nien cong san",
}
# Abbreviations that are also words ("Đầu tư", "Du lịch"): only in capitals without tone marks
# ("Ban Tuyên giáo TU", "ĐU khối").
CAPITAL_ABBREVIATIONS = {"tu": "tinh uy", "du": "dang uy"}
# Departments written by their initials, run together or apart ("Sở GD&ĐT", "Sở GDĐT", "Sở
# Giáo dục và Đào tạo"): the initials of each part, spelled out; "và" is no part of a key.
PHRASES = {
    ("gd", "dt"): "giao duc dao tao", ("kh", "dt"): "ke hoach dau tu", ("tn", "mt"): "tai nguyen moi truong",
    ("ld", "tb", "xh"): "lao dong thuong binh xa hoi", ("nn", "ptnt"): "nong nghiep phat trien nong thon",
    ("vh", "tt", "dl"): "van hoa the thao du lich", ("gt", "vt"): "giao thong van tai",
    ("kh", "cn"): "khoa hoc cong nghe", ("tt", "tt"): "thong tin truyen thong", ("tc", "kh"): "tai chinh ke hoach",
}
_JOINED = {"".join(words): spelled for words, spelled in PHRASES.items()}
_LONGEST = max(map(len, PHRASES))


@functools.lru_cache(maxsize=1 << 14)  # a province has a few hundred agencies
def agency_key(text: str) -> str:
    """An agency's name as loose words with abbreviations spelled out: case, diacritics,
    tone style, spacing and punctuation ignored ("Ban Tuyên giáo TU" = "Ban Tuyên giáo tỉnh uỷ")."""
    words = []
    for word in _WORD.findall(unicodedata.normalize("NFD", text)):
        loose = strip_marks(word.casefold())
        if loose in CAPITAL_ABBREVIATIONS and word.isupper() and not _MARKS.search(word):
            loose = CAPITAL_ABBREVIATIONS[loose]
        if loose != "va":
            words.append(loose)
    out, i = [], 0
    while i < len(words):
        for n in range(min(_LONGEST, len(words) - i), 1, -1):
            spelled = PHRASES.get(tuple(words[i:i + n]))
            if spelled:
                out.append(spelled)
                i += n
                break
        else:
            out.append(_JOINED.get(words[i]) or ABBREVIATIONS.get(words[i], words[i]))
            i += 1
    return " ".join(out)


def _rank(name: str, count: int) -> tuple:
    words = name.split()
    spelled = len(agency_key(name).split()) - len(loose_key(name).split())  # words its abbreviations hide
    return (
        exact_key(name) == loose_key(name),  # written without diacritics: last
        spelled,  # abbreviated: after the name spelled out
        name.isupper(),  # all capitals (a title row's style): after the usual style
        -count,  # then the spelling most rows use
        -sum(w[:1].isupper() for w in words),  # then the one that capitalises its names ("Tỉnh ủy")
        sort_key(name),
    )


def preferred(spellings: Iterable[str]) -> str:
    """The spelling to show for one agency written several ways: with diacritics, spelled out,
    in the usual case, the most used; "" when there is none."""
    counts = Counter(s for s in spellings if s)
    if not counts:
        return ""
    return min(counts, key=lambda name: _rank(name, counts[name]))


def agency_names(spellings: Iterable[str]) -> dict[str, str]:
    """For every agency among these spellings (repeated as often as they are used), its key
    and the spelling shown for it."""
    groups: dict[str, list[str]] = {}
    for name in spellings:
        if name:
            groups.setdefault(agency_key(name), []).append(name)
    return {key: preferred(names) for key, names in groups.items()}


def position_key(position: str, agency: str) -> str:
    """A title as it compares: case, diacritics' placement and spacing ignored, and its agency
    dropped when written into it ("Trưởng ban Ban Tổ chức Tỉnh ủy" at Ban Tổ chức Tỉnh ủy is
    "Trưởng ban" there): one list laid out with one column or two says the same."""
    words = _WORD.findall(unicodedata.normalize("NFD", position))
    tail = agency_key(agency) if agency else None
    for n in range(len(words) - 1, 0, -1):
        if agency_key(" ".join(words[n:])) == tail:
            return exact_key(" ".join(words[:n]))
    return exact_key(position)
