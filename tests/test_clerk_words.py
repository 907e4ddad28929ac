"""The clerk's words (issue #29, parts 1 and 3): each defect a clerk met in a year of
Vietnamese mode, through the real CLI over a real ledger."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from cadretrack.domain.regime import Regime
from cadretrack.domain.rules import BUILTIN, parse_rules
from cadretrack.ops.check import parse_statuses
from cadretrack.readers.bundled import bundled_text

HEADINGS = {"overdue": "Chưa nộp, đã quá hạn", "late": "Nộp muộn", "pending": "Chưa nộp, còn trong hạn",
            "on_time": "Nộp đúng hạn"}


def test_a_status_heading_with_a_comma_is_one_status():
    assert parse_statuses("Chưa nộp, đã quá hạn") == ["overdue"]
    assert parse_statuses("Chưa nộp, đã quá hạn, nộp muộn") == ["overdue", "late"]
    assert parse_statuses("chua nop, con trong han,Nộp đúng hạn") == ["pending", "on_time"]
    assert parse_statuses("quá hạn") == ["overdue"] and parse_statuses("nộp muộn") == ["late"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(sorted(HEADINGS)), min_size=1, max_size=6), st.sampled_from([", ", ",", " , "]))
def test_any_list_of_headings_names_exactly_its_statuses(codes, comma):
    text = comma.join(HEADINGS[c] for c in codes)
    assert parse_statuses(text) == list(dict.fromkeys(codes))


def test_quá_hạn_means_one_status_everywhere(year, tmp_path):
    """A late filing is 'Nộp muộn' in the table, the summary line and the workbook; 'quá hạn'
    is only the unfiled overdue one, and --status "quá hạn" selects exactly those."""
    year.ok("record", "report", "--year", "2023", "--date", "20/12/2023", "--commune", "Hiền Lương")
    table = year("check", "--year", "2023", "--as-of", "31/12/2023", lang="vi")
    assert table.exit_code == 1
    assert "Nộp muộn" in table.stdout and "Nộp quá hạn" not in table.stdout
    assert re.search(r"\d+ nộp muộn, \d+ chưa nộp đã quá hạn", table.stdout)
    overdue = json.loads(year("check", "--year", "2023", "--as-of", "31/12/2023", "--status", "quá hạn",
                              "--format", "json").stdout)
    assert {i["status"] for i in overdue["items"]} == {"overdue"}
    book = tmp_path / "tong-hop.xlsx"
    year.ok("export", "summary", "--year", "2023", "--as-of", "31/12/2023", "--output", book)
    cells = {c.value for ws in load_workbook(book).worksheets for row in ws.iter_rows() for c in row if c.value}
    assert "Nộp muộn" in cells and "Quá hạn" not in cells and "Nộp quá hạn" not in cells


def test_kinds_by_the_start_of_their_label():
    regime = Regime.single(parse_rules(bundled_text(BUILTIN), "built-in"))
    for words, kind in (("chương trình", "program"), ("báo cáo", "report"), ("nhận xét", "evaluation"),
                        ("bao cao", "report"), ("Nhận xét, đánh giá", "evaluation"), ("annual", "report")):
        assert regime.find_kind(words).kind == kind, words
    assert regime.find_kind("b") is None  # too short to mean anything
    assert regime.find_kind("xyz") is None


def test_a_prefix_two_kinds_share_names_neither():
    text = bundled_text(BUILTIN).replace(
        "[kinds.report]", '[kinds.half_year]\nlabel_vi = "Báo cáo sáu tháng"\nfiler = "cadre"\ndue = "15/07"\n'
        'earliest = "01/06"\n\n[kinds.report]', 1)
    regime = Regime.single(parse_rules(text, "test"))
    assert regime.find_kind("báo cáo") is None
    assert regime.find_kind("báo cáo sáu").kind == "half_year"
    assert regime.find_kind("báo cáo năm").kind == "report"


def test_a_kind_without_labels_is_named_by_its_key_in_words():
    text = bundled_text(BUILTIN).replace(
        "[kinds.report]", '[kinds.half_year]\nfiler = "cadre"\ndue = "15/07"\nearliest = "01/06"\n\n[kinds.report]', 1)
    rule = parse_rules(text, "test").kinds["half_year"]
    assert rule.label_vi == rule.label_en == "half year"


def test_record_takes_the_clerks_short_kind_names(year):
    done = year.ok("record", "báo cáo", "--year", "2023", "--date", "05/12/2023", "--commune", "Hiền Lương", lang="vi")
    assert "Đã ghi nhận Báo cáo năm (năm 2023)" in done.stdout
    said = year.refused("record", "báo cáo", "--year", "2023", "--date", "05/12/2022", "--commune", "Mông Hóa",
                        lang="vi")
    assert "Báo cáo năm 2023" in said and "năm năm" not in said


def test_history_in_words_at_local_time_day_first(year):
    table = year.ok("history", lang="vi").stdout
    assert re.search(r"\b\d\d/\d\d/\d{4} \d\d:\d\d\b", table) and "+00:00" not in table and "UTC" not in table
    assert "1 văn bản" in table and "phân công mới" in table
    assert "filings" not in table and "replaced" not in table and ": 0" not in table
    items = json.loads(year.ok("history", "--format", "json").stdout)
    assert dt.datetime.fromisoformat(items[0]["at"]).tzinfo is not None  # JSON keeps ISO
    assert items[0]["summary"] == {"filings": 1, "replaced": 0}


def test_undo_names_the_documents_it_took_back(year):
    said = year.ok("undo", lang="vi").stdout
    assert "1 văn bản" in said and "bản ghi" not in said
    assert "hoàn tác thay đổi số" in year.ok("history", lang="vi").stdout


def test_option_values_in_the_clerks_words(year):
    year.ok("record", "difficulty", "--commune", "Hiền Lương", "--date", "01/12/2023", "--text", "Thiếu kinh phí",
            "--raised-by", "cán bộ", lang="vi")
    assert json.loads(year.ok("difficulties", "--format", "json").stdout)[0]["raised_by"] == "cadre"
    said = year.refused("record", "difficulty", "--commune", "Hiền Lương", "--date", "01/12/2023", "--text", "x",
                        "--raised-by", "ai đó", lang="vi")
    assert '"cán bộ"' in said and '"xã"' in said
    year.ok("record", "meeting", "--commune", "Hiền Lương", "--date", "01/12/2023", "--kind", "thường kỳ",
            "--attended", "có", lang="vi")


def test_a_file_name_keeps_its_case_at_the_start_of_a_message(ledger, tmp_path):
    bad = tmp_path / "th2.xlsx"
    bad.write_bytes(b"not a workbook")
    said = ledger.refused("import", "assignments", bad, "--effective", "01/01/2024", lang="vi")
    assert "th2.xlsx" in said and "Th2.xlsx" not in said


def test_option_hints_and_ranges_in_the_users_language(ledger):
    vi = ledger.ok("check", "--help", lang="vi").stdout
    assert "<int>" not in vi and "<str>" not in vi
    said = ledger.refused("history", "--limit", "0", lang="vi")
    assert "từ 1 trở lên" in said and "range" not in said


def _cadretrack(*args: str, db: Path, **kw) -> subprocess.Popen:
    env = {**os.environ, "CADRETRACK_DB": str(db)}
    env.pop("CADRETRACK_LANG", None)
    return subprocess.Popen([sys.executable, "-m", "cadretrack", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kw)


def test_another_language_is_a_usage_error(ledger):
    for args, env in ((["--lang", "fr", "rules"], {}), (["rules"], {"CADRETRACK_LANG": "de"})):
        done = subprocess.run([sys.executable, "-m", "cadretrack", "--db", str(ledger.db), *args],
                              env={**os.environ, **env}, capture_output=True, text=True, encoding="utf-8")
        assert done.returncode == 2 and "Traceback" not in done.stderr and done.stdout == ""


def test_a_reader_that_stops_reading_ends_the_command_cleanly(ledger):
    """`cadretrack rules | head -1`, `cadretrack rules --help | head -1`: exit 0, no traceback."""
    for args in (["rules"], ["rules", "--format", "toml"], ["check", "--help"], ["history"]):
        proc = _cadretrack(*args, db=ledger.db)
        proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read().decode("utf-8")
        assert proc.wait(timeout=60) == 0, (args, err)
        assert "Traceback" not in err and "Exception" not in err, err


def test_the_rules_file_speaks_the_users_language_from_the_one_key_table(ledger, tmp_path):
    from cadretrack.domain.rule_keys import RULE_KEYS
    from cadretrack.domain.rules import KIND_KEYS, REGULATION_KEYS

    assert KIND_KEYS == {k.name for k in RULE_KEYS if k.table == "kinds.*"}
    assert REGULATION_KEYS == {k.name for k in RULE_KEYS if k.table == "regulation"}
    for lang, other in (("vi", {"the", "of", "is", "and", "its", "when", "which", "default"}),
                        ("en", {"của", "không", "được", "là", "và", "hạn", "nộp", "mặc"})):
        text = ledger.ok("rules", "--format", "toml", lang=lang).stdout
        comments = [line for line in text.splitlines() if line.startswith("#")]
        for key in RULE_KEYS:  # every key explained, once
            name = f"[{key.table}]" if key.name == "*" else key.name
            assert sum(line.startswith(f"# {name}: ") for line in comments) == 1, (lang, name)
        said = " ".join(line.split(":", 1)[-1] for line in comments)  # not the key names
        words = set(re.findall(r"[^\W\d_]+", re.sub(r'"[^"]*"|\(\w+\)|\w+_\w+', " ", said).casefold()))
        assert not words & other, (lang, words & other)
        again = tmp_path / f"quy-dinh-{lang}.toml"
        again.write_text(text, "utf-8")
        fresh = type(ledger)(tmp_path / f"again-{lang}.db")
        fresh.ok("init", "--rules", again)
        assert fresh.ok("rules", "--format", "toml", lang=lang).stdout == text  # the same rules, said the same way


def test_numbers_no_date_or_ledger_can_hold_are_refused_in_words(year):
    huge = "9" * 20
    for args in (["check", "--year", "10000"], ["check", "--year", huge], ["list", "assignments", "--year", "-5"],
                 ["remind", "--within", huge], ["resolve", huge, "--date", "01/12/2023"], ["history", "--limit", huge],
                 ["export", "summary", "--year", "0", "--output", "x.xlsx"],
                 ["record", "report", "--year", huge, "--date", "01/12/2023", "--commune", "Hiền Lương"]):
        said = year.refused(*args, lang="vi")
        assert "không nằm trong khoảng cho phép" in said, (args, said)


def test_an_empty_kind_or_command_is_said_in_words(year):
    said = year.refused("record", "", "--year", "2023", lang="vi")
    assert 'Không có lệnh ""' in said and "No such" not in said


def test_status_lists_of_any_length_are_read_at_once(year):
    """Each status heading holds at most one comma: a long list is read in one pass."""
    many = ",".join(["quá hạn", "Chưa nộp, đã quá hạn"] * 3000)
    assert parse_statuses(many) == ["overdue"]
    assert year.refused("check", "--status", ",,,", lang="vi")


def test_unit_words_are_written_once():
    """The district and commune unit words live in domain/units.py alone; the register's
    scanner, the attribution and the layout reader take theirs from it."""
    src = Path(__file__).resolve().parent.parent / "src" / "cadretrack"
    for module in ("domain/mentions.py", "domain/attribution.py", "readers/layout.py"):
        text = (src / module).read_text("utf-8")
        assert not re.search(r'"(huyen|huyện|phuong|thanh pho|thi xa|quan) ?"', text), module
    from cadretrack.domain import mentions, units

    assert ("thi", "tran") in mentions.COMMUNE_WORDS and ("dk", ".") in mentions.COMMUNE_WORDS
    assert ("h", ".") in mentions.DISTRICT_WORDS and ("h",) not in mentions.DISTRICT_WORDS  # a bare letter is a name
    assert set(mentions.DISTRICT_WORDS) == set(units.word_sequences(units.DISTRICT_WORDS))


def test_an_unknown_kind_is_answered_with_the_kinds_labels(year):
    """`--kind foo` lists the kinds as the clerk names them, not only their codes; a label's own
    comma ("Nhận xét, đánh giá") is not taken for a separator between kinds."""
    done = year("check", "--year", "2024", "--kind", "foo", lang="vi")
    assert done.exit_code == 2
    line = done.stderr or done.stdout
    assert "Chương trình" in line and "Nhận xét, đánh giá (evaluation)" in line and "; " in line


def test_a_new_rule_set_of_the_same_name_is_named_once(year, tmp_path):
    toml = year("rules", "--format", "toml").stdout.replace("grace_days = 30", "grace_days = 45")
    path = tmp_path / "quy-dinh.toml"
    path.write_text(toml, encoding="utf-8")
    said = year("rules", "set", path, "--effective", "01/01/2030", "--dry-run", lang="vi").stdout
    name = said.split(" sẽ áp dụng")[0]
    assert said.count(name) == 1 and "bản đang áp dụng còn hiệu lực đến 31/12/2029" in said


def test_a_files_kind_is_named_as_it_is(ledger, tmp_path):
    """A rules file that is not UTF-8 is not asked to be saved 'as CSV'; random bytes named .ods
    are not called an Excel file."""
    rules = tmp_path / "quy-dinh.toml"
    rules.write_bytes("[regulation]\nname = \"Quy định\"\n".encode("utf-16"))
    said = ledger.refused("rules", "set", rules, "--effective", "01/01/2030", lang="vi")
    assert "UTF-8" in said and "CSV" not in said
    sheet = tmp_path / "phan-cong.ods"
    sheet.write_bytes(os.urandom(2000))
    said = ledger.refused("import", "assignments", sheet, "--effective", "01/01/2024", lang="vi")
    assert ".ods" in said and "Excel dù" not in said


def test_a_year_before_the_rules_says_why_nothing_is_owed(year):
    said = year("check", "--year", "1900", lang="vi")
    assert said.exit_code == 0 and "quy định áp dụng từ năm 2023" in said.stdout
    assert "quy định áp dụng từ năm" not in year("check", "--year", "2023", "--as-of", "31/12/2023", lang="vi").stdout
