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
from collections import Counter
from collections.abc import Iterable

from cadretrack.domain.names import exact_key, loose_key, sort_key

# Abbreviations in agencies' names (loose words), spelled out: "Ban Tuyên giáo TU".
ABBREVIATIONS = {
    "tu": "tinh uy", "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc", "ubmttq": "uy ban mat tran to quoc", "du": "dang uy",
    "btv": "ban thuong vu", "ubkt": "uy ban kiem tra", "vp": "van phong",
    "lhpn": "lien hiep phu nu", "ldld": "lien doan lao dong", "bchqs": "bo chi huy quan su",
    "dbqh": "dai bieu quoc hoi", "tw": "trung uong",
}


@functools.lru_cache(maxsize=1 << 14)  # a province has a few hundred agencies
def agency_key(text: str) -> str:
    """An agency's name as loose words with abbreviations spelled out: case, diacritics,
    tone style, spacing and punctuation ignored ("Ban Tuyên giáo TU" = "Ban Tuyên giáo tỉnh uỷ")."""
    return " ".join(ABBREVIATIONS.get(w, w) for w in loose_key(text).split())


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
