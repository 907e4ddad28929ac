"""The Standing Committee members in charge: the division of work in every shape an office
writes it, in time (a change mid-year, an amendment, undo, the reform), and in `check`."""

from __future__ import annotations

from collections import Counter

import pytest
from docx import Document

from conftest import GAZETTEERS, REPO, succeeded
from sheets import csv_file, xlsx

SAMPLE_LIST = REPO / "data" / "sample" / "718-QD-TU-phan-cong.xlsx"
HEADER = ["STT", "Họ và tên", "Chức vụ", "Địa bàn phụ trách"]
TITLE = [["TỈNH ỦY HÒA BÌNH"], ["PHÂN CÔNG NHIỆM VỤ CÁC ĐỒNG CHÍ ỦY VIÊN BAN THƯỜNG VỤ TỈNH ỦY"], []]
# Hòa Bình's ten district-level units, among four members.
DIVISION = [
    [1, "Đồng chí Bùi Văn Tỉnh", "Bí thư Tỉnh ủy", "Đảng bộ thành phố Hòa Bình"],
    [2, "Nguyễn Phi Long", "Phó Bí thư Tỉnh ủy", "Đảng bộ huyện Đà Bắc, huyện Mai Châu và huyện Tân Lạc"],
    [3, "Trần Thị Hoa", "Trưởng Ban Tổ chức Tỉnh ủy", "Huyện Lương Sơn; huyện Kim Bôi; huyện Cao Phong"],
    [4, "Lê Văn Mạnh", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "Huyện Lạc Sơn, huyện Yên Thủy, huyện Lạc Thủy"],
]


def division(path, rows=DIVISION):
    return xlsx(path, TITLE + [HEADER] + rows)


@pytest.fixture
def province(ledger):
    succeeded(ledger("import", "assignments", SAMPLE_LIST, "--effective", "14/12/2022"))
    return ledger


def test_districts_mean_all_their_communes_and_check_names_the_member(province, tmp_path):
    cli = province
    succeeded(cli("import", "members", division(tmp_path / "pc.xlsx"), "--effective", "01/01/2023",
                  "--decision", "01-QĐ/TU"))
    listed = cli.json("list", "members")
    assert len(listed) == 151  # every commune of the ten districts, one member each
    by_member = Counter(i["member"] for i in listed)
    assert set(by_member) == {"Bùi Văn Tỉnh", "Nguyễn Phi Long", "Trần Thị Hoa", "Lê Văn Mạnh"}
    assert {i["district"] for i in listed if i["member"] == "Nguyễn Phi Long"} == {
        "Huyện Đà Bắc", "Huyện Mai Châu", "Huyện Tân Lạc"}
    assert {(i["start"], i["end"], i["decision"]) for i in listed} == {("2023-01-01", None, "01-QĐ/TU")}
    data = cli.json("check", "--year", "2023", "--as-of", "31/12/2023", "--all")
    assert all(i["member"] for i in data["items"])
    tan_hoa = [i for i in data["items"] if i["commune"] == "Phường Tân Hòa"]
    assert {(i["member"], i["member_position"]) for i in tan_hoa} == {("Bùi Văn Tỉnh", "Bí thư Tỉnh ủy")}
    csv_text = cli("check", "--year", "2023", "--as-of", "31/12/2023", "--all", "--format", "csv").stdout
    assert "member,member_position" in csv_text.splitlines()[0] and "Bùi Văn Tỉnh" in csv_text
    table = cli("check", "--year", "2023", "--as-of", "31/12/2023", lang="vi").stdout
    assert "UVBTV phụ trách" in table
    # The list to chase as a workbook carries the member too, row for row as the JSON.
    from openpyxl import load_workbook

    book = tmp_path / "danh-sach.xlsx"
    assert cli("check", "--year", "2023", "--as-of", "31/12/2023", "--all", "--output", book).exit_code == 1  # overdue
    ws = load_workbook(book).active
    head = next(r for r in ws.iter_rows(values_only=True) if r[0] == "STT")
    column = head.index("UVBTV phụ trách")
    rows = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert [r[column] for r in rows] == [i["member"] for i in data["items"]]


def test_a_check_before_any_member_has_null_members(province):
    data = province.json("check", "--year", "2023", "--as-of", "31/12/2023", "--all")
    assert {(i["member"], i["member_position"]) for i in data["items"]} == {(None, None)}


def test_a_change_of_member_mid_year_and_undo(province, tmp_path):
    cli = province
    succeeded(cli("import", "members", division(tmp_path / "pc.xlsx"), "--effective", "01/01/2023"))
    change = csv_file(tmp_path / "dc.csv", [HEADER, [1, "Đinh Công Sứ", "Phó Bí thư Tỉnh ủy", "Huyện Đà Bắc"]])
    succeeded(cli("import", "members", change, "--effective", "01/07/2023", "--amend", "--decision", "05-QĐ/TU"))
    items = cli.json("check", "--year", "2023", "--as-of", "31/12/2023", "--all")["items"]
    da_bac = {(i["kind"], i["member"]) for i in items if i["district"] == "Huyện Đà Bắc"}
    # The program was due on 31/01 (the old member's); the report and evaluation in December.
    assert da_bac == {("program", "Nguyễn Phi Long"), ("report", "Đinh Công Sứ"), ("evaluation", "Đinh Công Sứ")}
    mai_chau = {i["member"] for i in items if i["district"] == "Huyện Mai Châu"}
    assert mai_chau == {"Nguyễn Phi Long"}  # an amendment changes only what it lists
    on_may = cli.json("list", "members", "--on", "31/05/2023")
    assert {i["member"] for i in on_may if i["district"] == "Huyện Đà Bắc"} == {"Nguyễn Phi Long"}
    whole = cli.json("list", "members")
    ended = [i for i in whole if i["member"] == "Nguyễn Phi Long" and i["district"] == "Huyện Đà Bắc"]
    assert ended and {i["end"] for i in ended} == {"2023-06-30"}
    succeeded(cli("undo"))
    items = cli.json("check", "--year", "2023", "--as-of", "31/12/2023", "--all")["items"]
    assert {i["member"] for i in items if i["district"] == "Huyện Đà Bắc"} == {"Nguyễn Phi Long"}
    assert {i["end"] for i in cli.json("list", "members")} == {None}


def test_an_overlap_is_refused_naming_both(province, tmp_path):
    rows = DIVISION + [[5, "Hà Văn Nam", "Ủy viên Ban Thường vụ", "Xã Tú Lý (Đà Bắc)"]]
    path = csv_file(tmp_path / "overlap.csv", [HEADER, *rows])
    err = province.refused("import", "members", path, "--effective", "01/01/2023")
    assert "Tú Lý" in err and "Nguyễn Phi Long" in err and "Hà Văn Nam" in err
    assert province.json("list", "members") == []


def test_a_full_list_that_ends_most_is_refused_and_an_amendment_is_not(province, tmp_path):
    cli = province
    succeeded(cli("import", "members", division(tmp_path / "pc.xlsx"), "--effective", "01/01/2023"))
    one = csv_file(tmp_path / "one.csv", [HEADER, [1, "Đinh Công Sứ", "Phó Bí thư", "Huyện Lạc Sơn"]])
    err = cli.refused("import", "members", one, "--effective", "01/03/2023")
    assert "--amend" in err
    dry = succeeded(cli("import", "members", one, "--effective", "01/03/2023", "--amend", "--dry-run"))
    assert "Nothing written" in dry.stdout
    succeeded(cli("import", "members", one, "--effective", "01/03/2023", "--amend"))
    now = cli.json("list", "members", "--on", "01/03/2023")
    assert len(now) == 151
    assert {i["member"] for i in now if i["district"] == "Huyện Lạc Sơn"} == {"Đinh Công Sứ"}


def test_communes_in_one_cell_one_a_row_and_sections(province, tmp_path):
    cli = province
    rows = TITLE + [
        HEADER,
        ["I. HUYỆN ĐÀ BẮC"],
        [1, "Nguyễn Phi Long", "Phó Bí thư Tỉnh ủy", "Xã Tú Lý,\nXã Cao Sơn và Xã Hiền Lương"],
        ["II. HUYỆN LƯƠNG SƠN"],
        [2, "Trần Thị Hoa", "Trưởng Ban Tổ chức Tỉnh ủy", "Xã Cao Sơn"],
        [None, None, None, "Xã Lâm Sơn"],
        [None, None, None, "Thị trấn Lương Sơn"],
    ]
    path = xlsx(tmp_path / "cells.xlsx", rows, merges=["B8:B10", "C8:C10"])
    succeeded(cli("import", "members", path, "--effective", "01/01/2023", "--amend"))
    got = {(i["commune"], i["district"]): i["member"] for i in cli.json("list", "members")}
    assert got == {
        ("Xã Tú Lý", "Huyện Đà Bắc"): "Nguyễn Phi Long", ("Xã Cao Sơn", "Huyện Đà Bắc"): "Nguyễn Phi Long",
        ("Xã Hiền Lương", "Huyện Đà Bắc"): "Nguyễn Phi Long", ("Xã Cao Sơn", "Huyện Lương Sơn"): "Trần Thị Hoa",
        ("Xã Lâm Sơn", "Huyện Lương Sơn"): "Trần Thị Hoa", ("Thị trấn Lương Sơn", "Huyện Lương Sơn"): "Trần Thị Hoa",
    }
    # A CSV without merged cells: a row without a name continues the member above it.
    flat = csv_file(tmp_path / "rows.csv", [HEADER, [1, "Lê Văn Mạnh", "Chủ nhiệm UBKT", "Xã Mông Hóa"],
                                            ["", "", "", "Phường Tân Hòa"]])
    succeeded(cli("import", "members", flat, "--effective", "01/02/2023", "--amend"))
    got = {i["commune"]: i["member"] for i in cli.json("list", "members", "--on", "01/02/2023")}
    assert got["Xã Mông Hóa"] == got["Phường Tân Hòa"] == "Lê Văn Mạnh"


def test_a_word_table(province, tmp_path):
    doc = Document()
    doc.add_paragraph("PHÂN CÔNG NHIỆM VỤ CÁC ĐỒNG CHÍ ỦY VIÊN BAN THƯỜNG VỤ TỈNH ỦY")
    table = doc.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["TT", "Họ và tên", "Chức vụ", "Phụ trách"]):
        cell.text = text
    for row in DIVISION:
        for cell, value in zip(table.add_row().cells, row):
            cell.text = str(value)
    path = tmp_path / "pc.docx"
    doc.save(path)
    succeeded(province("import", "members", path, "--effective", "01/01/2023"))
    assert len(province.json("list", "members")) == 151


def test_an_unknown_name_is_refused_with_a_suggestion(province, tmp_path):
    rows = [[1, "Nguyễn Phi Long", "Phó Bí thư", "Huyện Đà Bắk"]]
    err = province.refused("import", "members", csv_file(tmp_path / "bad.csv", [HEADER, *rows]),
                           "--effective", "01/01/2023", lang="vi")
    assert "bad.csv" in err and "Đà Bắk" in err
    no_header = csv_file(tmp_path / "nh.csv", [["a", "b"], ["1", "2"]])
    assert "Địa bàn phụ trách" in province.refused("import", "members", no_header, "--effective", "01/01/2023",
                                                   lang="vi")


def test_check_member_counts_equal_its_items(province, tmp_path):
    cli = province
    succeeded(cli("import", "members", division(tmp_path / "pc.xlsx"), "--effective", "01/01/2023"))
    succeeded(cli("record", "program", "--year", "2023", "--date", "20/01/2023", "--commune", "Phường Tân Hòa"))
    for as_of in ("31/01/2023", "30/06/2023", "31/12/2023"):
        every = cli.json("check", "--year", "2023", "--as-of", as_of, "--all")["items"]
        mine = cli.json("check", "--year", "2023", "--as-of", as_of, "--all", "--member", "bui van tinh")
        assert Counter(i["status"] for i in every if i["member"] == "Bùi Văn Tỉnh") == Counter(
            {k: v for k, v in mine["counts"].items() if v})
        assert {i["member"] for i in mine["items"]} == {"Bùi Văn Tỉnh"}
    err = cli.refused("check", "--year", "2023", "--member", "Bùi Văn Tính X")
    assert "Bùi Văn Tỉnh" in err


def test_the_reform_old_districts_then_new_communes(province, tmp_path):
    cli = province
    succeeded(cli("import", "members", division(tmp_path / "pc.xlsx"), "--effective", "01/01/2023"))
    succeeded(cli("gazetteer", "add", GAZETTEERS / "vn-2025.csv", "--effective", "01/07/2025"))
    # After the reform a member is in charge of new communes; no district exists.
    rows = [[1, "Bùi Văn Tỉnh", "Bí thư Tỉnh ủy", "Phường Hòa Bình, Phường Tân Hòa"]]
    path = csv_file(tmp_path / "2025.csv", [HEADER, *rows])
    err = cli.refused("import", "members", path, "--effective", "01/07/2025")
    assert "--complete" in err  # it ends every old area: a complete new division, said so
    succeeded(cli("import", "members", path, "--effective", "01/07/2025", "--complete"))
    after = cli.json("list", "members", "--on", "01/07/2025")
    assert {(i["commune"], i["district"]) for i in after} == {("Phường Hòa Bình", None), ("Phường Tân Hòa", None)}
    before = cli.json("list", "members", "--on", "30/06/2025")
    assert len(before) == 151 and all(i["district"] for i in before)


def _member_sheet(path):
    from openpyxl import load_workbook

    ws = load_workbook(path)["Theo UVBTV phụ trách"]
    rows = [r for r in ws.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if r[0] == "STT")
    out = {}
    for r in rows[header + 2:]:
        if r[0] is None and r[1] != "Tổng cộng":
            break
        out[r[1].split(",")[0] if r[1] != "Tổng cộng" else "Tổng cộng"] = r
    return out


def test_check_member_equals_the_workbook_sheet_at_three_dates(province, tmp_path):
    cli = province
    succeeded(cli("import", "members", division(tmp_path / "pc.xlsx", DIVISION[:3]), "--effective", "01/01/2023"))
    change = csv_file(tmp_path / "dc.csv", [HEADER, [1, "Đinh Công Sứ", "Phó Bí thư Tỉnh ủy", "Huyện Đà Bắc"]])
    succeeded(cli("import", "members", change, "--effective", "01/07/2023", "--amend"))
    succeeded(cli("record", "program", "--year", "2023", "--date", "20/01/2023", "--commune", "Phường Tân Hòa"))
    succeeded(cli("record", "program", "--year", "2023", "--date", "20/03/2023", "--commune", "Xã Tú Lý"))
    succeeded(cli("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Xã Tú Lý"))
    kinds = ["program", "report", "evaluation"]
    for as_of in ("31/01/2023", "30/06/2023", "31/12/2023"):
        path = tmp_path / f"s-{as_of.replace('/', '')}.xlsx"
        succeeded(cli("export", "summary", "--year", "2023", "--as-of", as_of, "--output", path))
        sheet = _member_sheet(path)
        summary_total = sum(cli.json("check", "--year", "2023", "--as-of", as_of)["counts"].values())
        assert sum(sheet["Tổng cộng"][5 + 5 * k + s] for k in range(3) for s in range(4)) == summary_total
        for name in ("Bùi Văn Tỉnh", "Nguyễn Phi Long", "Trần Thị Hoa", "Đinh Công Sứ"):
            mine = cli.json("check", "--year", "2023", "--as-of", as_of, "--all", "--member", name)
            by_kind = Counter((i["kind"], i["status"]) for i in mine["items"])
            row = sheet[name]
            for k, kind in enumerate(kinds):
                got = row[5 + 5 * k: 5 + 5 * k + 4]
                assert list(got) == [by_kind[(kind, s)] for s in ("on_time", "late", "overdue", "pending")], (
                    as_of, name, kind)
        assert "Chưa phân công Ủy viên Ban Thường vụ phụ trách" in sheet  # Lạc Sơn … have none
        report = tmp_path / f"r-{as_of.replace('/', '')}.docx"
        succeeded(cli("export", "report", "--year", "2023", "--as-of", as_of, "--output", report))
        table = _report_table(report)
        for name in ("Bùi Văn Tỉnh", "Nguyễn Phi Long", "Trần Thị Hoa", "Đinh Công Sứ"):
            mine = cli.json("check", "--year", "2023", "--as-of", as_of, "--all", "--member", name)
            by_kind = Counter((i["kind"], i["status"]) for i in mine["items"])
            for k, kind in enumerate(kinds):
                row = sheet[name]
                owed, on_time, late, not_filed = table[name][k]
                assert (on_time, late, not_filed) == (by_kind[(kind, "on_time")], by_kind[(kind, "late")],
                                                      by_kind[(kind, "overdue")] + by_kind[(kind, "pending")])
                assert owed == sum(row[5 + 5 * k: 5 + 5 * k + 4])


def _report_table(path):
    """The draft report's table per member: {member: [(owed, on time, late, not filed) per kind]}."""
    doc = Document(path)
    table = next(t for t in doc.tables if t.rows[0].cells[1].text == "Đồng chí phụ trách")
    out, name = {}, None
    for r in table.rows[1:]:
        cells = [c.text for c in r.cells]
        if cells[1]:
            name = cells[1].split(",")[0]
        out.setdefault(name, []).append(tuple(int(v) for v in cells[4:8]))
    return out


def _noi_nhan(path) -> str:
    doc = Document(path)
    return next(c.text for t in doc.tables for r in t.rows for c in r.cells if c.text.startswith("Nơi nhận"))


def test_letters_name_the_member_in_charge_and_members_get_their_own(province, tmp_path):
    cli = province
    out = tmp_path / "before"
    succeeded(cli("remind", "--as-of", "15/12/2023", "--output", out))
    assert "Ủy viên Ban Thường vụ" not in _noi_nhan(next(out.glob("001-*.docx")))  # no member yet
    assert cli("remind", "--as-of", "15/12/2023", "--to", "members").exit_code == 0  # none: no letter
    succeeded(cli("import", "members", division(tmp_path / "pc.xlsx"), "--effective", "01/01/2023"))
    succeeded(cli("record", "report", "--year", "2023", "--date", "12/12/2023", "--commune", "Phường Tân Hòa"))
    out = tmp_path / "letters"
    succeeded(cli("remind", "--as-of", "15/12/2023", "--output", out))
    communes = [p for p in out.glob("*.docx") if "-dang-uy-" in p.name]
    tan_hoa = next(p for p in communes if "tan-hoa" in p.name)
    assert ("Đồng chí Bùi Văn Tỉnh, Ủy viên Ban Thường vụ Tỉnh ủy phụ trách thành phố Hòa Bình (để biết, chỉ đạo)"
            in _noi_nhan(tan_hoa))
    mine = tmp_path / "members"
    result = succeeded(cli("remind", "--as-of", "15/12/2023", "--to", "members", "--output", mine, lang="vi"))
    letters = sorted(p.name for p in mine.glob("*.docx"))
    assert letters == ["001-bui-van-tinh.docx", "002-le-van-manh.docx", "003-nguyen-phi-long.docx",
                       "004-tran-thi-hoa.docx"], result.stdout
    doc = Document(mine / "001-bui-van-tinh.docx")
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Kính gửi: Đồng chí Bùi Văn Tỉnh, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Tỉnh ủy" in text
    assert "thành phố Hòa Bình" in text and "để đồng chí biết, chỉ đạo" in text
    rows = [[c.text for c in r.cells] for r in doc.tables[1].rows[1:]]
    communes_listed = {r[3] for r in rows}
    items = cli.json("check", "--year", "2023", "--as-of", "15/12/2023", "--status", "overdue,late",
                     "--member", "Bùi Văn Tỉnh")["items"]
    items += cli.json("check", "--year", "2022", "--as-of", "15/12/2023", "--status", "overdue,late",
                      "--member", "Bùi Văn Tỉnh")["items"]
    assert len(rows) == len(items) and communes_listed == {i["commune"] for i in items}
    assert any(r[5].startswith("Nộp ngày 12/12/2023, chậm") for r in rows)  # the late report listed
    assert cli("remind", "--to", "everyone").exit_code == 2


def test_remind_member_chases_that_area_and_verify_remakes_every_kind_of_letters(province, tmp_path):
    """remind --member NAME: only the communes that member is in charge of, as check --member;
    the letters' index of --member and of --to members is verified as unedited (its stamp says
    how it was made)."""
    cli = province
    succeeded(cli("import", "members", division(tmp_path / "pc.xlsx"), "--effective", "01/01/2023"))
    mine = cli.json("check", "--year", "2023", "--as-of", "15/12/2023", "--status", "overdue,pending",
                    "--member", "Bùi Văn Tỉnh")["items"]
    out = tmp_path / "one"
    succeeded(cli("remind", "--as-of", "15/12/2023", "--within", "3660", "--member", "Bùi Văn Tỉnh", "--output", out))
    everyone = tmp_path / "all"
    succeeded(cli("remind", "--as-of", "15/12/2023", "--within", "3660", "--output", everyone))
    assert 0 < len(list(out.glob("*.docx"))) < len(list(everyone.glob("*.docx")))
    from openpyxl import load_workbook

    def listed(folder):
        ws = load_workbook(folder / "danh-sach-cong-van.xlsx").worksheets[0]
        return [c for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]

    assert all(any(i["commune"] in cell for cell in listed(out)) for i in mine)
    members = tmp_path / "members"
    succeeded(cli("remind", "--as-of", "15/12/2023", "--to", "members", "--output", members))
    for folder in (out, everyone, members):
        verified = cli("verify", folder / "danh-sach-cong-van.xlsx", lang="en")
        assert verified.exit_code == 0, (folder.name, verified.stdout, verified.stderr)


@pytest.mark.skipif(not __import__("conftest").libreoffice_has("writer"),
                    reason="LibreOffice Writer is not installed (.ci/run installs it)")
@pytest.mark.parametrize("fonts", ["installed", "dejavu"])
def test_libreoffice_prints_the_members_letter_and_the_noi_nhan(province, tmp_path, fonts):
    import re
    import shutil
    import subprocess

    from conftest import print_env

    cli = province
    succeeded(cli("import", "members", division(tmp_path / "pc.xlsx"), "--effective", "01/01/2023"))
    succeeded(cli("remind", "--as-of", "15/12/2023", "--output", tmp_path / "l"))
    succeeded(cli("remind", "--as-of", "15/12/2023", "--to", "members", "--output", tmp_path / "m"))
    letter = next(p for p in (tmp_path / "l").glob("*.docx") if "-dang-uy-" in p.name)
    for source in (letter, tmp_path / "m" / "001-bui-van-tinh.docx"):
        result = subprocess.run(
            ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
             "--outdir", str(tmp_path / "pdf"), str(source)],
            capture_output=True, text=True, timeout=180, env=print_env(fonts, tmp_path))
        pdf = tmp_path / "pdf" / (source.stem + ".pdf")
        assert result.returncode == 0 and pdf.read_bytes().startswith(b"%PDF")
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
            assert "Nơi nhận" in text and re.search(r"Ủy\s+viên\s+Ban\s+Thường\s+vụ", text), text
            assert not re.search(r"\b\d\d/\d\d/\d{1,3}\s*\n", text), text


def test_show_verify_and_difficulties_name_the_member(province, tmp_path):
    cli = province
    assert "commune-without-member" not in cli("verify").stdout  # no division of work yet: no warning
    succeeded(cli("import", "members", division(tmp_path / "pc.xlsx", DIVISION[:3]), "--effective", "01/01/2023"))
    shown = succeeded(cli("show", "--commune", "Phường Tân Hòa")).stdout
    assert "Bùi Văn Tỉnh" in shown and "01/01/2023" in shown
    findings = cli.json("verify")["findings"]
    without = {f["commune"] for f in findings if f["code"] == "commune-without-member"}
    assert len(without) == 151 - len(cli.json("list", "members", "--on", "01/01/2023"))
    assert "Xã Yên Trị" in without and "Phường Tân Hòa" not in without  # Lạc Sơn's units have no member
    said = succeeded(cli("record", "difficulty", "--commune", "Tú Lý", "--date", "01/03/2023",
                         "--text", "Đường sạt lở")).stdout
    assert "Nguyễn Phi Long" in said
    items = cli.json("difficulties", "--as-of", "10/03/2023")
    assert [i["member"] for i in items] == ["Nguyễn Phi Long"]


def test_known_on_rebuilds_the_members_of_a_past_change_set(province, tmp_path):
    """Members are written through the change sets' journal, so the ledger as known after any
    change set (--known-on, a document's stamp) has the members it had then."""
    import datetime as dt

    from cadretrack.ops.check import run_check
    from cadretrack.ops.known import known_upto
    from cadretrack.store.ledger import open_ledger

    cli = province
    succeeded(cli("import", "members", division(tmp_path / "pc.xlsx"), "--effective", "01/01/2023"))
    change = csv_file(tmp_path / "dc.csv", [HEADER, [1, "Đinh Công Sứ", "Phó Bí thư Tỉnh ủy", "Huyện Đà Bắc"]])
    succeeded(cli("import", "members", change, "--effective", "01/07/2023", "--amend"))
    db = open_ledger(cli.db, dt.datetime.now(dt.timezone.utc))
    try:
        last = db.execute("SELECT max(id) FROM changesets").fetchone()[0]
        seen = []
        for changeset in (last - 2, last - 1, last):
            known, _ = known_upto(db, changeset)
            report = run_check(known, 2023, dt.date(2023, 12, 31), include_all=True)
            seen.append({(m.member if (m := report.member_of(i)) else None) for i in report.scope
                         if i.owed.assignment.district == "Huyện Đà Bắc" and i.owed.kind == "report"})
    finally:
        db.close()
    assert seen == [{None}, {"Nguyễn Phi Long"}, {"Đinh Công Sứ"}]
