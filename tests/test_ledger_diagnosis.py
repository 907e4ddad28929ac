"""A ledger that cannot be used as it is gets the sentence that is true of it: damaged
(naming the newest backup and the restore command), locked by another program,
read-only (reading works, writing is refused), not a ledger, made by a newer cadretrack,
or on a full disk. Real ledgers made by the CLI, damaged on disk as a disk would."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import snapshot
from sheets import HEADER, assignment_rows, xlsx


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(db: Path, *args, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cadretrack", "--db", str(db), "--lang", "en", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "CADRETRACK_BUSY_TIMEOUT": "0.5"})


@pytest.fixture
def backed_up(ledger):
    """A ledger with an assignment and a manual backup beside it (backups/)."""
    path = xlsx(ledger.db.parent / "a.xlsx", [HEADER] + assignment_rows([("Người A", "Sở", "Hiền Lương")]))
    ledger.ok("import", "assignments", path, "--effective", "14/12/2022")
    ledger.ok("backup")
    return ledger


def newest_backup(db: Path) -> Path:
    return sorted((db.parent / "backups").glob(f"{db.stem}-*.db"))[-1]


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_a_truncated_ledger_is_damaged_and_names_the_backup_and_restore(backed_up):
    db = backed_up.db
    backup = newest_backup(db)
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])  # a copy cut short
    for args in (("list", "assignments"), ("check", "--year", "2023")):
        result = backed_up(*args)
        said = one_line(result.stderr)
        assert result.exit_code == 2 and "is damaged" in said, said
        assert "not a cadretrack ledger" not in said and str(backup) in said and "restore" in said
    result = backed_up("verify")  # corruption is an error finding of verify: exit 1, the same sentence
    assert result.exit_code == 1 and "is damaged" in one_line(result.stdout) and backup.name in one_line(result.stdout)
    # …and the restore it names works on a ledger too damaged to open.
    restored = backed_up("restore", backup)
    assert restored.exit_code == 0, restored.output + restored.stderr
    assert len(backed_up.json("list", "assignments")) == 1
    assert list((db.parent / "backups").glob("*.damaged"))  # the damaged file is kept aside, never offered


def test_a_damaged_page_is_named_by_verify_with_the_backup(backed_up):
    db = backed_up.db
    backup = newest_backup(db)
    conn = sqlite3.connect(db)
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'communes'").fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    data[(root - 1) * size:root * size] = b"\xa5" * size  # a page the ledger uses, overwritten
    db.write_bytes(bytes(data))
    result = backed_up("verify")
    said = one_line(result.stdout + result.stderr)
    assert result.exit_code == 1 and "is damaged" in said and str(backup.name) in said, said
    assert "?" not in said.split("damaged")[0] and "not a cadretrack ledger" not in said
    # The ledger opens (its damage lies deeper), yet copying it fails: restore still gets through.
    restored = backed_up("restore", backup)
    assert restored.exit_code == 0, restored.output + restored.stderr
    assert backed_up("verify").exit_code == 0


HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('held', 'yes')")
conn.execute("COMMIT")
print("held", flush=True)
sys.stdin.readline()
"""


def test_a_ledger_locked_by_another_program_says_so(tmp_path):
    # Made by the CLI in its own process: a connection an in-process run left for the garbage
    # collector would share this process's view of the file with the holder's exclusive lock.
    db = tmp_path / "ledger.db"
    assert run(db, "init").returncode == 0
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        for args in (("list", "assignments"), ("verify",), ("backup",)):
            result = run(db, *args)
            said = one_line(result.stderr)
            assert result.returncode == 2 and "held exclusively by another program" in said, said
            assert "not a cadretrack ledger" not in said and "Traceback" not in said
    finally:
        holder.stdin.close()
        holder.wait(30)
    after = subprocess.run([sys.executable, "-m", "cadretrack", "--db", str(db), "--debug", "list", "assignments"],
                           capture_output=True, text=True, timeout=60)
    assert after.returncode == 0, after.stderr  # once the other program lets go


@pytest.mark.parametrize("where", ["file", "folder"])
def test_a_read_only_ledger_is_read_and_never_written(backed_up, tmp_path, where):
    """Made read-only by its permission bits, which cadretrack honours even for root (whom
    the system would let write): the test holds whoever runs it."""
    db = backed_up.db
    folder = db.parent
    rows = snapshot(db)
    backups = sorted((folder / "backups").iterdir())
    target = db if where == "file" else folder
    mode = stat.S_IMODE(target.stat().st_mode)
    target.chmod(0o400 if where == "file" else 0o555)
    try:
        assert len(backed_up.json("list", "assignments")) == 1
        assert backed_up("verify").exit_code == 0
        path = xlsx(tmp_path.parent / f"b-{where}.xlsx", [HEADER] + assignment_rows([("Người B", "Sở", "Tân Hòa")]))
        for args in (("import", "assignments", path, "--effective", "01/02/2023", "--amend"), ("undo",),
                     ("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Hiền Lương")):
            result = backed_up(*args)
            said = one_line(result.stderr)
            assert result.exit_code == 2 and "read-only" in said and "Traceback" not in said, said
    finally:
        target.chmod(mode)
    assert snapshot(db) == rows
    assert sorted((folder / "backups").iterdir()) == backups  # not even an automatic backup was made


def test_a_ledger_of_a_newer_cadretrack_is_read_but_not_written(backed_up, tmp_path):
    db = backed_up.db
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('cadretrack', 'm099_from_the_future', '2030-01-01')")
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('app_version', '9.9.9')")
    conn.commit()
    conn.close()
    before = snapshot(db)
    assert len(backed_up.json("list", "assignments")) == 1
    path = xlsx(tmp_path / "b.xlsx", [HEADER] + assignment_rows([("Người B", "Sở", "Tân Hòa")]))
    said = one_line(backed_up.refused("import", "assignments", path, "--effective", "01/02/2023", "--amend"))
    assert "newer cadretrack (9.9.9" in said and "m099_from_the_future" in said
    assert "newer cadretrack" in one_line(backed_up.refused("undo"))
    assert snapshot(db) == before


def test_a_new_or_upgraded_ledger_records_the_version_that_wrote_it(ledger):
    from cadretrack import __version__

    conn = sqlite3.connect(ledger.db)
    assert conn.execute("SELECT value FROM meta WHERE key = 'app_version'").fetchone() == (__version__,)


def test_a_foreign_database_is_still_not_a_ledger(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    result = run(other, "list", "assignments")
    assert result.returncode == 2 and "not a cadretrack ledger" in result.stderr


def test_a_full_disk_at_commit_is_one_sentence_and_the_ledger_as_before(ledger):
    """SQLite's page limit gives the very error a full disk gives (SQLITE_FULL) at a write."""
    import datetime as dt

    from cadretrack.errors import CadretrackError
    from cadretrack.i18n import set_lang
    from cadretrack.store.ledger import open_ledger, write

    set_lang("en")
    before = digest(ledger.db)
    db = open_ledger(ledger.db, dt.datetime.now(dt.timezone.utc))
    try:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(CadretrackError) as caught:
            with write(db):
                db.execute("INSERT INTO meta (key, value) VALUES ('big', ?)", ["x" * 2_000_000])
        assert caught.value.key == "ledger_disk_full"
        assert "disk holding the ledger" in caught.value.message() and "as it was" in caught.value.message()
        assert db.execute("SELECT COUNT(*) FROM meta WHERE key = 'big'").fetchone() == (0,)
    finally:
        db.close()
    assert digest(ledger.db) == before


@pytest.fixture
def small_disk(tmp_path):
    """A real file system of 3 MB (tmpfs), where the machine lets the tests mount one."""
    where = tmp_path / "disk"
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(where)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("this machine does not let the tests mount a small file system")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_a_ledger_on_a_full_disk_is_called_a_full_disk(small_disk):
    """SQLite cannot create its -shm and -wal files beside the ledger: it says "unable to open"
    or an I/O error, and the clerk is told the disk is full, never "cannot read the ledger"."""
    db = small_disk / "so.db"
    assert run(db, "init").returncode == 0
    with (small_disk / "fill").open("wb") as fh:
        try:
            while True:
                fh.write(b"\0" * (1 << 16))
        except OSError:
            pass
    before = digest(db)
    for args in (("list", "assignments"), ("record", "program", "--year", "2024", "--date", "01/02/2024",
                                           "--commune", "Cao Sơn")):
        result = run(db, *args)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert "is full" in result.stderr and "free some space" in result.stderr, result.stderr
    assert digest(db) == before


def test_init_on_a_full_disk_leaves_no_half_made_ledger(small_disk):
    with (small_disk / "fill").open("wb") as fh:
        try:
            while os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize > 200_000:
                fh.write(b"\0" * (1 << 14))
        except OSError:
            pass
    db = small_disk / "so.db"
    result = run(db, "init")
    assert result.returncode == 2 and "is full" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["fill"]  # no so.db, -wal or -shm to trip on
