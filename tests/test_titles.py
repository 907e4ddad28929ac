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
    ("Phó Trưởng ban Tổ chức Tỉnh ủy", "Phó Trưởng ban", "Ban Tổ chức Tỉnh ủy"),
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


# --- the way annexes write titles ---------------------------------------------------------

ANNEX_TITLES = [  # (text, position, agency as the agency writes its own name)
    ("Trưởng ban Ban Tổ chức Tỉnh ủy", "Trưởng ban", "Ban Tổ chức Tỉnh ủy"),
    ("Phó Trưởng ban Thường trực Ban Tuyên giáo Tỉnh ủy", "Phó Trưởng ban Thường trực", "Ban Tuyên giáo Tỉnh ủy"),
    ("Chánh Văn phòng Tỉnh ủy", "Chánh Văn phòng", "Văn phòng Tỉnh ủy"),
    ("Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "Chủ nhiệm", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("Phó Chủ tịch Thường trực UBND tỉnh", "Phó Chủ tịch Thường trực", "UBND tỉnh"),
    ("Bí thư Đảng ủy Khối các cơ quan tỉnh", "Bí thư", "Đảng ủy Khối các cơ quan tỉnh"),
    ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh"),
    ("Giám đốc Công an tỉnh", "Giám đốc", "Công an tỉnh"),
    ("Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Ban Tuyên giáo Tỉnh ủy",
     "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban", "Ban Tuyên giáo Tỉnh ủy"),
    # lower case, without diacritics, abbreviated
    ("trưởng ban ban tổ chức tỉnh ủy", "trưởng ban", "Ban tổ chức tỉnh ủy"),
    ("phó trưởng ban tuyên giáo tỉnh ủy", "phó trưởng ban", "Ban tuyên giáo tỉnh ủy"),
    ("Truong ban Ban To chuc Tinh uy", "Truong ban", "Ban To chuc Tinh uy"),
    ("Pho Chu tich Thuong truc UBND tinh", "Pho Chu tich Thuong truc", "UBND tinh"),
    ("TRƯỞNG BAN BAN TỔ CHỨC TỈNH ỦY", "TRƯỞNG BAN", "BAN TỔ CHỨC TỈNH ỦY"),
    ("UV BTV TU, Trưởng ban Tổ chức TU", "UV BTV TU, Trưởng ban", "Ban Tổ chức TU"),
    ("P. Giám đốc Sở Tài chính", "P. Giám đốc", "Sở Tài chính"),
    ("P.Giám đốc Sở Tài chính", "P.Giám đốc", "Sở Tài chính"),
    ("PGĐ Sở Y tế", "PGĐ", "Sở Y tế"),
    ("PGD So Y te", "PGD", "So Y te"),
    ("Phó GĐ Công an tỉnh", "Phó GĐ", "Công an tỉnh"),
    ("TUV, GĐ Sở Nội vụ", "TUV, GĐ", "Sở Nội vụ"),
    ("PCT UBND tỉnh", "PCT", "UBND tỉnh"),
    ("PCT TT HĐND tỉnh", "PCT TT", "HĐND tỉnh"),
    ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh", "Phó Bí thư Tỉnh ủy, Chủ tịch", "UBND tỉnh"),
    ("Chánh VP UBND tỉnh", "Chánh VP", "VP UBND tỉnh"),
    ("Phó CHT Bộ Chỉ huy Quân sự tỉnh", "Phó CHT", "Bộ Chỉ huy Quân sự tỉnh"),
]


@pytest.mark.parametrize("text, position, agency", ANNEX_TITLES)
def test_titles_as_annexes_write_them(text, position, agency):
    assert split_title(text, TITLES) == (position, agency)


# --- a property: every title of the list before every agency, in every style ---------------

import re  # noqa: E402
import unicodedata  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cadretrack.readers.bundled import bundled_text  # noqa: E402


def _listed_titles() -> list[tuple[str, str]]:
    """(title as written, its shared words or "") of every line of data/chuc-danh.txt."""
    out = []
    for line in bundled_text("chuc-danh.txt").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            m = re.search(r"\[([^\]]+)\]\s*$", line)
            out.append((" ".join(line.replace("[", " ").replace("]", " ").split()), m.group(1) if m else ""))
    return out


LISTED = _listed_titles()
# Agencies as they write their names; those after a title with a shared word begin with it.
AGENCIES = ["Sở Tài chính", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Ủy ban Kiểm tra Tỉnh ủy", "UBND tỉnh",
            "Ủy ban nhân dân tỉnh", "Đảng ủy Khối các cơ quan tỉnh", "Sở Lao động - Thương binh và Xã hội",
            "Hội Nông dân tỉnh", "Tỉnh đoàn", "Báo Hòa Bình", "Sở Văn hóa, Thể thao và Du lịch", "HĐND tỉnh"]
AFTER_SHARED = {"ban": ["Tuyên giáo Tỉnh ủy", "Tổ chức TU", "Dân vận Tỉnh ủy", "Nội chính Tỉnh ủy"],
                "văn phòng": ["Tỉnh ủy", "UBND tỉnh", "Đoàn ĐBQH và HĐND tỉnh"], "vp": ["Tỉnh ủy", "UBND tỉnh"],
                "thanh tra": ["tỉnh"], "đoàn": ["ĐBQH tỉnh"], "phòng": ["Nội vụ"]}
ROLES = ["", "Tỉnh ủy viên, ", "Ủy viên Ban Thường vụ Tỉnh ủy, ", "UV BTV TU, ", "Đảng ủy viên, "]


def _plain(text: str) -> str:
    nfd = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in nfd if not unicodedata.combining(c))).replace(
        "đ", "d").replace("Đ", "D")


STYLES = {"as written": lambda s: s, "lower": str.lower, "upper": str.upper, "no diacritics": _plain,
          "lower, no diacritics": lambda s: _plain(s.lower()), "NFD": lambda s: unicodedata.normalize("NFD", s)}


def _spaced(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@st.composite
def written(draw):
    """(cell text, position expected, agency expected) for one title before one agency."""
    title, shared = draw(st.sampled_from(LISTED))
    role = draw(st.sampled_from(ROLES))
    style = STYLES[draw(st.sampled_from(sorted(STYLES)))]
    if shared:
        rest = draw(st.sampled_from(AFTER_SHARED[shared.lower()]))
        twice = draw(st.booleans())  # "Trưởng ban Ban Tổ chức" or "Trưởng Ban Tổ chức"
        word = shared[:1].upper() + shared[1:]
        agency = f"{word} {rest}"
        text = f"{role}{title} {agency}" if twice else f"{role}{title} {rest}"
    else:
        agency = draw(st.sampled_from(AGENCIES))
        text = f"{role}{title} {agency}"
    spacing = draw(st.sampled_from([" ", "  ", " \u00a0"]))
    text = style(text).replace(" ", spacing, 1)
    expected_agency = style(agency)
    return text, _spaced(style(role + title)).strip(" ,"), _spaced(expected_agency)


@settings(max_examples=400, deadline=None)
@given(written())
def test_every_title_before_every_agency_splits_back_into_both(case):
    text, position, agency = case
    split = split_title(text, TITLES)
    assert split is not None, text
    got_position, got_agency = _spaced(split.position), _spaced(split.agency)
    assert got_position == position, text
    # The agency as written, but for the capital its name begins with.
    assert got_agency[:1] == agency[:1].upper() and got_agency[1:] == agency[1:], text
    assert not got_agency[:1].islower(), text
    # The two re-join to the cell (the word they share written once), spacing aside.
    words, joined = _spaced(text).split(), (got_position + " " + got_agency).split()
    assert [w.casefold() for w in joined if w.casefold() not in (x.casefold() for x in words)] == [], text
