import pytest

from cadretrack.domain.gazetteer import MatchError
from cadretrack.readers.gazetteer_csv import read_gazetteer
from cadretrack.domain.gazetteer import Gazetteer

from conftest import GAZETTEERS


@pytest.fixture(scope="module")
def hoa_binh():
    return Gazetteer(read_gazetteer(None)[1])


def test_builtin_list_is_hoa_binh(hoa_binh):
    assert len(hoa_binh.communes) == 151
    assert len({c.district for c in hoa_binh.communes}) == 10


@pytest.mark.parametrize("name", ["Xã Hiền Lương", "hien luong", "X. HIỀN LƯƠNG", "Hiền  Lương"])
def test_unique_names_resolve_without_district(hoa_binh, name):
    assert hoa_binh.resolve(name).name == "Xã Hiền Lương"


@pytest.mark.parametrize("name", ["Xã Cao Sơn", "Xã Đoàn Kết"])
def test_repeated_names_need_a_district(hoa_binh, name):
    with pytest.raises(MatchError) as err:
        hoa_binh.resolve(name)
    assert err.value.key == "commune_ambiguous"
    assert err.value.fields["labels"].count("(") == 2 and len(err.value.candidates) == 2


def test_district_or_code_tells_repeated_names_apart(hoa_binh):
    a = hoa_binh.resolve("Cao Sơn", "Đà Bắc")
    b = hoa_binh.resolve("cao son", "H. Lương Sơn")
    assert a.code != b.code and a.district == "Huyện Đà Bắc" and b.district == "Huyện Lương Sơn"
    assert hoa_binh.resolve(code="0" + a.code).code == a.code
    assert hoa_binh.resolve(code=float(b.code)).code == b.code


def test_unknown_names_suggest_the_nearest(hoa_binh):
    with pytest.raises(MatchError) as err:
        hoa_binh.resolve("Hiền Lươn")
    assert err.value.key == "commune_unknown"
    assert "Hiền Lương" in err.value.suggestion


def test_code_and_name_must_agree(hoa_binh):
    with pytest.raises(MatchError) as err:
        hoa_binh.resolve("Xã Hiền Lương", code="4789")
    assert err.value.key == "code_name_mismatch"


def test_national_lists_load_with_and_without_districts():
    before = Gazetteer(read_gazetteer(GAZETTEERS / "vn-2024.csv")[1])
    after = Gazetteer(read_gazetteer(GAZETTEERS / "vn-2025.csv")[1])
    assert len(before.communes) == 10051 and all(c.district for c in before.communes)
    assert len(after.communes) == 3321 and not any(c.district for c in after.communes)
    # "Phường 1" exists in many districts: the district and province narrow it.
    with pytest.raises(MatchError):
        before.resolve("Phường 1")
    assert after.resolve("Phường Hoàn Kiếm", province="Hà Nội").code == "70"


@pytest.mark.parametrize("text", ["Xã Cao Sơn, huyện Đà Bắc", "Cao Sơn (Đà Bắc)", "cao son - H. Da Bac"])
def test_commune_and_district_in_one_cell(hoa_binh, text):
    assert hoa_binh.resolve(text).district == "Huyện Đà Bắc"
