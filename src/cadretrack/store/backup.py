"""Backups through SQLite's online backup API: consistent even while others write."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from cadretrack.context import put_in_place

DEFAULT_KEEP = 20


def backups_dir(ledger: Path) -> Path:
    return ledger.resolve().parent / "backups"


def keep_count() -> int:
    try:
        return max(1, int(os.environ.get("CADRETRACK_BACKUPS_KEEP", DEFAULT_KEEP)))
    except ValueError:
        return DEFAULT_KEEP


def copy_database(source: Path | sqlite3.Connection, target: Path, asked: bool = False) -> Path:
    """A consistent copy of `source` at `target` (mode 600), written beside it and renamed;
    `asked`: a copy the clerk asked for, which an interruption names as written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    own = not isinstance(source, sqlite3.Connection)
    src = sqlite3.connect(str(source), timeout=30) if own else source
    dst = sqlite3.connect(part)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
        if own:
            src.close()
    if asked:
        put_in_place(part, target)
    else:
        os.replace(part, target)
    return target


# What every change to a ledger moves: cadretrack writes nothing without a change set (and a
# row in `changes` for each record it touches); migrations and re-keying are counted too.
FINGERPRINT_SQL = (
    "SELECT (SELECT MAX(id) FROM changesets), (SELECT COUNT(*) FROM changesets), "
    "(SELECT MAX(id) FROM changes), (SELECT COUNT(*) FROM changes), "
    "(SELECT COUNT(*) FROM changesets WHERE undone_by IS NOT NULL), "
    "(SELECT group_concat(name) FROM _sqlite_migrations), "
    "(SELECT value FROM meta WHERE key = 'name_key_version')"
)


def fingerprint(path: Path) -> tuple | None:
    """What tells two states of a ledger apart, read without writing; None if unreadable."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            return tuple(conn.execute(FINGERPRINT_SQL).fetchone())
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def newest_backup(folder: Path, stem: str) -> Path | None:
    backups = sorted(folder.glob(f"{stem}-*.db"), key=lambda p: p.name)
    return backups[-1] if backups else None


def auto_backup(ledger: Path, reason: str, now: dt.datetime, keep: int | None = None, reuse: bool = True) -> Path:
    """A backup in backups/ beside the ledger, keeping only the newest `keep`.

    When the newest backup already holds the ledger as it is (nothing was written since it
    was taken: a failed or empty import, a backup just made), that backup is the one: a
    second copy would cost a whole ledger's worth of writing and hold nothing new."""
    folder = backups_dir(ledger)
    folder.mkdir(mode=0o700, exist_ok=True)
    os.chmod(folder, 0o700)
    newest = newest_backup(folder, ledger.stem)
    if reuse and newest is not None:
        current = fingerprint(ledger)
        if current is not None and current == fingerprint(newest):
            return newest
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S-%f")
    target = copy_database(ledger, folder / f"{ledger.stem}-{stamp}-{reason}.db", asked=reason == "manual")
    prune(folder, ledger.stem, keep or keep_count())
    return target


def prune(folder: Path, stem: str, keep: int) -> None:
    backups = sorted(folder.glob(f"{stem}-*.db"), key=lambda p: p.name)
    for old in backups[:-keep]:
        old.unlink(missing_ok=True)
