"""The one way cadretrack writes a file: checked before any work, staged, renamed whole.

Every output (workbooks, reports, letters and their index, check and review files, backups)
goes through `Output`:

    out = Output.check(path, inputs=[ledger, register])   # at parse time, before any work
    ...
    out.write(lambda staged: library.save(staged))         # at the end

`check` refuses an output that is one of the command's inputs (the same file, whatever the
path says: links, `./x`, hard links), an existing folder or anything that is not a regular
file, a name that is itself a symbolic link, and a folder that does not exist (nothing is
created). `write` stages the file under a unique name created exclusively in the target's
folder (mode 600: every output holds personnel data, as the ledger does), renames it over
the target when whole, and removes it on any failure or interruption. A staged file that
a killed run left is removed by the next write of the same target. A full disk, a read-only
folder or a file another program holds open is one sentence naming the path.

Only the standard library (and our context and interrupts, which use nothing else): the
store (backups) and render both use it.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cadretrack.context import note_file
from cadretrack.errors import CadretrackError
from cadretrack.interrupts import critical, pause_point

MODE = 0o600  # owner only, as the ledger
SUFFIX = ".part"
# What a staged file of ours is called: "." + target + "." + mkstemp's 8 characters + ".part"
# (and SQLite's side files of a staged backup).
_RANDOM = r"[A-Za-z0-9_]{8}"
_SIDE = r"(-journal|-wal|-shm)?"

try:  # advisory locks tell a live run's staged file from a killed run's (POSIX)
    import fcntl
except ImportError:  # pragma: no cover - Windows: an open file cannot be removed anyway
    fcntl = None


def staged_pattern(name: str, name_pattern: str | None = None) -> re.Pattern:
    """What the staged files of target `name` are called (or of any target whose name
    matches the regular expression `name_pattern`)."""
    target = name_pattern if name_pattern is not None else re.escape(name)
    return re.compile(rf"\.(?:{target})(\.{_RANDOM})?{re.escape(SUFFIX)}{_SIDE}")


def check_name(path: Path) -> None:
    """Refused, naming it, when the file system cannot hold the name (or the staged name
    beside it: 15 characters more) rather than failing with its own words later."""
    folder = path.parent if path.parent.is_dir() else Path(".")
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # Windows: no pathconf
        limit = 255
    if len(os.fsencode(path.name)) + len("..12345678" + SUFFIX) > limit:
        raise CadretrackError("output_name_too_long", path=str(path), limit=limit - len("..12345678" + SUFFIX))
    try:
        os.lstat(path)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise CadretrackError("output_name_too_long", path=str(path), limit=limit) from None


def _exists(path: Path) -> bool:
    try:
        os.lstat(path)
        return True
    except FileNotFoundError:
        return False
    except OSError:
        return True


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (links, `./x`, hard links), or would once written."""
    try:
        sa, sb = os.stat(a), os.stat(b)
        return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)
    except OSError:
        try:
            return os.path.realpath(a) == os.path.realpath(b)
        except (OSError, ValueError):
            return False


@dataclass(frozen=True)
class Output:
    """A file the command will write, checked. `exclusive`: the target must not exist yet
    (a backup copy is never written over a file)."""

    path: Path
    exclusive: bool = False
    inputs: tuple[Path, ...] = field(default=(), compare=False)

    @classmethod
    def check(cls, path: Path | "Output", inputs: Iterable[Path | None] = (), exclusive: bool = False) -> "Output":
        """The output at `path`, refused (one sentence, exit 2) before any work when it cannot
        be written whole without harm."""
        if isinstance(path, Output):
            path, inputs, exclusive = path.path, (*path.inputs, *inputs), path.exclusive or exclusive
        path = Path(path)
        given = tuple(Path(p) for p in inputs if p is not None)
        check_name(path)
        if os.path.islink(path):
            raise CadretrackError("output_is_link", path=str(path))
        for source in given:
            if same_file(path, source):
                raise CadretrackError("output_is_input", path=str(path))
        if _exists(path):
            mode = os.stat(path).st_mode
            if stat.S_ISDIR(mode):
                raise CadretrackError("output_is_folder", path=str(path))
            if not stat.S_ISREG(mode):
                raise CadretrackError("output_not_file", path=str(path))
            if exclusive:
                raise CadretrackError("backup_exists", path=str(path))
        folder = path.parent
        if not folder.is_dir():
            raise CadretrackError("folder_missing", path=str(folder))
        if not os.access(folder, os.W_OK | os.X_OK) or (_exists(path) and not os.access(path, os.W_OK)):
            raise CadretrackError("output_read_only", path=str(path))
        return cls(path, exclusive, given)

    # Read like the path it is (callers that take a path take an Output too).
    def __fspath__(self) -> str:
        return os.fspath(self.path)

    def __str__(self) -> str:
        return str(self.path)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def suffix(self) -> str:
        return self.path.suffix

    @property
    def parent(self) -> Path:
        return self.path.parent

    def resolve(self) -> Path:
        return self.path.resolve()

    def write(self, write: Callable[[Path], None], note: bool = True) -> Path:
        """`write(staged)` fills the staged file (it exists, empty, mode 600); renamed over the
        target once whole. On any failure or interruption the staged file is removed. A signal
        waits for the library building the file and for the rename (with `note`, the file is
        then noted as written by the running command: what an interruption says is true)."""
        checked = Output.check(self)  # the folder or the name may have changed since parsing
        path = checked.path
        clean_stale(path)
        held: dict = {}  # the staged file's descriptor and name, once known
        try:
            return _stage_and_rename(path, checked.exclusive, write, held, note)
        except BaseException as exc:
            # Whatever stopped it, and wherever (even between the staged file's creation and
            # the moment its name was known), no staged file of ours stays.
            if held.get("fd") is not None:
                _close(held.pop("fd"))
            if "staged" in held:
                _remove_staged(held["staged"])
            clean_stale(path)
            if isinstance(exc, CadretrackError) or not isinstance(exc, Exception):
                raise
            failure = write_failure(exc, path)
            if failure is None:
                raise
            raise failure from None


def _stage_and_rename(path: Path, exclusive: bool, write: Callable[[Path], None], held: dict, note: bool) -> Path:
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=SUFFIX)
    except OSError as exc:
        raise (write_failure(exc, path) or exc) from None
    held["fd"], held["staged"] = fd, Path(name)
    staged = held["staged"]
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a live run's: no other run cleans it
    if hasattr(os, "fchmod"):
        os.fchmod(fd, MODE)  # mkstemp's mode already; said for the reader
    made = os.fstat(fd)
    with critical():  # a library builds the file: a signal waits for it, then stops before the rename
        write(staged)
        pause_point("file-staged")
    now = os.lstat(staged)  # still the file we made, not something put in its place
    if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (made.st_dev, made.st_ino):
        raise CadretrackError("output_changed", path=str(path))
    os.fsync(fd)
    if os.name == "nt":  # Windows renames no file that is open
        _close(held.pop("fd"))
    with critical():  # renamed and noted as written, in one step
        if exclusive:
            link_new(staged, path)
            _remove_staged(staged)
        else:
            os.replace(staged, path)
        held.pop("staged", None)
        if note:
            note_file(path)
    if held.get("fd") is not None:
        _close(held.pop("fd"))
    pause_point("file-written")
    return path


def _close(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass


def link_new(staged: Path, path: Path, taken: str = "backup_exists") -> None:
    """The staged file under the target's name, never over a file that appeared meanwhile
    (refused with the message `taken`); the staged name stays for the caller to remove."""
    try:
        os.link(staged, path)
    except FileExistsError:
        raise CadretrackError(taken, path=str(path)) from None
    except OSError as exc:  # a file system without hard links
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, getattr(errno, "EOPNOTSUPP", -1), errno.EXDEV):
            raise
        if _exists(path):
            raise CadretrackError(taken, path=str(path)) from None
        os.replace(staged, path)


def as_output(path: Path | Output) -> Output:
    """An `Output` for a writer called with a plain path (checked now, without inputs)."""
    return path if isinstance(path, Output) else Output.check(path)


def write_file(path: Path | Output, write: Callable[[Path], None]) -> Path:
    return as_output(path).write(write)


def _remove_staged(staged: Path) -> None:
    for side in ("", "-journal", "-wal", "-shm"):
        try:
            os.unlink(f"{staged}{side}")
        except FileNotFoundError:
            pass
        except OSError:  # pragma: no cover - nothing more can be done; the next run cleans it
            pass


def clean_stale(path: Path, name_pattern: str | None = None) -> list[Path]:
    """Remove the staged files of `path` that a killed run left: regular files of ours (by
    name and owner) that no live run holds locked. Never a link, never another file.
    `name_pattern`: those of every target of the folder whose name matches it (backups,
    each under a new name)."""
    pattern = staged_pattern(path.name, name_pattern)
    removed = []
    try:
        names = sorted(os.listdir(path.parent), key=len)  # a staged file before its side files
    except OSError:
        return removed
    live: set[str] = set()
    for name in names:
        if not pattern.fullmatch(name):
            continue
        base = re.sub(rf"{_SIDE}$", "", name) if not name.endswith(SUFFIX) else name
        stale = path.parent / name
        try:
            st = os.lstat(stale)
            if not stat.S_ISREG(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
                continue
            if base in live or (base == name and _held(stale)):
                live.add(base)
                continue
            os.unlink(stale)
            removed.append(stale)
        except OSError:
            continue
    return removed


def _held(staged: Path) -> bool:
    """Whether a live run holds this staged file (its lock); without locks (Windows) a file
    another process has open cannot be removed anyway."""
    if fcntl is None:
        return False
    fd = os.open(staged, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


def _os_error(exc: BaseException) -> BaseException | None:
    """The OSError or SQLite error behind a library's own exception (XlsxWriter wraps the
    OSError it met in FileCreateError), or None when the failure is not the file system's."""
    seen = 0
    while exc is not None and seen < 8:
        if isinstance(exc, (OSError, sqlite3.Error)):
            return exc
        inner = next((a for a in getattr(exc, "args", ()) if isinstance(a, (OSError, sqlite3.Error))), None)
        exc = inner or exc.__cause__ or exc.__context__
        seen += 1
    return None


def write_failure(exc: BaseException, path: Path) -> CadretrackError | None:
    """A failed write in one sentence naming the path (None: not a file system failure)."""
    exc = _os_error(exc)
    if exc is None:
        return None
    if isinstance(exc, sqlite3.Error):
        said = str(exc).lower()
        if "full" in said:
            return CadretrackError("disk_full", path=str(path), reason=str(exc))
        if "readonly" in said or "read-only" in said or "unable to open" in said:
            return CadretrackError("output_read_only", path=str(path), reason=str(exc))
        return CadretrackError("output_failed", path=str(path), reason=str(exc))
    code = getattr(exc, "errno", None)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
        return CadretrackError("disk_full", path=str(path), reason=str(exc))
    if code == errno.EROFS:
        return CadretrackError("output_read_only", path=str(path), reason=str(exc))
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return CadretrackError("file_locked", path=str(path), reason=str(exc))
    if isinstance(exc, IsADirectoryError):
        return CadretrackError("output_is_folder", path=str(path))
    if code in (errno.ENOENT, errno.ENOTDIR, errno.EINVAL, errno.EXDEV):  # /proc, a folder gone meanwhile
        return CadretrackError("output_not_here", path=str(path), reason=str(exc))
    return CadretrackError("output_failed", path=str(path), reason=str(exc))
