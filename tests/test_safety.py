"""Data safety: history and undo, backups and restore, verify, schema upgrades."""

import json
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from conftest import snapshot
from sheets import HEADER, PAIRS, assignment_rows, xlsx

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def assigned(ledger, tmp_path):
    path = xlsx(tmp_path / "list.xlsx", [HEADER] + assignment_rows(PAIRS[:2]))
    assert ledger("import", "assignments", path, "--effective", "14/12/2022").exit_code == 0
    return ledger


def counts(db):
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("assignments", "filings", "changesets")}
    finally:
        conn.close()


def test_undo_reverts_the_latest_change_and_deletes_nothing(assigned, tmp_path):
    before_list = assigned.json("list", "assignments")
    before_check = assigned.json("check", "--year", "2023", "--as-of", "31/12/2023", "--all")
    change = xlsx(tmp_path / "b.xlsx", [HEADER] + assignment_rows([("Lê Đức Cường", "Sở Nội vụ", "Hiền Lương")]))
    assert assigned("import", "assignments", change, "--effective", "15/10/2023", "--complete").exit_code == 0
    assert assigned("record", "report", "--year", "2023", "--date", "05/12/2023", "--commune", "Hiền Lương").exit_code == 0
    rows_before_undo = counts(assigned.db)
    # Undo the filing, then the import: back to where we were.
    first = assigned("undo")
    assert first.exit_code == 0 and "record report" in first.stdout
    assert assigned("undo").exit_code == 0
    assert assigned.json("list", "assignments") == before_list
    assert assigned.json("check", "--year", "2023", "--as-of", "31/12/2023", "--all") == before_check
    after = counts(assigned.db)
    assert after["assignments"] == rows_before_undo["assignments"] and after["filings"] == rows_before_undo["filings"]
    history = assigned.json("history")
    assert [h["id"] for h in history] == sorted((h["id"] for h in history), reverse=True)
    # Newest first: undo (of the import), undo (of the record), record, import, …
    assert history[0]["command"] == ["cadretrack", "undo"] and history[0]["undoes"] == history[3]["id"]
    assert history[1]["undoes"] == history[2]["id"] and history[2]["undone_by"] == history[1]["id"]
    assert history[2]["command"][:3] == ["cadretrack", "record", "report"]
    assert {"id", "at", "user", "command", "summary"} <= set(history[0])
    assert len(assigned.json("history", "--limit", "2")) == 2


def test_undo_of_a_replacement_makes_the_earlier_filing_current(assigned):
    assigned("record", "report", "--year", "2023", "--date", "20/12/2023", "--commune", "Tân Hòa")
    assigned("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Tân Hòa", "--replace")
    assert assigned("undo").exit_code == 0
    doc = assigned.json("check", "--year", "2023", "--as-of", "31/12/2023", "--all", "--kind", "report")
    (item,) = [i for i in doc["items"] if i["commune"] == "Phường Tân Hòa"]
    assert item["filed"] == "2023-12-20" and item["status"] == "late"


def test_nothing_to_undo(ledger):
    result = ledger("undo")
    assert result.exit_code == 2 and "nothing" not in result.stdout and "no change" in result.stderr


def test_automatic_backups_are_kept_and_private(assigned, tmp_path, monkeypatch):
    monkeypatch.setenv("CADRETRACK_BACKUPS_KEEP", "3")
    folder = assigned.db.parent / "backups"
    for day in ("01/01/2023", "01/02/2023", "01/03/2023", "01/04/2023"):
        path = xlsx(tmp_path / "x.xlsx", [HEADER] + assignment_rows([("Người " + day, "Sở", "Hiền Lương")]))
        assert assigned("import", "assignments", path, "--effective", day, "--amend").exit_code == 0
    backups = sorted(folder.glob("*.db"))
    assert len(backups) == 3
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(b.stat().st_mode) == 0o600 for b in backups)
    assert stat.S_IMODE(assigned.db.stat().st_mode) == 0o600
    # The newest backup is the ledger as it was just before the last import.
    newest = backups[-1]
    conn = sqlite3.connect(newest)
    assert conn.execute("SELECT COUNT(*) FROM assignments WHERE start = '2023-04-01'").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM assignments WHERE start = '2023-03-01'").fetchone()[0] == 1


def test_backup_and_restore(assigned, tmp_path):
    copy = tmp_path / "copy.db"
    result = assigned("backup", "--output", copy)
    assert result.exit_code == 0 and copy.exists() and stat.S_IMODE(copy.stat().st_mode) == 0o600
    saved = snapshot(assigned.db)
    assert assigned("record", "report", "--year", "2023", "--date", "05/12/2023", "--commune", "Hiền Lương").exit_code == 0
    assert snapshot(assigned.db) != saved
    result = assigned("restore", copy)
    assert result.exit_code == 0, result.output
    assert snapshot(assigned.db) == saved
    assert any("restore" in p.name for p in (assigned.db.parent / "backups").glob("*.db"))
    # Refusals: not a ledger, damaged, missing.
    notes = tmp_path / "notes.db"
    notes.write_text("hello")
    assert assigned("restore", notes).exit_code == 2
    assert assigned("restore", tmp_path / "missing.db").exit_code == 2
    assert assigned("backup", "--output", copy).exit_code == 2  # never overwrites
    assert snapshot(assigned.db) == saved


def test_verify_clean_and_every_named_check(assigned):
    clean = assigned("verify", "--format", "json")
    doc = json.loads(clean.stdout)
    assert clean.exit_code == 0 and doc["ok"] and doc["errors"] == 0
    assert {f["code"] for f in doc["findings"]} == {"unfollowed-commune"}  # 149 communes nobody follows
    conn = sqlite3.connect(assigned.db)
    with conn:
        code = conn.execute("SELECT commune_code FROM assignments WHERE id = 1").fetchone()[0]
        conn.execute("INSERT INTO assignments (commune_code, cadre_id, position, start, created_in) VALUES (?, 2, '', '2023-06-01', 1)", [code])
        conn.execute("INSERT INTO filings (assignment_id, kind, year, filed, created_in) VALUES (2, 'report', 2023, '2022-01-05', 1)")
        conn.execute("INSERT INTO filings (assignment_id, kind, year, filed, created_in) VALUES (2, 'program', 2023, '2999-01-05', 1)")
        conn.execute("INSERT INTO filings (assignment_id, kind, year, filed, created_in) VALUES (2, 'report', 2022, '2022-12-20', 1)")
    conn.close()
    result = assigned("verify", "--format", "json")
    doc = json.loads(result.stdout)
    assert result.exit_code == 1 and not doc["ok"]
    codes = {f["code"] for f in doc["findings"]}
    assert {"overlapping-assignments", "filing-before-assignment", "future-date", "filing-not-owed"} <= codes
    table = assigned("verify", lang="vi")  # for people: the checks by their names, codes in JSON only
    assert table.exit_code == 1 and "Phân công chồng nhau" in table.stdout
    assert "overlapping-assignments" not in table.stdout


def test_a_ledger_of_an_earlier_schema_upgrades_after_a_backup(tmp_path):
    from conftest import Cli

    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "ledger-schema-2.db", db)
    cli = Cli(db)
    doc = cli.json("check", "--year", "2023", "--as-of", "31/12/2023")
    assert doc["counts"] == {"on_time": 299, "late": 91, "overdue": 66, "pending": 0}
    conn = sqlite3.connect(db)
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied[:2] == ["m001_ledger", "m002_filings"] and len(applied) >= 3
    backups = list((tmp_path / "backups").glob("old-*-upgrade.db"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert [r[0] for r in old.execute("SELECT name FROM _sqlite_migrations ORDER BY id")] == ["m001_ledger", "m002_filings"]
    # The upgraded ledger keeps working: record, undo, verify.
    assert cli("record", "report", "--year", "2024", "--date", "01/12/2024", "--commune", "Tú Lý").exit_code == 0
    assert cli("undo").exit_code == 0
    assert cli("verify").exit_code == 0


def test_a_ledger_of_this_version_keeps_opening(tmp_path):
    """Made by `cadretrack demo` at schema 4; every later version must read it unchanged."""
    from conftest import Cli

    db = tmp_path / "v4.db"
    shutil.copy(FIXTURES / "ledger-schema-4.db", db)
    cli = Cli(db)
    assert cli.json("check", "--year", "2023", "--as-of", "31/12/2023")["counts"] == {
        "on_time": 300, "late": 90, "overdue": 66, "pending": 0}
    assert len(cli.json("list", "assignments")) == 154
    assert len(cli.json("difficulties", "--as-of", "31/12/2023")) == 2
    assert cli("verify").exit_code == 0


def test_an_import_backs_up_only_a_ledger_that_changed_since_the_newest_backup(assigned, tmp_path):
    folder = assigned.db.parent / "backups"
    before = sorted(folder.glob("*.db"))
    # A refused import writes nothing; the one after it finds the ledger as the newest backup
    # holds it and takes no second copy of the same state.
    bad = xlsx(tmp_path / "bad.xlsx", [HEADER] + assignment_rows([("Người A", "Sở", "Không Có Xã Này")]))
    assert assigned("import", "assignments", bad, "--effective", "01/01/2023", "--amend").exit_code == 2
    good = xlsx(tmp_path / "good.xlsx", [HEADER] + assignment_rows([("Người B", "Sở", "Hiền Lương")]))
    state = snapshot(assigned.db)
    assert assigned("backup").exit_code == 0  # a manual backup is always a new file
    manual = sorted(folder.glob("*.db"))
    assert len(manual) == len(before) + 1
    assert assigned("import", "assignments", good, "--effective", "01/02/2023", "--amend").exit_code == 0
    assert sorted(folder.glob("*.db")) == manual  # the manual one holds the ledger as it was
    # …and a restore of it gives back exactly the ledger before the import.
    assert assigned("restore", manual[-1]).exit_code == 0
    assert snapshot(assigned.db) == state
    # After a change, the next import copies again.
    assert assigned("record", "report", "--year", "2023", "--date", "05/12/2023", "--commune", "Hiền Lương").exit_code == 0
    later = xlsx(tmp_path / "later.xlsx", [HEADER] + assignment_rows([("Người C", "Sở", "Hiền Lương")]))
    count = len(list(folder.glob("*.db")))
    assert assigned("import", "assignments", later, "--effective", "01/03/2023", "--amend").exit_code == 0
    assert len(list(folder.glob("*.db"))) == count + 1
