"""`record program|report|evaluation` and `import filings`: filings tied to one assignment."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import NamedTuple

from cadretrack.domain.dates import format_date
from cadretrack.domain.filing_window import check_filing
from cadretrack.domain.gazetteer import Gazetteer, MatchError
from cadretrack.domain.names import clean, exact_key, loose_key, person_name
from cadretrack.domain.obligations import Filing, owes
from cadretrack.domain.ratings import RATINGS, parse_rating
from cadretrack.domain.regime import Regime
from cadretrack.domain.rules import KindRule
from cadretrack.domain.unitset import Units
from cadretrack.context import Run
from cadretrack.domain.assignment import during_year
from cadretrack.errors import CadretrackError, Label
from cadretrack.ops.calendar import holidays_for
from cadretrack.ops.ledger import load_regime
from cadretrack.store import journal
from cadretrack.store.assignments import load_assignments
from cadretrack.store.filings import load_filings, save_filings
from cadretrack.store.ledger import Ledger
from cadretrack.store.units import load_units


class FilingInput(NamedTuple):
    """One filing as a clerk gives it, before it is tied to an assignment. (A named tuple:
    an office register makes thousands, and a frozen dataclass costs ten times as much.)"""

    kind: str
    year: int
    filed: dt.date
    commune: str = ""
    district: str = ""
    code: object = ""
    cadre: str = ""
    number: str = ""
    rating: str = ""
    score: float | None = None
    note: str = ""
    summary: str = ""  # the register row's trích yếu, when it came from one


@dataclass
class Lookup:
    """What resolving filings needs from the ledger, loaded once per command."""

    gazetteer: Gazetteer  # every unit of every generation
    regime: Regime
    assignments: list
    current: dict = field(default_factory=dict)  # (assignment id, kind, year) -> Filing
    holidays: frozenset = frozenset()
    by_commune: dict = field(default_factory=dict)
    by_cadre: dict = field(default_factory=dict)
    by_cadre_loose: dict = field(default_factory=dict)
    units: Units | None = None

    def __post_init__(self) -> None:
        for a in self.assignments:
            self.by_commune.setdefault(a.commune_code, []).append(a)
            self.by_cadre.setdefault(a.cadre_key[0], []).append(a)
            self.by_cadre_loose.setdefault(loose_key(a.cadre), []).append(a)

    @functools.cached_property
    def first_year(self) -> int:
        return self.regime.first_year()

    @classmethod
    def load(cls, db: Ledger) -> "Lookup":
        units = load_units(db)
        return cls(
            gazetteer=units.all,
            units=units,
            regime=load_regime(db),
            assignments=load_assignments(db),
            current={(f.assignment_id, f.kind, f.year): f for f in load_filings(db)},
        )


def validate(item: FilingInput, ctx: Lookup, today: dt.date) -> KindRule:
    """Refuse what can be refused without the ledger's assignments; the kind's rule (the
    item may name its kind by key or label)."""
    return check_filing(ctx.regime, item.kind, item.year, item.filed, today, ctx.first_year, ctx.holidays,
                        item.rating, item.score)


def resolve_assignment(item: FilingInput, ctx: Lookup):
    """The one assignment in force during the year that the commune and/or cadre pick."""
    start, end = dt.date(item.year, 1, 1), dt.date(item.year, 12, 31)
    cadre = person_name(item.cadre) if item.cadre else ""

    if item.commune or item.code not in ("", None):
        units = ctx.units or Units([], ctx.gazetteer)
        try:  # the unit in force on the filing's date, else one in force during the year
            communes = units.candidates(item.commune, item.district, item.code, on=item.filed, start=start, end=end)
        except MatchError as exc:
            column = "code" if exc.key.startswith("code") else (
                "district" if exc.key.startswith("district") else "commune")
            raise CadretrackError(exc.key, column=column, suggestion=exc.suggestion, **exc.fields) from None
        commune = next((c for c in communes if during_year(ctx.by_commune.get(c.code, []), item.year)),
                       communes[0])
        candidates = during_year(ctx.by_commune.get(commune.code, []), item.year)
        where = commune.label()
        if cadre and candidates:
            followers = candidates
            exact = [a for a in candidates if a.cadre_key[0] == exact_key(cadre)]
            candidates = exact or [a for a in candidates if loose_key(a.cadre) == loose_key(cadre)]
            if not candidates:
                raise CadretrackError(
                    "filing_wrong_cadre", column="cadre", cadre=cadre, commune=where, year=item.year,
                    followers=", ".join(sorted({a.cadre for a in followers})),
                )
    elif not cadre:
        raise CadretrackError("filing_needs_who")
    else:
        where = cadre
        candidates = during_year(ctx.by_cadre.get(exact_key(cadre), []), item.year) or during_year(
            ctx.by_cadre_loose.get(loose_key(cadre), []), item.year
        )
    if len(candidates) > 1:
        # Who could have sent it (assigned by the filing date), then who owes it.
        started = [a for a in candidates if a.start <= item.filed] or candidates
        owing = [a for a in started if owes(a, item.kind, ctx.regime, item.year, ctx.holidays)]
        candidates = owing if len(owing) == 1 else started
    if not candidates:
        raise CadretrackError("filing_no_assignment", who=where, year=item.year)
    if len(candidates) > 1:
        listed = "; ".join(
            f"{a.cadre} – {a.commune} ({format_date(a.start)}–{format_date(a.end)})" for a in candidates
        )
        raise CadretrackError("filing_ambiguous", column="cadre", who=where, year=item.year, candidates=listed)
    return candidates[0]


def normalize_rating(text: str) -> str:
    if not text:
        return ""
    code = parse_rating(text)
    if code is None:
        raise CadretrackError("rating_unknown", rating=text, codes=", ".join(RATINGS),
                              abbreviations=", ".join(r[1] for r in RATINGS.values()))
    return code


@dataclass
class Prepared:
    item: FilingInput
    assignment: object
    existing: Filing | None
    owed: bool = True  # False: recorded, but this assignment owes no such filing that year
    rule: KindRule | None = None  # the kind as the year's rules state it

    @property
    def same_as_existing(self) -> bool:
        e, i = self.existing, self.item
        return e is not None and (e.filed, e.number, e.rating, e.score, e.note) == (
            i.filed, i.number, i.rating, i.score, i.note
        )


def prepare(item: FilingInput, ctx: Lookup, today: dt.date) -> Prepared:
    rule = validate(item, ctx, today)
    if rule.kind != item.kind:
        item = item._replace(kind=rule.kind)
    if not (item.number.isprintable() and item.note.isprintable()):  # from the CLI or the web form
        item = item._replace(number=clean(item.number), note=clean(item.note))
    assignment = resolve_assignment(item, ctx)
    return Prepared(
        item, assignment, ctx.current.get((assignment.id, item.kind, item.year)),
        owed=owes(assignment, item.kind, ctx.regime, item.year, ctx.holidays), rule=rule,
    )


def record_filing(db: Ledger, item: FilingInput, run: Run, replace: bool = False) -> Prepared:
    ctx = Lookup.load(db)
    ctx.holidays = holidays_for(ctx.regime, item.year)
    prepared = prepare(item, ctx, run.today)
    if prepared.existing is not None and not replace:
        if prepared.same_as_existing:
            return prepared
        e = prepared.existing
        raise CadretrackError(
            "filing_duplicate", kind=Label(prepared.rule.label_vi, prepared.rule.label_en), year=item.year,
            commune=prepared.assignment.commune,
            date=format_date(e.filed),
        )
    with journal.changeset(db, run) as cs:
        save_filings(db, [prepared], cs)
        cs.summary = {"filings": 1, "replaced": int(prepared.existing is not None)}
    return prepared


def kind_of(text: str, regime: Regime) -> str | None:
    """The filing kind for the register's "Loại" column: a kind's key or label, or a
    document type it is filed as ("Báo cáo" is the report, "Chương trình" the program)."""
    rule = regime.find_kind(text)
    if rule is not None:
        return rule.kind
    key = loose_key(text)
    for rule in regime.kinds().values():
        if any(key == loose_key(word) or key.startswith(loose_key(word) + " ") for word in rule.types + rule.codes):
            return rule.kind
    return None
