"""`cadretrack init`: a new ledger with its gazetteer and rules."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cadretrack.context import Run
from cadretrack.domain.gazetteer import Gazetteer, MatchError
from cadretrack.domain.rules import BUILTIN, parse_rules, province_header, with_organization
from cadretrack.errors import CadretrackError
from cadretrack.readers.bundled import bundled_text
from cadretrack.readers.gazetteer_csv import read_gazetteer
from cadretrack.readers.source import read_text_input
from cadretrack.readers.types import Limits
from cadretrack.store import journal
from cadretrack.store.ledger import check_ledger, create_ledger, remove_ledger
from cadretrack.store.rules import add_rule_set
from cadretrack.store.units import describe_first, save_communes

BUILTIN_NAME = "26-QĐ/TU (2097-CV/BTCTU)"


@dataclass
class InitResult:
    path: Path
    created: bool
    communes: int = 0
    gazetteer: str = ""
    rules: str = ""


def read_rules_file(rules: Path | None, province: str = ""):
    """(name, TOML text, parsed rules) of a rules file, or of the built-in 26-QĐ/TU, checked
    whole. The built-in rules of a ledger kept to one province carry that province's Party
    committee and place in their header."""
    if rules is None:
        name, text = BUILTIN_NAME, bundled_text(BUILTIN)
        if province:
            committee, place = province_header(province)
            text = with_organization(text, party_committee=committee, place=place)
    else:
        text = read_text_input(rules, Limits.current().max_bytes)
        name = rules.name
    parsed = parse_rules(text, str(rules or "rules"))  # every problem of a bad file, before anything is written
    return name, text, parsed


def init_ledger(
    path: Path, run: Run, gazetteer: Path | None = None, rules: Path | None = None, province: str = "",
) -> InitResult:
    if os.path.lexists(path):
        check_ledger(path)  # a folder, a pipe, a damaged or foreign file: said as what it is
        return InitResult(path=path, created=False)
    if not path.parent.is_dir():  # a typo in --db must not grow a new folder tree
        raise CadretrackError("folder_missing", path=str(path.parent))
    source, communes = read_gazetteer(gazetteer)
    if province:
        try:
            communes = Gazetteer(communes).province_units(province)
        except MatchError as exc:
            raise CadretrackError(exc.key, suggestion=exc.suggestion, **exc.fields) from None
        source = f"{source} ({communes[0].province})"
    rules_name, rules_text, parsed = read_rules_file(rules, communes[0].province if province and communes else "")
    db = create_ledger(path, run.now)
    try:
        with db, journal.changeset(db, run) as cs:
            save_communes(db, communes)
            describe_first(db, source, province)
            add_rule_set(db, parsed.effective, rules_name, rules_text, cs, undoable=False)
            cs.summary = {"communes": len(communes)}
    except BaseException:
        remove_ledger(path)
        raise
    return InitResult(path=path, created=True, communes=len(communes), gazetteer=source, rules=rules_name)
