"""Backups through SQLite's online backup API: consistent even while others write."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

DEFAULT_KEEP = 20


def backups_dir(ledger: Path) -> Path:
    return ledger.resolve().parent / "backups"


def keep_count() -> int:
    try:
        return max(1, int(os.environ.get("CADRETRACK_BACKUPS_KEEP", DEFAULT_KEEP)))
    except ValueError:
        return DEFAULT_KEEP


def copy_database(source: Path | sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of `source` at `target` (mode 600), written beside it and renamed."""
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
    os.replace(part, target)
    return target


def auto_backup(ledger: Path, reason: str, now: dt.datetime, keep: int | None = None) -> Path:
    """A backup in backups/ beside the ledger, keeping only the newest `keep`."""
    folder = backups_dir(ledger)
    folder.mkdir(mode=0o700, exist_ok=True)
    os.chmod(folder, 0o700)
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S-%f")
    target = copy_database(ledger, folder / f"{ledger.stem}-{stamp}-{reason}.db")
    prune(folder, ledger.stem, keep or keep_count())
    return target


def prune(folder: Path, stem: str, keep: int) -> None:
    backups = sorted(folder.glob(f"{stem}-*.db"), key=lambda p: p.name)
    for old in backups[:-keep]:
        old.unlink(missing_ok=True)
