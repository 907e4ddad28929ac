"""`cadretrack init`: a new ledger with its gazetteer and rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cadretrack.errors import CadretrackError
from cadretrack.readers.gazetteer_csv import read_gazetteer
from cadretrack.store.ledger import (
    close_changeset,
    create_ledger,
    is_ledger,
    open_changeset,
    set_meta,
    write,
)
from cadretrack.store.records import save_communes
from cadretrack.store.units import describe_first


@dataclass
class InitResult:
    path: Path
    created: bool
    communes: int = 0
    gazetteer: str = ""
    rules: str = ""


def init_ledger(
    path: Path,
    now: dt.datetime,
    command: list[str],
    gazetteer: Path | None = None,
    rules: Path | None = None,
    province: str = "",
) -> InitResult:
    if path.exists():
        if is_ledger(path):
            return InitResult(path=path, created=False)
        raise CadretrackError("ledger_foreign", path=str(path.resolve()))
    from cadretrack.domain.rules import builtin_rules_text, parse_rules

    source, communes = read_gazetteer(gazetteer)
    if province:
        from cadretrack.domain.gazetteer import Gazetteer, MatchError

        try:
            communes = Gazetteer(communes).province_units(province)
        except MatchError as exc:
            raise CadretrackError(exc.key, suggestion=exc.suggestion, **exc.fields) from None
        source = f"{source} ({communes[0].province})"
    if rules is None:
        rules_name, rules_text = "26-QĐ/TU (2097-CV/BTCTU)", builtin_rules_text()
    else:
        if not rules.is_file():
            raise CadretrackError("file_missing", path=str(rules))
        rules_name, rules_text = rules.name, rules.read_text("utf-8")
    parse_rules(rules_text, str(rules or "rules"))  # refuse a bad file before creating
    db = create_ledger(path, now)
    try:
        with write(db):
            changeset = open_changeset(db, command, now)
            save_communes(db, communes)
            set_meta(db, "gazetteer", source)
            describe_first(db, source, province)
            set_meta(db, "rules", rules_text)
            set_meta(db, "rules_name", rules_name)
            close_changeset(db, changeset, {"communes": len(communes)})
    except BaseException:
        db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    db.close()
    return InitResult(path=path, created=True, communes=len(communes), gazetteer=source, rules=rules_name)
