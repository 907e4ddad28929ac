"""`gazetteer add`: a new generation of units (the 2025 reform) and its links to the old."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cadretrack.domain.dates import format_date
from cadretrack.domain.gazetteer import Commune, Gazetteer, MatchError
from cadretrack.domain.generations import Link, unit_key
from cadretrack.context import Run
from cadretrack.errors import CadretrackError
from cadretrack.readers.gazetteer_csv import read_gazetteer, read_mapping
from cadretrack.store import journal
from cadretrack.store.assignments import load_assignments
from cadretrack.store.backup import auto_backup
from cadretrack.store.ledger import Ledger
from cadretrack.store.units import add_generation, load_generations, load_units, save_communes, save_links


@dataclass
class AddResult:
    generation: int
    effective: dt.date
    communes: int
    provinces: list[str]
    links: int
    unlinked: list[Commune] = field(default_factory=list)  # old units the table does not link
    still_in_force: int = 0  # assignments on old units that run past the effective date


def add_units(
    db: Ledger, path: Path, effective: dt.date, run: Run, province: str = "", mapping: Path | None = None,
) -> AddResult:
    source, communes = read_gazetteer(path)
    mapping_name, pairs = read_mapping(mapping)
    generations = load_generations(db)
    latest = generations[-1]
    if latest.effective is not None and effective <= latest.effective:
        raise CadretrackError("generation_not_after", date=format_date(effective),
                              latest=format_date(latest.effective))
    units = load_units(db)
    current = {c.official: c for c in units.of(latest.id).communes}
    if province:
        try:
            communes = Gazetteer(communes).province_units(province)
        except MatchError as exc:
            raise CadretrackError(exc.key, suggestion=exc.suggestion, **exc.fields) from None
    else:
        # A national list: keep the provinces the ledger's units went into.
        new_province = {c.code: c.province_code for c in communes}
        kept = {new_province[n] for o, n, _ in pairs if o in current and n in new_province}
        if kept:
            communes = [c for c in communes if c.province_code in kept]
    new_codes = {c.code for c in communes}
    # (old unit's key, new unit's official code, whole|part): the new keys need the generation.
    kept_pairs = sorted({(current[o].code, n, part) for o, n, part in pairs if o in current and n in new_codes})
    linked = {old for old, _, _ in kept_pairs}
    still = load_assignments(db, ending_from=effective)
    result = AddResult(
        generation=0, effective=effective, communes=len(communes),
        provinces=sorted({c.province for c in communes}), links=len(kept_pairs),
        unlinked=[c for c in current.values() if c.code not in linked],
        still_in_force=sum(1 for a in still if a.commune_code in {c.code for c in current.values()}),
    )
    auto_backup(db.path, "gazetteer", run.now)
    with journal.changeset(db, run) as cs:
        generation = result.generation = add_generation(db, effective, f"{source} + {mapping_name}", province, cs.id)
        save_communes(db, communes, generation)
        save_links(db, [Link(old, unit_key(new, generation), part) for old, new, part in kept_pairs])
        journal.note(db, cs, "generations", "add", [(generation, None)])
        cs.summary = {"communes": len(communes), "links": len(kept_pairs)}
    return result
