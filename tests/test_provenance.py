"""Documents carry their provenance: a workbook exported at T, the ledger changed after T,
then `verify FILE` (unchanged, changed since, edited, another ledger's) and `diff --since FILE`
listing exactly the filings recorded after T. Real ledgers, real files, the real CLI."""

from __future__ import annotations

import json
import re
import shutil

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from conftest import Cli, snapshot
from sheets import HEADER, PAIRS, assignment_rows, xlsx
from test_known_on import Clock, fixed_tz  # noqa: F401  (a fixture)

STAMP = "cadretrack_stamp"


@pytest.fixture
def exported(cli, tmp_path, monkeypatch, fixed_tz):  # noqa: F811
    """A ledger with three assignments and a program; the 2023 workbook, report and letters
    exported at T; (cli, clock, folder)."""
    clock = Clock(monkeypatch)
    clock.step()
    cli.ok("init")
    clock.step()
    cli.ok("import", "assignments", xlsx(tmp_path / "list.xlsx", [HEADER] + assignment_rows(PAIRS)),
           "--effective", "14/12/2022")
    clock.step()
    cli.ok("record", "program", "--year", "2023", "--date", "20/05/2023", "--commune", "Hiền Lương")
    clock.step()
    out = tmp_path / "out"
    out.mkdir()
    cli.ok("export", "summary", "--year", "2023", "--as-of", "31/12/2023", "--output", out / "tong-hop.xlsx")
    cli.ok("export", "report", "--year", "2023", "--as-of", "31/12/2023", "--output", out / "bao-cao.docx")
    (out / "letters").mkdir()
    cli.ok("remind", "--as-of", "10/12/2023", "--output", out / "letters")
    return cli, clock, out


def verify(cli, path, code: int) -> dict:
    result = cli("verify", path, "--format", "json")
    assert result.exit_code == code, result.output + result.stderr
    return json.loads(result.stdout)


def test_the_stamp_is_in_the_properties_and_printed(exported):
    cli, _, out = exported
    wb = load_workbook(out / "tong-hop.xlsx")
    stamp = wb.custom_doc_props[STAMP].value
    assert stamp.startswith("cadretrack-stamp 1|") and "|Y=2023|A=2023-12-31|C=3|" in stamp
    printed = [c.value for ws in wb.worksheets[:1] for row in ws.iter_rows() for c in row
               if isinstance(c.value, str) and c.value.startswith("Nguồn số liệu")]
    assert len(printed) == 1 and "thay đổi số 3 (19/12/2023 08:30)" in printed[0]  # local time
    report = docx.Document(out / "bao-cao.docx")
    assert report.core_properties.identifier == stamp.replace("D=summary", "D=report")
    assert report.paragraphs[-1].text.startswith("Nguồn số liệu")
    index = load_workbook(out / "letters" / "danh-sach-cong-van.xlsx")
    assert "|D=letters|" in index.custom_doc_props[STAMP].value


def test_verify_unchanged_then_changed_since(exported):
    cli, clock, out = exported
    for name in ("tong-hop.xlsx", "bao-cao.docx", "letters/danh-sach-cong-van.xlsx"):
        found = verify(cli, out / name, 0)
        assert (found["same_ledger"], found["unedited"], found["changes_since"]) == (True, True, 0), name
    before = snapshot(cli.db)
    said = cli("verify", out / "tong-hop.xlsx", lang="vi")
    assert said.exit_code == 0 and "đúng như sổ theo dõi" in said.stdout and "không thay đổi" in said.stdout
    assert snapshot(cli.db) == before  # verify writes nothing
    clock.step()
    cli.ok("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Tân Hòa")
    clock.step()
    cli.ok("record", "program", "--year", "2023", "--date", "25/06/2023", "--commune", "Mông Hóa")
    for name in ("tong-hop.xlsx", "bao-cao.docx"):
        found = verify(cli, out / name, 0)
        assert (found["unedited"], found["changes_since"], found["known_on"]) == (
            True, 2, "2023-12-19T01:30:00+00:00"), name
    assert "cadretrack diff --since" in cli("verify", out / "tong-hop.xlsx", lang="vi").stdout


def test_an_edited_count_is_named_by_its_cell(exported, tmp_path):
    cli, _, out = exported
    edited = tmp_path / "sua.xlsx"
    shutil.copy(out / "tong-hop.xlsx", edited)
    wb = load_workbook(edited)
    ws = wb["Tổng hợp"]
    total = next(r for r in ws.iter_rows() if r[1].value == "Tổng cộng")
    cell = total[4]  # the program's on-time count
    cell.value = cell.value + 1
    wb.save(edited)
    found = verify(cli, edited, 1)
    assert found["same_ledger"] is True and found["unedited"] is False
    assert found["differences"] == [{"where": f"Tổng hợp!{cell.coordinate}", "document": str(cell.value),
                                     "ledger": str(cell.value - 1)}]
    said = cli("verify", edited, lang="vi")
    assert said.exit_code == 1 and f"Tổng hợp!{cell.coordinate}" in said.stdout


def test_an_edited_report_paragraph_is_named(exported, tmp_path):
    cli, _, out = exported
    edited = tmp_path / "sua.docx"
    doc = docx.Document(out / "bao-cao.docx")
    paragraph = next(p for p in doc.paragraphs if "1" in p.text and p.runs)
    paragraph.runs[0].text = paragraph.runs[0].text + " (đã sửa)"
    doc.save(edited)
    found = verify(cli, edited, 1)
    assert found["unedited"] is False and len(found["differences"]) == 1
    assert found["differences"][0]["where"].startswith("¶")
    said = cli("verify", edited, lang="vi").stdout
    assert "Đoạn " in said and "¶" not in said


def test_an_edit_deep_in_a_long_paragraph_is_shown(exported, tmp_path):
    """A paragraph of the report edited after its first 120 characters: the table shows the
    stretch where the two differ, not the same beginning twice; a table's cell is named in words."""
    cli, _, out = exported
    edited = tmp_path / "sua-doan.docx"
    doc = docx.Document(out / "bao-cao.docx")
    paragraph = next(p for p in doc.paragraphs if len(p.text) > 200 and p.runs)
    paragraph.runs[-1].text = paragraph.runs[-1].text + " SỬA ĐỔI"
    number, table = next((n, t) for n, t in enumerate(doc.tables, start=1) if len(t.rows) > 1)
    table.rows[1].cells[1].paragraphs[0].add_run(" (sửa)")
    doc.save(edited)
    from cadretrack.render.verify_document import contrast

    found = verify(cli, edited, 1)["differences"]
    deep = next(d for d in found if d["where"].startswith("¶"))
    shown_file, shown_ledger = contrast(deep["document"], deep["ledger"])
    assert shown_file != shown_ledger and "SỬA ĐỔI" in shown_file and len(shown_file) <= 122
    said = cli("verify", edited, lang="vi").stdout
    assert f"Bảng {number}, dòng 2, cột 2" in said and f"T{number}:" not in said


def test_contrast_always_shows_where_two_texts_differ():
    from cadretrack.render.verify_document import SHOWN, contrast

    for at in (0, 50, 119, 121, 400, 999):
        a = "a" * 1000
        b = a[:at] + "B" + a[at + 1:]
        left, right = contrast(a, b)
        assert left != right and len(left) <= SHOWN + 2
    assert contrast("ngắn", None) == ("ngắn", "—")


def test_an_office_file_far_too_large_to_be_ours_says_so(exported, tmp_path):
    import zipfile

    cli, _, _ = exported
    big = tmp_path / "lon.docx"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (301 * 2**20))
    err = cli.refused("verify", big, lang="vi")
    assert "lon.docx" in err and "MB" in err and "không mang dấu nguồn số liệu của cadretrack" not in err


def test_another_ledgers_workbook_says_so(exported, tmp_path):
    cli, _, out = exported
    other = Cli(tmp_path / "other.db")
    other.ok("init")
    other.ok("import", "assignments", xlsx(tmp_path / "l2.xlsx", [HEADER] + assignment_rows(PAIRS)),
             "--effective", "14/12/2022")
    other.ok("export", "summary", "--year", "2023", "--as-of", "31/12/2023", "--output", tmp_path / "khac.xlsx")
    found = verify(cli, tmp_path / "khac.xlsx", 1)
    assert found["same_ledger"] is False
    assert "sổ theo dõi khác" in cli("verify", tmp_path / "khac.xlsx", lang="vi").stdout
    assert "another ledger" in cli.refused("diff", "--since", tmp_path / "khac.xlsx")


def test_a_file_cadretrack_did_not_export_is_exit_2(exported, tmp_path):
    cli, _, _ = exported
    plain = tmp_path / "plain.xlsx"
    wb = Workbook()
    wb.active["A1"] = "Tổng hợp"
    wb.save(plain)
    (tmp_path / "junk.docx").write_bytes(b"not a zip")
    (tmp_path / "notes.txt").write_text("x")
    for path in (plain, tmp_path / "junk.docx", tmp_path / "notes.txt", tmp_path):
        assert cli("verify", path).exit_code == 2, path
    assert "không mang dấu nguồn số liệu của cadretrack" in cli.refused("verify", plain, lang="vi")


def test_diff_since_the_file_lists_exactly_the_filings_recorded_after(exported):
    cli, clock, out = exported
    clock.step()
    cli.ok("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Tân Hòa")
    clock.step()
    cli.ok("record", "evaluation", "--year", "2023", "--date", "08/12/2023", "--commune", "Mông Hóa",
           "--rating", "tot")
    clock.step()
    cli.ok("record", "program", "--year", "2023", "--date", "25/06/2023", "--commune", "Hiền Lương", "--replace")
    result = cli("diff", "--since", out / "tong-hop.xlsx", "--as-of", "31/12/2023", "--format", "json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert (found["since"], found["year"], found["as_of"]) == ("2023-12-19T01:30:00+00:00", 2023, "2023-12-31")
    changes = [(c["change"], c["kind"], c["changeset"], c["before"], c["after"]) for c in found["changes"]]
    assert sorted(changes) == sorted([
        ("filed", "report", 4, "overdue", "on_time"),
        ("filed", "evaluation", 5, "overdue", "on_time"),
        ("replaced", "program", 6, "on_time", "late"),
    ])
    assert all(c["command"].startswith("cadretrack record") and c["at"] for c in found["changes"])
    assert found["counts_before"]["overdue"] - found["counts_after"]["overdue"] == 2
    then = json.loads(cli("check", "--year", "2023", "--as-of", "31/12/2023", "--known-on", "19/12/2023 08:30",
                          "--format", "json").stdout)
    assert then["counts"] == found["counts_before"]


def test_diff_since_a_moment_shows_statuses_and_assignments(exported, tmp_path):
    cli, clock, _ = exported
    clock.step()
    amend = xlsx(tmp_path / "amend.xlsx", [HEADER] + assignment_rows([("Phạm Minh Đức", "Sở Nội vụ", "Xã Mông Hóa")]))
    cli.ok("import", "assignments", amend, "--effective", "01/07/2023", "--amend")
    found = json.loads(cli("diff", "--since", "19/12/2023 08:30", "--as-of", "31/12/2023", "--format",
                           "json").stdout)
    kinds = {c["change"] for c in found["changes"]}
    assert kinds == {"assignment"}
    ended = [c for c in found["changes"] if c["before"] and c["after"]]
    assert ended and ended[0]["after"]["end"] == "2023-06-30"
    assert any(c["before"] is None and c["after"]["cadre"] == "Phạm Minh Đức" for c in found["changes"])
    same = json.loads(cli("diff", "--since", "19/12/2023 08:30", "--as-of", "31/12/2023", "--format",
                          "json").stdout)
    assert same == found  # stable
    assert cli("diff", "--since", "19/12/2023 08:30", "--format", "csv").stdout.startswith("change,changeset")
    assert "19/12/2023 8" in cli.refused("diff", "--since", "19/12/2023 8")


def test_export_known_on_then_is_the_document_made_then(exported, tmp_path):
    from cadretrack.readers.document import workbook_cells

    cli, clock, out = exported
    clock.step()
    cli.ok("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Tân Hòa")
    again = tmp_path / "lai.xlsx"
    cli.ok("export", "summary", "--year", "2023", "--as-of", "31/12/2023", "--output", again,
           "--known-on", "19/12/2023 08:30")
    now = tmp_path / "nay.xlsx"
    cli.ok("export", "summary", "--year", "2023", "--as-of", "31/12/2023", "--output", now)
    first = workbook_cells((out / "tong-hop.xlsx").read_bytes())
    assert workbook_cells(again.read_bytes()) == first
    assert workbook_cells(now.read_bytes()) != first
    assert verify(cli, again, 0)["changeset"] == 3


def test_verify_diff_and_known_on_leave_the_file_as_it_was(exported):
    from test_read_only import at_rest, files

    cli, clock, out = exported
    clock.step()
    cli.ok("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Tân Hòa")
    at_rest(cli.db)
    before = files(cli.db)
    for args in (("verify", out / "tong-hop.xlsx"), ("verify", out / "bao-cao.docx", "--format", "json"),
                 ("diff", "--since", out / "tong-hop.xlsx"), ("diff", "--since", "19/12/2023 08:30"),
                 ("check", "--year", "2023", "--known-on", "19/12/2023 08:30"),
                 ("show", "--commune", "Tân Hòa", "--known-on", "19/12/2023 08:30")):
        assert cli(*args).exit_code in (0, 1), args
    assert files(cli.db) == before


def test_a_report_from_the_boards_own_template_is_checked_by_its_figures(exported, tmp_path):
    from cadretrack.render.report import TEMPLATE  # the bundled one, copied as the Board's
    from cadretrack.readers.bundled import bundled_path

    cli, clock, _ = exported
    own = tmp_path / "mau-cua-ban.docx"
    shutil.copy(bundled_path("templates", TEMPLATE), own)
    doc = docx.Document(own)
    doc.paragraphs[0].insert_paragraph_before("Mẫu của Ban")
    doc.save(own)
    made = tmp_path / "bc-rieng.docx"
    cli.ok("export", "report", "--year", "2023", "--as-of", "31/12/2023", "--output", made, "--template", own)
    found = verify(cli, made, 0)
    assert (found["compared"], found["unedited"]) == ("figures", True)
    assert "mẫu riêng" in cli("verify", made, lang="vi").stdout


def test_every_document_the_demo_writes_is_verified_as_the_ledgers(tmp_path):
    """The demo's workbook, draft report and letters' index carry their stamps as the commands'
    do: a clerk trying verify on the demo is told they are this ledger's and unedited."""
    import subprocess
    import sys

    folder = tmp_path / "demo"
    made = subprocess.run([sys.executable, "-m", "cadretrack", "demo", "--dir", str(folder)], capture_output=True,
                          text=True, timeout=600)
    assert made.returncode == 0, made.stderr
    db = folder / "cadretrack-demo.db"
    for document in ("tong-hop-2023.xlsx", "bao-cao-2023.docx", "cong-van-don-doc/danh-sach-cong-van.xlsx"):
        verified = subprocess.run([sys.executable, "-m", "cadretrack", "--db", str(db), "--lang", "en", "verify",
                                   str(folder / document)], capture_output=True, text=True, timeout=600)
        assert verified.returncode == 0, (document, verified.stdout, verified.stderr)


def test_a_letter_is_checked_through_its_index_and_dates_read_day_first(exported, tmp_path):
    cli, _, out = exported
    letter = next((out / "letters").glob("*.docx"))
    err = cli.refused("verify", letter, lang="vi")
    assert "công văn đôn đốc" in err and "danh-sach-cong-van.xlsx" in err
    alone = tmp_path / letter.name
    alone.write_bytes(letter.read_bytes())  # away from its index: no stamp, not ours to check
    assert "không mang dấu nguồn số liệu của cadretrack" in cli.refused("verify", alone, lang="vi")
    wb = load_workbook(out / "tong-hop.xlsx")
    ws = wb["Chi tiết"]
    cell = next(c for r in ws.iter_rows() for c in r if hasattr(c.value, "year"))
    cell.value = cell.value.replace(day=1 if cell.value.day != 1 else 2)
    edited = tmp_path / "sua-ngay.xlsx"
    wb.save(edited)
    [found] = verify(cli, edited, 1)["differences"]
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", found["document"]) and re.fullmatch(r"\d\d/\d\d/\d{4}", found["ledger"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries({
    "kind": st.sampled_from(["program", "report", "evaluation"]), "year": st.integers(2000, 2100),
    "due": st.dates().map(lambda d: d.isoformat()), "filed": st.none() | st.dates().map(lambda d: d.isoformat()),
    "status": st.sampled_from(["on_time", "late", "overdue", "pending"]), "days_late": st.none() | st.integers(0, 9999),
    "cadre": st.text(max_size=20), "note": st.none() | st.text(max_size=20), "rule": st.text(max_size=5),
    "score": st.none() | st.integers(0, 1000).map(lambda n: n / 10)}), max_size=5))
def test_the_digest_is_the_canonical_json_of_the_figures(items):
    """The fast digest writes exactly the bytes of the canonical JSON (sorted keys, compact,
    text as it is, 'rule' left out): documents stamped by either stay verifiable."""
    import datetime as dt
    import hashlib

    from cadretrack.domain.provenance import figures_digest

    counts = {"on_time": 1, "late": 0, "overdue": 2, "pending": 0}
    canonical = json.dumps({"year": 2024, "as_of": "2024-12-31", "counts": counts,
                            "items": [{k: v for k, v in i.items() if k != "rule"} for i in items]},
                           ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    expected = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]
    assert figures_digest(2024, dt.date(2024, 12, 31), counts, items) == expected
