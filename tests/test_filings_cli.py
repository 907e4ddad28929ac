"""`record`, `import filings`, `check` and `rules` through the real CLI."""

import datetime as dt
import json

import pytest

from conftest import snapshot
from sheets import HEADER, PAIRS, assignment_rows, csv_file, xls, xlsx



@pytest.fixture
def assigned(ledger, tmp_path):
    path = xlsx(tmp_path / "list.xlsx", [HEADER] + assignment_rows(PAIRS + [("Phạm Minh Dũng", "Sở Tài chính", "Cao Sơn")], None)[:3]
                + [[4, "Phạm Minh Dũng", "Giám đốc", "Sở Xây dựng", "Cao Sơn", "Đà Bắc", ""]])
    assert ledger("import", "assignments", path, "--effective", "14/12/2022").exit_code == 0
    return ledger






def check(cli, *args):
    result = cli("check", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def test_record_and_check_every_status(assigned):
    assigned.ok("record", "program", "--year", "2023", "--date", "31/05/2023", "--commune", "Hiền Lương")
    assigned.ok("record", "report", "--year", "2023", "--date", "10/12/2023", "--commune", "hien luong", "--number", "12-BC/STC")
    assigned.ok("record", "evaluation", "--year", "2023", "--date", "2023-12-09", "--commune", "Xã Hiền Lương",
       "--rating", "Hoàn thành tốt nhiệm vụ", "--score", "88.5")
    code, doc = check(assigned, "--year", "2023", "--as-of", "31/12/2023", "--commune-ignored") if False else check(
        assigned, "--year", "2023", "--as-of", "31/12/2023", "--all")
    assert code == 1
    assert doc["year"] == 2023 and doc["as_of"] == "2023-12-31"
    assert sum(doc["counts"].values()) == 12
    mine = {i["kind"]: i for i in doc["items"] if i["commune"] == "Xã Hiền Lương"}
    assert mine["program"]["status"] == "on_time" and mine["program"]["due"] == "2023-05-31"
    assert mine["report"]["status"] == "late" and mine["report"]["days_late"] == 1 and mine["report"]["filed"] == "2023-12-10"
    assert mine["evaluation"]["status"] == "on_time" and mine["evaluation"]["rating"] == "tot"
    assert mine["evaluation"]["score"] == 88.5
    item = mine["report"]
    assert set(item) >= {"kind", "year", "due", "filed", "status", "days_late", "cadre", "position", "agency",
                         "commune", "commune_code", "district"}
    assert item["cadre"] == "Nguyễn Văn An" and item["commune_code"] == "4885" and item["district"] == "Huyện Đà Bắc"
    other = [i for i in doc["items"] if i["commune"] != "Xã Hiền Lương"]
    assert {i["status"] for i in other} == {"overdue"} and all(i["days_late"] > 0 for i in other)


def test_default_listing_hides_on_time_and_status_filters(assigned):
    assigned.ok("record", "program", "--year", "2023", "--date", "01/05/2023", "--commune", "Hiền Lương")
    _, default = check(assigned, "--year", "2023", "--as-of", "01/06/2023")
    assert {i["status"] for i in default["items"]} == {"overdue", "pending"}
    assert default["counts"] == {"on_time": 1, "late": 0, "overdue": 3, "pending": 8}
    code, only = check(assigned, "--year", "2023", "--as-of", "01/06/2023", "--status", "pending")
    assert code == 0 and {i["status"] for i in only["items"]} == {"pending"}
    assert only["counts"] == default["counts"]
    _, kinds = check(assigned, "--year", "2023", "--as-of", "01/06/2023", "--kind", "program", "--all")
    assert {i["kind"] for i in kinds["items"]} == {"program"} and sum(kinds["counts"].values()) == 4
    _, district = check(assigned, "--year", "2023", "--as-of", "01/06/2023", "--district", "Đà Bắc", "--all")
    assert {i["commune"] for i in district["items"]} == {"Xã Hiền Lương", "Xã Cao Sơn"}
    _, agency = check(assigned, "--year", "2023", "--as-of", "01/06/2023", "--agency", "so y te", "--all")
    assert {i["cadre"] for i in agency["items"]} == {"Trần Thị Bình"}


def test_stable_order_and_csv(assigned):
    _, a = check(assigned, "--year", "2023", "--as-of", "31/12/2023")
    _, b = check(assigned, "--year", "2023", "--as-of", "31/12/2023")
    assert a == b
    keys = [(i["district"], int(i["commune_code"])) for i in a["items"]]
    assert keys == sorted(keys, key=lambda k: ({"Thành phố Hòa Bình": 148, "Huyện Đà Bắc": 150}[k[0]], k[1]))
    result = assigned("check", "--year", "2023", "--as-of", "31/12/2023", "--format", "csv")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("kind,year,due,filed,status,days_late,cadre")
    assert len(lines) == 13 and result.exit_code == 1


def test_check_output_file_and_table(assigned, tmp_path):
    out = tmp_path / "chase.csv"
    result = assigned("check", "--year", "2023", "--as-of", "31/12/2023", "--output", out)
    assert result.exit_code == 1 and out.read_text(encoding="utf-8-sig").startswith("kind,")
    table = assigned("check", "--year", "2023", "--as-of", "31/12/2023", lang="vi")
    assert "Chưa nộp, đã quá hạn (12)" in table.stdout and "tính đến ngày 31/12/2023" in table.stdout


def test_pending_only_exits_zero_and_overdue_exits_one(assigned):
    code, doc = check(assigned, "--year", "2024", "--as-of", "01/01/2024")
    assert code == 0 and doc["counts"]["overdue"] == 0 and doc["counts"]["pending"] == 12
    assert {i["status"] for i in doc["items"]} == {"pending"}
    code, doc = check(assigned, "--year", "2024", "--as-of", "01/02/2024")  # the programs were due 31/01
    assert code == 1 and doc["counts"]["overdue"] == 4
    assert {i["kind"] for i in doc["items"] if i["status"] == "overdue"} == {"program"}


def test_replace_keeps_the_superseded_entry(assigned):
    assigned.ok("record", "report", "--year", "2023", "--date", "20/12/2023", "--commune", "Tân Hòa")
    err = assigned.refused("record", "report", "--year", "2023", "--date", "05/12/2023", "--commune", "Tân Hòa")
    assert "--replace" in err
    assigned.ok("record", "report", "--year", "2023", "--date", "05/12/2023", "--commune", "Tân Hòa", "--replace")
    _, doc = check(assigned, "--year", "2023", "--as-of", "31/12/2023", "--all", "--kind", "report")
    (item,) = [i for i in doc["items"] if i["commune"] == "Phường Tân Hòa"]
    assert item["status"] == "on_time"
    import sqlite3

    rows = sqlite3.connect(assigned.db).execute("SELECT filed, superseded_by FROM filings ORDER BY id").fetchall()
    assert rows[0][0] == "2023-12-20" and rows[0][1] == 2 and rows[1] == ("2023-12-05", None)


@pytest.mark.parametrize(
    "args, words",
    [
        (["--commune", "Hiền Lươn"], "Hiền Lương"),  # unknown, with the nearest
        (["--commune", "Cao Sơn", "--district", "Lương Sơn"], "Lương Sơn"),  # nobody follows it
        (["--commune", "Đoàn Kết"], "Huyện Đà Bắc"),  # ambiguous
        (["--cadre", "Nguyễn Văn Không"], "Nguyễn Văn Không"),
        (["--commune", "Hiền Lương", "--date", "31/02/2023"], "31/02/2023"),
        (["--commune", "Hiền Lương", "--year", "2022"], "2022"),
        (["--commune", "Hiền Lương", "--year", str(dt.date.today().year + 5)], str(dt.date.today().year + 5)),
        (["--commune", "Hiền Lương", "--rating", "tot"], "rating"),
        (["--commune", "Hiền Lương", "--score", "120"], "120"),
    ],
)
def test_record_refusals(assigned, args, words):
    base = {"--year": "2023", "--date": "01/05/2023"}
    for i in range(0, len(args), 2):
        base.pop(args[i], None)
    flat = [x for kv in base.items() for x in kv]
    err = assigned.refused("record", "report", *flat, *args)
    assert words in err


def test_commune_that_changed_hands_needs_the_cadre_or_is_resolved_by_who_owes(assigned, tmp_path):
    change = xlsx(tmp_path / "amend.xlsx", [HEADER] + assignment_rows([("Vũ Thu Hà", "Sở Nội vụ", "Hiền Lương")]))
    assigned.ok("import", "assignments", change, "--effective", "15/10/2023", "--amend")
    # A report received in December: only the successor was assigned by then and owes it.
    assigned.ok("record", "report", "--year", "2023", "--date", "05/12/2023", "--commune", "Hiền Lương")
    # A program: both owe one (the successor with grace) and both were assigned by 01/11.
    err = assigned.refused("record", "program", "--year", "2023", "--date", "01/11/2023", "--commune", "Hiền Lương")
    assert "Nguyễn Văn An" in err and "Vũ Thu Hà" in err
    assigned.ok("record", "program", "--year", "2023", "--date", "01/11/2023", "--commune", "Hiền Lương", "--cadre", "Vu Thu Ha")
    _, doc = check(assigned, "--year", "2023", "--as-of", "31/12/2023", "--all", "--district", "Đà Bắc")
    got = {(i["cadre"], i["kind"]): (i["status"], i["due"]) for i in doc["items"] if i["commune"] == "Xã Hiền Lương"}
    assert got == {
        ("Nguyễn Văn An", "program"): ("overdue", "2023-05-31"),
        ("Vũ Thu Hà", "program"): ("on_time", "2023-11-14"),
        ("Vũ Thu Hà", "report"): ("on_time", "2023-12-09"),
        ("Vũ Thu Hà", "evaluation"): ("overdue", "2023-12-09"),
    }


def test_ledger_missing_is_refused(cli):
    result = cli("check")
    assert result.exit_code == 2 and "cadretrack init" in result.stderr
    assert not cli.db.exists()


REGISTER_HEADER = ["Số đến", "Ngày đến", "Số, ký hiệu", "Loại", "Năm", "Xã, phường, thị trấn", "Huyện, thành phố",
                   "Cán bộ theo dõi", "Xếp loại", "Ghi chú"]


def register_rows():
    return [
        ["SỔ VĂN BẢN ĐẾN NĂM 2023"],
        [],
        REGISTER_HEADER,
        [1, dt.date(2023, 5, 20), "01-CTr/STC", "Chương trình", 2023, "Hiền Lương", "", "", "", ""],
        [2, "12/12/2023", "15-BC/SYT", "Báo cáo", "2023", "P. Tân Hoà", "TP Hòa Bình", "Trần Thị Bình", "", ""],
        [3, dt.datetime(2023, 12, 8), "", "Nhận xét, đánh giá", 2023, "xa mong hoa", "", "", "HTXSNV", "-- đã nhắc; @ lần 2"],
        [4, "2023-12-09", "", "evaluation", 2023, "Cao Sơn", "Đà Bắc", "", "Hoàn thành nhiệm vụ", ""],
    ]


@pytest.mark.parametrize("writer", ["xlsx", "xls", "csv"])
def test_import_register(assigned, tmp_path, writer):
    rows = register_rows()
    if writer == "xlsx":
        path = xlsx(tmp_path / "so-den.xlsx", rows)
    elif writer == "xls":
        path = xls(tmp_path / "so-den.xls", rows)
    else:
        path = csv_file(tmp_path / "so-den.csv", [[v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else v for v in r] for r in rows], bom=True)
    result = assigned.ok("import", "filings", path)
    assert "4" in result.stdout
    _, doc = check(assigned, "--year", "2023", "--as-of", "31/12/2023", "--all")
    got = {(i["commune"], i["kind"]): i for i in doc["items"] if i["filed"]}
    assert got[("Xã Hiền Lương", "program")]["filed"] == "2023-05-20"
    assert got[("Phường Tân Hòa", "report")]["status"] == "late"
    assert got[("Xã Mông Hóa", "evaluation")]["rating"] == "xuat-sac"
    assert got[("Xã Mông Hóa", "evaluation")]["note"] == "-- đã nhắc; @ lần 2"
    assert got[("Xã Cao Sơn", "evaluation")]["status"] == "on_time"
    # Re-importing the same rows changes nothing.
    before = snapshot(assigned.db)
    again = assigned.ok("import", "filings", path)
    assert snapshot(assigned.db) == before and "4" in again.stdout


def test_import_register_lists_every_problem_and_writes_nothing(assigned, tmp_path):
    rows = register_rows() + [
        [5, "31/02/2023", "", "Báo cáo", 2023, "Hiền Lương", "", "", "", ""],
        [6, "01/12/2023", "", "Công văn", 2023, "Hiền Lương", "", "", "", ""],
        [7, "01/12/2023", "", "Báo cáo", 2023, "Đoàn Kết", "", "", "", ""],
        [8, "01/12/2023", "", "Báo cáo", 2023, "Hiền Lương", "", "", "", ""],
        [9, "02/12/2023", "", "Báo cáo", 2023, "Hiền Lương", "", "", "", ""],
        [10, "02/12/2023", "", "Báo cáo", "năm nay", "Mông Hóa", "", "", "", ""],
    ]
    err = assigned.refused("import", "filings", xlsx(tmp_path / "bad.xlsx", rows))
    assert "5 problem" in err
    for word in ("31/02/2023", "Công văn", "Huyện Đà Bắc", "row 11", "năm nay"):
        assert word in err, word


def test_register_without_a_header_is_refused(assigned, tmp_path):
    assert assigned.refused("import", "filings", xlsx(tmp_path / "x.xlsx", [["a", "b"], [1, 2]]))


def test_rules_round_trip_and_malformed_rules(cli, tmp_path):
    cli.ok("init")
    toml = cli.ok("rules", "--format", "toml").stdout
    path = tmp_path / "rules.toml"
    path.write_text(toml.replace("grace_days = 30", "grace_days = 45"), encoding="utf-8")
    other = type(cli)(tmp_path / "other.db")
    other.ok("init", "--rules", path)
    assert "45 days" in other.ok("rules").stdout
    broken = tmp_path / "broken.toml"
    broken.write_text(toml.replace('due = "31/01"', 'due = "31/13"'), encoding="utf-8")
    third = type(cli)(tmp_path / "third.db")
    result = third("init", "--rules", broken)
    due_line = 1 + broken.read_text("utf-8").splitlines().index('due = "31/13"')
    assert result.exit_code == 2 and not third.db.exists()
    assert f"│ {due_line} " in result.stderr and "kinds.program.due" in result.stderr and "31/13" in result.stderr
    broken.write_text("[regulation\nname = 1\n", encoding="utf-8")
    result = third("init", "--rules", broken)
    assert result.exit_code == 2 and "line 1" in result.stderr and not third.db.exists()


def test_a_rules_file_is_checked_whole_each_problem_on_its_own_line(cli, tmp_path):
    cli.ok("init")
    toml = cli.ok("rules", "--format", "toml").stdout
    broken = toml.replace("grace_days = 30", "grace_days = -4").replace('filer = "commune"', 'filer = "xa"')
    broken = broken.replace('before = "10/12"', 'before = "10/12"\ndue = "09/12"', 1)
    path = tmp_path / "broken.toml"
    path.write_text(broken, encoding="utf-8")
    lines = broken.splitlines()
    other = type(cli)(tmp_path / "other.db")
    result = other("init", "--rules", path, lang="vi")
    assert result.exit_code == 2 and not other.db.exists()
    err = result.stderr
    assert "3 lỗi" in err
    grace, filer = lines.index("grace_days = -4") + 1, lines.index('filer = "xa"') + 1
    both = lines.index('due = "09/12"') + 1  # the report's second deadline, beside its "before"
    assert f"│ {grace} " in err and "grace_days" in err
    assert f"│ {filer} " in err and "kinds.evaluation.filer" in err  # its own line, not the first filer's
    assert f"│ {both} " in err and "kinds.report.due" in err and "before" in err


def test_a_cadre_who_did_not_follow_the_commune_is_refused_with_who_did(assigned):
    err = assigned.refused("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Hiền Lương",
                  "--cadre", "Trần Thị Bình")
    assert "Nguyễn Văn An" in err


def test_a_filing_nobody_owes_is_recorded_with_a_note(assigned, tmp_path):
    change = xlsx(tmp_path / "amend.xlsx", [HEADER] + assignment_rows([("Vũ Thu Hà", "Sở Nội vụ", "Hiền Lương")]))
    assigned.ok("import", "assignments", change, "--effective", "15/10/2023", "--amend")
    # The outgoing cadre sends a report before leaving: the successor owes it.
    result = assigned.ok("record", "report", "--year", "2023", "--date", "01/10/2023", "--commune", "Hiền Lương")
    assert "Nguyễn Văn An" in result.stdout and "owes no" in result.stdout
    _, doc = check(assigned, "--year", "2023", "--as-of", "31/12/2023", "--kind", "report", "--district", "Đà Bắc")
    (item,) = [i for i in doc["items"] if i["commune"] == "Xã Hiền Lương"]
    assert item["cadre"] == "Vũ Thu Hà" and item["status"] == "overdue"
    verify = assigned("verify", "--format", "json")
    assert verify.exit_code == 1 and "filing-not-owed" in verify.stdout


def test_dates_that_cannot_be_are_refused_naming_the_window(assigned):
    future = dt.date.today() + dt.timedelta(days=40)
    err = assigned.refused("record", "report", "--year", str(future.year), "--date", future.strftime("%d/%m/%Y"),
                           "--commune", "Hiền Lương", lang="vi")
    assert future.strftime("%d/%m/%Y") in err and dt.date.today().strftime("%d/%m/%Y") in err
    # A report of 2024 cannot have come in 2023; a program of 2024 can, from November.
    err = assigned.refused("record", "report", "--year", "2024", "--date", "05/12/2023", "--commune", "Hiền Lương")
    assert "01/01/2024" in err
    assigned.refused("record", "program", "--year", "2024", "--date", "31/10/2023", "--commune", "Hiền Lương")
    assigned.ok("record", "program", "--year", "2024", "--date", "20/11/2023", "--commune", "Hiền Lương")


def test_verify_reports_a_stored_filing_dated_in_the_future(assigned):
    import sqlite3

    assigned.ok("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Hiền Lương")
    conn = sqlite3.connect(assigned.db)
    with conn:  # as an older version recorded it, with a note only
        conn.execute("UPDATE filings SET filed = ?", [(dt.date.today() + dt.timedelta(days=40)).isoformat()])
    conn.close()
    verify = assigned("verify", "--format", "json")
    assert verify.exit_code == 1 and "future-date" in verify.stdout


def test_tables_for_people_are_cut_with_a_pointer_to_the_full_list(assigned):
    from cadretrack.context import Run
    from cadretrack.ops.check import run_check
    from cadretrack.ops.ledger import open_ledger
    from cadretrack.render.check import check_tables

    run = Run.at(dt.datetime.now(dt.timezone.utc))
    with open_ledger(assigned.db, run) as db:
        report = run_check(db, 2023, dt.date(2023, 12, 31))
    (overdue,) = check_tables(report, limit=5)
    assert overdue.row_count == 5 and "7 more" in str(overdue.caption)
    (whole,) = check_tables(report, limit=None)
    assert whole.row_count == 12 and whole.caption is None


def test_import_register_dry_run_writes_nothing(assigned, tmp_path):
    path = xlsx(tmp_path / "so-den.xlsx", register_rows())
    before = snapshot(assigned.db)
    result = assigned.ok("import", "filings", path, "--dry-run")
    assert "4 filings would be added" in result.stdout and snapshot(assigned.db) == before


def test_verify_warns_of_a_stored_filing_before_its_window(assigned):
    import sqlite3

    assigned.ok("record", "report", "--year", "2024", "--date", "01/12/2024", "--commune", "Hiền Lương")
    assert "filing-outside-window" not in assigned("verify", "--format", "json").stdout
    conn = sqlite3.connect(assigned.db)
    with conn:  # as an older version let it in: a report of 2024 received in 2023
        conn.execute("UPDATE filings SET filed = '2023-06-01'")
    conn.close()
    doc = json.loads(assigned("verify", "--format", "json").stdout)
    (found,) = [f for f in doc["findings"] if f["code"] == "filing-outside-window"]
    assert found["level"] == "warning" and found["start"] == "01/01/2024"


@pytest.mark.parametrize("name", ["kt.pdf", "kt.txt", "kt", "kt.docx"])
def test_check_output_takes_only_what_it_can_write(assigned, tmp_path, name):
    err = assigned.refused("check", "--year", "2023", "--output", tmp_path / name, lang="vi")
    assert ".csv, .json, .xlsx" in err and not (tmp_path / name).exists()


def test_check_output_by_extension_whatever_the_format(assigned, tmp_path):
    out = tmp_path / "kt.json"
    assert assigned("check", "--year", "2023", "--as-of", "31/12/2023", "--format", "csv", "--output",
                    out).exit_code == 1
    assert json.loads(out.read_text("utf-8"))["counts"]["overdue"] == 12
    assert not list(tmp_path.glob(".*.part"))


def test_status_and_kind_take_the_vietnamese_words(assigned):
    by_code = check(assigned, "--year", "2023", "--as-of", "31/12/2023", "--status", "overdue", "--kind", "report")
    for words in (("quá hạn", "báo cáo năm"), ("qua han", "Bao cao nam"), ("đã quá hạn", "report")):
        got = check(assigned, "--year", "2023", "--as-of", "31/12/2023", "--status", words[0], "--kind", words[1])
        assert got == by_code and got[1]["items"], words
    err = assigned.refused("check", "--year", "2023", "--status", "trễ", lang="vi")
    assert "trễ" in err


def test_a_duplicate_says_the_kind_in_the_clerks_words(assigned):
    assigned.ok("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Hiền Lương")
    err = assigned.refused("record", "report", "--year", "2023", "--date", "02/12/2023", "--commune",
                           "Hiền Lương", lang="vi")
    assert "Báo cáo năm" in err and "report" not in err and "01/12/2023" in err
