"""A command that only reads leaves the ledger file byte for byte as it was, even when the
stored name keys are stale (the next writer refreshes them, not a reader)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from sheets import PAIRS, assign

READ_ONLY = [
    ("check", "--year", "2023", "--as-of", "31/12/2023"),
    ("check", "--year", "2023", "--format", "json", "--district", "Đà Bắc"),
    ("list", "assignments"),
    ("list", "assignments", "--on", "01/06/2023", "--format", "csv"),
    ("show", "--commune", "Hiền Lương"),
    ("show", "--cadre", "Nguyễn Văn An", "--format", "json"),
    ("rules",),
    ("rules", "--format", "toml"),
    ("verify",),
    ("history",),
    ("difficulties", "--format", "json"),
    ("remind", "--as-of", "01/12/2023"),
]


def files(db: Path) -> dict[str, str]:
    """The digest of the ledger and of its write-ahead log, as they lie on disk. (The -shm
    file is SQLite's shared-memory index of the log, which every reader touches; it holds
    no data and is rebuilt from the log when missing.)"""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in (db, Path(f"{db}-wal")) if p.exists()}


def at_rest(db: Path) -> None:
    """The ledger as a clerk's disk holds it between commands: every connection of the
    commands run in this process closed (each closes its own when it ends), the write-ahead
    log folded into the file."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


@pytest.fixture
def filled(ledger, tmp_path):
    assign(ledger, tmp_path, PAIRS + [("Phạm Minh Dũng", "Sở Xây dựng", "Xã Tú Lý")])
    ledger.ok("record", "program", "--year", "2023", "--date", "20/05/2023", "--commune", "Hiền Lương")
    ledger.ok("record", "difficulty", "--commune", "Tú Lý", "--date", "05/03/2023", "--text", "Thiếu kinh phí")
    at_rest(ledger.db)
    return ledger


@pytest.mark.parametrize("args", READ_ONLY, ids=" ".join)
def test_a_read_only_command_leaves_the_file_as_it_was(filled, args):
    before = files(filled.db)
    result = filled(*args)
    assert result.exit_code in (0, 1), result.output + result.stderr
    assert files(filled.db) == before


def test_stale_name_keys_are_read_in_memory_and_refreshed_by_the_next_writer(filled):
    conn = sqlite3.connect(filled.db)
    with conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'name_key_version'")
        conn.execute("UPDATE communes SET name_key = 'x', name_loose = 'x' WHERE name = 'Xã Hiền Lương'")
    conn.close()
    at_rest(filled.db)
    before = files(filled.db)
    for args in READ_ONLY[:6]:
        result = filled(*args)
        assert result.exit_code in (0, 1), result.output + result.stderr
    assert "Hiền Lương" in filled.ok("show", "--commune", "hien luong").stdout  # found without its stored keys
    assert files(filled.db) == before
    filled.ok("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Hiền Lương")
    conn = sqlite3.connect(filled.db)
    try:
        assert conn.execute("SELECT value FROM meta WHERE key = 'name_key_version'").fetchone()[0] != "0"
        assert conn.execute("SELECT name_key FROM communes WHERE name = 'Xã Hiền Lương'").fetchone()[0] == "hiên2 lương"  # the key, tone apart
    finally:
        conn.close()


@pytest.mark.parametrize("command", ["summary", "report"])
def test_an_export_writes_its_document_and_leaves_the_ledger_as_it_was(filled, tmp_path, command):
    before = files(filled.db)
    out = tmp_path / ("out.xlsx" if command == "summary" else "out.docx")
    filled.ok("export", command, "--year", "2023", "--as-of", "31/12/2023", "--output", out)
    assert out.stat().st_size > 5000 and files(filled.db) == before
