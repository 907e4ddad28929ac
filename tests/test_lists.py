"""Every list a clerk asks for: list filings, check --commune/--cadre, history --since/--until,
remind --year/--kind/--district; the progress bar on a terminal and the busy ledger's line."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import pty
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Cli, snapshot
from cadretrack.domain.criteria import number_matches, number_tokens, text_keys, text_matches, text_words

SAMPLE = Path(__file__).resolve().parent.parent / "src" / "cadretrack" / "data" / "sample"
ASSIGNMENTS = SAMPLE / "718-QD-TU-phan-cong.xlsx"
REGISTER = SAMPLE / "so-dang-ky-van-ban-den-2024.xlsx"
LIST_FIELDS = {"kind", "year", "filed", "number", "commune", "commune_code", "district", "cadre", "agency",
               "rating", "score", "note", "changeset"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    """The bundled assignments and the office's 2024 register, imported once."""
    db = tmp_path_factory.mktemp("lists") / "ledger.db"
    cli = Cli(db)
    cli.ok("init")
    cli.ok("import", "assignments", ASSIGNMENTS, "--effective", "14/12/2022")
    assert cli("import", "filings", REGISTER).exit_code in (0, 1)
    return db


@pytest.fixture
def ledger_2024(sample, tmp_path) -> Cli:
    shutil.copy(sample, tmp_path / "ledger.db")
    return Cli(tmp_path / "ledger.db")


def listed(cli: Cli, *args: str) -> list[dict]:
    result = cli.ok("list", "filings", *args, "--format", "json")
    return json.loads(result.stdout)


# --- list filings -------------------------------------------------------------------

def test_list_filings_gives_the_contracts_fields_in_a_stable_order(ledger_2024):
    items = listed(ledger_2024)
    assert len(items) == 371  # the register's filings
    assert LIST_FIELDS <= set(items[0])
    assert listed(ledger_2024) == items
    check = json.loads(ledger_2024("check", "--year", "2024", "--as-of", "31/12/2024", "--all",
                                   "--format", "json").stdout)
    place_order = list(dict.fromkeys(i["commune_code"] for i in check["items"]))
    seen = list(dict.fromkeys(i["commune_code"] for i in items))
    assert seen == [c for c in place_order if c in set(seen)]  # the check's order of places
    from_register = [i for i in items if i["note"] and i["note"].startswith("Số đến")]
    assert from_register and all(i["summary"] for i in from_register)  # the trích yếu is kept
    assert all(isinstance(i["changeset"], int) for i in items)


def test_a_superseded_filing_is_not_listed_and_the_new_one_names_its_change_set(ledger_2024):
    before = listed(ledger_2024, "--commune", "Tân Hòa", "--kind", "report")
    assert [i["filed"] for i in before] == ["2024-12-11"]
    ledger_2024.ok("record", "report", "--year", "2024", "--date", "05/12/2024", "--commune", "Tân Hòa",
                   "--replace", "--number", "26-BC/BTG")
    after = listed(ledger_2024, "--commune", "Tân Hòa", "--kind", "report")
    assert [(i["filed"], i["number"]) for i in after] == [("2024-12-05", "26-BC/BTG")]
    latest = json.loads(ledger_2024.ok("history", "--limit", "1", "--format", "json").stdout)[0]
    assert after[0]["changeset"] == latest["id"] != before[0]["changeset"]


@pytest.mark.parametrize("typed", ["08-CTr/BTC", "08/ctr-btc", "08 CTR BTC", "8-ctr/btc", " 08 - ctr / btc ",
                                   "ctr/btc", "08ctr btc"])
def test_a_number_is_found_however_the_clerk_writes_it(ledger_2024, typed):
    found = listed(ledger_2024, "--number", typed)
    assert "08-CTr/BTC" in {i["number"] for i in found}
    assert all(number_matches(typed, i["number"]) for i in found)


def test_a_number_that_is_not_there_lists_nothing(ledger_2024):
    assert listed(ledger_2024, "--number", "908-CTr/BTC") == []
    result = ledger_2024.ok("list", "filings", "--number", "908-CTr/BTC", lang="vi")
    assert "Không có văn bản nào" in result.stdout


@pytest.mark.parametrize("option, value", [("--text", "%"), ("--text", "_ -"), ("--number", "%"), ("--number", "/-")])
def test_a_search_with_nothing_to_find_is_refused_not_taken_as_every_filing(ledger_2024, option, value):
    result = ledger_2024("list", "filings", option, value, lang="en")
    assert result.exit_code == 2 and "has no letter or digit" in result.stderr and not result.stdout


def test_words_of_the_summary_find_a_filing_with_or_without_diacritics(ledger_2024):
    bare = listed(ledger_2024, "--text", "bao cao tan hoa")
    assert [(i["commune"], i["kind"]) for i in bare] == [("Phường Tân Hòa", "report")]
    assert listed(ledger_2024, "--text", "Báo cáo Tân Hoà") == bare  # tone style aside
    assert listed(ledger_2024, "--text", "báo cáo tấn hòa") == []  # a mark written must be there
    by_note = listed(ledger_2024, "--text", "1638")  # the note: "Số đến 1638"
    assert [i["number"] for i in by_note] == ["25-BC/BTG"]


def test_filters_combine_and_names_resolve_as_everywhere(ledger_2024):
    cadre = listed(ledger_2024, "--cadre", "pham thanh trung", "--year", "2024")
    assert {i["commune"] for i in cadre} == {"Phường Tân Hòa", "Xã Chí Đạo"}
    assert listed(ledger_2024, "--cadre", "Phạm Thanh Trung", "--kind", "program,evaluation",
                  "--district", "Lạc Sơn") == [i for i in cadre if i["commune"] == "Xã Chí Đạo"]
    agency = listed(ledger_2024, "--agency", "Ban Tuyên giáo TU")
    assert cadre[0] in agency and {i["agency"] for i in agency} == {"Ban Tuyên giáo Tỉnh ủy"}
    assert listed(ledger_2024, "--year", "2023") == []
    err = ledger_2024.refused("list", "filings", "--commune", "Cao Sơn")
    assert "Đà Bắc" in err and "Lương Sơn" in err
    assert len(listed(ledger_2024, "--commune", "Cao Sơn", "--district", "Đà Bắc")) >= 1
    by_code = listed(ledger_2024, "--commune", "4789")  # the official code, as the tables show it
    assert by_code and {i["commune"] for i in by_code} == {"Phường Thái Bình"}
    assert "99999" in ledger_2024.refused("list", "filings", "--commune", "99999")
    assert "Phạm Thanh Trung" in ledger_2024.refused("list", "filings", "--cadre", "Pham Thanh Trungg")
    assert "Đà Bắc" in ledger_2024.refused("list", "filings", "--district", "Đà Bắcc")
    assert "Phường Hòa Bình" not in ledger_2024.refused("list", "filings", "--commune", "Phường Hiền Lương")
    ledger_2024.refused("list", "filings", "--kind", "memo")
    ledger_2024.refused("list", "filings", "--format", "xml")


def test_the_table_is_vietnamese_with_dates_day_first(ledger_2024):
    out = ledger_2024.ok("list", "filings", "--number", "08-CTr/BTC", lang="vi").stdout
    assert "Văn bản đã ghi nhận" in out and "Ngày nộp" in out and "Chương trình theo dõi" in out
    assert "29/01/2024" in out and "2024-01-29" not in out and "program" not in out
    csv_out = ledger_2024.ok("list", "filings", "--number", "08-CTr/BTC", "--format", "csv").stdout
    assert csv_out.splitlines()[0].startswith("kind,year,filed,number,commune")
    assert "program,2024,2024-01-29,08-CTr/BTC" in csv_out


def test_list_filings_on_a_missing_ledger_is_refused(tmp_path):
    err = Cli(tmp_path / "none.db").refused("list", "filings")
    assert "init" in err and not (tmp_path / "none.db").exists()


@given(parts=st.lists(st.one_of(st.integers(0, 9999).map(str), st.sampled_from(
    ["CTr", "BC", "ĐU", "STC", "UBND", "KH", "btg", "Sở"])), min_size=1, max_size=5),
    seps=st.lists(st.sampled_from(["-", "/", " ", " - ", ".", "_", "–"]), min_size=5, max_size=5),
    upper=st.booleans())
def test_a_number_matches_itself_however_separated_or_cased(parts, seps, upper):
    written = parts[0] + "".join(s + p for s, p in zip(seps, parts[1:]))
    typed = "/".join(parts).upper() if upper else "-".join(parts).lower()
    assert number_matches(typed, written) and number_matches(written, written)
    assert not number_matches(written + "/99999", written)
    assert number_tokens(written) == number_tokens(typed)


@given(st.text(max_size=60), st.text(max_size=60))
def test_number_and_text_matching_never_fail(wanted, number):
    assert isinstance(number_matches(wanted, number), bool)
    assert isinstance(text_matches(text_words(wanted), text_keys(number)), bool)
    assert text_matches(text_words(number), text_keys(number))  # a text's own words are in it


@given(st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2999, 12, 30)),
       st.sampled_from(["%d/%m/%Y", "%-d/%-m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]), st.booleans())
def test_a_moment_is_read_back_as_written(moment, day_format, with_time):
    from cadretrack.domain.moments import parse_moment

    day = dt.datetime.combine(moment.date(), dt.time())
    if not with_time:
        assert parse_moment(moment.strftime(day_format)) == (day, day + dt.timedelta(days=1))
        return
    minute = moment.replace(second=0, microsecond=0)
    text = moment.strftime(day_format) + " " + moment.strftime("%H:%M")
    assert parse_moment(text) == (minute, minute + dt.timedelta(minutes=1))
    assert parse_moment(f"  {text}  ") == parse_moment(text)


@given(st.text(max_size=40))
def test_a_moment_parser_says_no_in_one_way(text):
    from cadretrack.domain.dates import DateError
    from cadretrack.domain.moments import parse_moment

    try:
        start, end = parse_moment(text)
    except DateError:
        return
    assert start < end


def test_a_word_typed_with_marks_needs_them():
    keys = text_keys("Bản kế hoạch của Ban")
    assert text_matches(text_words("ban"), keys) and text_matches(text_words("bản"), keys)
    assert not text_matches(text_words("bàn"), keys)
    assert text_matches(text_words("hoà"), text_keys("Tân Hòa"))  # tone placement aside


# --- check --commune / --cadre ------------------------------------------------------

def check_json(cli: Cli, *args: str) -> dict:
    result = cli("check", "--year", "2024", "--as-of", "31/12/2024", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.output + result.stderr
    return json.loads(result.stdout)


def test_check_of_one_commune_counts_over_that_commune(ledger_2024):
    everything = check_json(ledger_2024, "--all")
    one = check_json(ledger_2024, "--commune", "Tân Hòa")
    own = [i for i in everything["items"] if i["commune"] == "Phường Tân Hòa"]
    assert {i["commune"] for i in one["items"]} == {"Phường Tân Hòa"}
    assert sum(one["counts"].values()) == len(own) == 3
    assert one["counts"] == {s: sum(i["status"] == s for i in own) for s in ("on_time", "late", "overdue", "pending")}
    assert one["counts"] != everything["counts"]
    err = ledger_2024.refused("check", "--commune", "Cao Sơn")
    assert "Đà Bắc" in err
    assert check_json(ledger_2024, "--commune", "Cao Sơn", "--district", "Đà Bắc")["items"]


def test_check_of_one_cadre_covers_each_of_the_communes_followed(ledger_2024):
    doc = check_json(ledger_2024, "--cadre", "Phạm Thanh Trung", "--all")
    assert {i["commune"] for i in doc["items"]} == {"Phường Tân Hòa", "Xã Chí Đạo"}
    assert sum(doc["counts"].values()) == 6
    overdue_only = check_json(ledger_2024, "--cadre", "Phạm Thanh Trung", "--status", "overdue")
    assert overdue_only["counts"] == doc["counts"] and len(overdue_only["items"]) == doc["counts"]["overdue"]
    assert "Phạm Thanh Trung" in ledger_2024.refused("check", "--cadre", "Pham Thanh Trungg")
    # The commune and the cadre together: the one that follows it, or nothing.
    assert check_json(ledger_2024, "--cadre", "Phạm Thanh Trung", "--commune", "Chí Đạo", "--all")["counts"][
        "on_time"] == 2
    assert check_json(ledger_2024, "--cadre", "Phạm Thanh Trung", "--commune", "Hiền Lương", "--all")["items"] == []


# --- history --since / --until ------------------------------------------------------

@pytest.fixture
def vietnam_time(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def record_at(db: Path, when: dt.datetime, commune: str, kind: str = "report") -> None:
    """A filing recorded by a command that ran at `when` (UTC)."""
    from cadretrack.context import Run
    from cadretrack.ops.filings import FilingInput, record_filing
    from cadretrack.ops.ledger import open_ledger

    run = Run.at(when, ["cadretrack", "record", kind, "--commune", commune])
    with open_ledger(db, run) as ledger:
        record_filing(ledger, FilingInput(kind=kind, year=2025, filed=dt.date(2025, 11, 20), commune=commune), run)


def test_history_since_and_until_take_whole_local_days(ledger_2024, vietnam_time):
    utc = dt.timezone.utc
    # 17:30 UTC on 24/11 is 00:30 on 25/11 in Hà Nội; 16:59 UTC on 25/11 is 23:59 there.
    record_at(ledger_2024.db, dt.datetime(2025, 11, 24, 17, 30, tzinfo=utc), "Tân Hòa")
    record_at(ledger_2024.db, dt.datetime(2025, 11, 25, 16, 59, tzinfo=utc), "Hiền Lương")
    record_at(ledger_2024.db, dt.datetime(2025, 11, 25, 17, 0, tzinfo=utc), "Chí Đạo")

    def ids(*args: str) -> list[str]:
        doc = json.loads(ledger_2024.ok("history", *args, "--format", "json").stdout)
        return [c["command"][-1] for c in doc]

    assert ids("--since", "25/11/2025", "--until", "25/11/2025") == ["Hiền Lương", "Tân Hòa"]
    assert ids("--since", "26/11/2025", "--until", "30/11/2025") == ["Chí Đạo"]
    assert "Tân Hòa" not in ids("--until", "24/11/2025") and "Tân Hòa" in ids("--until", "25/11/2025")
    assert ids("--since", "2025-11-25", "--until", "25/11/2025 12:00") == ["Tân Hòa"]
    assert ids("--since", "25/11/2025", "--limit", "1") == ["Chí Đạo"]
    assert "31/02/2025" in ledger_2024.refused("history", "--since", "31/02/2025")
    assert "since" in ledger_2024.refused("history", "--since", "26/11/2025", "--until", "25/11/2025")
    assert "25/11/2025 25:00" in ledger_2024.refused("history", "--since", "25/11/2025 25:00")
    out = ledger_2024.ok("history", "--since", "01/01/2099", lang="vi").stdout
    assert "Không có lần thay đổi nào" in out


# --- remind --year / --kind / --district -----------------------------------------------

def test_remind_chases_the_as_of_year_and_counts_the_year_before(ledger_2024):
    out = ledger_2024.ok("remind", "--as-of", "02/12/2025", lang="vi").stdout
    assert "năm 2024" not in out.split("Còn")[0]  # no 2024 filing chased
    assert "Báo cáo năm 2025" in out
    assert "Còn 82 văn bản năm 2024 chưa nộp, đã quá hạn" in out and "--year 2024" in out
    earlier = ledger_2024.ok("remind", "--as-of", "02/12/2025", "--year", "2024", lang="vi").stdout
    assert "năm 2024" in earlier and "năm 2025" not in earlier and "Còn " not in earlier


def test_remind_filters_by_kind_and_district(ledger_2024, tmp_path):
    out = ledger_2024.ok("remind", "--as-of", "02/12/2025", "--year", "2024", "--kind", "report",
                         "--district", "Đà Bắc", "--output", tmp_path / "letters").stdout
    assert "Huyện Đà Bắc" in out and "Nhận xét" not in out and "Chương trình" not in out
    assert "Lạc Sơn" not in out
    index = tmp_path / "letters" / "danh-sach-cong-van.xlsx"
    assert index.exists()
    ledger_2024.refused("remind", "--district", "Đà Bắcc")
    ledger_2024.refused("remind", "--kind", "memo")


# --- the progress bar and the busy ledger ------------------------------------------------

def run_with_terminal_stderr(args: list[str], interrupt_at: bytes | None = None, cwd: Path | None = None):
    """(exit code, stdout, what the terminal on stderr showed) of the real CLI."""
    master, slave = pty.openpty()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen([sys.executable, "-m", "cadretrack", *map(str, args)], stdout=out, stderr=slave,
                                stdin=subprocess.DEVNULL, cwd=cwd, env={**os.environ, "COLUMNS": "100"})
        os.close(slave)
        shown, sent = b"", False
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the process closed its end
                break
            if not chunk:
                break
            shown += chunk
            if interrupt_at is not None and not sent and interrupt_at in shown:
                proc.send_signal(signal.SIGINT)
                sent = True
        os.close(master)
        code = proc.wait(120)
        out.seek(0)
        return code, out.read().decode(), shown.decode(errors="replace")


def test_letters_show_a_bar_on_a_terminal_and_nothing_when_stderr_is_not_one(ledger_2024, tmp_path):
    args = ["--db", ledger_2024.db, "remind", "--as-of", "02/12/2025", "--district", "Lạc Sơn", "--output"]
    code, out, shown = run_with_terminal_stderr([*args, tmp_path / "a"])
    assert code == 0 and "Đang soạn công văn đôn đốc" in shown and "━" in shown
    assert "Đang soạn" not in out  # the bar is never on stdout
    done = subprocess.run([sys.executable, "-m", "cadretrack", *map(str, args), tmp_path / "b"],
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == ""
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == sorted(p.name for p in (tmp_path / "b").iterdir())


def test_an_export_shows_its_bar_and_ctrl_c_under_the_bar_says_what_was_done(ledger_2024, tmp_path):
    code, _, shown = run_with_terminal_stderr(["--db", ledger_2024.db, "export", "summary", "--year", "2024",
                                               "--output", tmp_path / "t.xlsx"])
    assert code == 0 and "Đang lập bảng tổng hợp" in shown and (tmp_path / "t.xlsx").exists()
    before = snapshot(ledger_2024.db)
    code, _, shown = run_with_terminal_stderr(
        ["--db", ledger_2024.db, "remind", "--as-of", "02/12/2025", "--output", tmp_path / "letters"],
        interrupt_at=b"/176")
    assert code == 130, shown
    assert "Đã dừng" in shown and "Traceback" not in shown
    assert not (tmp_path / "letters").exists() or not any((tmp_path / "letters").iterdir())
    assert snapshot(ledger_2024.db) == before


def test_a_command_waiting_for_the_ledgers_lock_says_so(ledger_2024):
    holder = sqlite3.connect(ledger_2024.db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    proc = subprocess.Popen(
        [sys.executable, "-m", "cadretrack", "--db", str(ledger_2024.db), "record", "report", "--year", "2025",
         "--date", "01/12/2025", "--commune", "Tân Hòa"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "CADRETRACK_BUSY_TIMEOUT": "120"})
    try:
        line = proc.stderr.readline()  # printed while the lock is held: the command is waiting
        assert "Sổ theo dõi đang bận" in line and "120 giây" in line
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.wait(120) == 0, proc.stderr.read()
    assert "Đã ghi nhận" in proc.stdout.read()
    with contextlib.closing(sqlite3.connect(ledger_2024.db)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM filings WHERE year = 2025").fetchone()[0] == 1


def test_a_lock_held_for_a_moment_is_waited_for_without_a_word(ledger_2024):
    result = ledger_2024("record", "report", "--year", "2025", "--date", "01/12/2025", "--commune", "Tân Hòa")
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.parametrize("args", [
    ["list", "filings", "--year", "99999999999999999999"], ["list", "filings", "--year", "-5"],
    ["check", "--year", "0"], ["check", "--as-of", "31/12/9999"], ["remind", "--year", "99999"],
    ["remind", "--as-of", "01/01/0001"], ["remind", "--within", "99999999999999999999"],
    ["export", "summary", "--year", "20224", "--output", "x.xlsx"],
    ["history", "--until", "31/12/9999"], ["history", "--since", "01/01/0001 00:00"],
])
def test_a_year_or_moment_no_calendar_holds_is_refused_in_one_sentence(ledger_2024, args):
    err = ledger_2024.refused(*args, lang="vi")
    errors = [line for line in err.splitlines() if line.startswith("Lỗi:")]
    assert len(errors) == 1 and "Traceback" not in err  # one sentence (after the usage line for a bad option)


def test_ctrl_c_while_waiting_for_the_lock_stops_at_once(ledger_2024):
    before = snapshot(ledger_2024.db)
    holder = sqlite3.connect(ledger_2024.db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "cadretrack", "--db", str(ledger_2024.db), "record", "report", "--year", "2025",
             "--date", "01/12/2025", "--commune", "Tân Hòa"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "CADRETRACK_BUSY_TIMEOUT": "3600"})  # an hour: only the Ctrl-C can end it
        assert "Sổ theo dõi đang bận" in proc.stderr.readline()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(300) == 130
        assert "Đã dừng" in proc.stderr.read()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert snapshot(ledger_2024.db) == before


def test_the_ops_take_one_criteria_object_and_the_older_keywords_alike(ledger_2024):
    """What a web page calls: run_check and list_filings with a Criteria, outside Typer."""
    from cadretrack.context import Run
    from cadretrack.domain.criteria import Criteria, FilingCriteria
    from cadretrack.ops.check import run_check
    from cadretrack.ops.ledger import open_ledger
    from cadretrack.ops.listing import list_filings

    run = Run.at(dt.datetime.now(dt.timezone.utc))
    day = dt.date(2024, 12, 31)
    with open_ledger(ledger_2024.db, run) as db:
        by_object = run_check(db, 2024, day, include_all=True, criteria=Criteria(kinds="report", district="Đà Bắc"))
        by_keywords = run_check(db, 2024, day, include_all=True, kinds=["report"], district="Đà Bắc")
        assert by_object.counts == by_keywords.counts and sum(by_object.counts.values()) > 0
        assert {i.owed.assignment.district for i in by_object.items} == {"Huyện Đà Bắc"}
        found = list_filings(db, FilingCriteria(cadre="Phạm Thanh Trung", year=2024, kinds="program"))
        assert [r.assignment.commune for r in found.items] == ["Phường Tân Hòa", "Xã Chí Đạo"]


def test_letters_of_one_year_kind_and_district_are_verified_as_made(ledger_2024, tmp_path):
    """verify FILE remakes the letters' index with the year, kinds and district they were made for."""
    out = tmp_path / "letters"
    ledger_2024.ok("remind", "--as-of", "02/12/2025", "--year", "2024", "--kind", "report", "--district", "Đà Bắc",
                   "--output", out)
    result = ledger_2024("verify", out / "danh-sach-cong-van.xlsx")
    assert result.exit_code == 0, result.output + result.stderr
    ledger_2024.ok("remind", "--as-of", "02/12/2025", "--output", tmp_path / "default")
    result = ledger_2024("verify", tmp_path / "default" / "danh-sach-cong-van.xlsx")
    assert result.exit_code == 0, result.output + result.stderr
