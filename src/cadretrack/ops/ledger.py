"""Opening a ledger for a command, and what reading its rules needs."""

from __future__ import annotations

from pathlib import Path

from cadretrack.context import Run
from cadretrack.domain.rules import Rules, parse_rules
from cadretrack.store import ledger as store
from cadretrack.store.ledger import Ledger
from cadretrack.store.rules import rules_text


def open_ledger(path: Path, run: Run) -> Ledger:
    """The ledger at `path`, upgraded to the current schema if it is older (after a backup)."""
    return store.open_ledger(path, run.now)


def load_rules(db: Ledger) -> Rules:
    return parse_rules(rules_text(db)[1], "ledger")


def rules_source(db: Ledger) -> tuple[str, str]:
    """(name, TOML text) of the ledger's rules, as loaded at `init`."""
    return rules_text(db)
