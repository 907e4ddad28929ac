"""Backups through SQLite's online backup API: consistent even while others write."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

from cadretrack.store.health import writing_refusal
from cadretrack.output import Output, clean_stale

DEFAULT_KEEP = 20


def backups_dir(ledger: Path) -> Path:
    return ledger.resolve().parent / "backups"


def keep_count() -> int:
    try:
        return max(1, int(os.environ.get("CADRETRACK_BACKUPS_KEEP", DEFAULT_KEEP)))
    except ValueError:
        return DEFAULT_KEEP


def copy_database(source: Path | sqlite3.Connection, target: Path | Output, asked: bool = False) -> Path:
    """A consistent copy of `source` at `target` (mode 600), staged beside it and renamed
    (cadretrack.output: never over an existing file, never through a link); `asked`: a copy
    the clerk asked for, which an interruption names as written."""
    out = target if isinstance(target, Output) else Output.check(target, exclusive=True)

    def write(staged: Path) -> None:
        own = not isinstance(source, sqlite3.Connection)
        src = sqlite3.connect(str(source), timeout=30) if own else source
        try:
            dst = sqlite3.connect(staged)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            if own:
                src.close()

    return out.write(write, note=asked)


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
    second copy would cost a whole ledger's worth of writing and hold nothing new.

    Every write is preceded by one: a ledger that may not be written (read-only, or made
    by a newer cadretrack) is refused here, before anything is written."""
    refusal = writing_refusal(ledger, {"manual": "backup", "restore": "restore"}.get(reason, "write"))
    if refusal is not None:
        raise refusal
    folder = backups_dir(ledger)
    folder.mkdir(mode=0o700, exist_ok=True)
    os.chmod(folder, 0o700)
    newest = newest_backup(folder, ledger.stem)
    if reuse and newest is not None:
        current = fingerprint(ledger)
        if current is not None and current == fingerprint(newest):
            return newest
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S-%f")
    target, n = folder / f"{ledger.stem}-{stamp}-{reason}.db", 1
    while os.path.lexists(target):  # two backups in one run (demo, a chained command): both kept
        n += 1
        target = folder / f"{ledger.stem}-{stamp}-{reason}-{n}.db"
    # What killed runs left: staged copies (and those the earlier versions named "….db.part").
    clean_stale(target, rf"{re.escape(ledger.stem)}-[0-9-]+-[a-z]+(-[0-9]+)?\.db")
    for old in folder.glob(f"{ledger.stem}-*.db.part"):
        if old.is_file() and not old.is_symlink():
            old.unlink(missing_ok=True)
    target = copy_database(ledger, target, asked=reason == "manual")
    prune(folder, ledger.stem, keep or keep_count())
    return target


def prune(folder: Path, stem: str, keep: int) -> None:
    backups = sorted(folder.glob(f"{stem}-*.db"), key=lambda p: p.name)
    for old in backups[:-keep]:
        old.unlink(missing_ok=True)
