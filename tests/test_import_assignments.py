"""`import assignments`: every layout and spelling a clerk sends, and every refusal."""

import unicodedata

import pytest

from conftest import snapshot
from sheets import HEADER, PAIRS, TITLE, assignment_rows, csv_file, xls, xlsx



def imported(cli, path, *extra, effective="14/12/2022"):
    result = cli("import", "assignments", path, "--effective", effective, *extra)
    assert result.exit_code == 0, result.output + result.stderr
    return cli.json("list", "assignments")


def codes(items):
    return sorted(i["commune_code"] for i in items)


def test_official_annex_with_titles_number_row_sections_and_footer(ledger, tmp_path):
    rows = TITLE + [
        [],
        ["STT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị\ncông tác", "Địa bàn theo dõi\n(xã, phường, thị trấn)", "Ghi chú"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["I. THÀNH PHỐ HÒA BÌNH", None, None, None, None, None],
        [1, "Trần Thị Bình", "Phó Giám đốc", "Sở Y tế", "Phường Tân Hòa", ""],
        ["II", "HUYỆN ĐÀ BẮC (17 xã)", None, None, None, None],
        [2, "Nguyễn Văn An", "Giám đốc", "Sở Tài chính", "Xã Cao Sơn", ""],
        [3, "Lê Đức Cường", "Trưởng ban", "Ban Tổ chức Tỉnh ủy", "Đoàn Kết", ""],
        ["III. HUYỆN LƯƠNG SƠN", None, None, None, None, None],
        [4, "Phạm Minh Dũng", "Phó Giám đốc", "Sở Xây dựng", "xã cao sơn", ""],
        ["Tổng cộng: 4 xã, phường, thị trấn", None, None, None, None, None],
        [None, None, None, None, "T/M BAN THƯỜNG VỤ"],
        [None, None, None, None, "Nguyễn Văn X"],
    ]
    path = xlsx(tmp_path / "annex.xlsx", rows, merges=["A8:F8", "A13:F13", "A15:F15"])
    items = imported(ledger, path, "--decision", "718-QĐ/TU")
    got = {(i["commune"], i["district"]): i for i in items}
    assert set(got) == {
        ("Phường Tân Hòa", "Thành phố Hòa Bình"),
        ("Xã Cao Sơn", "Huyện Đà Bắc"),
        ("Xã Đoàn Kết", "Huyện Đà Bắc"),
        ("Xã Cao Sơn", "Huyện Lương Sơn"),
    }
    first = got[("Xã Cao Sơn", "Huyện Đà Bắc")]
    assert first["cadre"] == "Nguyễn Văn An" and first["agency"] == "Sở Tài chính"
    assert first["start"] == "2022-12-14" and first["end"] is None and first["decision"] == "718-QĐ/TU"


def test_district_column_merged_down_and_two_row_header(ledger, tmp_path):
    rows = [
        ["DANH SÁCH"],
        ["TT", "Cán bộ theo dõi", None, None, "Địa bàn", None],
        [None, "Họ và tên", "Chức vụ", "Cơ quan", "Huyện/thành phố", "Xã/phường/thị trấn"],
        [1, "Nguyễn Văn An", "Giám đốc", "Sở Tài chính", "Huyện Đà Bắc", "Cao Sơn"],
        [2, "Trần Thị Bình", "Giám đốc", "Sở Y tế", None, "Đoàn Kết"],
        [3, "Lê Đức Cường", "Giám đốc", "Sở Nội vụ", "H. Lương Sơn", "Cao Sơn"],
    ]
    path = xlsx(tmp_path / "district-column.xlsx", rows, merges=["B2:D2", "E2:F2", "E4:E5"])
    items = imported(ledger, path)
    assert {(i["commune"], i["district"]) for i in items} == {
        ("Xã Cao Sơn", "Huyện Đà Bắc"),
        ("Xã Đoàn Kết", "Huyện Đà Bắc"),
        ("Xã Cao Sơn", "Huyện Lương Sơn"),
    }


@pytest.mark.parametrize(
    "header",
    [
        HEADER,
        [h.upper() for h in HEADER],
        ["stt", "ho va ten", "chuc vu", "co quan don vi cong tac", "xa, phuong, thi tran", "huyen, thanh pho", "ghi chu"],
        [unicodedata.normalize("NFD", h) for h in HEADER],
        ["Số TT", "Họ tên", "Chức danh", "Đơn vị công tác", "Tên xã", "Huyện", "Ghi chú"],
        ["TT", "Họ và tên cán bộ lãnh đạo", "Chức vụ hiện tại", "Cơ quan công tác", "Đơn vị được phân công theo dõi",
         "Đơn vị hành chính cấp huyện", "Ghi chú"],
        ["STT", "HỌ VÀ TÊN", "CHỨC VỤ", "CƠ QUAN, ĐƠN VỊ", "XÃ, PHƯỜNG, THỊ TRẤN\n(địa bàn theo dõi)",
         "HUYỆN, THỊ XÃ, THÀNH PHỐ", "GHI CHÚ"],
    ],
)
def test_header_variants(ledger, tmp_path, header):
    path = xlsx(tmp_path / "h.xlsx", [header] + assignment_rows(PAIRS))
    assert len(imported(ledger, path)) == 3


@pytest.mark.parametrize(
    "commune",
    [
        "Xã Hiền Lương",
        "hien luong",
        "X. HIỀN LƯƠNG",
        "  Xã   Hiền Lương ",
        unicodedata.normalize("NFD", "Xã Hiền Lương"),
    ],
)
def test_commune_spellings(ledger, tmp_path, commune):
    path = xlsx(tmp_path / "s.xlsx", [HEADER, [1, "A", "B", "C", commune, "", ""]])
    assert codes(imported(ledger, path)) == ["4885"] or imported(ledger, path)[0]["commune"] == "Xã Hiền Lương"


def test_tone_styles_match(ledger, tmp_path):
    path = xlsx(tmp_path / "t.xlsx", [HEADER, [1, "A", "B", "C", "Phường Tân Hoà", "TP. Hoà Bình", ""],
                                      [2, "D", "E", "F", "Mông Hoá", "", ""]])
    assert {i["commune"] for i in imported(ledger, path)} == {"Phường Tân Hòa", "Xã Mông Hóa"}


def test_code_column(ledger, tmp_path):
    path = xlsx(tmp_path / "c.xlsx", [["Họ và tên", "Cơ quan", "Mã ĐVHC", "Xã"], ["A", "B", "04858", "Đoàn Kết"], ["C", "D", 4876, None]])
    assert codes(imported(ledger, path)) == ["4858", "4876"]


@pytest.mark.parametrize("bom, delimiter", [(True, ","), (False, ","), (True, ";"), (False, "\t")])
def test_csv(ledger, tmp_path, bom, delimiter):
    path = csv_file(tmp_path / "list.csv", TITLE + [HEADER] + assignment_rows(PAIRS), bom=bom, delimiter=delimiter)
    assert len(imported(ledger, path)) == 3


def test_csv_in_utf16_as_excel_saves_unicode_text(ledger, tmp_path):
    path = tmp_path / "list.csv"
    rows = [HEADER] + assignment_rows(PAIRS)
    path.write_bytes("\r\n".join("\t".join(str(v) for v in r) for r in rows).encode("utf-16"))
    assert len(imported(ledger, path)) == 3


def test_legacy_xls_with_merged_section_rows(ledger, tmp_path):
    rows = [["DANH SÁCH", None, None, None, None, None, None], HEADER,
            ["I. HUYỆN ĐÀ BẮC", None, None, None, None, None, None],
            [1, "Nguyễn Văn An", "Giám đốc", "Sở Tài chính", "Cao Sơn", None, None],
            ["II. HUYỆN LƯƠNG SƠN", None, None, None, None, None, None],
            [2, "Trần Thị Bình", "Giám đốc", "Sở Y tế", "Cao Sơn", None, None]]
    path = xls(tmp_path / "old.xls", rows, merges=[(2, 2, 0, 6), (4, 4, 0, 6)])
    items = imported(ledger, path)
    assert {i["district"] for i in items} == {"Huyện Đà Bắc", "Huyện Lương Sơn"}


def test_full_list_semantics_over_several_dates(ledger, tmp_path):
    first = xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows(PAIRS))
    imported(ledger, first, effective="14/12/2022")
    # 15/10/2023: An leaves Hiền Lương (Dũng takes it), Cường's commune is dropped.
    second = xlsx(tmp_path / "b.xlsx", [HEADER] + assignment_rows(
        [("Phạm Minh Dũng", "Sở Xây dựng", "Xã Hiền Lương"), PAIRS[1]]))
    # It ends two of the three assignments in force: a complete new list says so.
    assert "--complete" in refused(ledger, second, effective="15/10/2023")
    items = imported(ledger, second, "--complete", effective="15/10/2023")
    by = {(i["commune"], i["cadre"]): i for i in items}
    assert by[("Xã Hiền Lương", "Nguyễn Văn An")]["end"] == "2023-10-14"
    assert by[("Xã Hiền Lương", "Phạm Minh Dũng")]["start"] == "2023-10-15"
    assert by[("Phường Tân Hòa", "Trần Thị Bình")]["end"] is None
    assert by[("Phường Tân Hòa", "Trần Thị Bình")]["start"] == "2022-12-14"
    assert by[("Xã Mông Hóa", "Lê Đức Cường")]["end"] == "2023-10-14"
    on_day = ledger.json("list", "assignments", "--on", "14/10/2023")
    assert {i["cadre"] for i in on_day} == {"Nguyễn Văn An", "Trần Thị Bình", "Lê Đức Cường"}
    in_2024 = ledger.json("list", "assignments", "--year", "2024")
    assert {i["cadre"] for i in in_2024} == {"Phạm Minh Dũng", "Trần Thị Bình"}
    # An earlier list imported after a later one is refused, not merged.
    before = snapshot(ledger.db)
    result = ledger("import", "assignments", first, "--effective", "01/06/2023")
    assert result.exit_code == 2 and snapshot(ledger.db) == before


def test_amend_changes_only_listed_communes(ledger, tmp_path):
    imported(ledger, xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows(PAIRS)))
    change = xlsx(tmp_path / "amend.xlsx", [HEADER] + assignment_rows([("Phạm Minh Dũng", "Sở Xây dựng", "Mông Hóa")]))
    items = imported(ledger, change, "--amend", effective="01/03/2024")
    current = ledger.json("list", "assignments", "--on", "01/03/2024")
    assert {i["cadre"] for i in current} == {"Nguyễn Văn An", "Trần Thị Bình", "Phạm Minh Dũng"}
    assert len(items) == 4


def test_same_file_same_date_twice_changes_nothing(ledger, tmp_path):
    path = xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows(PAIRS))
    imported(ledger, path)
    before = snapshot(ledger.db)
    result = ledger("import", "assignments", path, "--effective", "2022-12-14")
    assert result.exit_code == 0 and "Nothing to change" in result.stdout
    assert snapshot(ledger.db) == before


def test_a_cadre_is_the_same_person_when_name_and_agency_match(ledger, tmp_path):
    path = xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows(
        [("Nguyễn Văn An", "Sở Tài chính", "Hiền Lương"), ("NGUYỄN VĂN AN", "Sở Tài chính", "Tân Hòa"),
         ("Nguyễn Văn An", "Sở Y tế", "Mông Hóa")]))
    imported(ledger, path)
    import sqlite3

    assert sqlite3.connect(ledger.db).execute("SELECT COUNT(*) FROM cadres").fetchone()[0] == 2


def test_dry_run_reports_and_writes_nothing(ledger, tmp_path):
    path = xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows(PAIRS))
    before = snapshot(ledger.db)
    result = ledger("import", "assignments", path, "--effective", "14/12/2022", "--dry-run")
    assert result.exit_code == 0 and "3 new" in result.stdout and "Nothing written" in result.stdout
    assert snapshot(ledger.db) == before


def refused(ledger, path, *extra, effective="14/12/2022"):
    return ledger.refused("import", "assignments", path, "--effective", effective, *extra)


def test_every_problem_is_listed_at_once(ledger, tmp_path):
    rows = [HEADER] + assignment_rows([
        ("Nguyễn Văn An", "Sở Tài chính", "Hiền Lươn"),  # unknown: suggestion
        ("Trần Thị Bình", "Sở Y tế", "Cao Sơn"),  # ambiguous
        ("", "Sở Y tế", "Tân Hòa"),  # no name
        ("Lê Đức Cường", "Sở Nội vụ", "Xã Mông Hóa"),
        ("Lê Văn Em", "Sở Nội vụ", "Mông Hoá"),  # the same commune twice
    ])
    err = refused(ledger, xlsx(tmp_path / "bad.xlsx", rows, sheet="DS"))
    assert "4 problem" in err
    assert "Hiền Lương" in err  # the nearest match
    assert "Huyện Đà Bắc" in err and "Huyện Lương Sơn" in err  # candidates
    assert "DS" in err and "Hiền Lươn" in err


@pytest.mark.parametrize(
    "name, content",
    [
        ("list.txt", b"some text"),
        ("broken.xlsx", b"PK\x03\x04 this is not a zip"),
        ("random.xlsx", bytes(range(256)) * 4),
        ("fake.xls", b"<html><table></table></html>"),
        ("empty.csv", b""),
        ("legacy.csv", b"STT,Ho\xf2 va\xcc t\xean,X\xe3\n1,Nguy\xeaen,Hi\xeau\n"),  # Windows-1258 bytes
    ],
)
def test_broken_files_are_refused_clearly(ledger, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert refused(ledger, path)


def test_header_only_is_refused(ledger, tmp_path):
    assert "no assignment rows" in refused(ledger, xlsx(tmp_path / "e.xlsx", TITLE + [HEADER]))


def test_bad_effective_date_is_refused(ledger, tmp_path):
    path = xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows(PAIRS))
    assert "31/02/2023" in refused(ledger, path, effective="31/02/2023")
    assert refused(ledger, path, effective="12/13/2023")


def test_missing_file_and_sheet(ledger, tmp_path):
    assert refused(ledger, tmp_path / "nope.xlsx")
    path = xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows(PAIRS))
    assert "Sheet1" in refused(ledger, path, "--sheet", "Nope")


def test_sheet_option_reads_only_that_sheet(ledger, tmp_path):
    path = xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows(PAIRS[:1]),
                extra={"Khác": [HEADER] + assignment_rows(PAIRS[1:])})
    assert len(imported(ledger, path, "--sheet", "Khác")) == 2


def test_errors_in_vietnamese_by_default(ledger, tmp_path):
    path = xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows([("A", "B", "Cao Sơn")]))
    result = ledger("import", "assignments", path, "--effective", "14/12/2022", lang="vi")
    assert result.exit_code == 2 and "trùng nhiều đơn vị" in result.stderr


def test_honorifics_are_not_part_of_a_name(ledger, tmp_path):
    first = xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows([("Đồng chí Nguyễn Văn An", "Sở Tài chính", "Hiền Lương")]))
    imported(ledger, first)
    again = xlsx(tmp_path / "b.xlsx", [HEADER] + assignment_rows([("Đ/c Nguyễn Văn An", "Sở Tài chính", "Hiền Lương")]))
    items = imported(ledger, again, effective="01/06/2023")
    assert [(i["cadre"], i["start"], i["end"]) for i in items] == [("Nguyễn Văn An", "2022-12-14", None)]


def test_group_headings_are_skipped_and_footers_need_their_words(ledger, tmp_path):
    rows = [HEADER,
            ["A. KHỐI ĐẢNG", None, None, None, None, None, None],
            [1, "Nguyễn Văn An", "Trưởng ban", "Ban Tổ chức Tỉnh ủy", "Hiền Lương", "", ""],
            [None, "B. KHỐI CHÍNH QUYỀN", None, None, None, None, None],
            [None, "Công Văn Tuấn", "Giám đốc", "Sở Y tế", "Tân Hòa", "", ""],
            ["Cộng: 2 xã", None, None, None, None, None, None],
            [None, "Lê Văn Sau", "Giám đốc", "Sở Y tế", "Mông Hóa", "", ""]]
    path = xlsx(tmp_path / "groups.xlsx", rows, merges=["A2:G2"])
    items = imported(ledger, path)
    assert sorted(i["cadre"] for i in items) == ["Công Văn Tuấn", "Nguyễn Văn An"]


def test_a_row_with_only_a_commune_is_reported_not_skipped(ledger, tmp_path):
    rows = [HEADER, [1, "Nguyễn Văn An", "Trưởng ban", "Ban Tổ chức", "Hiền Lương", "", ""],
            [2, "", "", "", "Tân Hòa", "", ""]]
    assert "name is missing" in refused(ledger, xlsx(tmp_path / "c.xlsx", rows))


def test_a_sheet_per_district_and_hidden_sheets(ledger, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    first.title = "Đà Bắc"
    for row in [HEADER[:5], [1, "Nguyễn Văn An", "Giám đốc", "Sở Tài chính", "Cao Sơn"]]:
        first.append(row)
    second = wb.create_sheet("H. Lương Sơn")
    for row in [HEADER[:5], [1, "Trần Thị Bình", "Giám đốc", "Sở Y tế", "Cao Sơn"]]:
        second.append(row)
    old = wb.create_sheet("Cũ")
    for row in [HEADER[:5], [1, "Lê Cũ", "Giám đốc", "Sở Cũ", "Hiền Lương"]]:
        old.append(row)
    old.sheet_state = "hidden"
    path = tmp_path / "per-district.xlsx"
    wb.save(path)
    items = imported(ledger, path)
    assert {(i["cadre"], i["district"]) for i in items} == {
        ("Nguyễn Văn An", "Huyện Đà Bắc"), ("Trần Thị Bình", "Huyện Lương Sơn")}


@pytest.mark.parametrize("commune_header", ["Tên đơn vị hành chính", "Đảng bộ xã, phường, thị trấn", "Địa bàn được phân công theo dõi"])
def test_more_commune_headers(ledger, tmp_path, commune_header):
    rows = [["STT", "Đồng chí", "Chức vụ, đơn vị công tác", commune_header],
            [1, "Nguyễn Văn An", "Giám đốc Sở Tài chính", "Hiền Lương"]]
    items = imported(ledger, xlsx(tmp_path / "h.xlsx", rows))
    # "Chức vụ, đơn vị công tác" holds both: the title and the agency it heads.
    assert [(i["cadre"], i["position"], i["agency"], i["commune"]) for i in items] == [
        ("Nguyễn Văn An", "Giám đốc", "Sở Tài chính", "Xã Hiền Lương")]


# --- a list imported as complete that would end most of the province asks first -----------

from pathlib import Path  # noqa: E402

from openpyxl import load_workbook  # noqa: E402

from conftest import REPO  # noqa: E402

SAMPLE_LIST = REPO / "src" / "cadretrack" / "data" / "sample" / "718-QD-TU-phan-cong.xlsx"
AMENDMENT_TITLE = "DANH SÁCH ĐIỀU CHỈNH PHÂN CÔNG CÁN BỘ THEO DÕI XÃ, PHƯỜNG, THỊ TRẤN"


def sample_rows() -> list[list]:
    """The bundled 718 list's data rows (name, position, agency, commune, district): 151."""
    rows = list(load_workbook(SAMPLE_LIST).worksheets[0].iter_rows(values_only=True))
    district, out = "", []
    for row in rows[9:]:
        if row[0] and not row[1] and str(row[0])[:1] in "IVX":
            district = str(row[0]).split(".", 1)[1].split("(")[0].strip()
            continue
        if isinstance(row[0], int) and row[1]:
            out.append([row[1], row[2], row[3], row[4], district])
    assert len(out) == 151
    return out


def a_list(path: Path, rows: list[list], title: str = "DANH SÁCH PHÂN CÔNG CÁN BỘ THEO DÕI XÃ") -> Path:
    header = ["STT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị công tác", "Xã, phường, thị trấn",
              "Huyện, thành phố"]
    return xlsx(path, [["TỈNH ỦY HÒA BÌNH"], ["PHỤ LỤC"], [title], [], header]
                + [[i, *r] for i, r in enumerate(rows, start=1)])


@pytest.fixture
def province(ledger):
    """The sample province: 151 assignments in force from 14/12/2022."""
    imported(ledger, SAMPLE_LIST)
    return ledger


def three_changes(path: Path, title: str = AMENDMENT_TITLE) -> tuple[Path, set[str]]:
    """An amending decision: three communes change hands."""
    rows = [["Người Mới Một", "Phó Giám đốc", "Sở Nội vụ", *sample_rows()[0][3:]],
            ["Người Mới Hai", "Phó Giám đốc", "Sở Nội vụ", *sample_rows()[40][3:]],
            ["Người Mới Ba", "Phó Giám đốc", "Sở Nội vụ", *sample_rows()[90][3:]]]
    return a_list(path, rows, title), {r[3] for r in rows}


def in_force(cli, day: str) -> dict[str, str]:
    return {i["commune_code"]: i["cadre"] for i in cli.json("list", "assignments", "--on", day)}


def test_the_three_row_amendment_without_amend_is_refused_and_writes_nothing(province, tmp_path):
    path, _ = three_changes(tmp_path / "dieu-chinh.xlsx")
    before = province.db.read_bytes()
    backups = sorted(p.name for p in province.db.parent.rglob("*.db"))
    for lang in ("vi", "en"):
        result = province("import", "assignments", path, "--effective", "01/03/2024", lang=lang)
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert "--amend" in result.stderr and "--complete" in result.stderr and AMENDMENT_TITLE in result.stderr
        assert province.db.read_bytes() == before
        assert sorted(p.name for p in province.db.parent.rglob("*.db")) == backups  # not even a backup
    vi = province("import", "assignments", path, "--effective", "01/03/2024", lang="vi").stderr
    assert "danh sách điều chỉnh" in vi and "151" in vi and vi.count("Lỗi") == 1


def test_the_three_row_amendment_with_amend_changes_three_communes_only(province, tmp_path):
    path, communes = three_changes(tmp_path / "dieu-chinh.xlsx")
    before = in_force(province, "01/03/2024")
    province.ok("import", "assignments", path, "--effective", "01/03/2024", "--amend")
    after = in_force(province, "01/03/2024")
    assert before.keys() == after.keys() and len(after) == 151
    changed = {code for code in after if after[code] != before[code]}
    assert len(changed) == 3 and {after[c] for c in changed} == {"Người Mới Một", "Người Mới Hai", "Người Mới Ba"}


def test_a_full_list_ending_most_of_the_province_needs_complete(province, tmp_path):
    rows = sample_rows()
    path = a_list(tmp_path / "ten.xlsx", rows[:10])  # ends 141 of 151
    before = province.db.read_bytes()
    err = province.refused("import", "assignments", path, "--effective", "01/03/2024")
    assert "141" in err and "151" in err and "--amend" in err and "--complete" in err
    # A dry run says the same, after showing what would change, and writes nothing.
    dry = province("import", "assignments", path, "--effective", "01/03/2024", "--dry-run")
    assert dry.exit_code == 2 and "--complete" in dry.stderr and province.db.read_bytes() == before
    province.ok("import", "assignments", path, "--effective", "01/03/2024", "--complete")
    assert len(in_force(province, "01/03/2024")) == 10


def test_a_full_list_ending_half_or_less_goes_ahead(province, tmp_path):
    rows = sample_rows()
    province.ok("import", "assignments", a_list(tmp_path / "half.xlsx", rows[:76]), "--effective", "01/03/2024")
    assert len(in_force(province, "01/03/2024")) == 76  # 75 of 151 ended: not more than half


@pytest.mark.parametrize("title", ["DANH SÁCH ĐIỀU CHỈNH PHÂN CÔNG", "Danh sach bo sung can bo theo doi xa",
                                   "danh sách sửa đổi, bổ sung phân công", "DANH SÁCH ĐIỀU CHỈNH"])
def test_a_title_that_says_amendment_is_refused_whatever_it_ends(province, tmp_path, title):
    path = a_list(tmp_path / "all-but-one.xlsx", sample_rows()[1:], title)  # ends one of 151
    err = province.refused("import", "assignments", path, "--effective", "01/03/2024")
    assert title in err and "--amend" in err
    province.ok("import", "assignments", path, "--effective", "01/03/2024", "--complete")
    assert len(in_force(province, "01/03/2024")) == 150


def test_an_amendment_that_ends_nothing_and_a_first_list_go_ahead(ledger, tmp_path):
    path, _ = three_changes(tmp_path / "dieu-chinh.xlsx")
    ledger.ok("import", "assignments", path, "--effective", "01/03/2024")  # an empty ledger: nothing ends
    ledger.ok("import", "assignments", path, "--effective", "01/03/2024")  # again: nothing to change
    assert len(in_force(ledger, "01/03/2024")) == 3


def test_amend_and_complete_exclude_each_other(province, tmp_path):
    path, _ = three_changes(tmp_path / "dieu-chinh.xlsx")
    assert "--complete" in province.refused("import", "assignments", path, "--effective", "01/03/2024",
                                            "--amend", "--complete")


def test_a_word_annex_titled_as_an_amendment_is_refused(province, tmp_path):
    from docx import Document

    doc = Document()
    doc.add_paragraph("TỈNH ỦY HÒA BÌNH")
    doc.add_paragraph(AMENDMENT_TITLE)
    table = doc.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, ["STT", "Họ và tên", "Chức vụ, đơn vị công tác",
                                                "Xã, phường, thị trấn", "Huyện, thành phố"]):
        cell.text = text
    row = table.add_row().cells
    for cell, text in zip(row, ["1", "Người Mới", "Giám đốc Sở Nội vụ", *sample_rows()[0][3:]]):
        cell.text = str(text)
    path = tmp_path / "dieu-chinh.docx"
    doc.save(path)
    assert AMENDMENT_TITLE in province.refused("import", "assignments", path, "--effective", "01/03/2024")
    province.ok("import", "assignments", path, "--effective", "01/03/2024", "--amend")


def test_complete_is_in_the_help(cli):
    for lang in ("vi", "en"):
        assert "--complete" in cli("import", "assignments", "--help", lang=lang).stdout


def test_the_same_list_with_title_and_agency_in_one_column_changes_nothing(province, tmp_path):
    """The annex's two columns (Chức vụ | Cơ quan) or one (Chức vụ, đơn vị công tác) say the
    same: no title is reported changed, the ledger is not written."""
    header = ["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Xã, phường, thị trấn", "Huyện, thành phố"]
    rows = [[i, name, position if agency.casefold() in position.casefold() else f"{position} {agency}",
             commune, district] for i, (name, position, agency, commune, district) in enumerate(sample_rows(), 1)]
    path = xlsx(tmp_path / "mot-cot.xlsx", [["PHỤ LỤC"], header] + rows)
    before = province.db.read_bytes()
    result = province("import", "assignments", path, "--effective", "14/12/2022", lang="en")
    assert result.exit_code == 0 and "Nothing to change" in result.stdout, result.stdout
    assert province.db.read_bytes() == before
    # A title that did change is still one.
    rows[0][2] = "Phó " + rows[0][2]  # "Phó Trưởng ban Ban Tổ chức Tỉnh ủy": the same agency
    changed = province("import", "assignments", xlsx(tmp_path / "b.xlsx", [["PHỤ LỤC"], header] + rows),
                       "--effective", "14/12/2022", "--dry-run", lang="en")
    assert "1 position updated, 150 unchanged" in changed.stdout, changed.stdout


def test_an_agency_written_by_its_initials_is_one_agency_shown_spelled_out(ledger, tmp_path):
    """'Bộ CHQS tỉnh' in one list and 'Bộ Chỉ huy Quân sự tỉnh' in the next: one cadre, one agency."""
    first = xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows(
        [("Nguyễn Văn An", "Bộ CHQS tỉnh", "Hiền Lương"), ("Lê Văn Bình", "Bộ Chỉ huy Quân sự tỉnh", "Tân Hòa")]))
    imported(ledger, first)
    again = xlsx(tmp_path / "b.xlsx", [HEADER] + assignment_rows(
        [("Nguyễn Văn An", "Bộ Chỉ huy Quân sự tỉnh", "Hiền Lương"), ("Lê Văn Bình", "Bộ CHQS tỉnh", "Tân Hòa")]))
    before = ledger.db.read_bytes()
    result = ledger("import", "assignments", again, "--effective", "14/12/2022", lang="en")
    assert result.exit_code == 0 and "Nothing to change" in result.stdout, result.stdout
    assert ledger.db.read_bytes() == before
    assert {i["agency"] for i in ledger.json("list", "assignments")} == {"Bộ Chỉ huy Quân sự tỉnh"}
