"""A title and its agency in one cell, split by the list of titles (data, not code)."""

import pytest

from cadretrack.domain.titles import parse_titles, split_title
from cadretrack.ops.assignments import load_titles

TITLES = load_titles()


@pytest.mark.parametrize("text, position, agency", [
    ("Phó Giám đốc Sở Tài chính", "Phó Giám đốc", "Sở Tài chính"),
    ("Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Giám đốc", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Tỉnh ủy viên, Giám đốc Sở Tài chính", "Tỉnh ủy viên, Giám đốc", "Sở Tài chính"),
    ("Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy",
     "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban", "Ban Tuyên giáo Tỉnh ủy"),
    ("Trưởng Ban Tuyên giáo Tỉnh ủy", "Trưởng Ban", "Ban Tuyên giáo Tỉnh ủy"),
    ("Phó Trưởng Ban Thường trực Ban Dân vận Tỉnh ủy", "Phó Trưởng Ban Thường trực", "Ban Dân vận Tỉnh ủy"),
    ("Phó Trưởng ban Tổ chức Tỉnh ủy", "Phó Trưởng ban", "ban Tổ chức Tỉnh ủy"),
    ("Chánh Văn phòng Tỉnh ủy", "Chánh Văn phòng", "Văn phòng Tỉnh ủy"),
    ("Chánh Thanh tra tỉnh", "Chánh Thanh tra", "Thanh tra tỉnh"),
    ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh"),
    ("Giám đốc Sở Lao động - Thương binh và Xã hội", "Giám đốc", "Sở Lao động - Thương binh và Xã hội"),
    ("PHÓ GIÁM ĐỐC CÔNG AN TỈNH", "PHÓ GIÁM ĐỐC", "CÔNG AN TỈNH"),
    ("Pho Giam doc So Y te", "Pho Giam doc", "So Y te"),
    ("Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Chủ tịch", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("Bí thư Tỉnh đoàn", "Bí thư", "Tỉnh đoàn"),
])
def test_split(text, position, agency):
    assert split_title(text, TITLES) == (position, agency)


@pytest.mark.parametrize("text", ["Phó Trưởng ban", "Giám đốc", "Chuyên viên cao cấp", "Tỉnh ủy viên", ""])
def test_values_that_do_not_split(text):
    assert split_title(text, TITLES) is None


def test_a_clerk_extends_the_titles():
    mine = parse_titles("# riêng của tỉnh\nGiám đốc Đài\n")
    assert split_title("Giám đốc Đài Phát thanh và Truyền hình tỉnh", mine) == (
        "Giám đốc Đài", "Phát thanh và Truyền hình tỉnh")
    assert split_title("Trưởng khoa Nội", TITLES) is None
    assert split_title("Trưởng khoa Nội", parse_titles("Trưởng khoa") + TITLES) == ("Trưởng khoa", "Nội")
