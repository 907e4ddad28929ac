"""The rule set a ledger was made with: its TOML text and the name it was loaded under."""

from __future__ import annotations

from cadretrack.store.ledger import Ledger, get_meta, set_meta


def rules_text(db: Ledger) -> tuple[str, str]:
    """(name, TOML text) of the ledger's rules."""
    return get_meta(db, "rules_name"), get_meta(db, "rules")


def save_rules(db: Ledger, name: str, text: str) -> None:
    set_meta(db, "rules", text)
    set_meta(db, "rules_name", name)


def save_gazetteer_source(db: Ledger, source: str) -> None:
    set_meta(db, "gazetteer", source)
