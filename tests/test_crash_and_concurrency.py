"""A killed import leaves the ledger as before or as after; writers at once all land."""

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


def test_a_killed_record_leaves_the_ledger_before_or_after(tmp_path):
    cli = Cli(tmp_path / "l.db")
    cli("init")
    from sheets import HEADER, assignment_rows, xlsx

    cli("import", "assignments", xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows([("A", "B", "Hiền Lương")])),
        "--effective", "14/12/2022")
    before = sqlite3.connect(cli.db).execute("SELECT COUNT(*) FROM filings").fetchone()[0]
    for delay in (0.05, 0.2, 0.4):
        proc = cadretrack("--db", cli.db, "record", "report", "--year", "2023", "--date", "01/12/2023",
                          "--commune", "Hiền Lương", "--replace")
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        conn = sqlite3.connect(cli.db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        current = conn.execute("SELECT COUNT(*) FROM filings WHERE superseded_by IS NULL").fetchone()[0]
        assert current in (before, 1) and before <= 1
        conn.close()


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
    conn = sqlite3.connect(cli.db)
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
