"""Ctrl-C or SIGTERM at any moment: exit 130, one true sentence (what was committed, which
files were written), the ledger before or after (verify clean), every file left under the
name asked for opens, and nothing on stderr but that sentence.

The moments are made exact by the test-only hook CADRETRACK_PAUSE_AT (see
cadretrack/interrupts.py): the command stops at a named point, says so on a pipe, and waits
for the signal the test then sends.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import Cli, snapshot

SAMPLE = Path(__file__).resolve().parent.parent / "src" / "cadretrack" / "data" / "sample"
REGISTER = SAMPLE / "so-dang-ky-van-ban-den-2024.xlsx"
STOPPED = "Đã dừng theo yêu cầu: "


def start(db: Path, args, pause_at: str = "") -> tuple[subprocess.Popen, int]:
    """The command in its own process, told to wait for a signal at `pause_at`; the pipe's end
    on which it says it has got there."""
    read, write = os.pipe()
    env = {**os.environ, "CADRETRACK_LANG": "vi", "CADRETRACK_PAUSE_AT": pause_at, "CADRETRACK_PAUSE_FD": str(write)}
    # stdout to nothing: a full pipe nobody reads would stop the command before it works.
    proc = subprocess.Popen([sys.executable, "-m", "cadretrack", "--db", str(db), "--lang", "vi", *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, pass_fds=[write])
    os.close(write)
    return proc, read


def paused(read: int) -> str:
    """The point the command waits at ("" when it ended without pausing)."""
    with os.fdopen(read, "rb") as pipe:
        return pipe.readline().decode().strip()


def interrupted(db: Path, args, point: str, sig: int) -> str:
    """The command stopped by `sig` at `point`: exit 130 and nothing on stderr but one sentence."""
    proc, read = start(db, args, point)
    assert paused(read) == point, proc.communicate(timeout=120)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert err.endswith("\n") and err.count("\n") == 1 and err.startswith(STOPPED), err
    return err.strip()


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("filings", "register_rows", "changesets", "changes")}
    finally:
        conn.close()


def opens(path: Path) -> None:
    if path.suffix == ".xlsx":
        load_workbook(path).close()
    elif path.suffix == ".docx":
        from docx import Document

        Document(str(path))


def no_mess(out: Path) -> None:
    """Every file under `out` opens; no staged file is left."""
    for path in out.rglob("*"):
        assert not path.name.endswith(".part"), path
        if path.is_file():
            opens(path)


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("interrupted")
    db = folder / "ledger.db"
    cli = Cli(db)
    cli.ok("init")
    cli.ok("import", "assignments", SAMPLE / "718-QD-TU-phan-cong.xlsx", "--effective", "14/12/2022")
    return db


@pytest.fixture(scope="module")
def finished(filled, tmp_path_factory) -> dict[str, int]:
    """The ledger's counts after `import filings --review` ran to its end."""
    folder = tmp_path_factory.mktemp("finished")
    db = folder / "ledger.db"
    shutil.copy(filled, db)
    proc, read = start(db, ["import", "filings", REGISTER, "--review", folder / "rv.xlsx"])
    assert paused(read) == ""
    _, err = proc.communicate(timeout=120)
    assert proc.returncode in (0, 1), err
    assert (folder / "rv.xlsx").is_file()
    return counts(db)


# The moments of `import filings REG --review rv.xlsx`: the filings are committed in one
# transaction, then the review workbook is built and renamed into place. (Written before the
# commit, an interrupted import left a workbook asking about rows the ledger never remembered,
# which it then refused to take answers for.)
MOMENTS = [
    ("before-commit", signal.SIGINT, False, False),  # inside the transaction: rolled back
    ("in-commit", signal.SIGTERM, False, True),  # during the commit: it ends, then the command stops
    ("after-commit", signal.SIGINT, False, True),
    # (The first file written is the automatic backup, before the transaction.)
    ("file-staged#2", signal.SIGINT, False, True),  # the workbook built, not yet under its name
    ("file-written#2", signal.SIGTERM, True, True),  # the workbook in place after the commit
]


@pytest.mark.parametrize(("point", "sig", "review_written", "committed"), MOMENTS, ids=[m[0] for m in MOMENTS])
def test_an_interrupted_import_says_what_it_committed_and_wrote(filled, finished, tmp_path, point, sig,
                                                              review_written, committed):
    db = tmp_path / "ledger.db"
    shutil.copy(filled, db)
    before = snapshot(db)
    review = tmp_path / "rv.xlsx"
    said = interrupted(db, ["import", "filings", REGISTER, "--review", review], point, sig)
    added = finished["filings"] - counts(filled)["filings"]
    assert added > 300
    if committed:
        assert counts(db) == finished  # the ledger as after, whole
        assert f"đã ghi vào sổ theo dõi thay đổi số {finished['changesets']} ({added} văn bản," in said, said
    else:
        assert snapshot(db) == before  # the ledger as before, byte for byte in every row
        assert "sổ theo dõi không thay đổi" in said and "văn bản" not in said, said
    assert review.is_file() == review_written
    assert (f"đã ghi tệp {review}" in said) == review_written, said
    assert (f"chưa ghi tệp {review}" in said) == (not review_written), said
    no_mess(tmp_path)
    assert Cli(db)("verify").exit_code == 0


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_at_the_very_start_gives_the_sentence(filled, tmp_path, sig):
    # Before Typer and the commands are imported (a fifth of a second): the handlers come first.
    db = tmp_path / "ledger.db"
    shutil.copy(filled, db)
    before = snapshot(db)
    said = interrupted(db, ["import", "filings", REGISTER, "--review", tmp_path / "rv.xlsx"], "start", sig)
    assert said == STOPPED + "sổ theo dõi không thay đổi; không có tệp nào ghi dở."
    assert snapshot(db) == before and not (tmp_path / "rv.xlsx").exists()


def said_written(said: str) -> tuple[list[Path], int]:
    """The files the sentence names as written, and how many it says were written in all."""
    part = next((part for part in said.split("; ") if part.startswith("đã ghi tệp ")), "")
    if not part:
        return [], 0
    named, _, more = part.removeprefix("đã ghi tệp ").partition(" và ")
    paths = [Path(p) for p in named.split(", ")]
    return paths, len(paths) + (int(more.split()[0]) if more else 0)


@pytest.mark.parametrize(("command", "point", "sig"), [
    ("export", "file-staged", signal.SIGTERM),
    ("export", "file-written", signal.SIGINT),
    ("remind", "file-staged", signal.SIGINT),
    ("remind", "file-written", signal.SIGTERM),
], ids=["export-staged", "export-written", "remind-staged", "remind-written"])
def test_an_interrupted_export_or_letters_says_which_files_were_written(filled, tmp_path, command, point, sig):
    db = tmp_path / "ledger.db"
    shutil.copy(filled, db)
    before = snapshot(db)
    out = tmp_path / "out"
    out.mkdir()
    target = out / ("tong-hop.xlsx" if command == "export" else "cong-van")
    args = {
        "export": ("export", "summary", "--year", "2023", "--as-of", "05/12/2023", "--output", target),
        "remind": ("remind", "--as-of", "05/12/2023", "--output", target),
    }[command]
    said = interrupted(db, args, point, sig)
    assert snapshot(db) == before and "sổ theo dõi không thay đổi" in said
    files = [p for p in out.rglob("*") if p.is_file()]
    named, count = said_written(said)
    assert count == len(files), said  # every file there, and only those
    assert all(path in files for path in named), said
    not_written = f"chưa ghi tệp {target}" if command == "export" else f"chưa ghi xong thư mục {target}"
    assert (not_written in said) == (not files), said  # remind's output is a folder, never called a file
    assert "chưa ghi tệp" not in said or command == "export", said
    no_mess(out)


# The handler itself, in this process: where a signal stops the code it lands in.

LIBRARY = """
import os, signal

def build(log):
    log.append("library starts")
    os.kill(os.getpid(), signal.SIGTERM)  # the handler runs at one of the next bytecodes, in here
    for i in range(10_000):
        log.append(i) if i == 9_999 else None
    log.append("library ends")
"""


@pytest.fixture
def handlers(monkeypatch, tmp_path):
    """cadretrack's handlers installed here, this test file counted as cadretrack's own code,
    and a "library" outside it; the test's own handlers back afterwards."""
    import importlib.util

    from cadretrack import interrupts

    saved = {s: signal.getsignal(s) for s in interrupts.SIGNALS}
    monkeypatch.setattr(interrupts, "_HERE", str(Path(__file__).resolve().parent) + os.sep)
    (tmp_path / "somelib.py").write_text(LIBRARY, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("somelib", tmp_path / "somelib.py")
    library = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(library)
    interrupts.install()
    interrupts.begin()
    yield interrupts, library
    interrupts.begin()
    for s, handler in saved.items():
        signal.signal(s, handler)
    interrupts._state.installed = False


def test_a_signal_inside_a_library_waits_for_its_call_then_stops_at_our_next_line(handlers):
    interrupts, library = handlers
    log = []
    with pytest.raises(KeyboardInterrupt):
        library.build(log)
        log.append("our next line")
    assert log == ["library starts", 9_999, "library ends"]  # the library ran whole, ours stopped


def test_a_signal_inside_a_critical_section_stops_at_its_end(handlers):
    interrupts, _ = handlers
    log = []
    with pytest.raises(KeyboardInterrupt):
        with interrupts.critical():
            os.kill(os.getpid(), signal.SIGINT)
            for i in range(10_000):
                pass
            log.append("section ends")
        log.append("after the section")
    assert log == ["section ends"]


def test_one_interruption_per_command_and_none_after_its_answer(handlers):
    interrupts, _ = handlers
    with pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGTERM)
        for i in range(10_000):
            pass
    os.kill(os.getpid(), signal.SIGTERM)  # while the command unwinds: only noted
    for i in range(10_000):
        pass
    interrupts.begin()
    interrupts.answered()
    os.kill(os.getpid(), signal.SIGINT)  # after the answer: only noted
    for i in range(10_000):
        pass
    assert interrupts._state.pending  # noted all the same


def test_an_interrupted_backup_names_the_copy_it_made(filled, tmp_path):
    db = tmp_path / "ledger.db"
    shutil.copy(filled, db)
    copy = tmp_path / "copy.db"
    said = interrupted(db, ["backup", "--output", copy], "file-written", signal.SIGTERM)
    assert said == f"{STOPPED}sổ theo dõi không thay đổi; đã ghi tệp {copy}; không có tệp nào ghi dở."
    assert Cli(copy)("verify").exit_code == 0
