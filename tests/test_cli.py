"""The CLI as a user meets it: help, version, languages, the demo, ledger guards."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from cadretrack.cli.app import app


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "cadretrack", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=60)


def test_help_in_both_languages():
    vi = run("--help")
    en = run("--lang", "en", "--help")
    assert vi.returncode == 0 and "Theo dõi việc thực hiện Quy định 26-QĐ/TU" in vi.stdout
    assert en.returncode == 0 and "Track Regulation 26-QĐ/TU" in en.stdout
    for command in ("init", "demo", "import", "list", "show", "record", "check", "rules"):
        assert command in vi.stdout
    sub = run("check", "--help", env={"CADRETRACK_LANG": "en"})
    assert "--as-of" in sub.stdout and "As of this date" in sub.stdout


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("cadretrack ")


def test_every_command_refuses_a_missing_ledger(tmp_path):
    runner = CliRunner()
    db = tmp_path / "typo.db"
    for args in (["list", "assignments"], ["check"], ["rules"], ["show", "--commune", "x"],
                 ["record", "report", "--year", "2023", "--date", "01/01/2024", "--commune", "x"]):
        result = runner.invoke(app, ["--db", str(db), *args])
        assert result.exit_code == 2, args
        assert "cadretrack init" in result.stderr
    assert not db.exists()


def test_init_twice_and_on_a_foreign_file(tmp_path):
    runner = CliRunner()
    db = tmp_path / "l.db"
    assert runner.invoke(app, ["--db", str(db), "init"]).exit_code == 0
    assert oct(db.stat().st_mode & 0o777) == "0o600"
    conn = sqlite3.connect(db)  # while a connection writes, the journal files exist: private too
    conn.execute("INSERT INTO meta VALUES ('probe', '1')")
    conn.commit()
    assert all(oct(Path(f"{db}{s}").stat().st_mode & 0o777) == "0o600" for s in ("-wal", "-shm"))
    conn.close()
    again = runner.invoke(app, ["--db", str(db), "--lang", "en", "init"])
    assert again.exit_code == 0 and "already exists" in again.stdout
    other = tmp_path / "notes.db"
    other.write_text("my notes")
    result = runner.invoke(app, ["--db", str(other), "init"])
    assert result.exit_code == 2 and other.read_text() == "my notes"
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE x (a)")
    assert runner.invoke(app, ["--db", str(foreign), "check"]).exit_code == 2


def test_init_with_a_national_gazetteer(tmp_path):
    from conftest import GAZETTEERS

    runner = CliRunner()
    db = tmp_path / "vn.db"
    result = runner.invoke(app, ["--db", str(db), "--lang", "en", "init", "--gazetteer", str(GAZETTEERS / "vn-2025.csv")])
    assert result.exit_code == 0 and "3321" in result.stdout


def test_demo_shows_every_status(tmp_path):
    result = CliRunner().invoke(app, ["--lang", "en", "demo", "--dir", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    for title in ("Overdue (", "Filed late (", "Pending (", "On time ("):
        assert title in result.stdout
    assert (tmp_path / "demo" / "cadretrack-demo.db").exists()


def test_init_into_a_folder_that_does_not_exist_names_it(tmp_path):
    from conftest import Cli

    cli = Cli(tmp_path / "nowhere" / "ledger.db")
    err = cli.refused("init", lang="vi")
    assert "nowhere" in err and not (tmp_path / "nowhere").exists()
