"""The ledger file: opening and creating it, its meta values, the write transaction and
SQLite's own checks. Every other store module builds on this one and on nothing else."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from urllib.parse import quote

from cadretrack import __version__, progress
from cadretrack.errors import CadretrackError
from cadretrack.interrupts import critical, pause_point
from cadretrack.output import Output
from cadretrack.store import health
from cadretrack.store.backup import auto_backup, copy_database
from cadretrack.store.schema import APP, MIGRATIONS, migration_set

BUSY_TIMEOUT_SECONDS = 15.0
QUIET_WAIT_SECONDS = 0.5  # a lock released within this is taken without a word
WAIT_TURN_SECONDS = 0.25  # then waited for in turns this long: a Ctrl-C is answered between them


class Ledger:
    """An open ledger: a sqlite3 connection, with sqlite-utils' table API loaded on first
    use (migrations need it; a command on an up-to-date ledger starts without it).
    Used as `with open_ledger(...) as db:`, it is closed when the block ends: no connection
    outlives its command (one left open in a process that also opens the file otherwise loses
    its locks, and another process may then remove the log it still maps)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, refusal: CadretrackError | None = None) -> None:
        self.conn = conn
        self.path = path
        self.refusal = refusal  # why this ledger may be read but not written (read-only, newer)
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


def _connect(path: Path, read_only: str = "") -> Ledger:
    """A connection to the ledger; read-only (mode=ro) when its file or folder is, and then
    `immutable` when the folder is and no log lies beside it (SQLite could not make its
    shared-memory file there, and nobody can be writing)."""
    timeout = busy_timeout()
    if read_only:
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        if read_only == "folder" and not Path(f"{path}-wal").exists():
            uri += "&immutable=1"
        db = Ledger(sqlite3.connect(uri, uri=True, timeout=timeout), path)
    else:
        db = Ledger(sqlite3.connect(str(path), timeout=timeout), path)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    if not read_only and db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
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


def _is_sqlite(path: Path) -> bool:
    """The regular file at `path` begins as a SQLite database does (opened without blocking)."""
    from cadretrack.readers.source import open_input

    try:
        with open_input(path) as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except (CadretrackError, OSError):
        return False


def is_ledger(path: Path) -> bool:
    """True when the file is a SQLite database made by cadretrack (False too when it cannot
    be read now: `check_ledger` says why)."""
    try:
        check_ledger(path)
        return True
    except CadretrackError:
        return False


def check_ledger(path: Path) -> None:
    """Nothing when `path` is a cadretrack ledger SQLite can read; else the one sentence
    that says what it is: missing, a folder or a pipe, not a ledger, damaged, locked."""
    from cadretrack.readers.source import check_input

    check_input(path.resolve(), missing="ledger_missing")
    if not _is_sqlite(path):
        raise CadretrackError("ledger_foreign", path=str(path.resolve()))
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=busy_timeout())
        try:
            conn.execute("PRAGMA schema_version").fetchone()  # reads the schema: a damaged one fails here
            row = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise health.diagnosis(path, exc) from None
    if not (row and row[0] == APP):
        raise CadretrackError("ledger_foreign", path=str(path.resolve()))


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
            set_meta(db, "app_version", __version__)
    except BaseException:
        db.close()
        remove_ledger(path)  # it did not exist: a half-made ledger is no ledger (a full disk)
        raise
    return db


def remove_ledger(path: Path) -> None:
    """A ledger file and its WAL companions gone (a failed init, a demo made anew)."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def open_ledger(path: Path, now: dt.datetime) -> Ledger:
    """The existing ledger at path, upgraded to the current schema (after a backup).
    Nothing else is written on opening: a read-only command leaves the file as it was."""
    check_ledger(path)
    where = health.read_only(path)
    mode = os.stat(path).st_mode
    if mode & 0o077 and not where:
        with contextlib.suppress(OSError):  # a file of another user's: its owner's to change
            os.chmod(path, stat.S_IMODE(mode) & 0o700)
    try:
        db = _connect(path, where)
        try:
            newer = health.newer(path, db.conn)
            pending = _pending(db)
        except BaseException:
            db.close()
            raise
    except sqlite3.Error as exc:
        raise health.diagnosis(path, exc) from None
    db.refusal = newer or (CadretrackError("ledger_read_only_folder" if where == "folder" else "ledger_read_only",
                                           path=str(path.resolve()), folder=str(path.resolve().parent))
                           if where else None)
    if pending and newer is None:
        if where:
            db.close()
            raise CadretrackError("ledger_read_only_upgrade", path=str(path.resolve()))
        try:
            auto_backup(path, "upgrade", now)
            migration_set().apply(db.utils)
            with write(db):
                set_meta(db, "app_version", __version__)
        except BaseException:
            db.close()
            raise
    return db


@contextlib.contextmanager
def write(db: Ledger, committed: Callable[[], None] | None = None) -> Iterator[Ledger]:
    """One command's writes as one transaction, taking the write lock up front. A ledger
    that may only be read is refused here; a full disk at any write or at the commit
    leaves the ledger as it was and says so. The commit and `committed()` (the command
    noting what it committed) are one step a signal never splits: a Ctrl-C lands before
    the commit (all rolled back) or after the noting."""
    if db.refusal is not None:
        raise db.refusal
    try:
        _begin(db)
    except sqlite3.OperationalError as exc:
        if health.error_name(exc) in health.BUSY:
            raise CadretrackError("ledger_busy") from None
        raise health.diagnosis(db.path, exc) from None
    try:
        yield db
        pause_point("before-commit")
    except BaseException as exc:
        with critical():
            _roll_back(db, exc)
        raise
    with critical():
        try:
            db.conn.commit()
        except BaseException as exc:
            _roll_back(db, exc)
            raise
        if committed is not None:
            committed()
        pause_point("in-commit")
    pause_point("after-commit")


def _begin(db: Ledger) -> None:
    """The write lock taken: at once or within a moment silently; when another writer holds it
    longer, the clerk is told that the command waits (and for how long at most), then it waits
    in short turns, so that a Ctrl-C stops it at once rather than when the wait is over."""
    timeout = busy_timeout()
    first = min(timeout, QUIET_WAIT_SECONDS)
    try:
        if _try_begin(db, first):
            return
        if timeout > first:
            progress.waiting("ledger_waiting", seconds=f"{timeout:g}")
            deadline = time.monotonic() + timeout - first
            while (left := deadline - time.monotonic()) > 0:
                if _try_begin(db, min(WAIT_TURN_SECONDS, left)):
                    return
        db.execute("PRAGMA busy_timeout = 0")
        db.execute("BEGIN IMMEDIATE")  # once more without waiting: SQLite's own busy error, said by write()
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")


def _try_begin(db: Ledger, seconds: float) -> bool:
    """BEGIN IMMEDIATE, waiting up to `seconds` for the lock; False when another writer kept it."""
    db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
    try:
        db.execute("BEGIN IMMEDIATE")
        return True
    except sqlite3.OperationalError as exc:
        if health.error_name(exc) not in health.BUSY:
            raise
        return False


def _roll_back(db: Ledger, exc: BaseException) -> None:
    """The transaction undone after `exc`; a full disk or a read-only file is said as such."""
    with contextlib.suppress(sqlite3.Error):
        db.conn.rollback()
    if isinstance(exc, sqlite3.OperationalError) and health.error_name(exc) in health.FULL | health.READ_ONLY:
        raise health.diagnosis(db.path, exc) from None


def get_meta(db: Ledger, key: str, default: str = "") -> str:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def ledger_identity(db: Ledger) -> str:
    """The ledger's random identity (made at init, or when an older ledger was upgraded):
    documents made from this ledger carry it, so that one from another ledger is told apart."""
    return get_meta(db, "ledger_id")


def set_meta(db: Ledger, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])


def integrity_faults(db: Ledger) -> list[str]:
    """What SQLite's integrity check finds wrong with the file ([] when sound)."""
    try:
        return [r[0] for r in db.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
    except sqlite3.DatabaseError as exc:  # a page too damaged for the check to go on
        if health.error_name(exc) in health.DAMAGED:
            raise health.damaged(db.path, str(exc)[:200]) from None
        raise


def foreign_key_faults(db: Ledger) -> list[tuple[str, int, str]]:
    """(table, row id, parent table) of every row whose reference leads nowhere."""
    return [(r[0], r[1], r[2]) for r in db.execute("PRAGMA foreign_key_check").fetchall()]


def file_is_sound(path: Path) -> bool:
    """A database file (not open here) passes SQLite's integrity check (read-only)."""
    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError as exc:
        if health.error_name(exc) in health.DAMAGED:
            return False
        raise
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


def copy_to(db: Ledger, target) -> Path:
    """A consistent copy of the open ledger at `target` (written beside it and renamed)."""
    return copy_database(db.conn, target, asked=True)


def replace_damaged(ledger: Path, source: Path, now: dt.datetime) -> Path:
    """A ledger too damaged to open replaced whole by the backup at `source`; the damaged
    file is kept first, as it lies, in backups/ (named .damaged: never offered as a backup)."""
    import shutil

    refusal = health.writing_refusal(ledger, "restore")
    if refusal is not None:
        raise refusal
    folder = ledger.resolve().parent / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S-%f")
    kept = folder / f"{ledger.stem}-{stamp}-restore.damaged"
    fd = os.open(kept, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as out, ledger.open("rb") as src:
        shutil.copyfileobj(src, out)
    for suffix in ("-wal", "-shm"):  # a log of the damaged file must not be laid over the backup
        Path(str(ledger) + suffix).unlink(missing_ok=True)
    copy_database(source, Output.check(ledger, inputs=[source]))  # the one file meant to be replaced
    return kept


def restore_over(ledger: Path, source: Path, now: dt.datetime) -> Path:
    """The ledger (closed) backed up, then given the content of the backup at `source`; a
    ledger whose pages turn out damaged while it is copied is kept aside and replaced whole."""
    try:
        saved = auto_backup(ledger, "restore", now)
    except sqlite3.DatabaseError as exc:
        if health.error_name(exc) not in health.DAMAGED:
            raise
        return replace_damaged(ledger, source, now)
    copy_into(source, ledger)
    return saved


class Watch:
    """A read-only connection kept for a long-running process (`serve`) only to ask SQLite
    whether another connection committed since (PRAGMA data_version): a change from the
    command line, or from another request. It reads nothing else and holds no transaction."""

    def __init__(self, path: Path) -> None:
        import threading

        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()

    def version(self) -> int:
        with self._lock:
            return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._conn.close()
