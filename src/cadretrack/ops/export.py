"""`export summary`: the year-end workbook, from the same statuses `check` computes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cadretrack.bulk import collector_paused
from cadretrack.errors import CadretrackError
from cadretrack.ops.check import CheckReport, run_check
from cadretrack.ops.followup import list_difficulties, meeting_counts
from cadretrack.ops.provenance import make_stamp
from cadretrack.progress import steps
from cadretrack.render.files import write_atomically
from cadretrack.store.known import Moment, last_changeset
from cadretrack.store.ledger import Ledger


def export_summary(
    db: Ledger, year: int, as_of: dt.date, output: Path, today: dt.date, moment: Moment | None = None
) -> CheckReport:
    """The workbook; stamped with the ledger as known up to `moment` (default: now)."""
    if output.suffix.lower() != ".xlsx":
        raise CadretrackError("export_suffix", path=str(output))
    from cadretrack.render.workbook import write_summary  # XlsxWriter: loaded only to write

    with collector_paused(), steps("exporting") as bar:
        report = run_check(db, year, as_of, include_all=True)
        report.stamp = make_stamp(db, report, moment or last_changeset(db), "summary", today)
        meetings = meeting_counts(db, year)
        difficulties = list_difficulties(db, as_of, year=year)
        write_atomically(output, lambda tmp: write_summary(report, tmp, today, bar, meetings, difficulties))
    return report


def export_report(
    db: Ledger, year: int, as_of: dt.date, output: Path, today: dt.date, template: Path | None = None,
    moment: Moment | None = None,
) -> CheckReport:
    """`export report`: the Board's draft report, from the statuses `check` computes."""
    if output.suffix.lower() != ".docx":
        raise CadretrackError("report_suffix", path=str(output))
    from cadretrack.render.report import report_template, write_report

    source = report_template(template)  # a missing or foreign template is refused before any work
    with steps("progress_report"):
        report = run_check(db, year, as_of, include_all=True)
        report.stamp = make_stamp(db, report, moment or last_changeset(db), "report", today,
                                  own_template=template is not None)
        difficulties = list_difficulties(db, as_of, year=year)
        write_report(report, difficulties, output, source, today)
    return report


def summary_stamp(db: Ledger, year: int, as_of: dt.date, today: dt.date):
    """The stamp the year's workbook would carry if exported now (the page of documents shows
    it before any download): the same statuses and digest as `export summary`, nothing written."""
    report = run_check(db, year, as_of, include_all=True)
    return make_stamp(db, report, last_changeset(db), "summary", today)
