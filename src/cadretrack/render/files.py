"""Writing an output file whole or not at all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cadretrack.context import put_in_place
from cadretrack.errors import CadretrackError
from cadretrack.interrupts import critical, pause_point


def write_atomically(output: Path, write: Callable[[Path], None]) -> None:
    """Write beside the target, then rename: a crash never leaves half a file."""
    if not output.parent.exists():
        raise CadretrackError("folder_missing", path=str(output.parent))
    tmp = output.with_name(f".{output.name}.part")
    try:
        with critical():  # a library builds the file: a signal waits for it, then stops before the rename
            write(tmp)
            pause_point("file-staged")
        put_in_place(tmp, output)  # renamed and noted as written, in one step
    except PermissionError:
        raise CadretrackError("file_locked", path=str(output)) from None
    finally:
        tmp.unlink(missing_ok=True)
