"""The regulation as data: rule sets in time, kinds a province adds or drops, the header
of whoever the Board now is. Through the real CLI, on real ledgers and spreadsheets."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from openpyxl import load_workbook

from conftest import Cli
from sheets import PAIRS, assign, xlsx

# Hòa Bình's 26-QĐ/TU to 31/12/2025; Phú Thọ's own from 01/01/2026 (a six-month report due
# 15/07, the annual report before 15/12); a third from 2027 that drops the program.
PHU_THO = """
[regulation]
name = "Quy định số 15-QĐ/TU ngày 20/12/2025 của Ban Thường vụ Tỉnh ủy Phú Thọ"
short_name = "Quy định số 15-QĐ/TU"
effective = 2026-01-01
grace_days = 30

[organization]
party_committee = "TỈNH ỦY PHÚ THỌ"
board = "BAN TỔ CHỨC"
place = "Phú Thọ"

[kinds.program]
label_vi = "Chương trình theo dõi"
label_en = "Monitoring program"
filer = "cadre"
due = "31/01"
late_start_grace = true
order = 1
types = ["Chương trình"]
codes = ["CTr"]

[kinds.half_year]
label_vi = "Báo cáo 6 tháng"
label_en = "Six-month report"
filer = "cadre"
due = "15/07"
order = 2
earliest = "01/06"
words = ["6 tháng đầu năm", "sáu tháng đầu năm"]

[kinds.report]
label_vi = "Báo cáo năm"
label_en = "Annual report"
filer = "cadre"
before = "15/12"
order = 3
types = ["Báo cáo"]
codes = ["BC"]
hints = ["báo cáo"]
not_words = ["6 tháng", "đột xuất", "sơ kết"]

[kinds.evaluation]
label_vi = "Nhận xét, đánh giá"
label_en = "Evaluation"
filer = "commune"
before = "10/12"
rating = true
order = 4
words = ["nhận xét"]
"""
WITHOUT_PROGRAM = PHU_THO.replace("effective = 2026-01-01", "effective = 2027-01-01").replace(
    "15-QĐ/TU", "30-QĐ/TU").split("[kinds.program]")[0] + "[kinds.half_year]" + PHU_THO.split("[kinds.half_year]")[1]
D = dt.date


def rules_file(folder, name: str, text: str):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def items(cli: Cli, year: int, as_of: str) -> dict:
    """(commune, kind) -> (due, status) of every filing owed in the year."""
    result = cli("check", "--year", str(year), "--as-of", as_of, "--all", "--format", "json")
    assert result.exit_code in (0, 1), result.output + result.stderr
    return {(i["commune"], i["kind"]): (i["due"], i["status"]) for i in json.loads(result.stdout)["items"]}


@pytest.fixture
def three_sets(ledger, tmp_path):
    assign(ledger, tmp_path, PAIRS[:2])
    ledger.ok("record", "report", "--year", "2025", "--date", "12/12/2025", "--commune", "Hiền Lương")
    ledger.ok("rules", "set", rules_file(tmp_path, "phu-tho.toml", PHU_THO))
    ledger.ok("rules", "set", rules_file(tmp_path, "2027.toml", WITHOUT_PROGRAM))
    return ledger


def test_each_year_owes_the_kinds_of_the_set_that_governs_it(three_sets):
    hl, th = "Xã Hiền Lương", "Phường Tân Hòa"
    for year, program in ((2023, "2023-05-31"), (2024, "2024-01-31"), (2025, "2025-01-31")):
        got = items(three_sets, year, f"31/12/{year}")
        assert {k for _, k in got} == {"program", "report", "evaluation"}, year
        assert got[hl, "program"][0] == program and got[hl, "report"][0] == f"{year}-12-09"
        assert got[th, "evaluation"][0] == f"{year}-12-09"
    # 2025's report, received 12/12, is late under 26-QĐ/TU (before 10/12).
    assert items(three_sets, 2025, "31/12/2025")[hl, "report"] == ("2025-12-09", "late")
    got = items(three_sets, 2026, "10/12/2026")
    assert {k for _, k in got} == {"program", "half_year", "report", "evaluation"}
    assert got[hl, "half_year"] == ("2026-07-15", "overdue")
    assert got[hl, "report"] == ("2026-12-14", "pending")  # before 15/12 now: not yet due
    assert got[th, "evaluation"] == ("2026-12-09", "overdue")
    got = items(three_sets, 2027, "01/01/2027")
    assert {k for _, k in got} == {"half_year", "report", "evaluation"}  # no program from 2027
    assert got[hl, "half_year"][0] == "2027-07-15"


def test_a_successor_from_mid_year_splits_the_year(ledger, tmp_path):
    assign(ledger, tmp_path, PAIRS[:1])
    mid = PHU_THO.replace("effective = 2026-01-01", "effective = 2026-07-01")
    ledger.ok("rules", "set", rules_file(tmp_path, "mid.toml", mid))
    got = items(ledger, 2026, "31/12/2026")
    assert got["Xã Hiền Lương", "program"] == ("2026-01-31", "overdue")  # January: the old set's
    assert got["Xã Hiền Lương", "half_year"][0] == "2026-07-15"  # July: the new set's
    assert got["Xã Hiền Lương", "report"][0] == "2026-12-14"  # December: the new set's deadline
    result = ledger("rules", "--on", "01/03/2026")
    assert result.exit_code == 0 and "26-QĐ/TU" in result.stdout and "15-QĐ/TU" not in result.stdout
    assert "30/06/2026" in result.stdout  # its period ends the day before the successor's
    both = ledger.ok("rules").stdout
    assert both.index("26-QĐ/TU") < both.index("15-QĐ/TU") and "01/07/2026" in both


def test_rules_set_is_undoable_dry_run_writes_nothing_and_must_come_after(ledger, tmp_path):
    from conftest import snapshot

    assign(ledger, tmp_path, PAIRS)
    ledger.ok("record", "program", "--year", "2026", "--date", "20/01/2026", "--commune", "Hiền Lương")
    before = {year: items(ledger, year, "30/11/2026") for year in (2025, 2026)}
    path = rules_file(tmp_path, "phu-tho.toml", PHU_THO)
    state = snapshot(ledger.db)
    assert "01/01/2026" in ledger.ok("rules", "set", path, "--dry-run").stdout
    assert snapshot(ledger.db) == state
    ledger.ok("rules", "set", path)
    assert items(ledger, 2026, "30/11/2026") != before[2026]
    assert "TỈNH ỦY PHÚ THỌ" in ledger.ok("rules", "--format", "toml", "--on", "02/01/2026").stdout
    err = ledger.refused("rules", "set", path, "--effective", "01/01/2026")
    assert "01/01/2026" in err
    ledger.refused("rules", "set", path, "--effective", "15/06/2025")
    ledger.ok("undo")
    assert {year: items(ledger, year, "30/11/2026") for year in (2025, 2026)} == before


def test_documents_carry_the_header_of_the_set_in_force(three_sets, tmp_path):
    three_sets.ok("record", "half_year", "--year", "2026", "--date", "10/07/2026", "--commune", "Hiền Lương")
    old = tmp_path / "2024.xlsx"
    new = tmp_path / "2026.xlsx"
    three_sets.ok("export", "summary", "--year", "2024", "--as-of", "31/12/2024", "--output", old)
    three_sets.ok("export", "summary", "--year", "2026", "--as-of", "31/12/2026", "--output", new)

    def cells(path, sheet):
        ws = load_workbook(path)[sheet]
        return [c for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]

    summary_2024 = cells(old, "Tổng hợp")
    assert "TỈNH ỦY HÒA BÌNH" in summary_2024 and "TỈNH ỦY PHÚ THỌ" not in summary_2024
    assert any("QUY ĐỊNH SỐ 26-QĐ/TU NĂM 2024" in c for c in summary_2024)
    assert "Báo cáo 6 tháng" not in cells(old, "Chi tiết")
    detail_2026 = cells(new, "Chi tiết")
    assert "TỈNH ỦY PHÚ THỌ" in detail_2026 and "TỈNH ỦY HÒA BÌNH" not in detail_2026
    assert any("QUY ĐỊNH SỐ 15-QĐ/TU NĂM 2026" in c for c in detail_2026)
    assert "Báo cáo 6 tháng" in detail_2026 and "Nộp đúng hạn" in detail_2026
    # A ledger that never changed its rules writes 2024's workbook cell for cell the same.
    plain = Cli(tmp_path / "plain.db")
    plain.ok("init")
    assign(plain, tmp_path, PAIRS[:2], name="plain.xlsx")
    plain.ok("record", "report", "--year", "2025", "--date", "12/12/2025", "--commune", "Hiền Lương")
    same = tmp_path / "plain-2024.xlsx"
    plain.ok("export", "summary", "--year", "2024", "--as-of", "31/12/2024", "--output", same)
    sheets = load_workbook(old).sheetnames
    assert len(sheets) >= 5 and load_workbook(same).sheetnames == sheets
    for sheet in sheets:  # all but the provenance line, which names its own ledger and change set
        assert [c for c in cells(same, sheet) if not c.startswith("Nguồn số liệu:")] == \
               [c for c in cells(old, sheet) if not c.startswith("Nguồn số liệu:")], sheet
    digests = {load_workbook(p).custom_doc_props["cadretrack_stamp"].value.split("|H=")[1][:32] for p in (same, old)}
    assert len(digests) == 1  # the same figures, the same digest


def test_a_fourth_kind_and_a_dropped_one_need_no_code(cli, tmp_path):
    only = PHU_THO.replace("effective = 2026-01-01", "effective = 2022-12-14")
    cli.ok("init", "--rules", rules_file(tmp_path, "four.toml", only))
    assign(cli, tmp_path, PAIRS)
    out = cli.ok("record", "half_year", "--year", "2024", "--date", "10/07/2024", "--commune", "Hiền Lương").stdout
    assert "Six-month report" in out
    vi = cli.ok("record", "bao cao 6 thang", "--year", "2024", "--date", "20/07/2024", "--commune", "Tân Hòa",
                lang="vi").stdout
    assert "Báo cáo 6 tháng" in vi
    checked = cli("check", "--year", "2024", "--as-of", "31/12/2024", "--kind", "half_year", "--all",
                  "--format", "json")
    assert checked.exit_code == 1  # one overdue
    doc = json.loads(checked.stdout)
    assert {(i["commune"], i["status"]) for i in doc["items"]} == {
        ("Xã Hiền Lương", "on_time"), ("Phường Tân Hòa", "late"), ("Xã Mông Hóa", "overdue")}
    book = tmp_path / "four.xlsx"
    cli.ok("export", "summary", "--year", "2024", "--as-of", "31/12/2024", "--output", book)
    heads = [c for row in load_workbook(book)["Tổng hợp"].iter_rows(values_only=True) for c in row]
    assert "Báo cáo 6 tháng" in heads
    reminded = cli("remind", "--as-of", "01/12/2024", "--output", tmp_path / "letters", lang="vi")
    assert reminded.exit_code == 0, reminded.output
    assert "Báo cáo 6 tháng" in reminded.stdout
    # The office's register: the six-month report is recognised as such, not as the annual one.
    register = xlsx(tmp_path / "so-den.xlsx", [
        ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Tên loại và trích yếu nội dung văn bản"],
        [D(2024, 7, 12), 1, "Ban Tổ chức Tỉnh ủy", "15-BC/BTCTU",
         "Báo cáo kết quả theo dõi xã Mông Hóa 6 tháng đầu năm 2024"],
    ])
    result = cli("import", "filings", register, "--format", "json")
    rows = json.loads(result.stdout)["rows"]
    assert [(r["decision"], r["kind"]) for r in rows] == [("filing", "half_year")], result.output
    # Dropped: a province's rules without the program owe none, and refuse to record one.
    dropped = Cli(tmp_path / "dropped.db")
    dropped.ok("init", "--rules", rules_file(tmp_path, "three.toml", WITHOUT_PROGRAM.replace(
        "effective = 2027-01-01", "effective = 2022-12-14")))
    assign(dropped, tmp_path, PAIRS, name="dropped.xlsx")
    assert {k for _, k in items(dropped, 2024, "31/12/2024")} == {"half_year", "report", "evaluation"}
    err = dropped.refused("record", "program", "--year", "2024", "--date", "20/01/2024", "--commune", "Hiền Lương")
    assert "program" in err


def test_the_annual_report_is_not_recorded_from_a_six_month_one(ledger, tmp_path):
    """The trap of the last round: a six-month report recorded as the annual report, on time."""
    assign(ledger, tmp_path, PAIRS)
    register = xlsx(tmp_path / "so-den.xlsx", [
        ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Tên loại và trích yếu nội dung văn bản"],
        [D(2024, 7, 15), 1, "Sở Tài chính", "15-BC/STC",
         "Báo cáo kết quả theo dõi xã Hiền Lương 6 tháng đầu năm 2024"],
        [D(2024, 9, 3), 2, "Sở Y tế", "21-BC/SYT", "Báo cáo đột xuất kết quả theo dõi phường Tân Hòa năm 2024"],
        [D(2024, 12, 5), 3, "Ban Tổ chức Tỉnh ủy", "30-BC/BTCTU", "Báo cáo kết quả theo dõi xã Mông Hóa năm 2024"],
    ])
    result = ledger("import", "filings", register, "--format", "json")
    rows = json.loads(result.stdout)["rows"]
    assert [r["decision"] for r in rows] == ["review", "review", "filing"]
    assert "6 tháng" in rows[0]["reason"] and "đột xuất" in rows[1]["reason"]
    conn = sqlite3.connect(ledger.db)
    assert conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0] == 1
    conn.close()


def test_init_for_a_province_writes_its_party_committee_in_the_header(tmp_path):
    from conftest import GAZETTEERS

    for province, committee in (("Phú Thọ", "TỈNH ỦY PHÚ THỌ"), ("Hà Nội", "THÀNH ỦY HÀ NỘI")):
        cli = Cli(tmp_path / f"{province}.db")
        cli.ok("init", "--gazetteer", GAZETTEERS / "vn-2025.csv", "--province", province)
        toml = cli.ok("rules", "--format", "toml").stdout
        assert f'party_committee = "{committee}"' in toml and "HÒA BÌNH" not in toml
        assert committee in cli.ok("rules").stdout


def test_a_rules_file_names_the_nearest_known_key(cli, tmp_path):
    bad = PHU_THO.replace("filer = \"commune\"", "filler = \"commune\"").replace("grace_days", "grace_day")
    err = cli.refused("init", "--rules", rules_file(tmp_path, "bad.toml", bad), lang="vi")
    assert "grace_days" in err and '"filler"' in err and '"filer"' in err


@pytest.mark.parametrize("fixture", ["ledger-schema-2", "ledger-schema-4"])
def test_an_older_ledger_moves_its_one_rule_set_into_time_and_keeps_every_status(fixture, tmp_path):
    """Expected documents written by the code before rule sets existed (tests/fixtures/expected)."""
    import shutil

    from conftest import REPO

    db = tmp_path / "old.db"
    shutil.copy(REPO / "tests" / "fixtures" / f"{fixture}.db", db)
    old = Cli(db)
    for year in (2023, 2024):
        result = old("check", "--year", str(year), "--as-of", f"31/12/{year}", "--all", "--format", "json", lang="vi")
        expected = (REPO / "tests" / "fixtures" / "expected" / f"{fixture}-check-{year}.json").read_text("utf-8")
        assert json.loads(result.stdout) == json.loads(expected), year
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT id, start FROM rule_sets").fetchall() == [(1, "2022-12-14")]
        assert conn.execute("SELECT COUNT(*) FROM meta WHERE key IN ('rules', 'rules_name')").fetchone() == (0,)
    finally:
        conn.close()
    assert "Áp dụng từ 14/12/2022" in old.ok("rules", lang="vi").stdout
