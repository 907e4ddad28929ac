import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cadretrack.domain.names import exact_key, loose_key
from cadretrack.domain.units import official_reading, readings


def means(written: str, official: str, level: str) -> bool:
    """A written name has a reading with the official name's unit word (or none) and keys."""
    own = official_reading(official, level)
    return any(r.exact == own.exact and r.unit in ("", own.unit) for r in readings(written, level))


@pytest.mark.parametrize(
    "a, b",
    [
        ("Hòa Bình", "Hoà Bình"),  # old and new tone placement
        ("Thủy", "Thuỷ"),
        ("Hòe", "Hoè"),
        ("Phường Tân Hòa", "phường tân hoà"),
        ("Xã Hiền Lương", "  xã   HIỀN  lương "),
        ("Xã Hiền Lương", "Hiền Lương"),
        ("Xã Hiền Lương", "X. Hiền Lương"),
        ("Thị trấn Đà Bắc", "TT. Đà Bắc"),
        ("Thị trấn Đà Bắc", "TT Đà Bắc"),
        ("Phường Thái Bình", "P. Thái Bình"),
        ("Xã Cao Sơn", unicodedata.normalize("NFD", "Xã Cao Sơn")),
    ],
)
def test_commune_spellings_share_the_exact_key(a, b):
    assert means(b, a, "commune")


@pytest.mark.parametrize(
    "a, b",
    [
        ("Huyện Đà Bắc", "Đà Bắc"),
        ("Thành phố Hòa Bình", "TP. Hoà Bình"),
        ("Thành phố Hòa Bình", "TP Hòa Bình"),
        ("Huyện Lương Sơn", "H. Lương Sơn"),
        ("Thị xã Sơn Tây", "TX. Sơn Tây"),
    ],
)
def test_district_prefixes(a, b):
    assert means(b, a, "district")


def test_different_tones_are_different_exact_keys_but_one_loose_key():
    assert exact_key("Hòa") != exact_key("Hóa")
    assert loose_key("Hòa") == loose_key("Hóa") == loose_key("HOA")
    assert loose_key("Đà Bắc") == "da bac"


def test_a_one_letter_word_is_only_a_prefix_with_a_dot():
    # "X" without a dot could be a real first word; it is kept.
    assert [r.unit for r in readings("X Hiền", "commune")] == [""]
    assert [r.unit for r in readings("X. Hiền", "commune")] == ["", "xã"]
    # A lone prefix is a name, not an empty key.
    assert [r.exact for r in readings("Xã", "commune")] == ["xa4"]


def test_a_unit_word_is_a_possible_prefix_only():
    # "Phương" with its own diacritics is no "Phường"; typed plainly it may be.
    assert [r.unit for r in readings("Phương Lâm", "commune")] == [""]
    assert [(r.unit, r.loose) for r in readings("phuong lam", "commune")] == [("", "phuong lam"), ("phường", "lam")]
    # The list's own name: its unit word is certain, the rest is the name.
    assert official_reading("Phường Phường Đúc", "commune").loose == "phuong duc"
    assert official_reading("Huyện Quan Hóa", "district").unit == "huyện"
    assert official_reading("Quận 1", "district") == official_reading("quận 1", "district")


VIETNAMESE = st.text(
    alphabet=st.sampled_from(list("aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐbcdghklmnpqrstvx àáảãạòóỏõọùúủũụỳýỷỹỵ.-()")),
    max_size=30,
)


@given(VIETNAMESE)
def test_nfc_and_nfd_give_the_same_keys(text):
    nfd = unicodedata.normalize("NFD", text)
    assert readings(text, "commune") == readings(nfd, "commune")
    assert exact_key(text) == exact_key(nfd) and loose_key(text) == loose_key(nfd)


@given(st.text(max_size=50))
def test_any_text_gives_a_key(text):
    assert readings(text, "commune")[0].exact == exact_key(text)
    assert all(isinstance(r.loose, str) for r in readings(text, "district"))
