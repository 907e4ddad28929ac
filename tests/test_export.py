"""The year-end workbook: numbers that agree with `check`, the official look, safe text."""

import datetime as dt
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from conftest import libreoffice_has, print_env
from sheets import HEADER, SHARED_AGENCY, assignment_rows, csv_file, xlsx

HOSTILE = ["=1+2", "+84 912 345 678", "-5", "@SUM(A1)", "\tTab", "\rCR", "http://example.com/x", "=HYPERLINK(\"http://x\",\"y\")"]


@pytest.fixture
def year(ledger, tmp_path):
    path = xlsx(tmp_path / "list.xlsx", [HEADER] + assignment_rows(SHARED_AGENCY + [("Phạm Minh Dũng", "Sở Y tế", "Xã Tú Lý")]))
    assert ledger("import", "assignments", path, "--effective", "14/12/2022").exit_code == 0
    change = xlsx(tmp_path / "amend.xlsx", [HEADER] + assignment_rows([("Vũ Thu Hà", "Sở Nội vụ", "Tú Lý")]))
    assert ledger("import", "assignments", change, "--effective", "15/10/2023", "--amend").exit_code == 0
    for args in (
        ("program", "--date", "20/05/2023", "--commune", "Hiền Lương"),
        ("program", "--date", "02/06/2023", "--commune", "Tân Hòa"),
        ("report", "--date", "09/12/2023", "--commune", "Hiền Lương", "--number", "5-BC"),
        ("report", "--date", "12/12/2023", "--commune", "Mông Hóa"),
        ("evaluation", "--date", "01/12/2023", "--commune", "Hiền Lương", "--rating", "HTXSNV", "--score", "95"),
        ("program", "--date", "01/11/2023", "--commune", "Tú Lý", "--cadre", "Vũ Thu Hà"),
    ):
        result = ledger("record", args[0], "--year", "2023", *args[1:])
        assert result.exit_code == 0, result.output
    return ledger


def export(cli, tmp_path, as_of="05/12/2023"):
    out = tmp_path / "tong-hop.xlsx"
    result = cli("export", "summary", "--year", "2023", "--as-of", as_of, "--output", out)
    assert result.exit_code == 0, result.output
    return out, load_workbook(out)


def data_rows(ws, first_col_header="STT"):
    """Rows below the table header (the row whose first cell is STT and the next), down to
    the first empty row (the signature block follows)."""
    start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == first_col_header)
    rows = []
    for row in ws.iter_rows(min_row=start + 2, values_only=True):
        if all(v is None for v in row):
            break
        rows.append(list(row))
    return start, rows


@pytest.mark.parametrize("as_of", ["05/12/2023", "31/12/2023", "01/03/2023"])
def test_every_count_equals_check(year, tmp_path, as_of):
    _, wb = export(year, tmp_path, as_of)
    assert wb.sheetnames[0] == "Tổng hợp"
    assert wb.sheetnames == ["Tổng hợp", "Biểu đồ", "Chi tiết", "Theo cơ quan", "Chưa nộp, nộp muộn",
                             "Khó khăn, vướng mắc", "Căn cứ"]
    for sheet in ("Tổng hợp", "Theo cơ quan"):
        _, rows = data_rows(wb[sheet])
        total = rows[-1]
        assert total[1] == "Tổng cộng"
        for index, kind in enumerate(("program", "report", "evaluation")):
            counts = year.json("check", "--year", "2023", "--as-of", as_of, "--kind", kind)["counts"]
            block = 4 + 5 * index
            assert total[block:block + 4] == [counts["on_time"], counts["late"], counts["overdue"], counts["pending"]]
            filed, owed = counts["on_time"] + counts["late"], sum(counts.values())
            assert total[block + 4] == pytest.approx(filed / owed)
            # The rows above add up to the total.
            for offset in range(4):
                assert sum(r[block + offset] for r in rows[:-1]) == total[block + offset]
    doc = year.json("check", "--year", "2023", "--as-of", as_of, "--all")
    _, detail = data_rows(wb["Chi tiết"])
    assert len(detail) == len({(i["cadre"], i["commune_code"]) for i in doc["items"]})
    statuses = [c for r in detail for c in r if c in ("Nộp đúng hạn", "Nộp muộn", "Chưa nộp, đã quá hạn", "Chưa nộp, còn trong hạn")]
    assert len(statuses) == len(doc["items"])
    chase = wb["Chưa nộp, nộp muộn"]
    start = next(r for r in range(1, chase.max_row + 1) if chase.cell(r, 1).value == "STT")
    listed = [r for r in chase.iter_rows(min_row=start + 1, values_only=True) if r[0]]
    assert len(listed) == doc["counts"]["overdue"] + doc["counts"]["late"]


def test_summary_rows_per_district_and_assignment_counts(year, tmp_path):
    _, wb = export(year, tmp_path)
    _, rows = data_rows(wb["Tổng hợp"])
    got = {r[1]: (r[2], r[3]) for r in rows}
    # Tú Lý changed hands: one commune, two assignments owing something.
    assert got == {"Thành phố Hòa Bình": (2, 2), "Huyện Đà Bắc": (2, 3), "Tổng cộng": (4, 5)}


def test_official_look_and_print_settings(year, tmp_path):
    _, wb = export(year, tmp_path)
    summary = wb["Tổng hợp"]
    texts = [c.value for row in summary.iter_rows(max_row=6) for c in row if c.value]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in texts and "TỈNH ỦY HÒA BÌNH" in texts and "BAN TỔ CHỨC" in texts
    assert "TỔNG HỢP KẾT QUẢ THỰC HIỆN QUY ĐỊNH SỐ 26-QĐ/TU NĂM 2023" in texts
    assert "Số liệu tính đến ngày 05/12/2023" in texts
    assert any(str(t).startswith("Hòa Bình, ngày ") for t in texts)
    for name in ("Tổng hợp", "Chi tiết", "Theo cơ quan", "Chưa nộp, nộp muộn"):
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
        # A fixed scale, never under 80 %: fitting a wide sheet to one page printed it at 5 pt.
        assert not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)
        assert 80 <= int(ws.page_setup.scale) <= 100
        assert ws.print_title_rows and ws.freeze_panes
        start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "STT")
        header = ws.cell(start, 1)
        assert header.font.name == "Times New Roman" and header.font.b and header.alignment.wrap_text
        assert header.border.left.style == "thin"
    for name in ("Chi tiết", "Theo cơ quan", "Chưa nộp, nộp muộn"):
        assert wb[name].auto_filter.ref
    detail = wb["Chi tiết"]
    start, rows = data_rows(detail)
    due = detail.cell(start + 2, 7)
    assert isinstance(due.value, dt.datetime) and due.number_format == "dd/mm/yyyy"
    assert due.value.date() == dt.date(2023, 5, 31)
    status = next(c for row in detail.iter_rows(min_row=start + 2) for c in row if c.value == "Chưa nộp, đã quá hạn")
    assert status.fill.fgColor.rgb.endswith("FDE4E6") and status.font.b  # light, and bold for a grey printer
    share = wb["Tổng hợp"].cell(start + 2, 9)
    assert share.number_format == "0.0%"
    assert "Hoàn thành xuất sắc nhiệm vụ" in [c for r in rows for c in r]


def test_formula_like_text_stays_text(ledger, tmp_path):
    rows = [HEADER] + [[i, name, name, name, commune, "", name] for i, (name, commune) in
                       enumerate(zip(HOSTILE, ["Hiền Lương", "Tân Hòa", "Mông Hóa", "Tú Lý", "Cao Phong", "Thái Bình",
                                               "Hữu Nghị", "Tân Thịnh"]), start=1)]
    path = csv_file(tmp_path / "hostile.csv", rows, bom=True)
    assert ledger("import", "assignments", path, "--effective", "14/12/2022").exit_code == 0
    listed = ledger.json("list", "assignments")
    assert sorted(i["cadre"] for i in listed) == sorted(h.strip() for h in HOSTILE)
    result = ledger("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Hiền Lương",
                    "--note", "=WEBSERVICE(\"http://x\")")
    assert result.exit_code == 0
    out, wb = export(ledger, tmp_path)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    # The only formulas are the charts' own, over the summary's cells; no text became one.
    formulas = [c for c in cells if c.data_type == "f"]
    assert formulas and all(c.parent.title == "Biểu đồ" for c in formulas)
    assert all(re.fullmatch(r"=(IF\(.*|'Tổng hợp'!\$B\$\d+)", c.value) for c in formulas)
    assert all("WEBSERVICE" not in c.value and "HYPERLINK" not in c.value for c in formulas)
    values = {c.value for c in cells}
    assert "=1+2" in values and "@SUM(A1)" in values and "=WEBSERVICE(\"http://x\")" in values
    assert "http://example.com/x" in values
    assert all(not ws._hyperlinks for ws in wb)
    csv_text = ledger("check", "--year", "2023", "--as-of", "31/12/2023", "--format", "csv").stdout
    assert "'=1+2" in csv_text and "'@SUM(A1)" in csv_text and "'+84 912 345 678" in csv_text
    doc = ledger.json("check", "--year", "2023", "--as-of", "31/12/2023")
    assert "=1+2" in {i["cadre"] for i in doc["items"]}


def test_check_output_xlsx(year, tmp_path):
    out = tmp_path / "chase.xlsx"
    result = year("check", "--year", "2023", "--as-of", "31/12/2023", "--output", out)
    assert result.exit_code == 1
    ws = load_workbook(out).active
    start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "STT")
    listed = [r for r in ws.iter_rows(min_row=start + 1, values_only=True) if r[0]]
    doc = year.json("check", "--year", "2023", "--as-of", "31/12/2023")
    assert len(listed) == len(doc["items"])


def test_export_refusals(year, tmp_path):
    assert year("export", "summary", "--year", "2023", "--output", tmp_path / "x.pdf").exit_code == 2
    assert year("export", "summary", "--year", "2023", "--output", tmp_path / "no" / "x.xlsx").exit_code == 2


@pytest.mark.skipif(not libreoffice_has("calc"), reason="LibreOffice Calc is not installed (.ci/run installs it)")
def test_libreoffice_prints_the_workbook(year, tmp_path):
    out, _ = export(year, tmp_path)
    pdf_dir = tmp_path / "pdf"
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to", "pdf",
         "--outdir", str(pdf_dir), str(out)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = pdf_dir / "tong-hop.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000
    if shutil.which("pdftotext"):  # poppler-utils (.ci/run installs it): no date broken over two lines
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        assert re.search(r"\b\d\d/\d\d/20\d\d\b", text)
        assert not re.search(r"\b\d\d/\d\d/\d{1,3}\s*\n", text), "a date is broken over two lines"


def test_every_wrapped_cell_counts_for_the_row_height(year, tmp_path):
    out, wb = export(year, tmp_path, "31/12/2023")
    ws = wb["Chi tiết"]
    start, rows = data_rows(ws)
    wrapped = ("Chưa nộp, đã quá hạn", "Chưa nộp, còn trong hạn")  # over the status column's 15 characters
    tall = [(start + 2 + offset, row) for offset, row in enumerate(rows) if any(v in wrapped for v in row)]
    assert len(tall) >= 2  # the year has overdue filings: rows whose status wraps
    for r, row in tall:
        assert (ws.row_dimensions[r].height or 15) >= 30, (r, row)


def test_the_printed_table_signs_numbers_and_names_its_units(year, tmp_path):
    _, wb = export(year, tmp_path, "01/03/2023")  # nothing overdue yet, no difficulty raised
    summary = wb["Tổng hợp"]
    start, rows = data_rows(summary)
    # Communes and wards, no town: the column says so.
    assert summary.cell(start, 3).value == "Số xã, phường"
    assert wb["Chi tiết"].cell(start, 3).value == "Xã, phường"
    # The detail is too wide for one page at a legible scale: STT, name and commune repeat.
    assert wb["Chi tiết"].print_title_cols.replace("$", "") == "A:C" and wb["Chi tiết"].col_breaks.count >= 1
    below = [[c for c in row if c] for row in summary.iter_rows(min_row=start + 2 + len(rows), values_only=True)]
    words = [c for row in below for c in row]
    assert "NGƯỜI LẬP BIỂU" in words and "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN" in words
    assert any(str(w).startswith("Hòa Bình, ngày ") for w in words)
    signer_row = next(i for i, row in enumerate(below) if "NGƯỜI LẬP BIỂU" in row)
    assert all(not row for row in below[signer_row + 1:signer_row + 5])  # room to sign
    for name in ("Tổng hợp", "Chi tiết", "Theo cơ quan", "Chưa nộp, nộp muộn", "Khó khăn, vướng mắc"):
        ws = wb[name]
        head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "STT")
        numbers = [ws.cell(r, 1).value for r in range(head + 1, ws.max_row + 1) if ws.cell(r, 1).value is not None]
        assert all(isinstance(n, int) for n in numbers), name  # STT is a number on every sheet
        if name in ("Chưa nộp, nộp muộn", "Khó khăn, vướng mắc"):
            assert not numbers and ws.cell(head + 1, 2).value == "Không có", name


def test_the_charts_read_the_summary(year, tmp_path):
    import zipfile

    out, wb = export(year, tmp_path, "31/12/2023")
    with zipfile.ZipFile(out) as z:
        charts = sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        sheet_of_drawing = {n for n in z.namelist() if n.startswith("xl/worksheets/_rels/")}
        refs = [re.findall(r"<c:f>([^<]+)</c:f>", z.read(n).decode()) for n in charts]
        rels = "".join(z.read(n).decode() for n in sheet_of_drawing)
    assert len(charts) >= 2 and "drawing" in rels
    # Statuses by kind: the total row of Tổng hợp itself; the share by place: the table of Biểu đồ.
    assert any(all(r.startswith("'Tổng hợp'!") for r in chart) for chart in refs)
    assert any(any(r.startswith("'Biểu đồ'!") for r in chart) for chart in refs)
    values = load_workbook(out, data_only=True)["Biểu đồ"]
    shares = {r[0]: r[1:5] for r in values.iter_rows(values_only=True) if r[0] in ("Thành phố Hòa Bình", "Huyện Đà Bắc")}
    doc = year.json("check", "--year", "2023", "--as-of", "31/12/2023", "--all")
    for place, cached in shares.items():
        items = [i for i in doc["items"] if i["district"] == place]
        for kind, value in zip(("program", "report", "evaluation"), cached):
            owed = [i for i in items if i["kind"] == kind]
            on_time = sum(i["status"] == "on_time" for i in owed)
            assert value == pytest.approx(on_time / len(owed)), (place, kind)


PT8 = "Tám điểm"  # the calibration text, printed at 8 pt and 100 %


@pytest.mark.skipif(not libreoffice_has("calc") or not shutil.which("pdftotext"),
                    reason="LibreOffice Calc and poppler-utils are not installed (.ci/run installs them)")
@pytest.mark.parametrize("fonts", ["installed", "dejavu"])
def test_nothing_prints_under_8_points(year, tmp_path, fonts):
    """Every word of every printed page, the detail of a year included, is at least as tall as
    8 pt text printed by the same LibreOffice with the same fonts."""
    import xlsxwriter

    out, _ = export(year, tmp_path, "31/12/2023")
    calibration = tmp_path / "calibration.xlsx"
    wb = xlsxwriter.Workbook(str(calibration))
    wb.add_worksheet().write_string(0, 0, PT8, wb.add_format({"font_name": "Times New Roman", "font_size": 8}))
    wb.close()
    pdf_dir = tmp_path / "pdf"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(pdf_dir), str(out), str(calibration)], capture_output=True, timeout=300, check=True,
                   env=print_env(fonts, tmp_path))
    words = printed_words(pdf_dir / "tong-hop.pdf")
    eight = min(h for _, h, w in printed_words(pdf_dir / "calibration.pdf") if w in PT8.split())
    pages = {p for p, _, _ in words}
    assert len(pages) >= 4 and len(words) > 500
    small = [(p, h, w) for p, h, w in words if h < eight - 0.01]
    assert not small, small[:10]


def printed_words(pdf) -> list[tuple[int, float, str]]:
    """(page, height in points, word) of every word pdftotext finds."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    out = []
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        for y0, y1, word in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', page):
            out.append((number, float(y1) - float(y0), word))
    return out


@pytest.mark.parametrize("name", ["vn-2024", "vn-2025"])
def test_headings_name_every_kind_of_unit_in_the_country(name):
    """Over the whole country: every commune's type and every district's name is one the
    headings can name ("Số xã, phường, đặc khu", "Quận, huyện, thị xã"), none left out."""
    import csv

    from cadretrack.reports.summary import DISTRICT_ORDER, UNIT_ORDER, district_words
    from conftest import GAZETTEERS

    with open(GAZETTEERS / f"{name}.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r["commune_type"].lower() for r in rows} <= set(UNIT_ORDER)
    for province in {r["province"] for r in rows}:
        districts = {r["district"] for r in rows if r["province"] == province and r.get("district")}
        if districts:
            named = district_words(districts).split(", ")
            assert all(any(d.lower().startswith(w + " ") for w in named) for d in districts), province
            assert set(named) <= set(DISTRICT_ORDER)
