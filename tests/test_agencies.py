"""One agency however an annex or a register writes it (domain.agencies.agency_key)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from cadretrack.domain.agencies import agency_key, preferred

SAME = [
    ("Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
    ("BCHQS tỉnh", "Bộ Chỉ huy quân sự tỉnh"),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
    ("Sở GDĐT", "Sở Giáo dục - Đào tạo"),
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
    ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
    ("BĐBP tỉnh", "Bộ đội Biên phòng tỉnh"),
    ("Ban Tuyên giáo TU", "Ban Tuyên giáo Tỉnh ủy"),
    ("BAN TUYÊN GIÁO TỈNH UỶ", "Ban Tuyen giao tinh uy"),
    ("ĐU Khối cơ quan", "Đảng ủy Khối cơ quan"),
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
    ("Ủy ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
    ("Hội LHPN tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"),
]
DIFFERENT = [
    ("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Tỉnh ủy"),  # "tư" is a word, not "TU"
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Đảng ủy lịch"),
    ("Sở Tài chính", "Sở Tư pháp"),
    ("Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"),
]


@pytest.mark.parametrize("one, other", SAME)
def test_one_agency_written_two_ways(one, other):
    assert agency_key(one) == agency_key(other)


@pytest.mark.parametrize("one, other", DIFFERENT)
def test_two_agencies_stay_two(one, other):
    assert agency_key(one) != agency_key(other)


def test_the_spelled_out_name_is_shown():
    assert preferred(["Bộ CHQS tỉnh", "Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]) == "Bộ Chỉ huy Quân sự tỉnh"


@given(st.sampled_from([pair for pair in SAME]), st.sampled_from(["", " ", "  "]), st.booleans())
def test_spacing_and_case_never_split_an_agency(pair, pad, upper):
    one, other = pair
    written = pad + (one.upper() if upper and not any(w in one for w in ("TU", "ĐU")) else one) + pad
    assert agency_key(written) == agency_key(other)
