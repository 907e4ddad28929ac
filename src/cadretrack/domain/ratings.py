"""The four evaluation levels and the ways a clerk writes them."""

from __future__ import annotations

from cadretrack.domain.names import text_key

RATINGS = {
    "xuat-sac": ("Hoàn thành xuất sắc nhiệm vụ", "HTXSNV", "Excellent"),
    "tot": ("Hoàn thành tốt nhiệm vụ", "HTTNV", "Good"),
    "hoan-thanh": ("Hoàn thành nhiệm vụ", "HTNV", "Completed"),
    "khong-hoan-thanh": ("Không hoàn thành nhiệm vụ", "KHTNV", "Not completed"),
}


def _spellings() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, (label, abbreviation, english) in RATINGS.items():
        short = label.replace(" nhiệm vụ", "")
        for text in (code, code.replace("-", " "), label, abbreviation, short, english):
            table[text_key(text)] = code
    table[text_key("xuất sắc")] = "xuat-sac"
    table[text_key("tốt")] = "tot"
    return table


_SPELLINGS = _spellings()


def parse_rating(text: str) -> str | None:
    """The rating code for any accepted spelling; None when it is none of them."""
    return _SPELLINGS.get(text_key(text))


def rating_label(code: str | None) -> str:
    return RATINGS[code][0] if code in RATINGS else ""
