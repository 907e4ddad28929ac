"""Writing an output file whole or not at all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cadretrack.errors import CadretrackError


def write_atomically(output: Path, write: Callable[[Path], None]) -> None:
    """Write beside the target, then rename: a crash never leaves half a file."""
    if not output.parent.exists():
        raise CadretrackError("folder_missing", path=str(output.parent))
    tmp = output.with_name(f".{output.name}.part")
    try:
        write(tmp)
        tmp.replace(output)
    except PermissionError:
        raise CadretrackError("file_locked", path=str(output)) from None
    finally:
        tmp.unlink(missing_ok=True)
