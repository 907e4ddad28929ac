"""Letters written as one set: the folder holds the earlier run's set or the new one, whole.

Every letter is rendered in memory first (a template that fails changes nothing). The
set (letters, index, manifest) is then written into a staging folder inside the target
(created exclusively, mode 700) and swapped in by a short sequence of renames, undone if
anything stops it. A manifest records the digest (sha256) of each file cadretrack wrote:
a later run replaces only the files the earlier index lists whose content is still that,
so a letter the clerk edited, or a file of the clerk's under a letter's name, stays (the
new letter takes another free name) and is named in the summary."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from cadretrack.context import note_file
from cadretrack.errors import CadretrackError
from cadretrack.interrupts import critical
from cadretrack.output import Output, check_name, link_new, same_file, write_failure

MANIFEST = ".cadretrack-cong-van.json"  # what the last run wrote here: name -> sha256
STAGING = ".cadretrack-cong-van-"  # + mkdtemp's characters + ".part"
_STAGING = re.compile(rf"{re.escape(STAGING)}[A-Za-z0-9_]{{8}}\.part")
LOCK = ".lock"

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str | None:
    """The sha256 of a regular file (never through a link), None if it is none."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return None


def check_folder(folder: Path, inputs=()) -> None:
    """The letters' folder, refused before any work: a link, a file, a folder whose parent
    does not exist (only the last folder is made), or one that holds one of the inputs
    under the name of a file the set writes."""
    check_name(folder)
    if os.path.islink(folder):
        raise CadretrackError("output_is_link", path=str(folder))
    if folder.exists() and not folder.is_dir():
        raise CadretrackError("folder_is_file", path=str(folder))
    if not folder.exists():
        if not folder.parent.is_dir():
            raise CadretrackError("folder_missing", path=str(folder.parent))
        if not os.access(folder.parent, os.W_OK | os.X_OK):
            raise CadretrackError("output_read_only", path=str(folder))
        return
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CadretrackError("output_read_only", path=str(folder))
    for source in inputs:
        if source is not None and same_file(folder / MANIFEST, source):
            raise CadretrackError("output_is_input", path=str(folder / MANIFEST))


@dataclass
class Earlier:
    """What the earlier run left: the files still as it wrote them (replaced by the new set),
    and the files it listed that someone changed since (kept)."""

    ours: dict[str, str] = field(default_factory=dict)  # name -> digest, unchanged
    edited: list[str] = field(default_factory=list)
    index: str | None = None


def earlier_set(folder: Path, listed) -> Earlier:
    """The earlier run's set, by its manifest; `listed(index_path)` gives the letters its
    index lists. A letter counts as ours only if both name it and its content is unchanged."""
    found = Earlier()
    manifest = folder / MANIFEST
    if file_digest(manifest) is None:
        return found
    try:
        record = json.loads(manifest.read_text("utf-8"))
        index, letters = record["index"], dict(record["letters"])
    except (OSError, ValueError, KeyError, TypeError):
        return found  # a manifest someone broke: nothing is removed on its word
    if not isinstance(index, dict) or not all(isinstance(v, str) for v in letters.values()):
        return found
    named: set[str] = set()
    if _plain(index.get("name")):
        if file_digest(folder / index["name"]) == index.get("sha256"):
            named = set(letters)  # the index as written lists exactly the manifest's letters
        else:  # edited since: what it still lists (a row the clerk removed is no longer ours)
            named = set(listed(folder / index["name"]))
    candidates = {n: d for n, d in letters.items() if n in named}
    if _plain(index.get("name")) and isinstance(index.get("sha256"), str):
        candidates[index["name"]] = index["sha256"]
        found.index = index["name"]
    for name, want in candidates.items():
        if not _plain(name):
            continue
        have = file_digest(folder / name)
        if have == want:
            found.ours[name] = want
        elif have is not None or os.path.lexists(folder / name):
            found.edited.append(name)
    return found


def _plain(name) -> bool:
    """A bare file name of this folder (not a path, not hidden, not '..')."""
    return (isinstance(name, str) and name and "/" not in name and "\\" not in name
            and not name.startswith(".") and name not in (".", ".."))


def free_names(folder: Path, wanted: list[str], replaced: set[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """The names the new files take: each wanted name unless a file not ours holds it, then
    the first free "name-2", "name-3", …. (names, [(taken, instead)])."""
    present = set(os.listdir(folder)) if folder.is_dir() else set()
    taken = present - replaced
    out, renamed, used = [], [], set()
    for name in wanted:
        final, n = name, 1
        stem, dot, ext = name.rpartition(".")
        while final in taken or final in used:
            n += 1
            final = f"{stem}-{n}.{ext}" if dot else f"{name}-{n}"
        if final != name:
            renamed.append((name, final))
        used.add(final)
        out.append(final)
    return out, renamed


def clean_stale_staging(folder: Path) -> None:
    """Remove the staging folders a killed run left (ours by name and owner, not locked)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if not _STAGING.fullmatch(name):
            continue
        path = folder / name
        try:
            st = os.lstat(path)
            if not stat.S_ISDIR(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
                continue
            if _locked(path / LOCK):
                continue
            shutil.rmtree(path)
        except OSError:
            continue


def _locked(lock: Path) -> bool:
    if fcntl is None:
        return False
    try:
        fd = os.open(lock, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


class Staging:
    """A private folder inside the target (mode 700, exclusively created, locked while it
    lives), removed with whatever it holds when the set is swapped in or given up."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.created = False
        self.path: Path | None = None
        self._lock = None

    def __enter__(self) -> "Staging":
        clean_stale_staging(self.folder) if self.folder.is_dir() else None
        try:
            if not self.folder.exists():
                self.folder.mkdir(mode=0o700)
                self.created = True
            self.path = Path(tempfile.mkdtemp(dir=self.folder, prefix=STAGING, suffix=".part"))
            self._lock = os.open(self.path / LOCK, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            if fcntl is not None:
                fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BaseException as exc:
            self.__exit__(type(exc), exc, None)
            if isinstance(exc, OSError):
                raise (write_failure(exc, self.folder) or exc) from None
            raise
        return self

    def write(self, name: str, data: bytes) -> str:
        """One file of the set, staged; its digest."""
        Output.check(self.path / name).write(lambda tmp: tmp.write_bytes(data), note=False)  # staged, not yet written
        return digest(data)

    def __exit__(self, kind, exc, tb) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            self.path = None
        if kind is not None:  # stopped before its name was known: found by its pattern
            clean_stale_staging(self.folder)
        if self.created and kind is not None:
            try:
                self.folder.rmdir()  # made for this run, empty again: as before
            except OSError:
                pass


def swap_in(staging: Staging, earlier: Earlier, files: list[str]) -> None:
    """The staged `files` (and the manifest) in the folder, the earlier set's unchanged files
    out: renames only, undone in reverse if anything stops them midway."""
    with critical():  # a signal waits for the whole swap: the folder is as before or as after
        _swap_in(staging, earlier, files)
        for name in files:
            note_file(staging.folder / name)


def _swap_in(staging: Staging, earlier: Earlier, files: list[str]) -> None:
    folder, aside = staging.folder, staging.path / "old"
    aside.mkdir()
    done: list[tuple[Path, Path]] = []
    try:
        for name in earlier.ours:
            if os.path.lexists(folder / name):
                os.rename(folder / name, aside / name)
                done.append((folder / name, aside / name))
        for name in files:
            _move_new(staging.path / name, folder / name)
            done.append((staging.path / name, folder / name))
        os.replace(staging.path / MANIFEST, folder / MANIFEST)
    except BaseException as exc:
        for source, target in reversed(done):
            try:
                os.rename(target, source)
            except OSError:  # pragma: no cover - the summary below says what is true
                pass
        if isinstance(exc, OSError):  # a letter open in Word, a full disk: named, the set as before
            named = Path(exc.filename) if getattr(exc, "filename", None) else folder
            raise (write_failure(exc, named) or exc) from None
        raise


def _move_new(source: Path, target: Path) -> None:
    """Never over a file that appeared in the folder meanwhile."""
    link_new(source, target, taken="output_changed")
    if os.path.lexists(source):  # linked (not renamed, where hard links are not supported)
        os.unlink(source)


def write_manifest(staging: Staging, index: tuple[str, str], letters: dict[str, str]) -> None:
    data = json.dumps({"index": {"name": index[0], "sha256": index[1]}, "letters": letters},
                      ensure_ascii=False, indent=1).encode("utf-8")
    staging.write(MANIFEST, data)
