"""The web app's overview of a year: the check's scope, tallied (reports/dashboard)."""

from __future__ import annotations

import datetime as dt

from cadretrack.i18n import get_lang
from cadretrack.ops.check import CheckReport, run_check
from cadretrack.reports.dashboard import Overview, overview
from cadretrack.store.ledger import Ledger


def dashboard(db: Ledger, year: int, as_of: dt.date) -> tuple[CheckReport, Overview]:
    report = run_check(db, year, as_of, include_all=True)
    en = get_lang() == "en"
    kinds = {k: (r.label_en if en else r.label_vi) for k, r in report.rules.kinds.items()}
    return report, overview(report.scope, kinds)
