"""Writing an output file whole or not at all: see cadretrack.output (the one mechanism)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cadretrack.output import Output, as_output, write_file


def write_atomically(output: Path | Output, write: Callable[[Path], None]) -> Path:
    """Write beside the target under a unique staged name, then rename: a crash never leaves
    half a file, and the file is the owner's only (mode 600)."""
    return write_file(output, write)


__all__ = ["Output", "as_output", "write_atomically"]
