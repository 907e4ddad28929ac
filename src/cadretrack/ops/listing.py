"""`list filings`: the filings recorded (the current ones), as the criteria pick them."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from cadretrack.domain.assignment import Assignment
from cadretrack.errors import CadretrackError
from cadretrack.domain.criteria import (FilingCriteria, number_matches, number_tokens, text_keys, text_matches,
                                        text_words)
from cadretrack.domain.obligations import Filing
from cadretrack.ops.assignments import one_agency_name
from cadretrack.ops.criteria import check_year, select
from cadretrack.ops.ledger import load_regime
from cadretrack.store.assignments import load_assignments
from cadretrack.store.filings import load_recorded
from cadretrack.store.ledger import Ledger


class Recorded(NamedTuple):
    """One filing on record with the assignment it counts for."""

    filing: Filing
    assignment: Assignment
    summary: str  # the register row's trích yếu ("" when typed in or recorded before it was kept)
    changeset: int  # the change set that recorded it (see `history`)


class Listed(NamedTuple):
    items: list[Recorded]
    kinds: dict  # kind -> KindRule of every rule set (their labels)


def list_filings(db: Ledger, criteria: FilingCriteria = FilingCriteria()) -> Listed:
    """The current filings the criteria pick, in the stable order: by place (generation,
    province, district, commune code), year, the kinds' order, date received."""
    year = criteria.year
    check_year(year)
    regime = load_regime(db)
    first, last = (dt.date(year, 1, 1), dt.date(year, 12, 31)) if year is not None else (None, None)
    chosen = select(db, criteria, regime, first, last)
    # Each agency shown by one spelling, as `list assignments` shows it.
    assignments = {a.id: a for a in one_agency_name(chosen.assignments(load_assignments(db)))}
    wanted_kind = chosen.kind_filter()
    words = text_words(criteria.text) if criteria.text.strip() else None
    for option, value, empty in (("--number", criteria.number, not number_tokens(criteria.number)),
                                 ("--text", criteria.text, not words)):
        if value.strip() and empty:  # "%" or "_": nothing to look for is no filter, nor all filings
            raise CadretrackError("filter_nothing_to_find", option=option, value=value)
    found = []
    for filing, summary, changeset in load_recorded(db, year):
        a = assignments.get(filing.assignment_id)
        if a is None or not wanted_kind(filing.kind):
            continue
        if criteria.number.strip() and not number_matches(criteria.number, filing.number):
            continue
        if words is not None and not text_matches(words, text_keys(f"{filing.note} {summary}")):
            continue
        found.append(Recorded(filing, a, summary, changeset))
    kinds = regime.kinds()
    order = {kind: i for i, kind in enumerate(kinds)}
    found.sort(key=lambda r: (r.assignment.place, r.filing.year, order.get(r.filing.kind, len(order)),
                              r.filing.filed, r.filing.id))
    return Listed(found, kinds)
