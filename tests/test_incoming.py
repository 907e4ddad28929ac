"""Reading a register entry: text in, reading out (the pure domain rules)."""

import datetime as dt

import pytest

from cadretrack.domain.incoming import Vocabulary, agency_matches
from cadretrack.domain.incoming import read_document as read_with
from cadretrack.domain.rules import BUILTIN, parse_rules
from cadretrack.readers.bundled import bundled_text

# The words of the built-in rules' kinds, as a ledger made with them reads its register.
VOCABULARY = Vocabulary(parse_rules(bundled_text(BUILTIN), "built-in").kinds.values())


def read_document(*args, **kwargs):
    return read_with(*args, vocabulary=VOCABULARY, **kwargs)
from cadretrack.domain.mentions import cadre_names, places


@pytest.mark.parametrize("summary, number, doc_type, kind", [
    ("Chương trình theo dõi địa bàn xã Tân Pheo năm 2024", "", "", "program"),
    ("V/v gửi chương trình theo dõi xã Tân Pheo", "05-CTr/STC", "", "program"),  # the number's type code
    ("V/v gửi kết quả theo dõi xã Tân Pheo", "12/BC-SYT", "", "report"),
    ("Kết quả theo dõi xã Tân Pheo năm 2024", "", "Báo cáo", "report"),  # the e-office type column
    ("Báo cáo kết quả theo dõi phường Phương Lâm năm 2024", "", "", "report"),
    ("Báo cáo nhận xét, đánh giá cán bộ theo dõi địa bàn năm 2024", "15-BC/ĐU", "Báo cáo", "evaluation"),
    ("Phiếu nhận xét cán bộ theo dõi xã năm 2024", "", "", "evaluation"),
    ("V/v nhận xét, đánh giá đồng chí Lê Văn A theo Quy định số 26-QĐ/TU", "20/CV-UBND", "Công văn", "evaluation"),
    ("BÁO CÁO KẾT QUẢ THEO DÕI XÃ TÂN PHEO NĂM 2024", "", "", "report"),
    ("Chương trình công tác theo dõi, giúp đỡ xã Tân Pheo năm 2024", "", "", "program"),
    ("Báo cáo kết quả theo dõi đối với Đảng bộ xã Cao Sơn năm 2024", "", "", "report"),
])
def test_kind(summary, number, doc_type, kind):
    doc = read_document(summary, "", number, doc_type, dt.date(2024, 12, 1))
    assert doc.related and doc.kind == kind


@pytest.mark.parametrize("summary", [
    "Báo cáo kết quả nhận xét, đánh giá cán bộ, công chức năm 2023",  # a Sở's own staff
    "Chương trình công tác năm 2024",  # a commune's own program
    "V/v theo dõi, đánh giá bộ chỉ số cải cách hành chính cấp xã",
    "Báo cáo kết quả theo dõi xã hội hóa giáo dục",  # xã hội: society
    "BÁO CÁO CÔNG TÁC THEO DÕI XÃ HỘI HÓA Y TẾ",
    "Báo cáo tình hình kinh tế - xã hội của xã Tân Pheo",
    "Kế hoạch theo dõi thi hành pháp luật năm 2024",
    "",
])
def test_unrelated(summary):
    assert not read_document(summary, "Sở Nội vụ", "12/BC-SNV").related


def test_a_commune_written_bare_after_theo_doi_counts_when_the_list_holds_it():
    def is_place(name):
        return name == "Tú Sơn"

    assert read_document("Báo cáo kết quả theo dõi Tú Sơn năm 2024", is_place=is_place).related
    assert not read_document("Báo cáo kết quả theo dõi Chương trình 135", is_place=is_place).related


def test_a_type_that_is_no_filing_is_named():
    doc = read_document("Kế hoạch kiểm tra việc thực hiện Quy định 26-QĐ/TU", "", "12-KH/BTCTU")
    assert doc.related and doc.kind is None and doc.other_type == "Kế hoạch"


@pytest.mark.parametrize("summary, year", [
    ("Báo cáo kết quả theo dõi xã Tân Pheo năm 2023", 2023),
    ("Báo cáo kết quả theo dõi xã Tân Pheo theo Quy định 26-QĐ/TU ngày 14/12/2022", 2025),  # a date is no year
    ("Báo cáo kết quả theo dõi xã Tân Pheo 2024", 2024),
])
def test_year(summary, year):
    assert read_document(summary, received=dt.date(2025, 1, 6)).year == year


@pytest.mark.parametrize("text, found", [
    ("Chương trình theo dõi địa bàn xã Tân Pheo năm 2024", [("xã Tân Pheo", "")]),
    ("Báo cáo kết quả theo dõi xã Cao Sơn, huyện Đà Bắc năm 2024", [("xã Cao Sơn", "huyện Đà Bắc")]),
    ("Báo cáo theo dõi P. Tân Hoà (TP. Hòa Bình)", [("P . Tân Hoà", "TP . Hòa Bình")]),
    ("Chương trình theo dõi địa bàn Tân Pheo", [("Tân Pheo", "")]),
    ("Báo cáo theo dõi xã Hiền Lương và xã Tân Minh", [("xã Hiền Lương", ""), ("xã Tân Minh", "")]),
    ("Đảng ủy xã Quan Hóa, huyện Quan Hóa", [("xã Quan Hóa", "huyện Quan Hóa")]),
    ("ĐU xã Cao Sơn, huyện đà bắc", [("xã Cao Sơn", "huyện đà bắc")]),
    ("Sở Tài chính", []),
    ("Báo cáo theo dõi xã, phường, thị trấn năm 2024", []),
])
def test_places(text, found):
    assert [(m.text, m.district) for m in places(text)] == found


def test_cadres_named_after_dong_chi():
    assert cadre_names("Nhận xét, đánh giá đồng chí Nguyễn Văn An, Phó Giám đốc Sở Tài chính") == [
        "Nguyễn Văn An"]
    assert cadre_names("Phiếu nhận xét đ/c Lê Thị Bình năm 2024") == ["Lê Thị Bình"]


def test_agencies_as_senders_write_them():
    agencies = ["Ban Tuyên giáo Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Sở Tài chính", "Ủy ban nhân dân tỉnh"]
    assert agency_matches("Ban Tuyên giáo TU", agencies) == ["Ban Tuyên giáo Tỉnh ủy"]
    assert agency_matches("Sở Tài chính tỉnh Hòa Bình", agencies) == ["Sở Tài chính"]
    assert agency_matches("UBND tỉnh", agencies) == ["Ủy ban nhân dân tỉnh"]
    assert agency_matches("Sở Tư pháp", agencies) == []
    assert agency_matches("Đồng chí Nguyễn Văn An, Phó Giám đốc Sở Tài chính", agencies) == ["Sở Tài chính"]


def test_a_cadre_named_by_the_sender_is_a_clue():
    doc = read_document("Chương trình theo dõi địa bàn năm 2024", "Đ/c Nguyễn Văn An - Sở Tài chính")
    assert doc.related and doc.cadre_names == ["Nguyễn Văn An"]
