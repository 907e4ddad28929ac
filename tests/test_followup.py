"""Follow-up: reminders and chasing letters, difficulties, meetings."""

import datetime as dt
import re
import shutil
import subprocess

import pytest
from docx import Document
from docx.shared import Cm
from openpyxl import load_workbook

from conftest import libreoffice_has, print_env, snapshot
from sheets import HEADER, SHARED_AGENCY, assignment_rows, csv_file, xlsx



@pytest.fixture
def year(ledger, tmp_path):
    path = xlsx(tmp_path / "list.xlsx", [HEADER] + assignment_rows(SHARED_AGENCY))
    assert ledger("import", "assignments", path, "--effective", "14/12/2022").exit_code == 0
    for args in (("program", "--date", "20/05/2023", "--commune", "Hiền Lương"),
                 ("report", "--date", "01/12/2023", "--commune", "Tân Hòa")):
        assert ledger("record", args[0], "--year", "2023", *args[1:]).exit_code == 0
    return ledger






def test_reminders_grouped_by_who_must_act(year, tmp_path):
    out = tmp_path / "letters"
    result = year.ok("remind", "--as-of", "01/12/2023", "--within", "14", "--output", out)
    # As of 01/12/2023: programs of Tân Hòa and Mông Hóa are overdue (due 31/05); reports and
    # evaluations due 09/12 are soon due, but for Tân Hòa's report, which is filed.
    letters = sorted(p.name for p in out.glob("*.docx"))
    # Agencies by name, then communes in the stable order (Thành phố Hòa Bình, code 148, first).
    assert letters == [
        "001-so-tai-chinh.docx", "002-so-y-te.docx",
        "003-dang-uy-phuong-tan-hoa-thanh-pho-hoa-binh.docx",
        "004-dang-uy-xa-mong-hoa-thanh-pho-hoa-binh.docx",
        "005-dang-uy-xa-hien-luong-huyen-da-bac.docx",
    ]
    finance = Document(out / "001-so-tai-chinh.docx")
    text = "\n".join(p.text for p in finance.paragraphs)
    assert "Kính gửi: Sở Tài chính" in text and "Quy định số 26-QĐ/TU" in text and "2097-CV/BTCTU" in text
    assert "01/12/2023" in text
    header = finance.tables[0].rows[0].cells
    assert "TỈNH ỦY HÒA BÌNH" in header[0].text and "BAN TỔ CHỨC" in header[0].text and "-CV/BTCTU" in header[0].text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header[1].text and "Hòa Bình, ngày" in header[1].text
    signature = finance.tables[2].rows[0].cells
    assert "Nơi nhận" in signature[0].text and "PHÓ TRƯỞNG BAN" in signature[1].text
    rows = [[c.text for c in r.cells] for r in finance.tables[1].rows[1:]]
    # Sở Tài chính: An's report (soon), Cường's program (overdue) and report (soon).
    assert len(rows) == 3
    assert {r[2] for r in rows} == {"Nguyễn Văn An", "Lê Đức Cường"}
    assert any("Quá hạn 184 ngày" == r[5] for r in rows) and any("Còn 8 ngày" == r[5] for r in rows)
    commune = Document(out / "003-dang-uy-phuong-tan-hoa-thanh-pho-hoa-binh.docx")
    # Unit words in lower case in running text.
    said = "\n".join(p.text for p in commune.paragraphs)
    assert "Kính gửi: Đảng ủy phường Tân Hòa, thành phố Hòa Bình" in said
    assert "Tính đến ngày 01/12/2023, Đảng ủy phường Tân Hòa, thành phố Hòa Bình còn" in said
    assert "theo dõi các xã, phường và" in said  # the units the ledger follows: no town among them
    section = finance.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.1) and abs(section.page_height - Cm(29.7)) < Cm(0.1)
    assert finance.styles["Normal"].font.name == "Times New Roman"
    commune = Document(out / "005-dang-uy-xa-hien-luong-huyen-da-bac.docx")
    assert "Kính gửi: Đảng ủy xã Hiền Lương, huyện Đà Bắc" in "\n".join(p.text for p in commune.paragraphs)
    assert [c.text for c in commune.tables[1].rows[1].cells][1] == "Nhận xét, đánh giá"
    index = load_workbook(out / "danh-sach-cong-van.xlsx").active
    names = [c.value for c in index["C"] if c.value and str(c.value).endswith(".docx")]
    assert sorted(names) == letters
    assert "Sở Tài chính" in result.stdout


def test_within_and_the_previous_year(year):
    result = year.ok("remind", "--as-of", "10/01/2024", "--within", "30")
    # The 2023 filings still missing are overdue; 2024 programs (due 31/01) are soon due.
    assert "2023" in result.stdout and "2024" in result.stdout
    narrow = year.ok("remind", "--as-of", "10/01/2024", "--within", "3")
    assert "Monitoring program 2024" not in narrow.stdout
    assert "Monitoring program 2024" in result.stdout and "3 due within 30 days" in result.stdout


def test_a_board_can_replace_the_template(year, tmp_path):
    template = tmp_path / "mine.docx"
    doc = Document()
    doc.add_paragraph("Gửi {{ recipient }}: {{ items|length }} việc, tính đến {{ as_of }}.")
    doc.save(template)
    out = tmp_path / "letters"
    year.ok("remind", "--as-of", "01/12/2023", "--output", out, "--template", template)
    first = Document(out / "001-so-tai-chinh.docx")
    assert first.paragraphs[0].text == "Gửi Sở Tài chính: 3 việc, tính đến 01/12/2023."
    broken = tmp_path / "broken.docx"
    doc = Document()
    doc.add_paragraph("{% for x in %}")
    doc.save(broken)
    result = year("remind", "--as-of", "01/12/2023", "--output", tmp_path / "b", "--template", broken)
    assert result.exit_code == 2 and "template" in result.stderr and "Traceback" not in result.output


@pytest.mark.skipif(not libreoffice_has("writer"), reason="LibreOffice Writer is not installed (.ci/run installs it)")
@pytest.mark.parametrize("fonts", ["installed", "dejavu"])
def test_libreoffice_prints_a_letter(year, tmp_path, fonts):
    out = tmp_path / "letters"
    year.ok("remind", "--as-of", "01/12/2023", "--output", out)
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), str(out / "001-so-tai-chinh.docx")],
        capture_output=True, text=True, timeout=180, env=print_env(fonts, tmp_path),
    )
    pdf = tmp_path / "pdf" / "001-so-tai-chinh.pdf"
    assert result.returncode == 0 and pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):  # poppler-utils (.ci/run installs it)
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        # "STT" and every due date on one line, in whatever serif font the machine has.
        assert re.search(r"\bSTT\b", text), text
        dates = re.findall(r"\b\d\d/\d\d/20\d\d\b", text)
        assert "31/05/2023" in dates and "09/12/2023" in dates, text
        assert not re.search(r"\b\d\d/\d\d/\d{1,3}\s*\n", text), text
        # The place and date line whole; every state whole ("Còn 8 ngày", not "Còn 8 / ngày").
        assert re.search(r"Hòa Bình, ngày \d\d tháng \d+ năm \d{4}", text), text
        states = [c.text for r in Document(out / "001-so-tai-chinh.docx").tables[1].rows[1:] for c in r.cells[5:]]
        assert states and all(state in text for state in states), (states, text)


def test_difficulties_raised_resolved_and_aged(year):
    year.ok("record", "difficulty", "--commune", "Hiền Lương", "--date", "01/03/2023", "--text", "Đường sạt lở",
       "--raised-by", "commune")
    year.ok("record", "difficulty", "--commune", "Tân Hòa", "--date", "10/03/2023", "--text", "Thiếu cán bộ",
       "--raised-by", "cadre", "--cadre", "Trần Thị Bình")
    year.ok("resolve", "1", "--date", "31/03/2023", "--note", "Đã hỗ trợ", "--referred-to", "Sở Giao thông vận tải")
    items = year.json("difficulties", "--as-of", "10/04/2023")
    assert [(i["id"], i["age_days"], i["resolved_on"]) for i in items] == [(2, 31, None), (1, 30, "2023-03-31")]
    assert items[1]["referred_to"] == "Sở Giao thông vận tải" and items[1]["cadre"] == "Nguyễn Văn An"
    assert [i["id"] for i in year.json("difficulties", "--open", "--as-of", "10/04/2023")] == [2]
    # Undo puts the resolution back.
    year.ok("undo")
    assert len(year.json("difficulties", "--open", "--as-of", "10/04/2023")) == 2


@pytest.mark.parametrize(
    "args, words",
    [
        (["record", "difficulty", "--commune", "Hiền Lươn", "--date", "01/03/2023", "--text", "x"], "Hiền Lương"),
        (["record", "difficulty", "--commune", "Tú Lý", "--date", "01/03/2023", "--text", "x"], "Nobody"),
        (["record", "difficulty", "--commune", "Hiền Lương", "--date", "01/03/2099", "--text", "x"], "future"),
        (["record", "difficulty", "--commune", "Hiền Lương", "--date", "01/03/2023", "--text", "x", "--raised-by", "me"], "raised-by"),
        (["record", "difficulty", "--commune", "Hiền Lương", "--date", "01/03/2023", "--text", " "], "--text"),
        (["resolve", "99", "--date", "01/03/2023"], "99"),
        (["record", "meeting", "--commune", "Hiền Lương", "--date", "01/03/2023", "--kind", "hop"], "thuong-ky"),
        (["record", "meeting", "--commune", "Hiền Lương", "--date", "01/03/2023", "--kind", "dot-xuat", "--attended", "maybe"], "attend"),
    ],
)
def test_followup_refusals(year, args, words):
    assert words in year.refused(*args)


def test_resolve_twice_or_before_raised_is_refused(year):
    year.ok("record", "difficulty", "--commune", "Hiền Lương", "--date", "01/03/2023", "--text", "x")
    assert "01/03/2023" in year.refused("resolve", "1", "--date", "01/02/2023")
    year.ok("resolve", "1", "--date", "02/03/2023")
    assert "already" in year.refused("resolve", "1", "--date", "03/03/2023")


def test_meetings_recorded_imported_and_counted_in_the_workbook(year, tmp_path):
    # Before any meeting is recorded for the year the columns are blank (not recorded), not 0.
    empty = tmp_path / "empty.xlsx"
    year.ok("export", "summary", "--year", "2023", "--as-of", "31/12/2023", "--output", empty)
    ws = load_workbook(empty)["Chi tiết"]
    first = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "STT") + 2
    listed = [r for r in ws.iter_rows(min_row=first, values_only=True) if isinstance(r[0], int)]
    assert listed and [r[-2:] for r in listed] == [(None, None)] * len(listed)
    year.ok("record", "meeting", "--commune", "Hiền Lương", "--date", "15/03/2023", "--kind", "thuong-ky",
       "--topic", "Sơ kết quý I", "--attended", "yes")
    assert "already" in year.refused("record", "meeting", "--commune", "Hiền Lương", "--date", "15/03/2023",
                                "--kind", "thuong-ky")
    rows = [["DANH SÁCH CUỘC HỌP"], [], ["STT", "Ngày họp", "Xã, phường, thị trấn", "Loại cuộc họp", "Nội dung", "Tham dự"],
            [1, dt.date(2023, 6, 1), "hien luong", "Thường kỳ", "Sơ kết 6 tháng", "Không"],
            [2, "20/07/2023", "X. Hiền Lương", "đột xuất", "Phòng chống lũ", "Có"],
            [3, "15/03/2023", "Xã Hiền Lương", "Thường kỳ", "Sơ kết quý I", "có"],
            [4, "02/08/2023", "Tân Hòa", "Thường kỳ", "", ""]]
    path = xlsx(tmp_path / "hop.xlsx", rows)
    result = year.ok("import", "meetings", path)
    assert "3 new" in result.stdout and "1 already" in result.stdout
    before = snapshot(year.db)
    assert "0 new" in year.ok("import", "meetings", path).stdout and snapshot(year.db) == before
    bad = csv_file(tmp_path / "bad.csv", [["Ngày họp", "Xã", "Loại", "Tham dự"], ["31/02/2023", "Hiền Lương", "Thường kỳ", "Có"],
                                         ["01/02/2023", "Hiền Lương", "Họp", "Có"], ["01/02/2023", "Không Có", "Thường kỳ", ""]])
    assert "3 problem" in year.refused("import", "meetings", bad)
    out = tmp_path / "x.xlsx"
    year.ok("export", "summary", "--year", "2023", "--as-of", "31/12/2023", "--output", out)
    ws = load_workbook(out)["Chi tiết"]
    start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "STT")
    header = [c.value for c in ws[start]]
    assert "Dự họp đảng ủy xã" in header
    rows = {r[1]: r for r in ws.iter_rows(min_row=start + 2, values_only=True) if r[0]}
    assert rows["Nguyễn Văn An"][-2:] == (3, 2)
    assert rows["Trần Thị Bình"][-2:] == (1, 0)


def test_difficulties_sheet_in_the_workbook(year, tmp_path):
    year.ok("record", "difficulty", "--commune", "Mông Hóa", "--date", "05/09/2023", "--text", "=Thiếu kinh phí")
    out = tmp_path / "x.xlsx"
    year.ok("export", "summary", "--year", "2023", "--as-of", "31/12/2023", "--output", out)
    ws = load_workbook(out)["Khó khăn, vướng mắc"]
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert "=Thiếu kinh phí" in values and "Xã Mông Hóa" in values and 117 in values
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_remind_again_into_the_same_folder_replaces_only_its_own_letters(year, tmp_path):
    out = tmp_path / "cong-van"
    year.ok("remind", "--as-of", "01/12/2023", "--output", out)
    first = sorted(p.name for p in out.glob("*.docx"))
    assert first
    mine = out / "ghi-chu-cua-toi.docx"
    mine.write_bytes((out / first[0]).read_bytes())  # the clerk's own file beside the letters
    # Hiền Lương's cadre files what was chased: the next run has fewer letters.
    year.ok("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Hiền Lương")
    again = year.ok("remind", "--as-of", "01/12/2023", "--output", out)
    assert f"Removed the {len(first)} letters" in again.stdout
    from cadretrack.render.letters import letters_listed

    second = sorted(p.name for p in out.glob("*.docx") if p != mine)
    assert mine.exists() and second == sorted(letters_listed(out / "danh-sach-cong-van.xlsx"))
    from docx import Document

    for name in second:
        Document(str(out / name))  # every letter left opens
    assert not list(out.glob(".*.part"))


def test_remind_checks_the_template_before_anything(year, tmp_path):
    err = year.refused("remind", "--as-of", "01/12/2023", "--output", tmp_path / "x",
                       "--template", tmp_path / "missing.docx")
    assert "missing.docx" in err and not (tmp_path / "x").exists()
    result = year("remind", "--as-of", "01/12/2023", "--output", tmp_path / "x",
                  "--template", tmp_path / "missing.docx")
    assert result.stdout == ""  # nothing printed before the refusal
