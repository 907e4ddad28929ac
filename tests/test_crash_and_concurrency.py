"""A killed import leaves the ledger as before or as after; writers at once all land."""

import contextlib
import csv
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import GAZETTEERS, Cli


def cadretrack(*args, env=None):
    return subprocess.Popen(
        [sys.executable, "-m", "cadretrack", *map(str, args)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})},
    )


def state(db):
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return tuple(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                     for t in ("assignments", "cadres", "decisions", "changesets", "changes"))
    finally:
        conn.close()


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    """A ledger with the 10,051 communes of vn-2024 and a full list naming them all."""
    folder = tmp_path_factory.mktemp("national")
    db = folder / "empty.db"
    assert Cli(db)("init", "--gazetteer", GAZETTEERS / "vn-2024.csv").exit_code == 0
    listing = folder / "list.csv"
    with (GAZETTEERS / "vn-2024.csv").open(encoding="utf-8") as src, listing.open("w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["Họ và tên", "Cơ quan", "Mã xã", "Xã, phường, thị trấn"])
        for i, row in enumerate(csv.DictReader(src)):
            w.writerow([f"Cán bộ {i}", "Sở Nội vụ", row["commune_code"], row["commune"]])
    return db, listing


def test_a_killed_import_leaves_the_ledger_before_or_after(national, tmp_path):
    empty, listing = national
    done = tmp_path / "done.db"
    shutil.copy(empty, done)
    finished = cadretrack("--db", done, "import", "assignments", listing, "--effective", "14/12/2022")
    assert finished.wait(120) == 0, finished.stderr.read()
    before, after = state(empty), state(done)
    assert after[0] == 10051
    outcomes = set()
    for delay in (0.3, 0.6, 0.9, 1.2, 1.6, 2.2):
        db = tmp_path / f"killed-{delay}.db"
        shutil.copy(empty, db)
        proc = cadretrack("--db", db, "import", "assignments", listing, "--effective", "14/12/2022")
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        got = state(db)
        assert got in (before, after), (delay, got)
        outcomes.add(got == after)
        # And the ledger still works afterwards.
        assert Cli(db)("verify").exit_code in (0, 1)
    assert False in outcomes  # at least one kill landed before the commit


def write_lock_held(db) -> bool:
    """Another process holds the ledger's write lock (it is inside its write transaction)."""
    probe = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc) or "busy" in str(exc), exc
        return True
    finally:
        probe.close()


def stop_inside_write(proc, db, limit: float = 60.0) -> bool:
    """Freeze `proc` (SIGSTOP) at a moment it holds the write lock; False if it finished first."""
    end = time.monotonic() + limit
    while proc.poll() is None and time.monotonic() < end:
        if write_lock_held(db):
            proc.send_signal(signal.SIGSTOP)
            if write_lock_held(db):  # frozen inside the transaction, not just after it
                return True
            proc.send_signal(signal.SIGCONT)
    return False


def filings(db) -> list:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT id, assignment_id, kind, year, filed, superseded_by FROM filings "
                            "WHERE voided_in IS NULL ORDER BY id").fetchall()  # an undone one is gone
    finally:
        conn.close()


def test_a_record_killed_inside_its_transaction_leaves_the_ledger_as_before(tmp_path):
    from sheets import HEADER, assignment_rows, xlsx

    cli = Cli(tmp_path / "l.db")
    cli.ok("init")
    communes = ["Hiền Lương", "Tân Hòa", "Mông Hóa", "Tú Lý", "Thái Bình", "Hữu Nghị", "Dân Chủ", "Cao Phong"]
    cli.ok("import", "assignments", xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows(
        [(f"Người {i}", "Sở", c) for i, c in enumerate(communes)])), "--effective", "14/12/2022")
    cli.ok("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Hiền Lương")
    before = filings(cli.db)
    killed_inside = rolled_back = 0
    for commune in communes * 3:
        proc = cadretrack("--db", cli.db, "record", "report", "--year", "2023", "--date", "02/12/2023",
                          "--commune", commune, "--replace")
        inside = stop_inside_write(proc, cli.db)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        if not inside:
            # It finished before we caught it inside: take its filing back and try again.
            if filings(cli.db) != before:
                cli.ok("undo")
                assert [f for f in filings(cli.db) if f[5] is None] == [f for f in before if f[5] is None]
                before = filings(cli.db)
            continue
        killed_inside += 1
        assert not write_lock_held(cli.db)
        assert cli("verify").exit_code == 0
        after = filings(cli.db)
        if after != before:
            # Frozen while committing: the commit record was in the log, the lock not yet let go.
            # Then the change set is there whole: the new filing current, the one it replaced not.
            known = {f[0] for f in before}
            new = [f for f in after if f[0] not in known]
            assert len(new) == 1 and new[0][5] is None and new[0][4] == "2023-12-02"
            assert all(f[5] in (None, new[0][0]) for f in after if f[0] in known)  # replaced by it, or as before
            cli.ok("undo")
            assert [f for f in filings(cli.db) if f[5] is None] == [f for f in before if f[5] is None]
            before = filings(cli.db)
            continue
        rolled_back += 1  # the uncommitted transaction is gone, whole
        if rolled_back == 3:
            break
    assert rolled_back >= 1, "no kill landed inside a write transaction before its commit"


def test_writers_at_once_all_succeed(tmp_path):
    cli = Cli(tmp_path / "l.db")
    cli("init")
    from sheets import HEADER, assignment_rows, xlsx

    communes = ["Hiền Lương", "Tân Hòa", "Mông Hóa", "Tú Lý", "Thái Bình", "Hữu Nghị"]
    path = xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows([(f"Người {i}", "Sở", c) for i, c in enumerate(communes)]))
    assert cli("import", "assignments", path, "--effective", "14/12/2022").exit_code == 0
    procs = [cadretrack("--db", cli.db, "record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", c)
             for c in communes]
    procs.append(cadretrack("--db", cli.db, "import", "assignments", path, "--effective", "14/12/2022"))
    results = [(p.wait(60), p.stderr.read()) for p in procs]
    assert all(code == 0 for code, _ in results), results
    with contextlib.closing(sqlite3.connect(cli.db)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM filings").fetchone()[0] == len(communes)


def test_a_held_ledger_gives_one_clear_busy_message(tmp_path):
    cli = Cli(tmp_path / "l.db")
    cli("init")
    holder = sqlite3.connect(cli.db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        start = time.monotonic()
        proc = cadretrack("--db", cli.db, "--lang", "en", "backup", env={"CADRETRACK_BUSY_TIMEOUT": "0.5"})
        proc.wait(30)
        # A backup only reads: WAL lets it through while another holds the write lock.
        assert proc.returncode == 0
        from sheets import HEADER, assignment_rows, xlsx

        path = xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows([("A", "B", "Hiền Lương")]))
        proc = cadretrack("--db", cli.db, "--lang", "en", "import", "assignments", path, "--effective", "14/12/2022",
                          env={"CADRETRACK_BUSY_TIMEOUT": "0.5"})
        code = proc.wait(30)
        err = proc.stderr.read()
        assert code == 2 and "busy" in err and "Traceback" not in err
        assert time.monotonic() - start < 20
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def open_files_of(db) -> list[str]:
    """The ledger's files (itself, its log, its shared-memory index) this process holds open."""
    names = {str(db), f"{db}-wal", f"{db}-shm"}
    held = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target in names:
            held.append(target)
    return held


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="reads the open files from /proc")
def test_a_command_closes_its_ledger_when_it_ends(tmp_path):
    # A connection left open in a process that then opens and closes the file by other means
    # (reading its header, copying it) loses its locks: another process may then remove the
    # log and index it still maps, and its next reader says "disk I/O error" (the flaky
    # test above, when the garbage collector happened to be late).
    from sheets import HEADER, assignment_rows, xlsx

    cli = Cli(tmp_path / "l.db")
    cli.ok("init")
    assert open_files_of(cli.db) == []
    cli.ok("import", "assignments", xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows([("A", "B", "Hiền Lương")])),
           "--effective", "14/12/2022")
    assert open_files_of(cli.db) == []
    cli.ok("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", "Hiền Lương")
    cli.ok("verify")
    assert cli("record", "report", "--year", "2023", "--date", "02/12/2023", "--commune", "Hiền Lương").exit_code == 2
    assert open_files_of(cli.db) == []  # after a refusal too


def test_undo_never_reverts_a_change_committed_between_its_look_and_its_lock(year, monkeypatch):
    """Another command commits while undo makes its backup (after it chose its target, before
    it holds the write lock): undo reverts nothing and says so; asked again, it reverts the new
    latest. The web page's confirmation names the change set it showed, and gets the same."""
    import cadretrack.ops.history as history

    year.ok("record", "report", "--year", "2023", "--date", "20/11/2023", "--commune", "Hiền Lương")
    shown = year.json("history")[0]["id"]
    real_backup = history.auto_backup

    def backup_then_another_writer(*args, **kwargs):
        made = real_backup(*args, **kwargs)
        done = subprocess.run([sys.executable, "-m", "cadretrack", "--db", str(year.db), "record", "program",
                               "--year", "2023", "--date", "10/01/2023", "--commune", "Tân Hòa"],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return made

    monkeypatch.setattr(history, "auto_backup", backup_then_another_writer)
    refused = year("undo", lang="vi")  # (the ledger did change meanwhile: by the other writer)
    assert refused.exit_code == 2 and "Traceback" not in refused.output + refused.stderr
    assert "chưa hoàn tác gì" in refused.stderr and str(shown) in refused.stderr
    monkeypatch.setattr(history, "auto_backup", real_backup)
    filed = {(i["commune"], i["kind"]) for i in year.json("check", "--year", "2023", "--as-of", "31/12/2023",
                                                          "--all")["items"] if i["filed"]}
    assert {("Xã Hiền Lương", "report"), ("Phường Tân Hòa", "program")} <= filed  # both still there
    assert year("undo").exit_code == 0
    assert year.json("history")[0]["undoes"] == shown + 1  # the newer one, now that it was asked again
