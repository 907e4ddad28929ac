"""What is true of a ledger file that cannot be used as it is, said in one sentence.

A ledger may be damaged (SQLite finds a malformed page: a copy cut short, a disk that
failed), locked by another program (a database viewer holding it exclusively), read-only
(its file or its folder has no write permission: reading commands work, writing ones
are refused), not a ledger at all, or made by a newer cadretrack (a migration this
version does not know: read, never written). Each has its own sentence; a damaged one
names the newest backup beside it and the `restore` command.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from cadretrack.errors import CadretrackError
from cadretrack.store.schema import APP, MIGRATIONS

BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED"}
DAMAGED = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
READ_ONLY = {"SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN"}
FULL = {"SQLITE_FULL"}


def error_name(exc: BaseException) -> str:
    """SQLite's name for an error ("SQLITE_CORRUPT"), from its code when there is one."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name:
        return "_".join(name.split("_")[:2])  # SQLITE_IOERR_SHORT_READ -> SQLITE_IOERR
    text = str(exc).lower()
    for words, code in (("locked", "SQLITE_BUSY"), ("busy", "SQLITE_BUSY"), ("malformed", "SQLITE_CORRUPT"),
                        ("not a database", "SQLITE_NOTADB"), ("readonly", "SQLITE_READONLY"),
                        ("disk is full", "SQLITE_FULL")):
        if words in text:
            return code
    return ""


def read_only(path: Path) -> str:
    """"file" when the ledger file has no write permission, "folder" when its folder has
    none (SQLite writes its log beside the file, backups go into backups/ there), else "".

    The permission bits count even for root, whom the system would let write: a clerk who
    made a ledger read-only meant it so."""
    try:
        folder = path.resolve().parent
        if not (os.stat(folder).st_mode & 0o222) or not os.access(folder, os.W_OK):
            return "folder"
        if not (os.stat(path).st_mode & 0o222) or not os.access(path, os.W_OK):
            return "file"
    except OSError:
        return ""
    return ""


def disk_full(path: Path, least: int = 1 << 16) -> bool:
    """Whether the ledger's folder has (almost) no room left: less than SQLite needs to open
    its shared-memory and log files (64 KiB)."""
    try:
        st = os.statvfs(path.resolve().parent)
    except (OSError, AttributeError):  # no statvfs on Windows: SQLite's own code says it there
        return False
    return st.f_bavail * st.f_frsize < least


def newest_backup_of(path: Path) -> Path | None:
    folder = path.resolve().parent / "backups"
    try:
        backups = sorted(folder.glob(f"{path.stem}-*.db"), key=lambda p: p.name)
    except OSError:
        return None
    return backups[-1] if backups else None


def damaged(path: Path, reason: str = "") -> CadretrackError:
    """The sentence for a damaged ledger: the newest backup beside it, and how to restore it."""
    path = path.resolve()
    backup = newest_backup_of(path)
    if backup is None:
        return CadretrackError("ledger_damaged_no_backup", path=str(path), folder=str(path.parent / "backups"),
                               reason=reason)
    return CadretrackError("ledger_damaged", path=str(path), backup=str(backup), reason=reason)


def diagnosis(path: Path, exc: sqlite3.Error) -> CadretrackError:
    """What an error SQLite gave on reading the ledger at `path` means, in one sentence."""
    name = error_name(exc)
    reason = str(exc)[:200]
    if name in BUSY:
        return CadretrackError("ledger_locked", path=str(path.resolve()), reason=reason)
    if name in DAMAGED:
        return damaged(path, reason)
    if name in FULL or (name not in DAMAGED and disk_full(path)):
        # A full disk may show as "unable to open" or an I/O error: SQLite could not create the
        # -shm and -wal files beside the ledger.
        return CadretrackError("ledger_disk_full", path=str(path.resolve()), reason=reason)
    if name in READ_ONLY or read_only(path):
        return CadretrackError("ledger_read_only", path=str(path.resolve()), reason=reason)
    if "no such table" in str(exc):
        return CadretrackError("ledger_foreign", path=str(path.resolve()))
    return CadretrackError("ledger_unreadable", path=str(path.resolve()), reason=reason)


def unknown_migrations(conn: sqlite3.Connection) -> list[str]:
    """Migrations the ledger has that this cadretrack does not know (a newer one made them)."""
    known = {fn.__name__ for fn in MIGRATIONS}
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [APP]).fetchall()]
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return []
        raise
    return [n for n in names if n not in known]


def app_version(conn: sqlite3.Connection) -> str:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'app_version'").fetchone()
    except sqlite3.OperationalError:
        return ""
    return row[0] if row else ""


def newer(path: Path, conn: sqlite3.Connection) -> CadretrackError | None:
    """The refusal to write a ledger made by a newer cadretrack, else None."""
    unknown = unknown_migrations(conn)
    if not unknown:
        return None
    return CadretrackError("ledger_newer", path=str(path.resolve()), version=app_version(conn) or "?",
                           migration=unknown[-1])


def writing_refusal(path: Path, purpose: str = "write") -> CadretrackError | None:
    """Why nothing may be written for the ledger at `path` (None when it may): before an
    automatic backup, which comes before every write. A manual backup (`purpose`
    "backup") only needs the folder; a restore ("restore") may replace a newer ledger."""
    where = read_only(path)
    if where == "folder" or (where == "file" and purpose != "backup"):
        return CadretrackError("ledger_read_only_folder" if where == "folder" else "ledger_read_only",
                               path=str(path.resolve()), folder=str(path.resolve().parent))
    if purpose != "write":
        return None
    try:
        conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True, timeout=5)
        try:
            return newer(path, conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # what it is will be said by the write itself


def is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
