"""`export report`: the Board's draft report to the Standing Committee, read back as Word."""

import re
import shutil
import subprocess

import pytest
from docx import Document

from conftest import libreoffice_has, print_env, snapshot
from sheets import HEADER, SHARED_AGENCY, assignment_rows, xlsx

KINDS = ("program", "report", "evaluation")


@pytest.fixture
def year(ledger, tmp_path):
    path = xlsx(tmp_path / "list.xlsx", [HEADER] + assignment_rows(SHARED_AGENCY + [("Phạm Minh Dũng", "Sở Y tế", "Xã Tú Lý")]))
    ledger.ok("import", "assignments", path, "--effective", "14/12/2022")
    for args in (
        ("program", "--date", "20/05/2023", "--commune", "Hiền Lương"),
        ("program", "--date", "02/06/2023", "--commune", "Tân Hòa"),
        ("report", "--date", "09/12/2023", "--commune", "Hiền Lương", "--number", "5-BC"),
        ("report", "--date", "12/12/2023", "--commune", "Mông Hóa"),
        ("evaluation", "--date", "01/12/2023", "--commune", "Hiền Lương", "--rating", "HTXSNV", "--score", "95"),
        ("evaluation", "--date", "05/12/2023", "--commune", "Tân Hòa", "--rating", "HTTNV"),
    ):
        ledger.ok("record", args[0], "--year", "2023", *args[1:])
    ledger.ok("record", "difficulty", "--commune", "Mông Hóa", "--date", "05/09/2023", "--text", "Thiếu kinh phí")
    ledger.ok("record", "difficulty", "--commune", "Tú Lý", "--date", "06/09/2023", "--text", "Đường sạt lở")
    ledger.ok("resolve", "2", "--date", "20/10/2023", "--note", "Đã hỗ trợ", "--referred-to", "Sở Giao thông vận tải")
    return ledger


def report(cli, tmp_path, as_of, *extra):
    out = tmp_path / f"bao-cao-{as_of.replace('/', '')}.docx"
    result = cli.ok("export", "report", "--year", "2023", "--as-of", as_of, "--output", out, *extra)
    assert str(out.resolve()) in result.stdout
    return out, Document(out)


def text_of(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


@pytest.mark.parametrize("as_of", ["05/12/2023", "31/12/2023", "01/03/2023"])
def test_every_figure_equals_check(year, tmp_path, as_of):
    _, doc = report(year, tmp_path, as_of)
    text = text_of(doc)
    figures = doc.tables[1]  # the table of kinds, after the header block
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in figures.rows[1:]}
    everything = year.json("check", "--year", "2023", "--as-of", as_of, "--all")
    labels = {"program": "Chương trình theo dõi", "report": "Báo cáo năm", "evaluation": "Nhận xét, đánh giá"}
    for kind in KINDS:
        c = year.json("check", "--year", "2023", "--as-of", as_of, "--kind", kind, "--all")["counts"]
        owed, not_filed = sum(c.values()), c["overdue"] + c["pending"]
        row = rows[labels[kind]]
        assert [int(row[0]), int(row[1]), int(row[3]), int(row[5])] == [owed, c["on_time"], c["late"], not_filed]
        assert row[2] == (f"{100 * c['on_time'] / owed:.1f}".replace(".", ",") + "%" if owed else "-")
        prose = next(line for line in text.splitlines() if line.startswith(f"- {labels[kind]}:"))
        assert f"phải nộp {owed};" in prose and f"nộp đúng hạn {c['on_time']} " in prose
        assert f"nộp muộn {c['late']} " in prose and f"chưa nộp {not_filed} " in prose
    # Who has not filed (overdue) and who filed late: one row each, the names check gives.
    missing = [r for r in doc.tables[2].rows[1:] if r.cells[0].text.isdigit()]
    late = [r for r in doc.tables[3].rows[1:] if r.cells[0].text.isdigit()]
    for table, listed in ((doc.tables[2], missing), (doc.tables[3], late)):  # an empty list says so
        assert listed or table.rows[1].cells[1].text == "Không có"
    assert len(missing) == everything["counts"]["overdue"] and len(late) == everything["counts"]["late"]
    overdue_names = sorted(i["cadre"] for i in everything["items"] if i["status"] == "overdue")
    assert sorted(r.cells[1].text for r in missing) == overdue_names
    assignments = {(i["cadre"], i["commune_code"]) for i in everything["items"]}
    assert f"có {len(assignments)} lượt phân công" in text


def test_a_year_with_nothing_owed(year, tmp_path):
    # Nothing was owed before the regulation took effect (14/12/2022): every figure 0, every list "Không có".
    out = tmp_path / "2022.docx"
    year.ok("export", "report", "--year", "2022", "--as-of", "31/12/2022", "--output", out)
    doc = Document(out)
    assert "có 0 lượt phân công" in text_of(doc)
    for table in doc.tables[2:5]:
        assert [c.text for c in table.rows[-1].cells][1] == "Không có" and len(table.rows) == 2


def test_a_party_document(year, tmp_path):
    _, doc = report(year, tmp_path, "31/12/2023")
    left, right = doc.tables[0].rows[0].cells
    assert "TỈNH ỦY HÒA BÌNH" in left.text and "BAN TỔ CHỨC" in left.text and "*" in left.text
    assert re.search(r"Số\s+-BC/BTCTU", left.text)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in right.text
    place = next(p for p in right.paragraphs if p.text.startswith("Hòa Bình, ngày"))
    assert all(run.italic for run in place.runs if run.text.strip())
    text = text_of(doc)
    assert "BÁO CÁO" in text and "kết quả thực hiện Quy định số 26-QĐ/TU năm 2023" in text
    # Ratings of the evaluations, the difficulties of the year, the blanks left to the clerk.
    assert "2 cán bộ được xếp loại" in text and "hoàn thành xuất sắc nhiệm vụ 1 (50,0%)" in text
    assert "nêu 2 khó khăn, vướng mắc" in text and "chuyển cấp có thẩm quyền 1, còn 1 chưa giải quyết" in text
    blanks = [r for p in doc.paragraphs for r in p.runs if r.font.highlight_color is not None]
    assert len(blanks) == 2 and all(r.text.startswith("[") for r in blanks)
    body = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    assert all((r.font.name or doc.styles["Normal"].font.name) == "Times New Roman" for r in body)
    sign = doc.tables[-1].rows[0].cells
    assert "Nơi nhận" in sign[0].text and "PHÓ TRƯỞNG BAN" in sign[1].text


def test_a_boards_own_template_and_refusals(year, tmp_path):
    from docxtpl import DocxTemplate  # noqa: F401  (the template is a docxtpl document)

    own = tmp_path / "mau.docx"
    doc = Document()
    doc.add_paragraph("Năm {{ year }}: {% for k in kinds %}{{ k.label }} {{ k.owed }}/{{ k.on_time }}; {% endfor %}")
    doc.save(own)
    _, written = report(year, tmp_path, "31/12/2023", "--template", own)
    c = year.json("check", "--year", "2023", "--as-of", "31/12/2023", "--kind", "program", "--all")["counts"]
    assert f"Chương trình theo dõi {sum(c.values())}/{c['on_time']};" in text_of(written)
    before = snapshot(year.db)
    broken = tmp_path / "hong.docx"
    doc = Document()
    doc.add_paragraph("{{ year ")
    doc.save(broken)
    for args, path in (((), tmp_path / "x.pdf"), (("--template", tmp_path / "khong-co.docx"), tmp_path / "a.docx"),
                       (("--template", broken), tmp_path / "b.docx"), ((), tmp_path / "no" / "c.docx")):
        result = year("export", "report", "--year", "2023", "--output", path, *args)
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
        assert not path.exists()
    assert snapshot(year.db) == before


@pytest.mark.skipif(not libreoffice_has("writer") or not shutil.which("pdftotext"),
                    reason="LibreOffice Writer and poppler-utils are not installed (.ci/run installs them)")
@pytest.mark.parametrize("fonts", ["installed", "dejavu"])
def test_libreoffice_prints_the_report(year, tmp_path, fonts):
    out, _ = report(year, tmp_path, "31/12/2023")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "pdf"), str(out)], capture_output=True, timeout=300, check=True,
                   env=print_env(fonts, tmp_path))
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "pdf" / (out.stem + ".pdf")), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "BÁO CÁO" in text and re.search(r"\bSTT\b", text)
    assert re.search(r"Hòa Bình, ngày \d\d tháng \d+ năm \d{4}", text)  # the place and date on one line
    assert "09/12/2023" in text and not re.search(r"\b\d\d/\d\d/\d{1,3}\s*\n", text), "a date broken over two lines"
