"""`record program|report|evaluation` and `import filings`: filings tied to one assignment."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from cadretrack.domain.dates import format_date
from cadretrack.domain.gazetteer import Gazetteer, MatchError
from cadretrack.domain.names import exact_key, loose_key, person_name
from cadretrack.domain.obligations import Filing, owes
from cadretrack.domain.ratings import parse_rating
from cadretrack.domain.rules import KINDS, Rules
from cadretrack.domain.unitset import Units
from cadretrack.context import Run
from cadretrack.domain.assignment import during_year
from cadretrack.errors import CadretrackError
from cadretrack.ops.calendar import holidays_for
from cadretrack.ops.ledger import load_rules
from cadretrack.store import journal
from cadretrack.store.assignments import load_assignments
from cadretrack.store.filings import load_filings, save_filings
from cadretrack.store.ledger import Ledger
from cadretrack.store.units import load_units


@dataclass(frozen=True)
class FilingInput:
    """One filing as a clerk gives it, before it is tied to an assignment."""

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


@dataclass
class Lookup:
    """What resolving filings needs from the ledger, loaded once per command."""

    gazetteer: Gazetteer  # every unit of every generation
    rules: Rules
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
        return first_year(self.rules)

    @classmethod
    def load(cls, db: Ledger) -> "Lookup":
        units = load_units(db)
        return cls(
            gazetteer=units.all,
            units=units,
            rules=load_rules(db),
            assignments=load_assignments(db),
            current={(f.assignment_id, f.kind, f.year): f for f in load_filings(db)},
        )


def validate(item: FilingInput, ctx: Lookup, today: dt.date) -> None:
    """Refuse what can be refused without the ledger's assignments."""
    if item.kind not in ctx.rules.kinds:
        raise CadretrackError("kind_unknown", column="kind", kind=item.kind, kinds=", ".join(ctx.rules.kinds))
    first = ctx.first_year
    if item.year < first or item.year > today.year + 1:
        raise CadretrackError("year_out_of_range", column="year", year=item.year, first=first, last=today.year + 1)
    if item.filed.year < item.year - 1:
        raise CadretrackError("date_before_year", column="received", date=format_date(item.filed), year=item.year)
    if item.rating and item.kind != "evaluation":
        raise CadretrackError("rating_not_evaluation", column="rating")
    if item.score is not None and not 0 <= item.score <= 100:
        raise CadretrackError("score_invalid", column="score", score=item.score)


def first_year(rules: Rules) -> int:
    """The first year in which anything is owed (2023 for 26-QĐ/TU)."""
    from cadretrack.domain.obligations import deadline

    year = rules.effective.year
    while all(deadline(rule, year)[0] < rules.effective for rule in rules.kinds.values()):
        year += 1
    return year


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
        owing = [a for a in started if owes(a, item.kind, ctx.rules, item.year, ctx.holidays)]
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
        raise CadretrackError("rating_unknown", rating=text)
    return code


@dataclass
class Prepared:
    item: FilingInput
    assignment: object
    existing: Filing | None
    owed: bool = True  # False: recorded, but this assignment owes no such filing that year

    @property
    def same_as_existing(self) -> bool:
        e, i = self.existing, self.item
        return e is not None and (e.filed, e.number, e.rating, e.score, e.note) == (
            i.filed, i.number, i.rating, i.score, i.note
        )


def prepare(item: FilingInput, ctx: Lookup, today: dt.date) -> Prepared:
    validate(item, ctx, today)
    assignment = resolve_assignment(item, ctx)
    return Prepared(
        item, assignment, ctx.current.get((assignment.id, item.kind, item.year)),
        owed=owes(assignment, item.kind, ctx.rules, item.year, ctx.holidays),
    )


def record_filing(db: Ledger, item: FilingInput, run: Run, replace: bool = False) -> Prepared:
    ctx = Lookup.load(db)
    ctx.holidays = holidays_for(ctx.rules, item.year)
    prepared = prepare(item, ctx, run.today)
    if prepared.existing is not None and not replace:
        if prepared.same_as_existing:
            return prepared
        e = prepared.existing
        raise CadretrackError(
            "filing_duplicate", kind=item.kind, year=item.year, commune=prepared.assignment.commune,
            date=format_date(e.filed),
        )
    with journal.changeset(db, run) as cs:
        save_filings(db, [prepared], cs)
        cs.summary = {"filings": 1, "replaced": int(prepared.existing is not None)}
    return prepared


def kind_of(text: str) -> str | None:
    """The filing kind for the register's "Loại" column or a CLI name."""
    key = loose_key(text)
    if key in KINDS:
        return key
    if key.startswith(("chuong trinh", "ct")):
        return "program"
    if key.startswith(("bao cao", "bc")):
        return "report"
    if key.startswith(("nhan xet", "danh gia", "nx")):
        return "evaluation"
    return None
