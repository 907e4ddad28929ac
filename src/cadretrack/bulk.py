"""Bulk work without the cyclic garbage collector.

A national check or workbook makes a few hundred thousand small objects (records, cells,
strings) and no reference cycles; the collector would walk them all again and again as
they pile up (about a tenth of an export's time here). Reference counting still frees
everything, and the collector is back on as soon as the block ends.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
