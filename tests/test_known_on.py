"""`--known-on`: the ledger as it stood at a moment. A year's ledger is built in steps (a
clock the test moves between change sets); the `check --format json` printed after each
step is kept, and `check --known-on` at each of those moments must print exactly it."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time

import pytest

from conftest import snapshot
from sheets import HEADER, PAIRS, assign, assignment_rows, xlsx
from test_rule_sets import PHU_THO, rules_file

LOCAL = dt.timezone(dt.timedelta(hours=7))  # Asia/Ho_Chi_Minh, set as TZ below
START = dt.datetime(2023, 12, 19, 8, 0, tzinfo=LOCAL)


@pytest.fixture
def fixed_tz():
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Ho_Chi_Minh"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


class Clock:
    """The moment the CLI stamps change sets with, moved by the test (10 minutes a step)."""

    def __init__(self, monkeypatch) -> None:
        self.moment = START
        monkeypatch.setattr("cadretrack.cli.common.now", lambda: self.moment.astimezone(dt.timezone.utc))

    def step(self) -> str:
        self.moment += dt.timedelta(minutes=10)
        return self.moment.strftime("%d/%m/%Y %H:%M")


CHECK = ("check", "--year", "2023", "--as-of", "31/12/2023", "--all")


def check_json(cli, *more) -> dict:
    result = cli(*CHECK, *more, "--format", "json")
    assert result.exit_code in (0, 1), result.output + result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def built(cli, tmp_path, monkeypatch, fixed_tz):
    """A ledger built step by step; [(moment typed as the clerk would, check JSON then)]."""
    clock = Clock(monkeypatch)
    seen = []

    def did(*args):
        moment = clock.step()
        cli.ok(*args)
        seen.append((moment, check_json(cli)))

    did("init")
    path = xlsx(tmp_path / "list.xlsx", [HEADER] + assignment_rows(PAIRS))
    did("import", "assignments", path, "--effective", "14/12/2022")
    did("record", "program", "--year", "2023", "--date", "20/05/2023", "--commune", "Hiền Lương")
    did("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Tân Hòa")
    did("record", "report", "--year", "2023", "--date", "05/12/2023", "--commune", "Mông Hóa")
    did("undo")  # the Mông Hóa report: counted before this moment, not after
    did("record", "program", "--year", "2023", "--date", "25/06/2023", "--commune", "Hiền Lương", "--replace")
    amend = xlsx(tmp_path / "amend.xlsx", [HEADER] + assignment_rows([("Phạm Minh Đức", "Sở Nội vụ", "Xã Mông Hóa")]))
    did("import", "assignments", amend, "--effective", "01/07/2023", "--amend")
    rules = rules_file(tmp_path, "rules.toml", PHU_THO.replace("effective = 2026-01-01", "effective = 2023-07-01"))
    did("rules", "set", rules)
    did("undo")  # the rule set
    did("rules", "set", rules)
    did("record", "evaluation", "--year", "2023", "--date", "08/12/2023", "--commune", "Tân Hòa",
        "--rating", "tot")
    did("undo")  # the evaluation
    did("undo")  # the rule set again
    return cli, seen


def test_known_on_each_moment_is_the_check_printed_then(built):
    cli, seen = built
    assert len({json.dumps(c, sort_keys=True) for _, c in seen}) >= 8  # the steps changed what check says
    for moment, then in seen:
        assert check_json(cli, "--known-on", moment) == then, moment


def test_a_date_alone_is_the_end_of_that_day_and_a_later_moment_is_now(built):
    cli, seen = built
    assert check_json(cli, "--known-on", "19/12/2023") == seen[-1][1]
    assert check_json(cli, "--known-on", "2023-12-20") == check_json(cli)


def test_known_on_combines_with_as_of_and_filters(built):
    cli, seen = built
    moment, _ = seen[4]  # the Mông Hóa report recorded, not yet undone
    then = check_json(cli, "--known-on", moment, "--status", "on_time", "--kind", "report")
    assert [i["commune_code"] for i in then["items"]] == [i["commune_code"] for i in seen[4][1]["items"]
                                                          if i["status"] == "on_time" and i["kind"] == "report"]
    assert len(then["items"]) == 2
    early = check_json(cli, "--known-on", moment, "--as-of", "02/12/2023")
    assert early["as_of"] == "2023-12-02"
    assert {i["commune_code"] for i in early["items"] if i["kind"] == "report" and i["filed"]} == {
        i["commune_code"] for i in then["items"] if i["filed"] == "2023-12-01"}


def test_moments_before_the_ledger_or_badly_written_are_refused(built):
    cli, _ = built
    assert "18/12/2023" in cli.refused(*CHECK, "--known-on", "18/12/2023")
    for bad in ("31/02/2023", "19/12/2023 24:00", "tomorrow", "19/12/2023 8h"):
        assert bad in cli.refused(*CHECK, "--known-on", bad)
    said = cli.refused(*CHECK, "--known-on", "31/02/2023", lang="vi")
    assert "thời điểm" in said


def test_known_on_writes_nothing(built):
    cli, seen = built
    before = snapshot(cli.db)
    for moment, _ in seen[:5]:
        check_json(cli, "--known-on", moment)
    assert snapshot(cli.db) == before


def test_an_undo_notes_what_it_overwrote(built):
    cli, _ = built
    with sqlite3.connect(cli.db) as conn:
        undos = conn.execute("SELECT id, undoes FROM changesets WHERE undoes IS NOT NULL").fetchall()
        noted = {row[0] for row in conn.execute("SELECT DISTINCT changeset_id FROM changes").fetchall()}
    assert len(undos) == 4 and all(u in noted for u, _ in undos)
    assert cli("undo").exit_code == 0  # still undoes the latest command, not an undo


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cadretrack.domain.dates import DateError, parse_moment  # noqa: E402


@given(st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 12, 31)),
       st.sampled_from(["%d/%m/%Y %H:%M", "%d-%m-%Y %H:%M", "%d.%m.%Y, %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]))
def test_a_moment_is_the_end_of_its_minute(moment, form):
    assert parse_moment(moment.strftime(form)) == moment.replace(second=59, microsecond=0)
    assert parse_moment(moment.strftime("%d/%m/%Y")) == dt.datetime.combine(moment.date(), dt.time(23, 59, 59))


@given(st.text(max_size=30))
def test_any_text_is_a_moment_or_a_date_error(text):
    try:
        parse_moment(text)
    except DateError:
        pass


def test_lists_show_and_remind_follow_the_moment(built):
    cli, seen = built
    before_amend, after_amend = seen[6][0], seen[7][0]

    def cadres(*args):
        return {row["cadre"] for row in cli.json(*args)}

    assert "Phạm Minh Đức" not in cadres("list", "assignments", "--known-on", before_amend)
    assert "Phạm Minh Đức" in cadres("list", "assignments", "--known-on", after_amend)
    assert "Phạm Minh Đức" not in cadres("show", "--commune", "Mông Hóa", "--known-on", before_amend)
    assert "Phạm Minh Đức" in cadres("show", "--commune", "Mông Hóa")
    early = cli("remind", "--as-of", "10/12/2023", "--known-on", seen[2][0])
    late = cli("remind", "--as-of", "10/12/2023", "--known-on", seen[3][0])
    assert early.exit_code == late.exit_code == 0 and early.stdout != late.stdout


def test_diff_names_the_undo_that_withdrew_a_filing(built):
    cli, seen = built
    found = cli.json("diff", "--since", seen[4][0], "--as-of", "31/12/2023")
    withdrawn = [c for c in found["changes"] if c["change"] == "withdrawn"]
    assert [(c["kind"], c["changeset"], c["command"], c["before"]) for c in withdrawn] == [
        ("report", 6, "cadretrack undo", "on_time")]
    assert found["counts_before"] == seen[4][1]["counts"]


def test_a_moment_in_the_future_is_refused_and_today_is_not(tmp_path):
    """What the ledger will know is no question: --known-on and diff --since after today are
    exit 2 in one sentence; today (a date alone is its end) is the ledger as it is now."""
    import datetime as dt
    import subprocess
    import sys

    db = tmp_path / "so.db"

    def run(*args):
        return subprocess.run([sys.executable, "-m", "cadretrack", "--db", str(db), "--lang", "en", *args],
                              capture_output=True, text=True, timeout=120)

    assert run("init").returncode == 0
    later = (dt.date.today() + dt.timedelta(days=400)).strftime("%d/%m/%Y")
    for args in (("check", "--known-on", later), ("diff", "--since", later)):
        refused = run(*args)
        assert refused.returncode == 2 and "is in the future" in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr
    assert run("check", "--known-on", dt.date.today().strftime("%d/%m/%Y")).returncode == 0
