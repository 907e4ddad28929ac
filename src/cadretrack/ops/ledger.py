"""Opening a ledger for a command, and the rule sets it lives under."""

from __future__ import annotations

from pathlib import Path

from cadretrack.context import Run
from cadretrack.domain.regime import Regime, RuleSet
from cadretrack.domain.rules import parse_rules
from cadretrack.errors import CadretrackError
from cadretrack.store import health
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


def explain(path: Path | None, exc: Exception) -> CadretrackError:
    """The sentence for an error SQLite raised while a command used the ledger at `path`:
    busy with another writer, damaged (with the newest backup), locked, read-only, full."""
    if health.error_name(exc) in health.BUSY and "exclusive" not in str(exc).lower():
        return CadretrackError("ledger_busy", reason=str(exc)[:200])
    if path is None:
        return CadretrackError("ledger_unreadable", path="?", reason=str(exc)[:200])
    return health.diagnosis(path, exc)


def watch(path: Path):
    """A watch on the ledger at `path` for a long-running process: `.version()` changes
    whenever another connection (the command line, another request) commits."""
    return store.Watch(path)
