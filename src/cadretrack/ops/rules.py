"""`rules` and `rules set`: the rule sets a ledger lives under, and a successor added."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cadretrack.context import Run
from cadretrack.domain.dates import format_date
from cadretrack.domain.regime import Regime, RuleSet
from cadretrack.errors import CadretrackError
from cadretrack.ops.ledger import load_regime
from cadretrack.ops.setup import read_rules_file
from cadretrack.store import journal
from cadretrack.store.backup import auto_backup
from cadretrack.store.ledger import Ledger
from cadretrack.store.rules import add_rule_set


@dataclass
class Period:
    rule_set: RuleSet
    start: dt.date
    end: dt.date | None  # its last day; None while it is the latest


def rule_sets(db: Ledger, on: dt.date | None = None) -> list[Period]:
    """Every rule set with the period it governs, oldest first (or the one in force on `on`)."""
    regime = load_regime(db)
    periods = [Period(s, *regime.period(i)) for i, s in enumerate(regime.sets)]
    if on is not None:
        chosen = regime.on(on)
        periods = [p for p in periods if p.rule_set is chosen]
    return periods


@dataclass
class Added:
    rule_set: RuleSet
    previous: RuleSet
    dry_run: bool


def set_rules(db: Ledger, path: Path, run: Run, effective: dt.date | None = None, dry_run: bool = False) -> Added:
    """A rule set in force from `effective` (by default its regulation's own date), after the
    latest set's start; backed up first, undoable."""
    name, text, rules = read_rules_file(path)
    start = effective or rules.effective
    regime: Regime = load_regime(db)
    latest = regime.latest
    if start <= latest.start:
        raise CadretrackError("rules_not_after", date=format_date(start), latest=format_date(latest.start),
                              name=latest.rules.name or latest.name)
    added = Added(RuleSet(0, start, name, rules, text), latest, dry_run)
    if dry_run:
        return added
    auto_backup(db.path, "rules", run.now)
    with journal.changeset(db, run) as cs:
        new_id = add_rule_set(db, start, name, text, cs)
        cs.summary = {"rule_sets": 1}
    added.rule_set = added.rule_set._replace(id=new_id)
    return added
