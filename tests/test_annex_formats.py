"""Assignment lists as offices send them: title and agency in one column, the annex as a
Word table (two tables, a repeated header, merged section rows and cells), .ods."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from conftest import Cli, libreoffice_has, snapshot
from sheets import xlsx

HEADER = ["TT", "Họ và tên", "Chức vụ, đơn vị công tác", "Địa bàn được phân công theo dõi"]
# (section, rows); the first cadre follows two communes (a name merged down two rows).
SECTIONS = [
    ("I. THÀNH PHỐ HÒA BÌNH", [
        ("Nguyễn Văn An", "Phó Giám đốc Sở Tài chính", "Phường Thái Bình"),
        ("Nguyễn Văn An", "Phó Giám đốc Sở Tài chính", "Phường Tân Hòa"),
        ("Trần Thị Bình", "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy", "Phương Lâm"),
        ("Lê Đức Cường", "Chánh Văn phòng Tỉnh ủy", "Xã Hòa Bình"),
    ]),
    ("II. HUYỆN ĐÀ BẮC", [
        ("Phạm Minh Dũng", "Giám đốc Sở Tài chính", "Xã Cao Sơn"),
        ("Hoàng Thị Em", "Tỉnh ủy viên, Giám đốc Sở Y tế", "Xã Hiền Lương"),
        ("Đinh Văn Phong", "Phó Trưởng Ban Thường trực Ban Dân vận Tỉnh ủy", "Xã Tú Lý"),
        ("Bùi Thị Giang", "Phó Giám đốc Sở Y tế", "Xã Đoàn Kết"),
    ]),
]
AGENCIES = {"Sở Tài chính", "Ban Tuyên giáo Tỉnh ủy", "Văn phòng Tỉnh ủy", "Sở Y tế", "Ban Dân vận Tỉnh ủy"}


def sheet_rows() -> list[list]:
    rows = [["DANH SÁCH PHÂN CÔNG CÁN BỘ THEO DÕI XÃ, PHƯỜNG, THỊ TRẤN"], [], HEADER, ["(1)", "(2)", "(3)", "(4)"]]
    n = 0
    for section, entries in SECTIONS:
        rows.append([section, section, section, section])
        for name, title, commune in entries:
            n += 1
            rows.append([n, name, title, commune])
    rows.append(["Tổng cộng: 8 xã, phường, thị trấn"])
    return rows


def word_annex(path: Path, communes: dict[str, str] | None = None) -> Path:
    """Two tables (the second repeats the header), section rows merged across, the first
    cadre's name and title merged down two rows, paragraphs above and below."""
    doc = Document()
    doc.add_paragraph("TỈNH ỦY HÒA BÌNH")
    doc.add_paragraph("PHỤ LỤC")
    doc.add_paragraph("DANH SÁCH PHÂN CÔNG CÁN BỘ THEO DÕI XÃ, PHƯỜNG, THỊ TRẤN")
    doc.add_paragraph("(Kèm theo Quyết định số 718-QĐ/TU ngày 14/12/2022)")
    n = 0
    for index, (section, entries) in enumerate(SECTIONS):
        table = doc.add_table(rows=0, cols=4)
        table.style = "Table Grid"
        for values in (HEADER, ["(1)", "(2)", "(3)", "(4)"]):
            cells = table.add_row().cells
            for c, v in zip(cells, values):
                c.text = v
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[3])
        merged.text = section
        first = None
        for name, title, commune in entries:
            n += 1
            cells = table.add_row().cells
            commune = (communes or {}).get(commune, commune)
            cells[0].text, cells[3].text = str(n), commune
            if first is not None and first[0] == name:
                for col in (1, 2):
                    top = first[1][col]
                    top.merge(cells[col])  # vertically merged: the text stays in the top cell
                continue
            cells[1].text, cells[2].text = name, title
            first = (name, cells)
        if index == 0:
            doc.add_page_break()
    doc.add_paragraph("Danh sách này có 7 đồng chí.")
    doc.save(path)
    return path


def imported(cli: Cli, path: Path) -> list[dict]:
    result = cli("import", "assignments", path, "--effective", "14/12/2022", "--decision", "718-QĐ/TU")
    assert result.exit_code == 0, result.output + result.stderr
    return cli.json("list", "assignments")


@pytest.fixture
def fresh(tmp_path):
    def make(name: str) -> Cli:
        cli = Cli(tmp_path / f"{name}.db")
        assert cli("init").exit_code == 0
        return cli
    return make


def test_title_and_agency_in_one_column_are_split(fresh, tmp_path):
    items = imported(fresh("x"), xlsx(tmp_path / "annex.xlsx", sheet_rows()))
    got = {i["commune"]: (i["cadre"], i["position"], i["agency"], i["district"]) for i in items}
    assert got["Phường Thái Bình"] == ("Nguyễn Văn An", "Phó Giám đốc", "Sở Tài chính", "Thành phố Hòa Bình")
    assert got["Phường Phương Lâm"][1:3] == ("Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban", "Ban Tuyên giáo Tỉnh ủy")
    assert got["Xã Hòa Bình"][1:3] == ("Chánh Văn phòng", "Văn phòng Tỉnh ủy")
    assert got["Xã Hiền Lương"][1:3] == ("Tỉnh ủy viên, Giám đốc", "Sở Y tế")
    assert got["Xã Tú Lý"][1:3] == ("Phó Trưởng Ban Thường trực", "Ban Dân vận Tỉnh ủy")
    assert got["Xã Cao Sơn"][3] == "Huyện Đà Bắc"  # the section row tells the two Cao Sơn apart
    assert {i["agency"] for i in items} == AGENCIES


def test_an_agency_cell_already_present_is_kept_and_an_unknown_title_warns(fresh, tmp_path):
    rows = [["STT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị", "Xã, phường, thị trấn", "Huyện, thành phố"],
            [1, "Nguyễn Văn An", "Phó Trưởng ban", "Ban Tổ chức Tỉnh ủy", "Hiền Lương", ""],
            [2, "Trần Thị Bình", "Giám đốc Sở Y tế", "", "Tú Lý", ""],
            [3, "Lê Đức Cường", "Chuyên viên cao cấp", "", "Mông Hóa", ""]]
    cli = fresh("w")
    result = cli("import", "assignments", xlsx(tmp_path / "a.xlsx", rows), "--effective", "14/12/2022")
    assert result.exit_code == 0, result.output
    assert "Chuyên viên cao cấp" in result.stdout and "1 rows have no agency" in result.stdout
    got = {i["cadre"]: (i["position"], i["agency"]) for i in cli.json("list", "assignments")}
    assert got == {"Nguyễn Văn An": ("Phó Trưởng ban", "Ban Tổ chức Tỉnh ủy"),
                   "Trần Thị Bình": ("Giám đốc", "Sở Y tế"),
                   "Lê Đức Cường": ("Chuyên viên cao cấp", "")}
    # A clerk's own titles split what the built-in list cannot.
    extra = tmp_path / "chuc-danh.txt"
    extra.write_text("Chuyên viên cao cấp\n", encoding="utf-8")
    rows[3][2] = "Chuyên viên cao cấp Văn phòng Tỉnh ủy"
    other = fresh("w2")
    result = other("import", "assignments", xlsx(tmp_path / "b.xlsx", rows), "--effective", "14/12/2022",
                   "--titles", extra)
    assert result.exit_code == 0 and "no agency" not in result.stdout
    assert {i["agency"] for i in other.json("list", "assignments")} == {
        "Ban Tổ chức Tỉnh ủy", "Sở Y tế", "Văn phòng Tỉnh ủy"}


def test_a_word_annex_imports_like_the_spreadsheet(fresh, tmp_path):
    from_xlsx = imported(fresh("x"), xlsx(tmp_path / "annex.xlsx", sheet_rows()))
    from_word = imported(fresh("w"), word_annex(tmp_path / "annex.docx"))
    assert len(from_word) == 8
    assert from_word == from_xlsx


def test_a_word_annex_with_a_bad_row_names_table_and_row_and_writes_nothing(fresh, tmp_path):
    cli = fresh("w")
    before = snapshot(cli.db)
    path = word_annex(tmp_path / "bad.docx", {"Xã Tú Lý": "Xã Tú Lý Mới"})
    result = cli("import", "assignments", path, "--effective", "14/12/2022")
    assert result.exit_code == 2 and snapshot(cli.db) == before
    # Table 2: header, column numbers, section, then Dũng, Em, Phong: row 6.
    assert "Bảng 2" in result.stderr and " 6 " in result.stderr and "Tú Lý Mới" in result.stderr


@pytest.mark.parametrize("suffix", [".doc", ".pdf"])
def test_old_word_and_pdf_are_refused_with_what_to_do(fresh, tmp_path, suffix):
    path = tmp_path / f"annex{suffix}"
    path.write_bytes(b"%PDF-1.4 or an old Word file")
    result = fresh("x")("import", "assignments", path, "--effective", "14/12/2022")
    assert result.exit_code == 2 and ".docx" in result.stderr and "Traceback" not in result.output


def test_grouping_by_agency_after_a_combined_column(fresh, tmp_path):
    cli = fresh("x")
    imported(cli, xlsx(tmp_path / "annex.xlsx", sheet_rows()))
    out = tmp_path / "letters"
    result = cli("remind", "--as-of", "01/07/2023", "--output", out)
    assert result.exit_code == 0, result.output
    letters = sorted(p.name for p in out.glob("*.docx"))
    # Every program of 2023 is overdue: one letter per agency, not per cadre.
    assert len(letters) == len(AGENCIES), letters
    workbook = tmp_path / "tong-hop.xlsx"
    assert cli("export", "summary", "--year", "2023", "--as-of", "01/07/2023", "--output", workbook).exit_code == 0
    ws = load_workbook(workbook)["Theo cơ quan"]
    names = {row[1] for row in ws.iter_rows(values_only=True) if isinstance(row[0], (int, str)) and row[1]}
    assert AGENCIES <= names and "" not in names


@pytest.mark.skipif(not libreoffice_has("calc"), reason="LibreOffice Calc is not installed (.ci/run installs it)")
def test_an_ods_saved_by_libreoffice(fresh, tmp_path):
    source = xlsx(tmp_path / "annex.xlsx", sheet_rows(), merges=["A5:D5", "A10:D10"])
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "ods",
                    "--outdir", str(tmp_path / "lo-out"), str(source)], check=True, capture_output=True, timeout=180)
    from_ods = imported(fresh("o"), tmp_path / "lo-out" / "annex.ods")
    from_xlsx = imported(fresh("x"), source)
    assert from_ods == from_xlsx and len(from_ods) == 8
    assert json.dumps(from_ods, ensure_ascii=False).count("Huyện Đà Bắc") == 4


def test_one_agency_written_several_ways_is_one_agency(fresh, tmp_path):
    """"Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo tỉnh ủy", "Trưởng ban Ban Tuyên giáo TU": one letter,
    one row of the agency table, one cadre; "UBND tỉnh" and "Ủy ban nhân dân tỉnh" too."""
    rows = [["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Xã, phường, thị trấn", "Huyện, thành phố"],
            [1, "Nguyễn Văn An", "Trưởng ban Ban Tuyên giáo Tỉnh ủy", "Hiền Lương", ""],
            [2, "Trần Thị Bình", "Phó Trưởng ban Tuyên giáo tỉnh ủy", "Tú Lý", ""],
            [3, "Nguyễn Văn An", "Trưởng ban Ban Tuyên giáo TU", "Mông Hóa", ""],
            [4, "Lê Đức Cường", "Phó Chủ tịch UBND tỉnh", "Tân Pheo", ""],
            [5, "Phạm Minh Dũng", "Phó Chủ tịch Ủy ban nhân dân tỉnh", "Giáp Đắt", ""]]
    cli = fresh("x")
    items = imported(cli, xlsx(tmp_path / "a.xlsx", rows))
    # An, written two ways, is one cadre; each agency is listed by one spelling, spelled out
    assert [i["agency"] for i in sorted(items, key=lambda i: i["cadre"])] == [
        "Ủy ban nhân dân tỉnh", "Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Ủy ban nhân dân tỉnh",
        "Ban Tuyên giáo Tỉnh ủy"]
    import sqlite3

    assert sqlite3.connect(cli.db).execute("SELECT COUNT(*) FROM cadres").fetchone()[0] == 4  # An is one cadre
    out = tmp_path / "letters"
    assert cli("remind", "--as-of", "01/07/2023", "--output", out).exit_code == 0
    letters = sorted(p.name for p in out.glob("*.docx"))
    assert len(letters) == 2, letters  # the Ban Tuyên giáo and the provincial People's Committee
    from docx import Document

    heads = {p.text for f in out.glob("*.docx") for p in Document(f).paragraphs if "Kính gửi" in p.text}
    assert any("Ban Tuyên giáo Tỉnh ủy" in h for h in heads) and any("Ủy ban nhân dân tỉnh" in h for h in heads), heads
    workbook = tmp_path / "tong-hop.xlsx"
    assert cli("export", "summary", "--year", "2023", "--as-of", "01/07/2023", "--output", workbook).exit_code == 0
    ws = load_workbook(workbook)["Theo cơ quan"]
    names = [row[1] for row in ws.iter_rows(values_only=True) if isinstance(row[0], int) and row[1]]
    assert names == ["Ban Tuyên giáo Tỉnh ủy", "Ủy ban nhân dân tỉnh"], names
    # check --agency finds every cadre of the agency, however it was typed.
    listed = cli.json("check", "--year", "2023", "--as-of", "01/07/2023", "--agency", "ban tuyen giao TU")
    assert {i["cadre"] for i in listed["items"]} == {"Nguyễn Văn An", "Trần Thị Bình"}
    # A later list writing the agency another way keeps the same cadre: nothing changes hands.
    rows[1][2] = "Trưởng ban Ban Tuyên giáo tỉnh uỷ"
    again = cli("import", "assignments", xlsx(tmp_path / "b.xlsx", rows), "--effective", "01/06/2023")
    assert again.exit_code == 0 and "Nothing to change" in again.stdout, again.output
