"""Opening, creating and writing the ledger file."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from cadretrack.errors import CadretrackError
from cadretrack.store.schema import APP, MIGRATIONS, migration_set


class Ledger:
    """An open ledger: a sqlite3 connection, with sqlite-utils' table API loaded on first
    use (writes need it; a read-only command such as `check` starts without it)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils = None

    @property
    def utils(self):
        if self._utils is None:
            from sqlite_utils import Database

            self._utils = Database(self.conn, execute_plugins=False)
        return self._utils

    def execute(self, sql: str, params=()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def __getitem__(self, table: str):
        return self.utils[table]

    def atomic(self):
        return self.utils.atomic()

    def close(self) -> None:
        self.conn.close()


def _pending(db: Ledger) -> list[str]:
    names = [fn.__name__ for fn in MIGRATIONS]
    try:
        applied = {r[0] for r in db.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [APP]).fetchall()}
    except sqlite3.OperationalError:
        return names
    return [n for n in names if n not in applied]

BUSY_TIMEOUT_SECONDS = 15.0


def busy_timeout() -> float:
    """Seconds a command waits for another writer (CADRETRACK_BUSY_TIMEOUT, default 15)."""
    try:
        return max(0.0, float(os.environ.get("CADRETRACK_BUSY_TIMEOUT", BUSY_TIMEOUT_SECONDS)))
    except ValueError:
        return BUSY_TIMEOUT_SECONDS


def _connect(path: Path) -> Ledger:
    timeout = busy_timeout()
    conn = sqlite3.connect(str(path), timeout=timeout)
    db = Ledger(conn)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def is_ledger(path: Path) -> bool:
    """True when the file is a SQLite database made by cadretrack."""
    try:
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                return False
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
        finally:
            conn.close()
        return bool(row and row[0] == APP)
    except (OSError, sqlite3.Error):
        return False


def create_ledger(path: Path, now: dt.datetime) -> Ledger:
    """A new, empty ledger at path (mode 600). The caller loads gazetteer and rules."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    db = _connect(path)
    migration_set().apply(db.utils)
    with db.atomic():
        db["meta"].insert_all(
            [
                {"key": "app", "value": APP},
                {"key": "created_at", "value": now.isoformat(timespec="seconds")},
            ]
        )
    return db


def open_ledger(path: Path, now: dt.datetime) -> Ledger:
    """The existing ledger at path, upgraded to the current schema (after a backup)."""
    if not path.exists():
        raise CadretrackError("ledger_missing", path=str(path.resolve()))
    if not is_ledger(path):
        raise CadretrackError("ledger_foreign", path=str(path.resolve()))
    os.chmod(path, 0o600)
    db = _connect(path)
    if _pending(db):
        from cadretrack.store.backup import auto_backup

        auto_backup(path, "upgrade", now)
        migration_set().apply(db.utils)
    from cadretrack.store.records import rekey_communes

    rekey_communes(db)
    return db


def ledger_path(db: Ledger) -> Path:
    """The file behind an open ledger."""
    for _, name, filename in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(filename)
    raise CadretrackError("ledger_missing", path="?")


@contextlib.contextmanager
def write(db: Ledger) -> Iterator[Ledger]:
    """One command's writes as one transaction, taking the write lock up front."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise CadretrackError("ledger_busy") from None
        raise
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()


def open_changeset(db: Ledger, command: list[str], now: dt.datetime) -> int:
    """Record a change set (inside the caller's transaction) and return its id."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "?"
    # Plain SQL: the commands that write need no sqlite-utils import (30 ms) for three statements.
    return db.execute(
        "INSERT INTO changesets (at, user, command, summary) VALUES (?, ?, ?, '')",
        [now.isoformat(timespec="seconds"), user, json.dumps(command, ensure_ascii=False)],
    ).lastrowid


def close_changeset(db: Ledger, changeset: int, summary: dict) -> None:
    db.execute("UPDATE changesets SET summary = ? WHERE id = ?", [json.dumps(summary, ensure_ascii=False), changeset])


def get_meta(db: Ledger, key: str, default: str = "") -> str:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_meta(db: Ledger, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])
