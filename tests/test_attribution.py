"""`attribute`: which assignment a register entry is the filing of, from the clues it gives
(the pure domain rule, on the built-in gazetteer and a handful of assignments)."""

from __future__ import annotations

import datetime as dt

import pytest

from cadretrack.domain.assignment import Assignment
from cadretrack.domain.attribution import Known, Pool, attribute
from cadretrack.domain.gazetteer import Gazetteer
from cadretrack.domain.incoming import Vocabulary, read_document
from cadretrack.domain.names import exact_key
from cadretrack.domain.rules import BUILTIN, parse_rules
from cadretrack.readers.bundled import bundled_text
from cadretrack.readers.gazetteer_csv import read_gazetteer

VOCABULARY = Vocabulary(parse_rules(bundled_text(BUILTIN), "built-in").kinds.values())
GAZETTEER = Gazetteer(read_gazetteer(None)[1])
D = dt.date

# (id, commune code, cadre, agency, start)
PEOPLE = [
    (1, "4885", "Nguyễn Văn An", "Sở Tài chính", D(2022, 12, 14)),  # Xã Hiền Lương
    (2, "4912", "Lê Đức Cường", "Ban Tổ chức Tỉnh ủy", D(2022, 12, 14)),  # Xã Mông Hóa
    (3, "4876", "Phạm Minh Dũng", "Sở Xây dựng", D(2022, 12, 14)),  # Xã Cao Sơn, Đà Bắc
    (4, "4957", "Đinh Thị Giang", "Sở Nội vụ", D(2022, 12, 14)),  # Xã Cao Sơn, Lương Sơn
    (5, "4792", "Trần Thị Bình", "Sở Y tế", D(2022, 12, 14)),  # Phường Tân Hòa
    (6, "4867", "Bùi Văn Hải", "Sở Y tế", D(2022, 12, 14)),  # Xã Tú Lý
    (7, "4867", "Hà Văn Khánh", "Sở Công Thương", D(2024, 11, 1)),  # Xã Tú Lý, from November
]


def assignments() -> list[Assignment]:
    out = []
    for id_, code, cadre, agency, start in PEOPLE:
        (commune,) = [c for c in GAZETTEER.communes if c.code == code]
        out.append(Assignment(id_, code, id_, cadre, agency, "Phó Giám đốc", start, None, "718-QĐ/TU",
                              commune.name, commune.district, commune.province, (exact_key(cadre), exact_key(agency))))
    return out


EVERYONE = assignments()


def decide(summary: str, sender: str = "Sở Tài chính", filed: dt.date = D(2024, 12, 5), owing=lambda a: True):
    doc = read_document(summary, sender, "", "", filed, vocabulary=VOCABULARY)
    by_commune: dict[str, list] = {}
    for a in EVERYONE:
        by_commune.setdefault(a.commune_code, []).append(a)
    return attribute(doc, Pool(by_commune, owing), GAZETTEER, filed, Known(EVERYONE))


def cadre(found) -> str | None:
    return found.assignment.cadre if found.assignment is not None else None


def test_the_commune_of_the_summary_picks_its_cadre():
    found = decide("Báo cáo kết quả theo dõi xã Hiền Lương năm 2024")
    assert cadre(found) == "Nguyễn Văn An" and [c.code for c in found.communes] == ["4885"]


def test_the_commune_of_the_sender_picks_its_cadre():
    found = decide("Nhận xét, đánh giá cán bộ theo dõi xã năm 2024", sender="Đảng ủy xã Mông Hóa")
    assert cadre(found) == "Lê Đức Cường"


@pytest.mark.parametrize("summary", [
    "Báo cáo kết quả theo dõi xã Hiền Lương và xã Mông Hóa năm 2024",
    "Báo cáo kết quả theo dõi xã Hiền Lương, xã Tân Pheo và xã Mông Hóa năm 2024",  # crashed: AttributeError
    "Báo cáo kết quả theo dõi xã Hiền Lương, xã Tân Pheo, xã Mông Hóa, phường Tân Hòa và xã Tú Lý năm 2024",
])
def test_several_communes_are_asked_about(summary):
    found = decide(summary)
    assert found.assignment is None and found.reason == "review_two_communes"
    assert "Hiền Lương" in found.fields["places"] and "Mông Hóa" in found.fields["places"]


def test_one_commune_written_twice_is_one_place():
    found = decide("Báo cáo kết quả theo dõi xã Hiền Lương (xã Hiền Lương, huyện Đà Bắc) năm 2024")
    assert cadre(found) == "Nguyễn Văn An"


def test_sender_and_summary_naming_two_communes_disagree():
    found = decide("Báo cáo kết quả theo dõi xã Hiền Lương năm 2024", sender="Đảng ủy xã Mông Hóa")
    assert found.reason == "review_sender_other_commune" and found.fields["place"] == "xã Hiền Lương"


def test_a_place_not_in_the_list():
    found = decide("Báo cáo kết quả theo dõi xã Tràng Thi Mới năm 2024", sender="")
    assert found.reason == "review_place_unknown" and found.fields["place"] == "xã Tràng Thi Mới"


def test_a_name_in_two_districts_is_ambiguous_until_the_district_is_written():
    found = decide("Báo cáo kết quả theo dõi xã Cao Sơn năm 2024", sender="")
    assert found.reason == "review_place_ambiguous" and found.fields["count"] == 2
    assert cadre(decide("Báo cáo kết quả theo dõi xã Cao Sơn, huyện Lương Sơn năm 2024", sender="")) == "Đinh Thị Giang"


def test_the_senders_agency_tells_the_cadre_when_no_commune_is_named():
    assert cadre(decide("Báo cáo kết quả theo dõi địa bàn năm 2024", sender="Sở Xây dựng")) == "Phạm Minh Dũng"
    several = decide("Báo cáo kết quả theo dõi địa bàn năm 2024", sender="Sở Y tế")
    assert several.reason == "review_agency_several" and several.fields["count"] == 2


def test_the_senders_agency_must_follow_the_commune_named():
    found = decide("Báo cáo kết quả theo dõi xã Hiền Lương năm 2024", sender="Sở Xây dựng")
    assert found.reason == "review_agency_other_commune" and found.fields["agency"] == "Sở Xây dựng"


def test_no_clue_at_all():
    found = decide("Báo cáo kết quả theo dõi địa bàn năm 2024", sender="Văn phòng UBND tỉnh")
    assert found.reason == "review_no_clue"


def test_a_cadre_named_in_the_summary_narrows_the_commune():
    # Two cadres follow Tú Lý; the one named sent it.
    found = decide("Nhận xét, đánh giá đồng chí Hà Văn Khánh, cán bộ theo dõi xã Tú Lý năm 2024",
                   sender="Đảng ủy xã Tú Lý", filed=D(2024, 12, 5))
    assert cadre(found) == "Hà Văn Khánh"


def test_only_a_cadre_assigned_by_the_day_received_can_have_sent_it():
    found = decide("Báo cáo kết quả theo dõi xã Tú Lý năm 2024", sender="", filed=D(2024, 6, 1))
    assert cadre(found) == "Bùi Văn Hải"
    both = decide("Báo cáo kết quả theo dõi xã Tú Lý năm 2024", sender="", filed=D(2024, 12, 5))
    assert both.reason == "review_several" and "Hà Văn Khánh" in both.fields["cadres"]


def test_nobody_owes_the_kind_for_the_commune():
    found = decide("Báo cáo kết quả theo dõi xã Tân Pheo năm 2024", sender="")
    assert found.reason == "review_nobody_owes" and "Tân Pheo" in found.fields["place"]
    found = decide("Báo cáo kết quả theo dõi xã Hiền Lương năm 2024", sender="", owing=lambda a: a.id != 1)
    assert found.reason == "review_nobody_owes"
