"""Hostile files for every reader and loader: a sheet reaching XFD1048576, Word XML nested
3,000 deep or carrying an entity bomb, rules nested 5,000 deep or with a 200 KB line,
pipes, devices and folders where a file should be. Each is one sentence naming the file,
exit 2, the ledger untouched. Cases that once aborted or hung the process run the real
CLI in a subprocess with a timeout, so that a regression fails instead of killing or
stalling the test run."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import snapshot
from sheets import HEADER, assignment_rows, csv_file, xlsx

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def run(*args, timeout: float = 120, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real CLI in its own process, in English, stopped (and failed) if it hangs."""
    return subprocess.run([sys.executable, "-m", "cadretrack", "--lang", "en", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {}), "CADRETRACK_BUSY_TIMEOUT": "1"})


def refused_by_cli(db: Path, *args, timeout: float = 120) -> str:
    """The command refused in a subprocess: exit 2, no traceback, the ledger as before."""
    before = snapshot(db)
    result = run("--db", db, *args, timeout=timeout)
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr[-2000:])
    assert "Traceback" not in result.stderr and "panicked" not in result.stderr
    assert snapshot(db) == before
    return " ".join(result.stderr.split())


def workbook(path: Path, sheet_xml: str) -> Path:
    """A minimal .xlsx written by hand, whose one sheet is `sheet_xml`."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
                   '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" '
                   f'Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{NS}" xmlns:r="{rel}"><sheets>'
                   f'<sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" '
                   f'Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", f'<?xml version="1.0"?><worksheet xmlns="{NS}">{sheet_xml}</worksheet>')
    return path


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_one_cell_at_xfd1048576_is_refused_before_calamine_builds_the_sheet(ledger, tmp_path):
    # 17 billion cells from A1: calamine asked for 549 GB and aborted the process (exit 134).
    path = workbook(tmp_path / "far.xlsx", f'<dimension ref="A1"/><sheetData><row r="1">{cell("A1", "STT")}</row>'
                    f'<row r="1048576">{cell("XFD1048576", "x")}</row></sheetData>')
    assert path.stat().st_size < 5000
    said = refused_by_cli(ledger.db, "import", "assignments", path, "--effective", "14/12/2022")
    assert "far.xlsx" in said and "Danh sách" in said and "1048576 rows" in said


def test_a_far_column_without_references_is_counted_as_calamine_counts_it(ledger, tmp_path):
    # No r="…" at all: each <c> stands after the one before, so 600 empty cells push the last one to column 601.
    path = workbook(tmp_path / "wide.xlsx", '<sheetData><row>' + "<c/>" * 600 + cell("", "x").replace(' r=""', "")
                    + "</row></sheetData>")
    said = refused_by_cli(ledger.db, "import", "assignments", path, "--effective", "14/12/2022")
    assert "column 601" in said and "500-column limit" in said


def test_styled_empty_cells_far_away_do_not_refuse_a_good_sheet(ledger, tmp_path):
    table = [HEADER] + assignment_rows([("Người A", "Sở", "Hiền Lương")])
    rows = "".join(f'<row r="{i}">' + "".join(cell(f"{c}{i}", str(v)) for c, v in zip("ABCDEFG", values) if v != "")
                   + "</row>" for i, values in enumerate(table, start=1))
    far = '<row r="1048576"><c r="XFD1048576" s="1"/><c r="XFC1048576"></c></row>'  # formatted, empty
    path = workbook(tmp_path / "styled.xlsx", f"<sheetData>{rows}{far}</sheetData>")
    result = ledger("import", "assignments", path, "--effective", "14/12/2022")
    assert result.exit_code == 0, result.output + result.stderr


def ods(path: Path, rows: str) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:'
                   'opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                   'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
                   f'<table:table table:name="Phụ lục">{rows}</table:table></office:spreadsheet></office:body>'
                   '</office:document-content>', zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:'
                   'names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" '
                   'manifest:media-type="text/xml"/></manifest:manifest>', zipfile.ZIP_DEFLATED)
    return path


def test_an_ods_row_repeated_a_million_times_is_refused(ledger, tmp_path):
    text = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
    path = ods(tmp_path / "tall.ods", f'<table:table-row table:number-rows-repeated="1048576">{text}</table:table-row>')
    said = refused_by_cli(ledger.db, "import", "assignments", path, "--effective", "14/12/2022")
    assert "tall.ods" in said and "Phụ lục" in said and "1048576 rows" in said


def test_an_xls_cell_at_its_last_row_and_column_is_refused(ledger, tmp_path):
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    sheet.write(0, 0, "STT")
    sheet.write(65535, 255, "x")  # 16.7 million cells from A1: gigabytes as Python lists
    book.save(str(tmp_path / "far.xls"))
    said = refused_by_cli(ledger.db, "import", "assignments", tmp_path / "far.xls", "--effective", "14/12/2022")
    assert "far.xls" in said and "65536 rows × 256 columns" in said


def word(path: Path, edit) -> Path:
    """A real .docx (python-docx) with one table, its document.xml rewritten by `edit`."""
    source = tmp = path.with_name("plain-" + path.name)
    doc = Document()
    doc.add_table(rows=1, cols=1).cell(0, 0).text = "x"
    doc.save(str(tmp))
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, edit(data.decode()).encode() if item.filename == "word/document.xml" else data)
    return path


def nested(xml: str, levels: int = 3000) -> str:
    inner = "<w:p/>"
    for _ in range(levels):
        inner = f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>"
    at = xml.index("<w:body>") + len("<w:body>")
    return xml[:at] + inner + xml[at:]


def laughs(xml: str) -> str:
    entities = "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    at = xml.index("?>") + 2
    xml = xml[:at] + f'<!DOCTYPE w:document [<!ENTITY lol "lol">{entities}]>' + xml[at:]
    return xml.replace("<w:t>x</w:t>", "<w:t>&lol9;</w:t>")


def test_a_docx_of_tables_nested_3000_deep_is_one_sentence(ledger, tmp_path):
    path = word(tmp_path / "nested.docx", nested)
    said = ledger.refused("import", "assignments", path, "--effective", "14/12/2022")
    assert "nested.docx" in said and "levels deep" in said and "lxml" not in said


def test_a_docx_entity_bomb_is_refused_unexpanded(ledger, tmp_path):
    path = word(tmp_path / "laughs.docx", laughs)
    said = ledger.refused("import", "assignments", path, "--effective", "14/12/2022")
    assert "laughs.docx" in said and "DTD" in said and "lol" not in said.replace("laughs", "")


def test_a_cell_of_ten_megabytes_is_refused_by_every_format(ledger, tmp_path):
    letters = random.Random(10).choices("abcdeghiklmnopqrstuvxyăâđêôơư ", k=10 * 2**20)  # compresses as text does
    huge = "".join(letters)
    sheet = "<sheetData>" + "".join(f'<row r="{i}">' + "".join(cell(f"{c}{i}", str(v)) for c, v in zip("ABCDEFG", row)
                                                                if v != "") + "</row>"
                                    for i, row in enumerate([HEADER] + assignment_rows([(huge, "Sở", "Hiền Lương")]),
                                                            start=1)) + "</sheetData>"
    path = workbook(tmp_path / "huge.xlsx", sheet)  # by hand: openpyxl cuts a cell at 32,767 characters
    said = ledger.refused("import", "assignments", path, "--effective", "14/12/2022")
    assert "huge.xlsx" in said and "32767-character limit" in said and "B2" in said
    rows = [HEADER] + assignment_rows([(huge, "Sở", "Hiền Lương")])
    said = ledger.refused("import", "assignments", csv_file(tmp_path / "huge.csv", rows), "--effective", "14/12/2022")
    assert "huge.csv" in said and "line 2" in said and "more than 32767 characters" in said


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods", ".csv", ".docx"])
def test_empty_random_and_misnamed_files_are_one_sentence(ledger, tmp_path, suffix):
    empty = tmp_path / f"empty{suffix}"
    empty.write_bytes(b"")
    assert "empty" in ledger.refused("import", "assignments", empty, "--effective", "14/12/2022")
    noise = tmp_path / f"noise{suffix}"
    noise.write_bytes(os.urandom(4096) if suffix != ".csv" else b"\xff\xfe\x00\xd8" + os.urandom(4096))
    assert "noise" in ledger.refused("import", "assignments", noise, "--effective", "14/12/2022")
    other = ".docx" if suffix != ".docx" else ".xlsx"
    misnamed = tmp_path / f"misnamed{suffix}"
    word(tmp_path / f"real{other}", lambda x: x) if other == ".docx" else xlsx(tmp_path / f"real{other}", [HEADER])
    misnamed.write_bytes((tmp_path / f"real{other}").read_bytes())
    result = ledger("import", "assignments", misnamed, "--effective", "14/12/2022")
    assert result.exit_code == 2 and "Traceback" not in result.output + result.stderr
    assert "misnamed" in result.stderr


def test_rules_nested_5000_deep_are_one_sentence_with_their_line(cli, tmp_path):
    rules = tmp_path / "deep.toml"
    rules.write_text('[regulation]\nname = "x"\nwords = ' + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    said = cli.refused("init", "--rules", rules)
    assert "deep.toml" in said and "line 3" in said and "levels deep" in said
    assert not cli.db.exists()


def test_a_rules_file_with_a_200_kb_line_is_read_and_its_problems_placed(cli, tmp_path):
    """Functional: the problems after the long line keep their lines. Its speed is what once
    failed (266 s in key_lines' backtracking pattern; the lookup now reads each line once):
    run in a subprocess, a regression stalls past the timeout and fails; `make bench` has
    the same rules on one 300 KB line against one word a line."""
    from cadretrack.readers.bundled import bundled_text

    text = bundled_text("rules-26-QD-TU.toml")
    long_line = "long_note = " + '"' + "a" * 100_000 + '" # ' + "k = " * 25_000 + "\n"
    assert len(long_line) > 200_000
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("[regulation]")) + 1
    bad = "".join(lines[:at] + [long_line, "grace_dayz = 3\n"] + lines[at:])
    rules = tmp_path / "long.toml"
    rules.write_text(bad, encoding="utf-8")
    result = run("--db", cli.db, "init", "--rules", rules, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    said = " ".join(result.stderr.split())
    assert "long_note" in said and "grace_dayz" in said
    assert f"│ {at + 1} " in result.stderr and f"│ {at + 2} " in result.stderr  # each problem on its own line
    assert not cli.db.exists()


def test_key_lines_reads_a_long_line_whole():
    from cadretrack.domain.toml_text import key_lines

    value = ", ".join(f'"{i} = x"' for i in range(20_000))  # '=' inside strings are no keys
    text = f"[kinds.report]\nwords = [{value}]\nlabel = {{ vi = \"a\", en = \"b\" }}\n"
    assert key_lines(text) == {("kinds.report", ""): 1, ("kinds.report", "words"): 2, ("kinds.report", "label"): 3,
                               ("kinds.report.label", "vi"): 3, ("kinds.report.label", "en"): 3}


def test_a_pipe_a_device_and_a_folder_are_refused_without_hanging(ledger, tmp_path):
    fifo = tmp_path / "list.xlsx"
    os.mkfifo(fifo)
    said = refused_by_cli(ledger.db, "import", "assignments", fifo, "--effective", "14/12/2022", timeout=60)
    assert "list.xlsx" in said and "named pipe" in said
    said = refused_by_cli(ledger.db, "import", "assignments", "/dev/zero", "--effective", "14/12/2022", timeout=60)
    assert "/dev/zero" in said and "device" in said
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    assert "is a folder" in refused_by_cli(ledger.db, "import", "assignments", folder, "--effective", "14/12/2022")
    rules_fifo = tmp_path / "rules.toml"
    os.mkfifo(rules_fifo)
    assert "named pipe" in refused_by_cli(ledger.db, "rules", "set", rules_fifo, timeout=60)
    gazetteer = tmp_path / "units.csv"
    os.mkfifo(gazetteer)
    result = run("--db", tmp_path / "new.db", "init", "--gazetteer", gazetteer, timeout=60)
    assert result.returncode == 2 and "named pipe" in result.stderr and not (tmp_path / "new.db").exists()
    template = tmp_path / "mine.docx"
    os.mkfifo(template)
    said = refused_by_cli(ledger.db, "export", "report", "--year", "2023", "--output", tmp_path / "r.docx",
                          "--template", template, timeout=60)
    assert "named pipe" in said and not (tmp_path / "r.docx").exists()


def test_a_fifo_as_the_ledger_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "ledger.db"
    os.mkfifo(fifo)
    for args in (["list", "assignments"], ["verify"], ["init"]):
        result = run("--db", fifo, *args, timeout=60)
        assert result.returncode == 2, result.stderr
        assert "named pipe" in result.stderr and "Traceback" not in result.stderr
    result = run("--db", "/dev/zero", "check", "--year", "2023", timeout=60)
    assert result.returncode == 2 and "device" in result.stderr
    result = run("--db", tmp_path, "list", "assignments", timeout=60)
    assert result.returncode == 2 and "is a folder" in result.stderr


CELLS = st.lists(st.tuples(st.integers(0, 400), st.integers(0, 60), st.sampled_from(["text", "number", "blank"])),
                 min_size=1, max_size=12, unique_by=lambda c: (c[0], c[1]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=CELLS)
def test_the_measured_reach_of_a_sheet_is_calamines(tmp_path, cells):
    """What the scans measure before calamine is what calamine then builds: written by the
    real libraries (openpyxl, xlwt), styled blank cells included, which neither counts."""
    import python_calamine as pc
    import xlwt
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from cadretrack.readers.extent import Extent, check_workbook
    from cadretrack.readers.types import Limits
    from cadretrack.readers.xls_extent import xls_extents

    book, old = Workbook(), xlwt.Workbook()
    sheet, old_sheet = book.active, old.add_sheet("S")
    for row, column, kind in cells:
        target = sheet.cell(row=row + 1, column=column + 1)
        if kind == "blank":
            target.font = Font(bold=True)
            old_sheet.write(row, column, None, xlwt.easyxf("font: bold on"))
        else:
            value = "x" if kind == "text" else 1.5
            target.value = value
            old_sheet.write(row, column, value)
    book.save(tmp_path / "s.xlsx")
    old.save(str(tmp_path / "s.xls"))

    def calamine(path):
        workbook = pc.CalamineWorkbook.from_path(str(path))
        ws = workbook.get_sheet_by_name(workbook.sheet_names[0])
        return Extent(ws.end[0] + 1, ws.end[1] + 1) if any(k != "blank" for *_, k in cells) else Extent()

    measured = []
    limits = Limits(max_rows=10**9, max_columns=10**9, max_cells=10**12)
    with zipfile.ZipFile(tmp_path / "s.xlsx") as archive:
        from cadretrack.readers import extent as module

        for member, _ in module._worksheets(archive, set(archive.namelist())).items():
            measured += list(module._xlsx_extents(module._stream(archive, member, "s.xlsx"), "s.xlsx"))
        check_workbook(archive, "s.xlsx", limits)
    assert measured == [calamine(tmp_path / "s.xlsx")]
    assert [e for _, e in xls_extents((tmp_path / "s.xls").read_bytes())] == [calamine(tmp_path / "s.xls")]
