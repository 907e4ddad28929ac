"""One way to write a file (cadretrack.output): every output is checked before any work,
staged under a unique exclusive name, renamed whole, mode 600, and never one of the
command's inputs, a folder, a link or in a folder that does not exist."""

import errno
import os
import resource
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Cli, snapshot

SAMPLE = Path(__file__).resolve().parent.parent / "src" / "cadretrack" / "data" / "sample"
REGISTER = SAMPLE / "so-dang-ky-van-ban-den-2024.xlsx"


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def writers(tmp_path: Path, name: str) -> dict[str, tuple]:
    """Every command that writes one file, writing it at tmp_path/name (with its suffix)."""
    out = tmp_path / name
    return {
        "summary": ("export", "summary", "--year", "2023", "--as-of", "31/12/2023", "--output", out.with_suffix(".xlsx")),
        "report": ("export", "report", "--year", "2023", "--as-of", "31/12/2023", "--output", out.with_suffix(".docx")),
        "check": ("check", "--year", "2023", "--as-of", "31/12/2023", "--output", out.with_suffix(".csv")),
        "review": ("import", "filings", REGISTER, "--review", out.with_suffix(".xlsx")),
        "backup": ("backup", "--output", out.with_suffix(".db")),
    }


def no_staged_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".part") or ".part-" in p.name]


@pytest.mark.parametrize("command", ["summary", "report", "check", "review", "backup"])
def test_an_existing_folder_as_output_is_one_sentence(year, tmp_path, command):
    args = writers(tmp_path, "out")[command]
    args[-1].mkdir()
    err = year.refused(*args)
    assert "is a folder" in err and str(args[-1]) in err and err.strip().count("\n") == 0
    assert args[-1].is_dir() and not any(args[-1].iterdir())


@pytest.mark.parametrize("command", ["summary", "report", "check", "review", "backup"])
def test_a_folder_that_does_not_exist_is_not_created(year, tmp_path, command):
    args = writers(tmp_path / "nonexistent" / "dir", "x")[command]
    err = year.refused(*args)
    assert "does not exist" in err and not (tmp_path / "nonexistent").exists()


@pytest.mark.parametrize("command", ["summary", "report", "check", "review", "backup"])
def test_a_symlink_as_output_name_is_never_written_through(year, tmp_path, command):
    args = writers(tmp_path, "out")[command]
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    args[-1].symlink_to(victim)
    err = year.refused(*args)
    assert "symbolic link" in err and victim.read_text() == "keep me" and args[-1].is_symlink()


def test_the_register_as_its_own_review_is_refused_untouched(year, tmp_path):
    register = tmp_path / "reg.xlsx"
    register.write_bytes(REGISTER.read_bytes())
    before = register.read_bytes()
    for review in (register, tmp_path / "." / "reg.xlsx", Path(os.path.relpath(register))):
        err = year.refused("import", "filings", register, "--review", review)
        assert "one of the files this command reads" in err and register.read_bytes() == before
    link_folder = tmp_path / "via"
    link_folder.symlink_to(tmp_path)  # the same file through a linked folder
    err = year.refused("import", "filings", register, "--review", link_folder / "reg.xlsx")
    assert "one of the files this command reads" in err and register.read_bytes() == before
    hard = tmp_path / "hard.xlsx"
    os.link(register, hard)  # another name, one file
    err = year.refused("import", "filings", register, "--review", hard)
    assert "one of the files this command reads" in err and register.read_bytes() == before


def test_the_ledger_is_never_an_output(year, tmp_path):
    db = year.db
    before = db.read_bytes()
    hard = tmp_path / "ledger-copy.xlsx"
    os.link(db, hard)
    for args in (("export", "summary", "--year", "2023", "--output", hard),
                 ("check", "--year", "2023", "--output", tmp_path / "ledger-as.xlsx"),
                 ("backup", "--output", tmp_path / "." / db.name),
                 ("import", "filings", REGISTER, "--review", hard)):
        if args[0] == "check":
            os.link(db, args[-1])
        err = year.refused(*args)
        assert "one of the files this command reads" in err, err
    assert db.read_bytes() == before


def test_a_template_given_as_the_report_output_is_refused(year, tmp_path):
    from docx import Document

    template = tmp_path / "mine.docx"
    doc = Document()
    doc.add_paragraph("{{ year }}")
    doc.save(template)
    before = template.read_bytes()
    err = year.refused("export", "report", "--year", "2023", "--output", template, "--template", template)
    assert "one of the files this command reads" in err and template.read_bytes() == before


def test_a_planted_link_at_the_staging_name_is_never_followed(year, tmp_path):
    out = tmp_path / "s.xlsx"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    planted = [tmp_path / ".s.xlsx.part", tmp_path / ".s.xlsx.AbCd1234.part"]
    for link in planted:
        link.symlink_to(victim)
    year.ok("export", "summary", "--year", "2023", "--output", out)
    assert victim.read_text() == "keep me" and all(link.is_symlink() for link in planted)
    from openpyxl import load_workbook

    load_workbook(out)


def test_a_killed_runs_staged_file_is_cleaned_and_a_live_one_kept(year, tmp_path):
    import fcntl

    out = tmp_path / "s.xlsx"
    stale = tmp_path / ".s.xlsx.Zz9yX8w7.part"
    stale.write_bytes(b"half a workbook of names")
    old_style = tmp_path / ".s.xlsx.part"
    old_style.write_bytes(b"what the earlier version left")
    live = tmp_path / ".s.xlsx.Live0001.part"
    live.write_bytes(b"another run, still writing")
    other = tmp_path / ".other.xlsx.Zz9yX8w7.part"  # another target's: not this write's business
    other.write_bytes(b"x")
    mine = tmp_path / "s.xlsx.notes.part"  # the clerk's, whatever its name says
    mine.write_bytes(b"x")
    with open(live, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        year.ok("export", "summary", "--year", "2023", "--output", out)
        assert live.exists()
    assert not stale.exists() and not old_style.exists() and other.exists() and mine.exists() and out.exists()


@pytest.mark.usefixtures("umask_022")
def test_every_output_is_the_owners_only(year, tmp_path):
    outs = writers(tmp_path, "out")
    for command, args in outs.items():
        result = year(*args)
        assert result.exit_code in (0, 1), result.output + result.stderr
        assert stat.S_IMODE(os.stat(args[-1]).st_mode) == 0o600, command
    json_out = tmp_path / "c.json"
    assert year("check", "--year", "2023", "--as-of", "31/12/2023", "--output", json_out, "--all").exit_code == 1
    letters = tmp_path / "cv"
    year.ok("remind", "--as-of", "01/12/2023", "--output", letters)
    files = [json_out, *letters.iterdir(), *(tmp_path / "backups").iterdir()]
    assert len(files) > 3
    for path in files:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
    assert no_staged_files(tmp_path)


def test_backup_output_never_replaces_a_file(year, tmp_path):
    taken = tmp_path / "b.db"
    taken.write_text("mine")
    err = year.refused("backup", "--output", taken)
    assert "already exists" in err and taken.read_text() == "mine"


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.parametrize("command", ["summary", "report", "backup"])
def test_no_room_to_write_is_one_sentence_and_leaves_nothing(year, tmp_path, command):
    """A real write failure (the kernel refuses to grow the file past RLIMIT_FSIZE, EFBIG):
    one sentence naming the file, exit 2, no staged file left, the target absent."""
    args = writers(tmp_path / "out", "x")[command]
    (tmp_path / "out").mkdir()
    # SQLite's shared-memory file (32 KiB) is made when a ledger in WAL mode is first opened;
    # a reader holding it open here means the limited command grows no file but its output.
    holder = sqlite3.connect(year.db)
    try:
        holder.execute("SELECT COUNT(*) FROM meta").fetchone()
        proc = subprocess.run([sys.executable, "-m", "cadretrack", "--db", str(year.db), "--lang", "en",
                               *map(str, args)], capture_output=True, text=True,
                              preexec_fn=_limit_file_size(4096), timeout=300)
    finally:
        holder.close()
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and str(args[-1]) in proc.stderr
    assert proc.stderr.strip().count("\n") == 0
    assert not args[-1].exists() and no_staged_files(tmp_path / "out")


def test_the_writer_says_disk_full_read_only_and_locked_in_one_sentence(tmp_path):
    """The failures a real disk gives (ENOSPC, EROFS, a file Excel holds: PermissionError,
    SQLite's own 'database or disk is full'), raised inside our writer's callback: each is
    one sentence naming the target and leaves no staged file."""
    from cadretrack.errors import CadretrackError
    from cadretrack.i18n import set_lang
    from cadretrack.output import Output

    set_lang("en")
    target = tmp_path / "t.xlsx"

    def fails(error):
        def write(staged: Path) -> None:
            staged.write_bytes(b"half")
            raise error
        return write

    def sqlite_full(staged: Path) -> None:
        conn = sqlite3.connect(staged)
        try:
            conn.execute("PRAGMA max_page_count = 2")
            conn.execute("CREATE TABLE t (x)")
            conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
        finally:
            conn.close()

    cases = [(fails(OSError(errno.ENOSPC, "No space left on device")), "disk is full"),
             (fails(OSError(errno.EROFS, "Read-only file system")), "read-only"),
             (fails(PermissionError(errno.EACCES, "Permission denied")), "open in another program"),
             (sqlite_full, "disk is full")]
    for write, said in cases:
        with pytest.raises(CadretrackError) as caught:
            Output.check(target).write(write)
        assert said in caught.value.message() and str(target) in caught.value.message()
        assert not target.exists() and list(tmp_path.iterdir()) == []
    with pytest.raises(KeyboardInterrupt):  # an interruption too removes the staged file
        Output.check(target).write(fails(KeyboardInterrupt()))
    assert list(tmp_path.iterdir()) == []


def test_a_fifo_as_output_is_refused(year, tmp_path):
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    err = year.refused("export", "summary", "--year", "2023", "--output", fifo)
    assert "not a regular file" in err


def test_outputs_are_checked_before_the_ledger_is_opened(tmp_path):
    """The check comes right after parsing: even without a ledger the output is refused first."""
    cli = Cli(tmp_path / "missing.db")
    (tmp_path / "d.xlsx").mkdir()
    result = cli("export", "summary", "--year", "2023", "--output", tmp_path / "d.xlsx")
    assert result.exit_code == 2 and "is a folder" in result.stderr


def test_a_killed_backups_staged_copy_is_cleaned(year, tmp_path):
    """Each backup has a new name: the next backup cleans what any killed one left."""
    folder = tmp_path / "backups"
    folder.mkdir(exist_ok=True)
    stem = year.db.stem
    stale = [folder / f".{stem}-20240101-000000-000000-import.db.Qw3rTy12.part",
             folder / f".{stem}-20240101-000000-000000-import.db.Qw3rTy12.part-journal",
             folder / f"{stem}-20240101-000000-000000-import.db.part"]
    for path in stale:
        path.write_bytes(b"a half copy of the ledger")
    foreign = folder / ".other-20240101-000000-000000-import.db.Qw3rTy12.part"
    foreign.write_bytes(b"not this ledger's")
    year.ok("backup")
    assert not any(p.exists() for p in stale) and foreign.exists()
    assert len(list(folder.glob(f"{stem}-*.db"))) >= 1


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc on this system")
def test_a_folder_where_no_file_can_be_made_says_so(year):
    """/proc exists and is a folder, but no file can be made in it: the sentence says why, in
    the clerk's words, rather than only 'cannot write'."""
    said = year.refused("remind", "--output", "/proc", lang="vi")
    assert "/proc" in said and "không cho tạo tệp" in said
    said = year.refused("export", "summary", "--year", "2023", "--output", "/proc/tong-hop.xlsx", lang="vi")
    assert "không cho tạo tệp" in said or "chỉ cho đọc" in said
