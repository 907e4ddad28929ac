"""Criteria (domain/criteria.py) resolved against the ledger once, then a plain filter of
assignments and items: every name with the messages and suggestions every command gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass

from cadretrack.domain.agencies import agency_key
from cadretrack.domain.criteria import YEARS, Criteria
from cadretrack.domain.filing_window import kinds_label
from cadretrack.domain.gazetteer import MatchError
from cadretrack.domain.names import loose_key, nearest
from cadretrack.domain.regime import Regime
from cadretrack.errors import CadretrackError
from cadretrack.ops.matching import resolve_cadre_ids
from cadretrack.store.assignments import load_cadres
from cadretrack.store.ledger import Ledger
from cadretrack.store.units import load_gazetteer, load_units


@dataclass(frozen=True)
class Selection:
    """Criteria as the ledger's keys; None: that criterion was not given."""

    kinds: tuple[str, ...] | None = None
    districts: frozenset[str] | None = None  # ledger keys of the units of the districts named
    agencies: frozenset[str] | None = None  # agency names as stored
    communes: frozenset[str] | None = None  # ledger keys of units
    cadres: frozenset[int] | None = None  # cadre ids

    def keeps(self, a) -> bool:
        """Whether an assignment is in the selection."""
        return ((self.districts is None or a.commune_code in self.districts)
                and (self.agencies is None or a.agency in self.agencies)
                and (self.communes is None or a.commune_code in self.communes)
                and (self.cadres is None or a.cadre_id in self.cadres))

    def assignments(self, assignments: list) -> list:
        if self.districts is None and self.agencies is None and self.communes is None and self.cadres is None:
            return assignments
        return [a for a in assignments if self.keeps(a)]

    def kind_filter(self) -> Callable[[str], bool]:
        return (lambda kind: True) if self.kinds is None else self.kinds.__contains__


def check_year(year: int | None) -> None:
    """A year to list or check is one a clerk can mean (a typo is said as such, not computed)."""
    if year is not None and year not in YEARS:
        raise CadretrackError("year_invalid", value=year)


def parse_kinds(text: str | None, regime: Regime) -> list[str] | None:
    """Kinds named by key or label ("report", "Báo cáo năm", "bao cao nam"), comma-separated."""
    if not text:
        return None
    values = [v.strip() for v in text.split(",") if v.strip()]
    found = {v: regime.find_kind(v) for v in values}
    bad = [v for v, rule in found.items() if rule is None]
    if bad:
        raise CadretrackError("kind_list_invalid", value=", ".join(bad), choices=kinds_label(regime.kinds()))
    return [rule.kind for rule in found.values()] or None


def select(db: Ledger, criteria: Criteria, regime: Regime | None, first: dt.date, last: dt.date) -> Selection:
    """The criteria resolved: a commune among the units in force from `first` to `last` (every
    generation that knows the name then; in its district when one is given), a district
    among every generation's, a cadre or an agency however the ledger's rows write it."""
    kinds = parse_kinds(criteria.kinds, regime) if regime is not None else None
    districts = communes = agencies = cadres = None
    if criteria.district:
        gazetteer = load_gazetteer(db)
        wanted = _matched(lambda: gazetteer.districts(criteria.district))
        districts = frozenset(c.code for c in gazetteer.communes if (c.province_code, c.district_code) in wanted)
    if criteria.commune:
        units = load_units(db)
        typed = criteria.commune.strip()
        name, code = ("", typed) if typed.isascii() and typed.isdigit() else (typed, "")  # "4789": a code
        found = _matched(lambda: units.candidates(name, criteria.district, code, on=first, start=first, end=last))
        communes = frozenset(c.code for c in found)
    if criteria.cadre:
        cadres = frozenset(resolve_cadre_ids(db, criteria.cadre))
    if criteria.agency:
        agencies = frozenset(agency_names(db, criteria.agency))
    return Selection(tuple(kinds) if kinds else None, districts, agencies, communes, cadres)


def _matched(find: Callable[[], Collection]):
    try:
        return find()
    except MatchError as exc:
        raise CadretrackError(exc.key, suggestion=exc.suggestion, **exc.fields) from None


def agency_names(db: Ledger, agency: str) -> set[str]:
    """Every spelling of one agency among the ledger's cadres ("Ban Tuyên giáo TU" too)."""
    names = {row[2] for row in load_cadres(db) if row[2]}
    chosen = {n for n in names if agency_key(n) == agency_key(agency)}
    if not chosen:
        near = nearest(loose_key(agency), {loose_key(n): n for n in names})
        raise CadretrackError("agency_unknown", name=agency, suggestion=", ".join(near))
    return chosen
