"""Every command against hostile files and hostile output names, from one table.

For each case: no traceback, an exit code in {0, 1, 2, 130}; after exit 2 the ledger is
byte-identical, nothing stands under the output name that was not there before, the
input (and whatever a link points at) is untouched, and no staged file is left behind.
Cases that could hang or kill the process (a FIFO, a sheet claiming 2^34 cells) run the
real CLI in a subprocess with a timeout; the rest run in-process through CliRunner.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Cli, snapshot

SAMPLE = Path(__file__).resolve().parent.parent / "src" / "cadretrack" / "data" / "sample"
ASSIGNMENTS = SAMPLE / "718-QD-TU-phan-cong.xlsx"
REGISTER = SAMPLE / "so-dang-ky-van-ban-den-2024.xlsx"
EXITS = {0, 1, 2, 130}


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    """A ledger with the sample assignments and the 2024 register: every command has work."""
    db = tmp_path_factory.mktemp("hostile") / "ledger.db"
    # In subprocesses: each ends by closing its ledger, so the file alone holds everything.
    for args, codes in ((["init"], (0,)),
                        (["import", "assignments", str(ASSIGNMENTS), "--effective", "14/12/2022"], (0,)),
                        (["import", "filings", str(REGISTER)], (0, 1))):
        done = subprocess.run([sys.executable, "-m", "cadretrack", "--db", str(db), *args], capture_output=True)
        assert done.returncode in codes, done.stderr
    assert not Path(f"{db}-wal").exists()
    return db


@pytest.fixture
def place(filled, tmp_path) -> Path:
    """A fresh copy of the filled ledger in its own folder."""
    shutil.copy(filled, tmp_path / "ledger.db")
    return tmp_path


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def tree(folder: Path) -> dict[str, object]:
    """Every entry under `folder` (links not followed) with its content's digest; the ledger
    by its rows (a read may leave SQLite's -wal and -shm beside it: they hold no change)."""
    entries: dict[str, object] = {}
    for p in sorted(folder.rglob("*")):
        name = str(p.relative_to(folder))
        if name.endswith(("-wal", "-shm")):
            continue
        if name == "ledger.db" and p.is_file() and not p.is_symlink():
            entries[name] = ledger_rows(p)
        else:
            entries[name] = None if p.is_dir() or p.is_symlink() else digest(p)
    return entries


def ledger_rows(path: Path):
    try:
        return snapshot(path)
    except sqlite3.DatabaseError:  # not a ledger (a FIFO's stand-in, random bytes): its bytes
        return digest(path)


# --- hostile files --------------------------------------------------------------------

def random_bytes(path: Path) -> Path:
    path.write_bytes(random.Random(path.name).randbytes(4096))
    return path


def empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def folder(path: Path) -> Path:
    path.mkdir()
    return path


def dangling_link(path: Path) -> Path:
    path.symlink_to(path.parent / "nowhere")
    return path


def truncated_zip(path: Path) -> Path:
    data = ASSIGNMENTS.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def zip_of_junk(path: Path) -> Path:
    """A valid zip that is no OOXML document."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "xin chào")
    return path


def huge_dimension_xlsx(path: Path) -> Path:
    """5 KB, one cell at XFD1048576: a reader that believes the dimension allocates 2^39 bytes."""
    with zipfile.ZipFile(ASSIGNMENTS) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                        b'<dimension ref="A1:XFD1048576"/><sheetData>'
                        b'<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row>'
                        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
                        b'</sheetData></worksheet>')
            dst.writestr(item, data)
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


FILES = {
    "random bytes": random_bytes,
    "empty": empty,
    "folder": folder,
    "dangling link": dangling_link,
    "truncated zip": truncated_zip,
    "zip of junk": zip_of_junk,
}
# Cases that could hang the process or abort it: only in a subprocess with a timeout.
DEADLY = {"fifo": fifo, "huge dimension": huge_dimension_xlsx}


@dataclass(frozen=True)
class Command:
    """A command that reads one file: its arguments with {file} (and {out}) in them."""
    name: str
    args: tuple[str, ...]
    suffix: str


READERS = [
    Command("import assignments", ("import", "assignments", "{file}", "--effective", "01/01/2025"), ".xlsx"),
    Command("import assignments csv", ("import", "assignments", "{file}", "--effective", "01/01/2025"), ".csv"),
    Command("import assignments docx", ("import", "assignments", "{file}", "--effective", "01/01/2025"), ".docx"),
    Command("import assignments --titles", ("import", "assignments", str(ASSIGNMENTS), "--effective", "14/12/2022",
                                            "--titles", "{file}"), ".txt"),
    Command("import members", ("import", "members", "{file}", "--effective", "01/01/2025"), ".xlsx"),
    Command("import members csv", ("import", "members", "{file}", "--effective", "01/01/2025"), ".csv"),
    Command("import members docx", ("import", "members", "{file}", "--effective", "01/01/2025"), ".docx"),
    Command("remind --to members --template", ("remind", "--as-of", "31/12/2024", "--to", "members", "--output",
                                               "{out}", "--template", "{file}"), ".docx"),
    Command("import filings", ("import", "filings", "{file}"), ".xlsx"),
    Command("import filings ods", ("import", "filings", "{file}"), ".ods"),
    Command("import filings xls", ("import", "filings", "{file}"), ".xls"),
    Command("import meetings", ("import", "meetings", "{file}"), ".xlsx"),
    Command("rules set", ("rules", "set", "{file}", "--effective", "01/01/2026"), ".toml"),
    Command("gazetteer add", ("gazetteer", "add", "{file}", "--effective", "01/07/2025"), ".csv"),
    Command("gazetteer add --mapping", ("gazetteer", "add", "{file}", "--effective", "01/07/2025",
                                        "--mapping", "{file}"), ".csv"),
    Command("restore", ("restore", "{file}"), ".db"),
    Command("export report --template", ("export", "report", "--year", "2024", "--output", "{out}.docx",
                                         "--template", "{file}"), ".docx"),
    Command("remind --template", ("remind", "--as-of", "31/12/2024", "--output", "{out}", "--template", "{file}"),
            ".docx"),
    Command("verify FILE xlsx", ("verify", "{file}"), ".xlsx"),
    Command("verify FILE docx", ("verify", "{file}", "--format", "json"), ".docx"),
    Command("diff --since FILE", ("diff", "--since", "{file}"), ".xlsx"),
]


def run_cli(place: Path, args: list[str], subprocess_timeout: float | None = None):
    """(exit code, everything printed): in-process, or in a subprocess when it might hang."""
    db = place / "ledger.db"
    if subprocess_timeout is None:
        result = Cli(db)(*args)
        return result.exit_code, result.output + result.stderr
    done = subprocess.run([sys.executable, "-m", "cadretrack", "--db", str(db), "--lang", "en", *args],
                          capture_output=True, text=True, timeout=subprocess_timeout, stdin=subprocess.DEVNULL)
    return done.returncode, done.stdout + done.stderr


def assert_refused_cleanly(place: Path, before: dict, code: int, printed: str, out: Path | None) -> None:
    assert "Traceback" not in printed and "Exception ignored" not in printed, printed
    assert code in EXITS, (code, printed)
    if code == 2:
        after = tree(place)
        assert after.get("ledger.db") == before.get("ledger.db"), "the ledger changed on a refusal"
        # Automatic backups are not written for a refused command either.
        assert {k: v for k, v in after.items() if not k.startswith("backups")} == \
               {k: v for k, v in before.items() if not k.startswith("backups")}, printed
        if out is not None:
            assert not out.exists() or str(out.relative_to(place)) in before
    assert not [p for p in place.rglob("*.part")], "a staged file was left behind"


def materialise(command: Command, place: Path, make) -> tuple[list[str], Path]:
    hostile = make(place / f"hostile{command.suffix}")
    out = place / "out"
    args = [a.replace("{file}", str(hostile)).replace("{out}", str(out)) for a in command.args]
    return args, out


# An empty list of extra titles adds none: a usable file, not a hostile one.
READER_CASES = [pytest.param(c, k, id=f"{c.name}-{k}") for c in READERS for k in sorted(FILES)
                if not (c.suffix == ".txt" and k == "empty")]


@pytest.mark.parametrize("command, kind", READER_CASES)
def test_every_reader_refuses_a_hostile_file_in_one_sentence(place, command, kind):
    args, out = materialise(command, place, FILES[kind])
    before = tree(place)
    code, printed = run_cli(place, args)
    assert code == 2, (code, printed)  # none of these files is usable
    assert_refused_cleanly(place, before, code, printed, out)
    assert printed.strip(), "a refusal says why"


@pytest.mark.parametrize("kind", sorted(DEADLY))
@pytest.mark.parametrize("command", [c for c in READERS if c.suffix in (".xlsx", ".toml", ".db", ".docx")],
                         ids=lambda c: c.name)
def test_a_file_that_could_hang_or_abort_the_process_is_refused(place, command, kind):
    args, out = materialise(command, place, DEADLY[kind])
    before = tree(place)
    code, printed = run_cli(place, args, subprocess_timeout=60)
    assert code == 2, (code, printed)
    assert_refused_cleanly(place, before, code, printed, out)


def test_a_fifo_as_the_ledger_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "ledger.db")
    before = tree(tmp_path)
    code, printed = run_cli(tmp_path, ["check", "--year", "2024"], subprocess_timeout=60)
    assert code == 2, printed
    assert_refused_cleanly(tmp_path, before, code, printed, None)


# --- hostile output names -------------------------------------------------------------

WRITERS = [
    Command("export summary", ("export", "summary", "--year", "2024", "--output", "{out}"), ".xlsx"),
    Command("export report", ("export", "report", "--year", "2024", "--output", "{out}"), ".docx"),
    Command("check --output xlsx", ("check", "--year", "2024", "--output", "{out}"), ".xlsx"),
    Command("check --output csv", ("check", "--year", "2024", "--output", "{out}"), ".csv"),
    Command("check --output json", ("check", "--year", "2024", "--output", "{out}"), ".json"),
    Command("import filings --review", ("import", "filings", str(REGISTER), "--review", "{out}"), ".xlsx"),
    Command("backup --output", ("backup", "--output", "{out}"), ".db"),
]


def output_is_existing_folder(place: Path, suffix: str) -> tuple[Path, list[Path]]:
    out = place / f"out{suffix}"
    out.mkdir()
    return out, []


def output_in_missing_folder(place: Path, suffix: str) -> tuple[Path, list[Path]]:
    return place / "no-such-folder" / f"out{suffix}", []


def output_is_link_to_victim(place: Path, suffix: str) -> tuple[Path, list[Path]]:
    victim = place / "victim.bin"
    victim.write_bytes(b"the clerk's own file")
    out = place / f"out{suffix}"
    out.symlink_to(victim)
    return out, [victim]


def output_is_the_ledger_by_link(place: Path, suffix: str) -> tuple[Path, list[Path]]:
    out = place / f"out{suffix}"
    out.symlink_to(place / "ledger.db")
    return out, [place / "ledger.db"]


def output_is_the_ledger_by_hard_link(place: Path, suffix: str) -> tuple[Path, list[Path]]:
    out = place / f"out{suffix}"
    os.link(place / "ledger.db", out)
    return out, [place / "ledger.db"]


def staging_name_planted(place: Path, suffix: str) -> tuple[Path, list[Path]]:
    """A link planted where a careless writer stages (.NAME.part): never written through."""
    victim = place / "victim.bin"
    victim.write_bytes(b"the clerk's own file")
    (place / f".out{suffix}.part").symlink_to(victim)
    return place / f"out{suffix}", [victim]


def output_name_too_long(place: Path, suffix: str) -> tuple[Path, list[Path]]:
    return place / ("a" * 300 + suffix), []


OUTPUTS = {
    "name too long": output_name_too_long,
    "existing folder": output_is_existing_folder,
    "missing folder": output_in_missing_folder,
    "link to a victim": output_is_link_to_victim,
    "the ledger by a link": output_is_the_ledger_by_link,
    "the ledger by a hard link": output_is_the_ledger_by_hard_link,
}


@pytest.mark.parametrize("kind", sorted(OUTPUTS))
@pytest.mark.parametrize("command", WRITERS, ids=lambda c: c.name)
def test_a_hostile_output_name_is_refused_before_any_work(place, command, kind):
    out, kept = OUTPUTS[kind](place, command.suffix)
    kept_before = {p: digest(p) for p in kept}
    args = [a.replace("{out}", str(out)) for a in command.args]
    before = tree(place)
    code, printed = run_cli(place, args)
    assert code == 2, (code, printed)
    assert_refused_cleanly(place, before, code, printed, None)
    assert tree(place) == before
    assert {p: digest(p) for p in kept} == kept_before


@pytest.mark.parametrize("command", WRITERS, ids=lambda c: c.name)
def test_a_planted_link_at_a_staging_name_is_never_written_through(place, command):
    out, kept = staging_name_planted(place, command.suffix)
    kept_before = {p: digest(p) for p in kept}
    args = [a.replace("{out}", str(out)) for a in command.args]
    code, printed = run_cli(place, args)
    assert code in (0, 1), printed
    assert {p: digest(p) for p in kept} == kept_before
    assert out.is_file() and not out.is_symlink()


@pytest.mark.parametrize("command", WRITERS, ids=lambda c: c.name)
def test_every_output_is_readable_by_its_owner_only(place, command):
    out = place / f"out{command.suffix}"
    code, printed = run_cli(place, [a.replace("{out}", str(out)) for a in command.args])
    assert code in (0, 1), printed
    assert out.stat().st_mode & 0o077 == 0, oct(out.stat().st_mode)


def test_the_register_as_its_own_review_file_is_refused(place):
    register = place / "register.xlsx"
    shutil.copy(REGISTER, register)
    before = tree(place)
    for name in (register, place / "." / "register.xlsx", place / "sub" / ".." / "register.xlsx"):
        (place / "sub").mkdir(exist_ok=True)
        code, printed = run_cli(place, ["import", "filings", str(register), "--review", str(name)])
        assert code == 2, printed
        assert tree(place) == {**before, "sub": None}


def test_remind_into_a_file_or_a_missing_parent_is_refused(place):
    (place / "letters").write_bytes(b"not a folder")
    before = tree(place)
    for target in (place / "letters", place / "missing" / "letters", place / ("a" * 300)):
        for to in ([], ["--to", "members"]):
            code, printed = run_cli(place, ["remind", "--as-of", "31/12/2024", *to, "--output", str(target)])
            assert code == 2, printed
            assert_refused_cleanly(place, before, code, printed, None)
            assert tree(place) == before


# --- random bytes under every extension ---------------------------------------------

@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".xlsx", ".xls", ".ods", ".csv", ".docx"]),
       command=st.sampled_from(["assignments", "filings", "meetings", "members"]))
def test_random_bytes_never_break_an_import(filled, tmp_path_factory, data, suffix, command):
    place = tmp_path_factory.mktemp("random")
    shutil.copy(filled, place / "ledger.db")
    path = place / f"random{suffix}"
    path.write_bytes(data)
    args = ["import", command, str(path)] + (["--effective", "01/01/2025"] if command in ("assignments", "members")
                                             else [])
    before = tree(place)
    code, printed = run_cli(place, args)
    assert code in EXITS, printed
    assert_refused_cleanly(place, before, code, printed, None)


# --- hostile values of the options that filter lists -----------------------------------

FILTERS = [
    ("list", "filings", "--commune"), ("list", "filings", "--district"), ("list", "filings", "--cadre"),
    ("list", "filings", "--agency"), ("list", "filings", "--number"), ("list", "filings", "--text"),
    ("list", "filings", "--kind"), ("check", "--commune"), ("check", "--cadre"), ("history", "--since"),
    ("history", "--until"), ("remind", "--district"), ("remind", "--kind"),
]
HOSTILE_VALUES = {
    "nul": "Cao\x00Sơn", "huge": "Sơn " * 50_000, "sql": "x' OR 1=1; DROP TABLE filings; --",
    "like": "%_%", "escape": "\x1b[2J\x1b[31mđỏ", "combining": "a" + "\u0301" * 5000, "rtl": "\u202eCTr",
    "empty": "", "spaces": "   ", "emoji": "🏛️📄", "newline": "Tân\nHòa",
}


@pytest.mark.parametrize("value", sorted(HOSTILE_VALUES))
@pytest.mark.parametrize("command", FILTERS, ids=lambda c: " ".join(c))
def test_a_hostile_filter_value_is_answered_or_refused_in_one_sentence(place, command, value):
    before = tree(place)
    code, printed = run_cli(place, [*command, HOSTILE_VALUES[value]])
    assert code in (0, 1, 2), (code, printed)
    assert "Traceback" not in printed and "\x1b[2J" not in printed, printed
    assert tree(place) == before  # a list or a refusal: nothing written


# --- the web app (cadretrack serve): its upload takes a file, its ledger is --db ------------

UPLOADABLE = {k: v for k, v in {**FILES, **DEADLY}.items() if k not in ("folder", "dangling link", "fifo")}


@pytest.mark.parametrize("kind", sorted(UPLOADABLE))
@pytest.mark.parametrize("name", ["hostile.xlsx", "../../hostile.xlsx", "C:\\\\Windows\\\\hostile.xlsx",
                                  "x" * 1000 + ".xlsx", ".hostile.xlsx", "ho\x00stile.ods", "hostile"])
def test_the_web_register_upload_refuses_a_hostile_file(place, kind, name):
    """A file sent to Sổ văn bản đến: one sentence in the page (400), the ledger as it was,
    nothing written outside the app's own upload folder, under whatever name it was sent."""
    import io

    from cadretrack.ops.ledger import watch
    from cadretrack.web.app import create_app
    from cadretrack.web.common import Settings

    data = UPLOADABLE[kind](place / "source.bin").read_bytes()
    (place / "source.bin").unlink()
    before = tree(place)
    settings = Settings(db=place / "ledger.db", watch=watch(place / "ledger.db"))
    client = create_app(settings).test_client()
    client.get(f"/?token={settings.token}")
    answer = client.post("/register", data={"csrf": settings.csrf, "file": (io.BytesIO(data), name)},
                         content_type="multipart/form-data")
    page = answer.get_data(as_text=True)
    settings.watch.close()
    assert answer.status_code == 400, page
    assert "Traceback" not in page and "cadretrack-serve-" not in page
    assert_refused_cleanly(place, before, 2, page, None)
    if settings.uploads is not None:
        assert all(p.resolve().is_relative_to(settings.uploads.resolve()) for p in settings.uploads.rglob("*"))
        shutil.rmtree(settings.uploads)


def test_serve_on_a_fifo_ledger_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "ledger.db")
    before = tree(tmp_path)
    code, printed = run_cli(tmp_path, ["serve", "--no-browser", "--port", "0"], subprocess_timeout=60)
    assert code == 2, printed
    assert_refused_cleanly(tmp_path, before, code, printed, None)
