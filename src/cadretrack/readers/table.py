"""A one-record-a-row table (a register, a list of meetings) found in any sheet of a file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cadretrack.domain.dates import format_date
from cadretrack.domain.names import clean
from cadretrack.errors import CadretrackError, Problem
from cadretrack.readers.grid import read_grids
from cadretrack.readers.layout import cell, find_header, is_column_number_row, is_footer


@dataclass(frozen=True)
class Record:
    sheet: str
    row: int  # 1-based, as a spreadsheet program shows it
    values: dict  # field -> raw cell value
    labels: dict  # field -> header text as written

    def problem(self, field: str, key: str, **fields) -> Problem:
        """What is wrong with one of this row's cells, located as the clerk sees it."""
        return Problem(key, fields, sheet=self.sheet, row=self.row, column=self.labels.get(field, field),
                       value=shown(self.values.get(field, "")), suggestion=str(fields.get("suggestion", "")))

    def problem_of(self, error: CadretrackError, default: str = "commune") -> Problem:
        """An error about this row, placed in the cell of the field it names (else `default`)."""
        return self.problem(error.column or default, error.key, **error.fields)


def shown(value: object) -> str:
    """A cell as a clerk reads it: a date cell day first (dd/mm/yyyy), never ISO."""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return format_date(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return clean(value)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_records(
    path: Path,
    sheet: str | None,
    classify: Callable[[str], str | None],
    required: list[set[str]],
    fields: tuple[str, ...],
    key_fields: tuple[str, ...],
    missing_key: str,
    grids: list | None = None,
) -> list[Record]:
    """Rows under the first header that names one of the `required` column sets.

    Rows whose `key_fields` are all empty are skipped; a sheet without such a
    header is passed over, and a file without any is refused with `missing_key`.
    `grids` are the file's sheets when the caller has read them already.
    """
    records: list[Record] = []
    found = False
    for grid in read_grids(path, sheet) if grids is None else grids:
        header = next((h for h in (find_header(grid.rows, classify, r) for r in required) if h), None)
        if header is None:
            continue
        found = True
        for index in range(header.row + 1, len(grid.rows)):
            row = grid.rows[index]
            if is_column_number_row(row):
                continue
            if is_footer(row):
                break
            values = {f: cell(row, header, f) for f in fields}
            if all(_blank(values[k]) for k in key_fields):
                continue
            records.append(Record(*grid.where(index), values, header.labels))
    if not found:
        raise CadretrackError(missing_key, path=str(path))
    return records
