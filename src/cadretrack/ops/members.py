"""`import members` and `list members`: the Standing Committee's division of work in time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cadretrack.context import Run
from cadretrack.domain.changes import Plan, Wanted, plan_changes
from cadretrack.domain.dates import format_date
from cadretrack.domain.gazetteer import Commune, Gazetteer, MatchError
from cadretrack.domain.members import MemberArea, MemberIndex, area_parts
from cadretrack.domain.names import clean, exact_key
from cadretrack.errors import CadretrackError, InputProblems, Problem
from cadretrack.ops.assignments import SUGGESTION_LIMIT, check_full_list
from cadretrack.readers.layout import names_district
from cadretrack.readers.members import MemberRow, read_member_rows
from cadretrack.store import journal
from cadretrack.store.backup import auto_backup
from cadretrack.store.ledger import Ledger
from cadretrack.store.members import load_member_areas, load_members, save_member_plan
from cadretrack.store.units import load_units


@dataclass
class MembersResult:
    plan: Plan
    sheets: list[str]
    rows: int
    dry_run: bool
    members: int = 0
    refusal: CadretrackError | None = None
    warnings: list[Problem] = field(default_factory=list)


def _problem(row: MemberRow, value: object, key: str, suggestion: str = "", column: str = "commune", **fields
             ) -> Problem:
    return Problem(key, fields, sheet=row.sheet, row=row.row, column=column, value=str(value), suggestion=suggestion)


class _Areas:
    """An area as written resolved to communes on the effective date: a district means all of
    its communes, anything else a commune (of the row's district, when a section names one)."""

    def __init__(self, gazetteer: Gazetteer, resolve) -> None:
        self.gazetteer = gazetteer
        self.resolve = resolve
        self._districts: dict[tuple[str, str], list[Commune]] | None = None

    def district_communes(self, name: str) -> list[Commune]:
        if self._districts is None:
            self._districts = {}
            for c in self.gazetteer.communes:
                if c.district_code:
                    self._districts.setdefault((c.province_code, c.district_code), []).append(c)
        return [c for d in sorted(self.gazetteer.districts(name)) for c in self._districts.get(d, [])]

    def communes(self, row: MemberRow, part: str, suggest: bool) -> list[Commune]:
        if row.code not in ("", None):
            return [self.resolve(part, row.district, row.code, suggest=suggest)]
        if names_district(part):
            return self.district_communes(part)
        try:
            return [self.resolve(part, row.district, suggest=suggest)]
        except MatchError:
            if self.gazetteer.is_district(part):  # "Đà Bắc" alone: the district
                return self.district_communes(part)
            raise


def resolve_members(rows: list[MemberRow], areas: _Areas) -> tuple[list[Wanted], list[Problem]]:
    """One wanted area a commune; problems for every part that cannot be resolved and for a
    commune put in the charge of two members (naming both)."""
    wanted: list[Wanted] = []
    problems: list[Problem] = []
    seen: dict[str, tuple[MemberRow, Wanted]] = {}
    for row in rows:
        if not row.name:
            problems.append(_problem(row, "", "member_name_missing", column="name"))
            continue
        key = (exact_key(row.name), "")
        parts = area_parts(row.area) or [""]
        for part in parts:
            try:
                found = areas.communes(row, part, suggest=len(problems) < SUGGESTION_LIMIT)
            except MatchError as exc:
                column = "code" if exc.key.startswith("code") else "commune"
                problems.append(_problem(row, row.code if column == "code" else part, exc.key, exc.suggestion,
                                         column=column, **exc.fields))
                continue
            for commune in found:
                first = seen.get(commune.code)
                if first is not None:
                    if first[1].cadre_key != key:
                        problems.append(_problem(row, part, "member_overlap", commune=commune.label(),
                                                 first=first[1].cadre, first_row=first[0].row, second=row.name))
                    continue
                w = Wanted(sheet=row.sheet, row=row.row, commune_code=commune.code, commune_label=commune.label(),
                           cadre=row.name, agency="", cadre_key=key, position=row.position, note="")
                seen[commune.code] = (row, w)
                wanted.append(w)
    return wanted, problems


def import_members(db: Ledger, path: Path, effective: dt.date, run: Run, decision: str = "",
                   amend: bool = False, dry_run: bool = False, complete: bool = False) -> MembersResult:
    """Import a division of work: the complete one from `effective` on, or with `amend` only the
    communes it lists change member; the same guard, backup and change set as assignments."""
    decision = clean(decision)
    if amend and complete:
        raise CadretrackError("amend_and_complete")
    units = load_units(db)
    gazetteer = units.on(effective)
    rows, sheets, titles = read_member_rows(path, gazetteer.is_district)
    if not rows:
        raise CadretrackError("file_no_rows", path=str(path))
    resolve = lambda *a, **k: units.resolve_on(effective, *a, **k)  # noqa: E731
    wanted, problems = resolve_members(rows, _Areas(gazetteer, resolve))
    plan = plan_changes(wanted, load_member_areas(db, ending_from=effective), effective, amend)
    for w, later in plan.conflicts:
        problems.append(Problem(
            "member_later", {"commune": later.commune, "member": later.member, "start": format_date(later.start),
                             "effective": format_date(effective)},
            sheet=w.sheet if w else "", row=w.row if w else None, column="commune",
            value=w.commune_label if w else later.commune))
    if problems:
        raise InputProblems(str(path), problems)
    refusal = check_full_list(path, plan, titles, amend, complete)
    if refusal is not None and not dry_run:
        raise refusal
    result = MembersResult(plan=plan, sheets=sheets, rows=len(rows), dry_run=dry_run,
                           members=len({w.cadre_key for w in wanted}), refusal=refusal)
    if dry_run or not plan.changes:
        return result
    auto_backup(db.path, "import", run.now)
    with journal.changeset(db, run) as cs:
        save_member_plan(db, plan, decision, cs)
        cs.summary = plan.counts()
    return result


def list_members(db: Ledger, on: dt.date | None = None, year: int | None = None) -> list[MemberArea]:
    """The communes in each member's charge on a day, during a year, or over all time."""
    between = (on, on) if on is not None else (
        (dt.date(year, 1, 1), dt.date(year, 12, 31)) if year is not None else None)
    return load_member_areas(db, between=between)


def member_index(db: Ledger, first: dt.date | None = None, last: dt.date | None = None) -> MemberIndex:
    """Who is in charge of which commune when, for the items of a check (between two days)."""
    return MemberIndex(load_member_areas(db, between=(first, last) if first and last else None))


def resolve_member_ids(db: Ledger, name: str) -> list[int]:
    """Ids of the members a typed name means (as a cadre's name is matched)."""
    from cadretrack.ops.matching import resolve_person_ids

    return resolve_person_ids(load_members(db), name, "member_unknown")


def commune_members(db: Ledger, commune: str, district: str = "") -> list[MemberArea]:
    """The members in charge of one unit over time (the unit `show --commune` shows)."""
    try:
        found = load_units(db).candidates(commune, district)[0]
    except MatchError as exc:
        raise CadretrackError(exc.key, suggestion=exc.suggestion, **exc.fields) from None
    return load_member_areas(db, communes=[found.code])
