"""What every reader shares: a sheet as a grid of cell values, and the limits an input
must keep to before it is read."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Limits:
    """What an input may weigh before it is refused unread (environment overrides)."""

    max_bytes: int = 50 * 2**20  # CADRETRACK_MAX_INPUT_MB
    max_unzipped: int = 500 * 2**20  # CADRETRACK_MAX_UNZIPPED_MB, all members of a workbook
    max_ratio: int = 200  # CADRETRACK_MAX_ZIP_RATIO, per member over 1 MB
    max_rows: int = 200_000  # CADRETRACK_MAX_ROWS, per sheet
    max_columns: int = 500  # CADRETRACK_MAX_COLUMNS, per sheet (Excel's columns reach 16,384)
    max_cells: int = 5_000_000  # CADRETRACK_MAX_CELLS, rows × columns of a sheet from A1
    max_cell_chars: int = 32_767  # CADRETRACK_MAX_CELL_CHARS; Excel's own limit for one cell

    @classmethod
    def current(cls) -> "Limits":
        def env(name: str, default: int, scale: int = 1) -> int:
            try:
                return int(float(os.environ[name]) * scale)
            except (KeyError, ValueError):
                return default

        base = cls()
        return cls(
            max_bytes=env("CADRETRACK_MAX_INPUT_MB", base.max_bytes, 2**20),
            max_unzipped=env("CADRETRACK_MAX_UNZIPPED_MB", base.max_unzipped, 2**20),
            max_ratio=env("CADRETRACK_MAX_ZIP_RATIO", base.max_ratio),
            max_rows=env("CADRETRACK_MAX_ROWS", base.max_rows),
            max_columns=env("CADRETRACK_MAX_COLUMNS", base.max_columns),
            max_cells=env("CADRETRACK_MAX_CELLS", base.max_cells),
            max_cell_chars=env("CADRETRACK_MAX_CELL_CHARS", base.max_cell_chars),
        )


@dataclass
class Grid:
    sheet: str
    rows: list[list[object]]
    origins: list[tuple[str, int]] | None = None  # (table, row) of each row, where tables were joined
    above: list[str] = field(default_factory=list)  # text above the table that is not in it (Word paragraphs)

    def where(self, index: int) -> tuple[str, int]:
        """The sheet (or table) and 1-based row a clerk finds the row at."""
        return self.origins[index] if self.origins is not None else (self.sheet, index + 1)
