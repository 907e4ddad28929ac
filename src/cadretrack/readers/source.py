"""Where every input is opened: only a regular file is read, and never more than a limit.

An input file, a template, a rules file, a gazetteer, a list of titles, a backup to
restore and the ledger itself (`--db`) all pass through `check_input`: a folder, a named
pipe (which would block a reader forever), a device such as /dev/zero (which never ends)
or a socket is refused with one sentence naming the path, before any library sees it.
`read_input` opens without blocking and checks again what it opened, so a path swapped
for a pipe between the check and the read still cannot hang the command.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cadretrack.errors import CadretrackError, Label


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special"


def _refuse(path: Path, mode: int) -> CadretrackError:
    kind = _kind(mode)
    if kind == "folder":
        return CadretrackError("input_is_folder", path=str(path))
    return CadretrackError("input_not_regular", path=str(path), kind=Label(*_KINDS[kind]))


_KINDS = {
    "pipe": ("một đường ống (FIFO)", "a named pipe (FIFO)"),
    "device": ("một thiết bị", "a device"),
    "socket": ("một socket", "a socket"),
    "special": ("một tệp đặc biệt", "a special file"),
}


def check_input(path: Path, missing: str = "file_missing") -> os.stat_result:
    """The status of `path`, a regular file (links followed); else one sentence: `missing`
    when nothing is there, or what the path is instead (a folder, a pipe, a device)."""
    try:
        status = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise CadretrackError(missing, path=str(path)) from None
    except PermissionError:
        raise CadretrackError("input_no_access", path=str(path)) from None
    except (OSError, ValueError) as exc:  # a loop of links, a name too long, a NUL in the name
        raise CadretrackError("file_unreadable", path=str(path), reason=str(exc)[:200]) from None
    if not stat.S_ISREG(status.st_mode):
        raise _refuse(path, status.st_mode)
    return status


def open_input(path: Path):
    """A binary file object on the regular file at `path` (see check_input): opened without
    blocking (a pipe put there after the check opens at once and is refused)."""
    check_input(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise CadretrackError("input_no_access", path=str(path)) from None
    except OSError as exc:
        raise CadretrackError("file_unreadable", path=str(path), reason=str(exc)[:200]) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _refuse(path, mode)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_input(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at `path`; file_too_big past `limit` bytes (read no
    further than that, whatever the file's size says)."""
    with open_input(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if limit is not None and size > limit:
            raise CadretrackError("file_too_big", path=str(path), size=size // 2**20, limit=limit // 2**20)
        try:
            data = fh.read() if limit is None else fh.read(limit + 1)
        except OSError as exc:  # an I/O error of the disk, a file on a vanished network share
            raise CadretrackError("file_unreadable", path=str(path), reason=str(exc)[:200]) from None
    if limit is not None and len(data) > limit:
        raise CadretrackError("file_too_big", path=str(path), size=len(data) // 2**20, limit=limit // 2**20)
    return data


def read_text_input(path: Path, limit: int | None = None) -> str:
    """The UTF-8 text (with or without a byte-order mark) of the regular file at `path`."""
    try:
        return read_input(path, limit).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CadretrackError("text_encoding", path=str(path)) from None
