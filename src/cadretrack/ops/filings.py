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
from cadretrack.errors import CadretrackError
from cadretrack.ops.calendar import holidays_for
from cadretrack.store import journal, records
from cadretrack.store.ledger import Ledger, close_changeset, open_changeset, write
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
class Context:
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
    def load(cls, db: Ledger) -> "Context":
        rules = records.load_rules(db)
        units = load_units(db)
        return cls(
            gazetteer=units.all,
            units=units,
            rules=rules,
            assignments=records.load_assignments(db),
            current={(f.assignment_id, f.kind, f.year): f for f in records.load_filings(db)},
        )


def validate(item: FilingInput, ctx: Context, today: dt.date) -> None:
    """Refuse what can be refused without the ledger's assignments."""
    if item.kind not in ctx.rules.kinds:
        raise CadretrackError("kind_unknown", kind=item.kind, kinds=", ".join(ctx.rules.kinds))
    first = ctx.first_year
    if item.year < first or item.year > today.year + 1:
        raise CadretrackError("year_out_of_range", year=item.year, first=first, last=today.year + 1)
    if item.filed.year < item.year - 1:
        raise CadretrackError("date_before_year", date=format_date(item.filed), year=item.year)
    if item.rating and item.kind != "evaluation":
        raise CadretrackError("rating_not_evaluation")
    if item.score is not None and not 0 <= item.score <= 100:
        raise CadretrackError("score_invalid", score=item.score)


def first_year(rules: Rules) -> int:
    """The first year in which anything is owed (2023 for 26-QĐ/TU)."""
    from cadretrack.domain.obligations import deadline

    year = rules.effective.year
    while all(deadline(rule, year)[0] < rules.effective for rule in rules.kinds.values()):
        year += 1
    return year


def resolve_assignment(item: FilingInput, ctx: Context):
    """The one assignment in force during the year that the commune and/or cadre pick."""
    start, end = dt.date(item.year, 1, 1), dt.date(item.year, 12, 31)
    cadre = person_name(item.cadre) if item.cadre else ""

    def during_year(found: list) -> list:
        return [a for a in found if a.start <= end and (a.end is None or a.end >= start)]

    if item.commune or item.code not in ("", None):
        units = ctx.units or Units([], ctx.gazetteer)
        try:  # the unit in force on the filing's date, else one in force during the year
            communes = units.candidates(item.commune, item.district, item.code, on=item.filed, start=start, end=end)
        except MatchError as exc:
            raise CadretrackError(exc.key, suggestion=exc.suggestion, **exc.fields) from None
        commune = next((c for c in communes if during_year(ctx.by_commune.get(c.code, []))), communes[0])
        candidates = during_year(ctx.by_commune.get(commune.code, []))
        where = commune.label()
        if cadre and candidates:
            followers = candidates
            exact = [a for a in candidates if a.cadre_key[0] == exact_key(cadre)]
            candidates = exact or [a for a in candidates if loose_key(a.cadre) == loose_key(cadre)]
            if not candidates:
                raise CadretrackError(
                    "filing_wrong_cadre", cadre=cadre, commune=where, year=item.year,
                    followers=", ".join(sorted({a.cadre for a in followers})),
                )
    elif not cadre:
        raise CadretrackError("filing_needs_who")
    else:
        where = cadre
        candidates = during_year(ctx.by_cadre.get(exact_key(cadre), [])) or during_year(
            ctx.by_cadre_loose.get(loose_key(cadre), [])
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
        raise CadretrackError("filing_ambiguous", who=where, year=item.year, candidates=listed)
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


def prepare(item: FilingInput, ctx: Context, today: dt.date) -> Prepared:
    validate(item, ctx, today)
    assignment = resolve_assignment(item, ctx)
    return Prepared(
        item, assignment, ctx.current.get((assignment.id, item.kind, item.year)),
        owed=owes(assignment, item.kind, ctx.rules, item.year, ctx.holidays),
    )


def record_filing(
    db: Ledger, item: FilingInput, now: dt.datetime, today: dt.date, command: list[str], replace: bool = False
) -> Prepared:
    ctx = Context.load(db)
    ctx.holidays = holidays_for(ctx.rules, item.year)
    prepared = prepare(item, ctx, today)
    if prepared.existing is not None and not replace:
        if prepared.same_as_existing:
            return prepared
        e = prepared.existing
        raise CadretrackError(
            "filing_duplicate", kind=item.kind, year=item.year, commune=prepared.assignment.commune,
            date=format_date(e.filed),
        )
    with write(db):
        changeset = open_changeset(db, command, now)
        save([prepared], db, changeset)
        close_changeset(db, changeset, {"filings": 1, "replaced": int(prepared.existing is not None)})
    return prepared


def save(items: list[Prepared], db: Ledger, changeset: int) -> None:
    cursor = db.conn.cursor()
    added, superseded = [], []
    for p in items:
        i = p.item
        cursor.execute(
            "INSERT INTO filings (assignment_id, kind, year, filed, number, rating, score, note, created_in) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (p.assignment.id, i.kind, i.year, i.filed.isoformat(), i.number, i.rating or None, i.score, i.note,
             changeset),
        )
        added.append((cursor.lastrowid, None))
        if p.existing is not None:
            cursor.execute(
                "UPDATE filings SET superseded_by = ?, superseded_in = ? WHERE id = ?",
                (cursor.lastrowid, changeset, p.existing.id),
            )
            superseded.append((p.existing.id, None))
    journal.note(db, changeset, "filings", "add", added)
    journal.note(db, changeset, "filings", "supersede", superseded)


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
