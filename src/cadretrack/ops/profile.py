"""A commune's or a cadre's page: who followed whom over time, every filing owed by year with
its status (the same statuses `check` computes), the difficulties raised."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cadretrack.ops.assignments import Lineage, cadre_history, commune_history
from cadretrack.ops.check import run_check
from cadretrack.ops.followup import Difficulty, list_difficulties
from cadretrack.ops.ledger import load_regime
from cadretrack.store.ledger import Ledger


@dataclass
class Profile:
    assignments: list
    lineage: Lineage | None = None
    years: list = field(default_factory=list)  # (year, rules, [Status]) newest first
    difficulties: list[Difficulty] = field(default_factory=list)
    meetings: list = field(default_factory=list)  # (held on, kind, topic, attended, cadre) newest first
    history: list = field(default_factory=list)  # the change sets that touched these assignments


def commune_profile(db: Ledger, today: dt.date, commune: str = "", district: str = "", code: str = "") -> Profile:
    assignments, lineage = commune_history(db, commune, district, code)
    codes = {a.commune_code for a in assignments}
    profile = Profile(assignments, lineage)
    _fill(db, profile, today, lambda a: a.commune_code in codes)
    officials = {a.official_code for a in assignments}
    profile.difficulties = [d for d in list_difficulties(db, today) if d.commune_code in officials]
    return profile


def cadre_profile(db: Ledger, today: dt.date, cadre: str) -> Profile:
    assignments = cadre_history(db, cadre)
    ids = {a.cadre_id for a in assignments}
    profile = Profile(assignments)
    _fill(db, profile, today, lambda a: a.cadre_id in ids)
    names = {a.cadre for a in assignments}
    profile.difficulties = [d for d in list_difficulties(db, today) if d.cadre in names]
    return profile


def _fill(db: Ledger, profile: Profile, today: dt.date, mine) -> None:
    """Each year the rules owe anything in, up to this one, as `check --all` lists it; the
    meetings of those assignments and the change sets that touched them."""
    if not profile.assignments:
        return
    from cadretrack.ops.history import ChangeSet
    from cadretrack.store import journal
    from cadretrack.store.followup import meetings_of

    ids = [a.id for a in profile.assignments]
    cadre = {a.id: a.cadre for a in profile.assignments}
    profile.meetings = [(dt.date.fromisoformat(held), kind, topic or "", attended, cadre.get(aid, ""))
                        for held, kind, topic, attended, aid in meetings_of(db, ids)]
    profile.history = [ChangeSet(*row) for row in journal.history_of(db, ids)]
    first = load_regime(db).first_year()
    for year in range(today.year, first - 1, -1):
        report = run_check(db, year, today, include_all=True)
        items = [i for i in report.scope if mine(i.owed.assignment)]
        if items:
            profile.years.append((year, report.rules, items))
