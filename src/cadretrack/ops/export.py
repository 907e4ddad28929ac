"""`export summary`: the year-end workbook, from the same statuses `check` computes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlite_utils import Database

from cadretrack.errors import CadretrackError
from cadretrack.ops.check import CheckReport, run_check


def export_summary(
    db: Database, year: int, as_of: dt.date, output: Path, today: dt.date, progress=None
) -> CheckReport:
    if output.suffix.lower() != ".xlsx":
        raise CadretrackError("export_suffix", path=str(output))
    if output.parent and not output.parent.exists():
        raise CadretrackError("folder_missing", path=str(output.parent))
    report = run_check(db, year, as_of, include_all=True)
    from cadretrack.ops.followup import list_difficulties, meeting_counts
    from cadretrack.render.workbook import write_summary

    meetings = meeting_counts(db, year)
    difficulties = list_difficulties(db, as_of, year=year)
    _write_atomically(output, lambda tmp: write_summary(report, tmp, today, progress, meetings, difficulties))
    return report


def write_check_workbook(report: CheckReport, output: Path, today: dt.date) -> None:
    """The check's listed filings as a formatted sheet (`check --output FILE.xlsx`)."""
    if output.parent and not output.parent.exists():
        raise CadretrackError("folder_missing", path=str(output.parent))
    from cadretrack.render.workbook import write_check_list

    _write_atomically(output, lambda tmp: write_check_list(report, tmp, today))


def _write_atomically(output: Path, write) -> None:
    """Write beside the target, then rename: a crash never leaves half a workbook."""
    tmp = output.with_name(f".{output.name}.part")
    try:
        write(tmp)
        tmp.replace(output)
    except PermissionError:
        tmp.unlink(missing_ok=True)
        raise CadretrackError("file_locked", path=str(output)) from None
    finally:
        tmp.unlink(missing_ok=True)
