"""The ledger file: opening and creating it, its meta values, the write transaction and
SQLite's own checks. Every other store module builds on this one and on nothing else."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from cadretrack.errors import CadretrackError
from cadretrack.interrupts import critical, pause_point
from cadretrack.store.backup import auto_backup, copy_database
from cadretrack.store.schema import APP, MIGRATIONS, migration_set

BUSY_TIMEOUT_SECONDS = 15.0


class Ledger:
    """An open ledger: a sqlite3 connection, with sqlite-utils' table API loaded on first
    use (migrations need it; a command on an up-to-date ledger starts without it).
    Used as `with open_ledger(...) as db:`, it is closed when the block ends: no connection
    outlives its command (one left open in a process that also opens the file otherwise loses
    its locks, and another process may then remove the log it still maps)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._utils = None

    @property
    def utils(self):
        if self._utils is None:
            from sqlite_utils import Database

            self._utils = Database(self.conn, execute_plugins=False)
        return self._utils

    def execute(self, sql: str, params=()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def busy_timeout() -> float:
    """Seconds a command waits for another writer (CADRETRACK_BUSY_TIMEOUT, default 15)."""
    try:
        return max(0.0, float(os.environ.get("CADRETRACK_BUSY_TIMEOUT", BUSY_TIMEOUT_SECONDS)))
    except ValueError:
        return BUSY_TIMEOUT_SECONDS


def _connect(path: Path) -> Ledger:
    timeout = busy_timeout()
    db = Ledger(sqlite3.connect(str(path), timeout=timeout), path)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def _pending(db: Ledger) -> list[str]:
    names = [fn.__name__ for fn in MIGRATIONS]
    try:
        applied = {r[0] for r in db.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [APP]).fetchall()}
    except sqlite3.OperationalError:
        return names
    return [n for n in names if n not in applied]


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
    """A new, empty ledger at path (mode 600), in a folder that exists. The caller loads
    units and rules in its first change set."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    db = _connect(path)
    try:
        migration_set().apply(db.utils)
        with write(db):
            db.conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                                [("app", APP), ("created_at", now.isoformat(timespec="seconds"))])
    except BaseException:
        db.close()
        raise
    return db


def remove_ledger(path: Path) -> None:
    """A ledger file and its WAL companions gone (a failed init, a demo made anew)."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def open_ledger(path: Path, now: dt.datetime) -> Ledger:
    """The existing ledger at path, upgraded to the current schema (after a backup).
    Nothing else is written on opening: a read-only command leaves the file as it was."""
    if not path.exists():
        raise CadretrackError("ledger_missing", path=str(path.resolve()))
    if not is_ledger(path):
        raise CadretrackError("ledger_foreign", path=str(path.resolve()))
    if os.stat(path).st_mode & 0o077:
        os.chmod(path, 0o600)
    db = _connect(path)
    try:
        if _pending(db):
            auto_backup(path, "upgrade", now)
            migration_set().apply(db.utils)
    except BaseException:
        db.close()
        raise
    return db


@contextlib.contextmanager
def write(db: Ledger, committed: Callable[[], None] | None = None) -> Iterator[Ledger]:
    """One command's writes as one transaction, taking the write lock up front. The commit
    and `committed()` (the command noting what it committed) are one step a signal never
    splits: a Ctrl-C lands before the commit (all rolled back) or after the noting."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise CadretrackError("ledger_busy") from None
        raise
    try:
        yield db
        pause_point("before-commit")
    except BaseException:
        with critical():
            db.conn.rollback()
        raise
    with critical():
        try:
            db.conn.commit()
        except BaseException:
            db.conn.rollback()
            raise
        if committed is not None:
            committed()
        pause_point("in-commit")
    pause_point("after-commit")


def get_meta(db: Ledger, key: str, default: str = "") -> str:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_meta(db: Ledger, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])


def integrity_faults(db: Ledger) -> list[str]:
    """What SQLite's integrity check finds wrong with the file ([] when sound)."""
    return [r[0] for r in db.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]


def foreign_key_faults(db: Ledger) -> list[tuple[str, int, str]]:
    """(table, row id, parent table) of every row whose reference leads nowhere."""
    return [(r[0], r[1], r[2]) for r in db.execute("PRAGMA foreign_key_check").fetchall()]


def file_is_sound(path: Path) -> bool:
    """A database file (not open here) passes SQLite's integrity check."""
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def copy_into(source: Path, ledger: Path) -> None:
    """The content of the database at `source` written over the ledger, through SQLite's
    backup API (readers of the ledger see one state or the other)."""
    src = sqlite3.connect(str(source))
    dst = sqlite3.connect(str(ledger), timeout=30)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def copy_to(db: Ledger, target: Path) -> Path:
    """A consistent copy of the open ledger at `target` (written beside it and renamed)."""
    return copy_database(db.conn, target, asked=True)
