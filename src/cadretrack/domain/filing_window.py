"""What a filing may say before it is tied to an assignment: a kind the year's rules owe,
a year the ledger covers, a date within the kind's window (sent no earlier than the rules
allow, not in the future), a rating only for a rated kind. Used by `record`, the
purpose-built list and the office register's pipeline alike."""

from __future__ import annotations

import datetime as dt

from cadretrack.domain.dates import format_date
from cadretrack.domain.regime import Regime
from cadretrack.domain.rules import KindRule
from cadretrack.errors import CadretrackError, Label


def check_filing(regime: Regime, kind: str, year: int, filed: dt.date, run_day: dt.date, first_year: int,
                 holidays: frozenset = frozenset(), rating: str = "", score: float | None = None) -> KindRule:
    """The kind's rule for the year (the kind may be named by key or label), or a
    CadretrackError naming the field that is wrong."""
    named = regime.find_kind(kind)
    if named is None:
        raise CadretrackError("kind_unknown", column="kind", kind=kind, kinds=kinds_label(regime.kinds()))
    if year < first_year or year > run_day.year + 1:
        raise CadretrackError("year_out_of_range", column="year", year=year, first=first_year, last=run_day.year + 1)
    rule = regime.find_kind(kind, year)
    if rule is None:
        raise CadretrackError("kind_not_owed", column="kind", kind=Label(named.label_vi, named.label_en), year=year,
                              kinds=kinds_label(regime.kinds(year, holidays)))
    first_day = rule.earliest_on(year)
    if not first_day <= filed <= run_day:  # before the kind could be sent, or not yet come
        raise CadretrackError("date_outside_window", column="received", date=format_date(filed),
                              kind=Label(rule.label_vi, rule.label_en), year=year,
                              start=format_date(first_day), end=format_date(run_day))
    if score is not None and not 0 <= score <= 100:
        raise CadretrackError("score_invalid", column="score", score=score)
    if (rating or score is not None) and not rule.rating:
        raise CadretrackError("rating_not_rated", column="rating", kind=Label(rule.label_vi, rule.label_en))
    return rule


def kinds_label(kinds: dict[str, KindRule]) -> Label:
    """The kinds as a list a clerk reads: "Báo cáo năm (report); …" (a label may hold a
    comma: "Nhận xét, đánh giá")."""
    return Label("; ".join(f"{rule.label_vi} ({key})" for key, rule in kinds.items()) or "-",
                 "; ".join(f"{rule.label_en} ({key})" for key, rule in kinds.items()) or "-")
