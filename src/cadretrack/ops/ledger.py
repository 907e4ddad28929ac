"""Opening a ledger for a command, and the rule sets it lives under."""

from __future__ import annotations

from pathlib import Path

from cadretrack.context import Run
from cadretrack.domain.regime import Regime, RuleSet
from cadretrack.domain.rules import parse_rules
from cadretrack.store import ledger as store
from cadretrack.store.ledger import Ledger
from cadretrack.store.rules import rule_set_rows


def open_ledger(path: Path, run: Run) -> Ledger:
    """The ledger at `path`, upgraded to the current schema if it is older (after a backup)."""
    return store.open_ledger(path, run.now)


def load_regime(db: Ledger) -> Regime:
    """Every rule set of the ledger, each in force from its start."""
    return Regime([RuleSet(i, start, name, parse_rules(text, name or "ledger"), text)
                   for i, start, name, text in rule_set_rows(db)])
