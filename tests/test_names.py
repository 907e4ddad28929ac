import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cadretrack.domain.names import (
    COMMUNE_PREFIXES,
    DISTRICT_PREFIXES,
    exact_key,
    loose_key,
)


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
    assert exact_key(a, COMMUNE_PREFIXES) == exact_key(b, COMMUNE_PREFIXES)


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
    assert exact_key(a, DISTRICT_PREFIXES) == exact_key(b, DISTRICT_PREFIXES)


def test_different_tones_are_different_exact_keys_but_one_loose_key():
    assert exact_key("Hòa") != exact_key("Hóa")
    assert loose_key("Hòa") == loose_key("Hóa") == loose_key("HOA")
    assert loose_key("Đà Bắc") == "da bac"


def test_a_one_letter_word_is_only_a_prefix_with_a_dot():
    # "X" without a dot could be a real first word; it is kept.
    assert exact_key("X Hiền", COMMUNE_PREFIXES) != exact_key("Hiền", COMMUNE_PREFIXES)
    # A lone prefix is a name, not an empty key.
    assert exact_key("Xã", COMMUNE_PREFIXES) == "xa4"


VIETNAMESE = st.text(
    alphabet=st.sampled_from(list("aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐbcdghklmnpqrstvx àáảãạòóỏõọùúủũụỳýỷỹỵ.-()")),
    max_size=30,
)


@given(VIETNAMESE)
def test_nfc_and_nfd_give_the_same_keys(text):
    nfd = unicodedata.normalize("NFD", text)
    assert exact_key(text, COMMUNE_PREFIXES) == exact_key(nfd, COMMUNE_PREFIXES)
    assert loose_key(text, COMMUNE_PREFIXES) == loose_key(nfd, COMMUNE_PREFIXES)


@given(st.text(max_size=50))
def test_any_text_gives_a_key(text):
    assert isinstance(exact_key(text, COMMUNE_PREFIXES), str)
    assert isinstance(loose_key(text, DISTRICT_PREFIXES), str)
