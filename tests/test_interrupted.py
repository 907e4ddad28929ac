"""Ctrl-C or SIGTERM at any moment: exit 130, one sentence, the ledger before or after
(verify clean), and every file left under the name asked for opens."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import Cli

SAMPLE = Path(__file__).resolve().parent.parent / "src" / "cadretrack" / "data" / "sample"


def start(db: Path, *args: str) -> subprocess.Popen:
    # stdout to nothing: a full pipe nobody reads would stop the command before it works.
    return subprocess.Popen([sys.executable, "-m", "cadretrack", "--db", str(db), "--lang", "vi", *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "CADRETRACK_LANG": "vi"})


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("interrupted")
    db = folder / "ledger.db"
    cli = Cli(db)
    cli.ok("init")
    cli.ok("import", "assignments", SAMPLE / "718-QD-TU-phan-cong.xlsx", "--effective", "14/12/2022")
    return db


def opens(path: Path) -> None:
    if path.suffix == ".xlsx":
        load_workbook(path)
    elif path.suffix == ".docx":
        from docx import Document

        Document(str(path))


def write_lock_held(db: Path) -> bool:
    import sqlite3

    probe = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()


def at_work(command: str, db: Path, out: Path) -> bool:
    """The command is in the middle of its work: writing the ledger, the workbook or the letters."""
    if command == "import":
        return write_lock_held(db)
    if command == "export":
        return any(out.glob(".tong-hop.xlsx.*.part"))
    return (out / "cong-van").is_dir() and any((out / "cong-van").iterdir())


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("command", ["import", "export", "remind"])
def test_an_interrupted_command_says_so_and_leaves_no_mess(filled, tmp_path, command, sig):
    stopped = 0
    for attempt in range(12):
        db = tmp_path / f"l-{attempt}.db"
        shutil.copy(filled, db)
        out = tmp_path / f"out-{attempt}"
        out.mkdir()
        args = {
            "import": ("import", "filings", SAMPLE / "so-dang-ky-van-ban-den-2024.xlsx", "--review",
                       out / "can-xem-lai.xlsx"),
            "export": ("export", "summary", "--year", "2023", "--as-of", "05/12/2023", "--output",
                       out / "tong-hop.xlsx"),
            "remind": ("remind", "--as-of", "05/12/2023", "--output", out / "cong-van"),
        }[command]
        proc = start(db, *args)
        deadline = time.monotonic() + 60
        while proc.poll() is None and not at_work(command, db, out) and time.monotonic() < deadline:
            time.sleep(0.001)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode in (0, 1, 130), err
        assert "Traceback" not in err
        if proc.returncode == 130:
            stopped += 1
            assert err.strip().count("\n") == 0 and "Đã dừng theo yêu cầu" in err, err
        for path in out.rglob("*"):
            assert not path.name.endswith(".part"), path
            if path.is_file():
                opens(path)
        verify = Cli(db)("verify")
        assert verify.exit_code == 0, verify.output
        if stopped >= 3:
            break
    assert stopped >= 1  # at least one signal landed while it worked
