"""`import assignments`, `list assignments` and `show`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

from cadretrack.domain.agencies import agency_key, agency_names
from cadretrack.domain.changes import Plan, Wanted, plan_changes
from cadretrack.domain.dates import format_date
from cadretrack.domain.full_list import full_list_refusal
from cadretrack.domain.gazetteer import Gazetteer, MatchError
from cadretrack.domain.names import clean, exact_key
from cadretrack.domain.titles import Title, parse_titles, split_title
from cadretrack.errors import CadretrackError, InputProblems, Problem
from cadretrack.context import Run
from cadretrack.domain.assignment import Assignment
from cadretrack.progress import steps
from cadretrack.readers.assignments import AssignmentRow, read_assignment_rows
from cadretrack.readers.bundled import bundled_text
from cadretrack.store import journal
from cadretrack.store.assignments import load_assignments, save_plan, with_filings
from cadretrack.readers.source import read_text_input
from cadretrack.readers.types import Limits
from cadretrack.store.backup import auto_backup
from cadretrack.store.ledger import Ledger
from cadretrack.store.units import load_gazetteer, load_units

SUGGESTION_LIMIT = 200  # nearest-name searches per file; beyond, problems carry none


@dataclass
class ImportResult:
    plan: Plan
    sheets: list[str]
    rows: int
    dry_run: bool
    decision: str
    warnings: list[Problem] = field(default_factory=list)  # rows imported with something missing
    refusal: CadretrackError | None = None  # a dry run of a list the real import would refuse


def load_titles(extra: Path | None = None) -> list[Title]:
    """The built-in titles (data/chuc-danh.txt) and a clerk's own list, if given."""
    text = bundled_text("chuc-danh.txt")
    if extra is not None:
        text += "\n" + read_text_input(extra, Limits.current().max_bytes)
    return parse_titles(text)


def split_agency(row: AssignmentRow, titles: list[Title]) -> tuple[AssignmentRow, Problem | None]:
    """The row with its agency taken out of the position ("Phó Giám đốc Sở Tài chính") when
    the agency cell is empty; a warning when no known title can be split off."""
    if row.agency or not row.position:
        return row, None
    split = split_title(row.position, titles)
    if split is None:
        return row, _problem(row, "position", row.position, "title_unsplit")
    return dataclasses.replace(row, position=split.position, agency=split.agency), None

def _problem(row: AssignmentRow, column: str, value: object, key: str, suggestion: str = "", **fields) -> Problem:
    return Problem(key, fields, sheet=row.sheet, row=row.row, column=column, value=str(value), suggestion=suggestion)


def resolve_rows(rows: list[AssignmentRow], gazetteer: Gazetteer, resolve=None) -> tuple[list[Wanted], list[Problem]]:
    """Each row resolved to a commune and a cadre key; problems for every row that cannot be.
    `resolve` (the gazetteer's by default) may explain a unit of another generation."""
    resolve = resolve or gazetteer.resolve
    wanted: list[Wanted] = []
    problems: list[Problem] = []
    seen: dict[str, AssignmentRow] = {}
    for row in rows:
        if not row.name:
            problems.append(_problem(row, "name", "", "name_missing"))
        try:
            commune = resolve(
                row.commune, row.district, row.code, row.province,
                suggest=len(problems) < SUGGESTION_LIMIT,
            )
        except MatchError as exc:
            column = "code" if exc.key.startswith("code") else (
                "district" if exc.key.startswith("district") else "commune"
            )
            value = {"code": row.code, "district": row.district}.get(column, row.commune)
            problems.append(_problem(row, column, value, exc.key, exc.suggestion, **exc.fields))
            continue
        if row.district and row.district_column and commune.district and row.code not in ("", None):
            try:
                if (commune.province_code, commune.district_code) not in gazetteer.districts(row.district):
                    problems.append(_problem(row, "district", row.district, "code_district_mismatch",
                                             code=commune.code, name=commune.name, actual=commune.district))
            except MatchError as exc:
                problems.append(_problem(row, "district", row.district, exc.key, exc.suggestion, **exc.fields))
        first = seen.get(commune.code)
        if first is not None:
            problems.append(_problem(row, "commune", row.commune or row.code, "commune_repeated",
                                     name=commune.label(), first=first.row))
            continue
        seen[commune.code] = row
        if not row.name:
            continue
        wanted.append(
            Wanted(
                sheet=row.sheet, row=row.row, commune_code=commune.code,
                commune_label=commune.label(), cadre=row.name, agency=row.agency,
                cadre_key=(exact_key(row.name), agency_key(row.agency)),
                position=row.position, note=row.note,
            )
        )
    return wanted, problems


def check_full_list(path: Path, plan: Plan, titles: list[str], amend: bool, complete: bool
                    ) -> CadretrackError | None:
    """The refusal of a list imported as complete that may be an amendment or would end most
    assignments in force (see domain.full_list), naming the file; None when it may go ahead.
    Every import of a list that can be whole (assignments, members) asks it before writing."""
    refusal = full_list_refusal(plan.in_force, plan.ending, titles, amend=amend, complete=complete)
    if refusal is None:
        return None
    return CadretrackError(refusal.key, path=str(path), effective=format_date(plan.effective), **refusal.fields)


def import_assignments(
    db: Ledger, path: Path, effective: dt.date, run: Run, decision: str = "", allow_future: bool = False,
    sheet: str | None = None, amend: bool = False, dry_run: bool = False,
    titles: Path | None = None, complete: bool = False,
) -> ImportResult:
    """Import an assignment list: the complete list from `effective` on, or with `amend` only
    the communes it lists; `complete` confirms a complete list that ends most of the province
    (a new term, the reform). A dry run that the real import would refuse carries the refusal."""
    with steps("progress_assignments"):
        return _import_assignments(db, path, effective, run, clean(decision), allow_future, sheet, amend, dry_run,
                                   titles, complete)


def _import_assignments(
    db: Ledger, path: Path, effective: dt.date, run: Run, decision: str, allow_future: bool,
    sheet: str | None, amend: bool, dry_run: bool, titles: Path | None, complete: bool,
) -> ImportResult:
    if amend and complete:
        raise CadretrackError("amend_and_complete")
    if effective > run.today + dt.timedelta(days=366) and not allow_future:  # a typo for 2024, not a plan
        raise CadretrackError("effective_far_future", date=format_date(effective), today=format_date(run.today))
    units = load_units(db)
    gazetteer = units.on(effective)
    rows, sheets, title_rows = read_assignment_rows(path, sheet, gazetteer.is_district)
    if not rows:
        raise CadretrackError("file_no_rows", path=str(path))
    title_list = load_titles(titles)
    warnings = []
    for i, row in enumerate(rows):
        rows[i], warning = split_agency(row, title_list)
        if warning is not None and row.name:
            warnings.append(warning)
    wanted, problems = resolve_rows(rows, gazetteer, functools.partial(units.resolve_on, effective))
    # Only assignments in force on the effective date or after it can change.
    stored = load_assignments(db, ending_from=effective)
    plan = plan_changes(wanted, stored, effective, amend)
    for w, later in plan.conflicts:
        problems.append(Problem(
            "assignment_later", {"commune": later.commune, "start": format_date(later.start),
                                 "effective": format_date(effective)},
            sheet=w.sheet if w else "", row=w.row if w else None, column="commune",
            value=w.commune_label if w else later.commune,
        ))
    filed = with_filings(db, [a.id for a in plan.void]) if plan.void else set()
    for a in plan.void:
        if a.id in filed:
            problems.append(Problem("assignment_void_has_filings",
                                    {"commune": a.commune, "cadre": a.cadre, "start": format_date(a.start)}))
    if problems:
        raise InputProblems(str(path), problems)
    refusal = check_full_list(path, plan, title_rows, amend, complete)
    if refusal is not None and not dry_run:
        raise refusal
    result = ImportResult(plan=plan, sheets=sheets, rows=len(rows), dry_run=dry_run, decision=decision,
                          warnings=warnings, refusal=refusal)
    if dry_run or not plan.changes:
        return result
    auto_backup(db.path, "import", run.now)
    with journal.changeset(db, run) as cs:
        save_plan(db, plan, decision, cs)
        cs.summary = plan.counts()
    return result


def list_assignments(
    db: Ledger, on: dt.date | None = None, year: int | None = None, district: str = ""
) -> list[Assignment]:
    """Assignments in force on a day, during a year, or all of them; optionally one district's."""
    between = (on, on) if on is not None else (
        (dt.date(year, 1, 1), dt.date(year, 12, 31)) if year is not None else None)
    districts = None
    if district:
        try:
            districts = load_gazetteer(db).districts(district)
        except MatchError as exc:
            raise CadretrackError(exc.key, **exc.fields) from None
    return one_agency_name(load_assignments(db, between=between, districts=districts))


def one_agency_name(assignments: list[Assignment]) -> list[Assignment]:
    """Each agency shown by one spelling ("Bộ CHQS tỉnh" and "Bộ Chỉ huy Quân sự tỉnh" are one
    agency, shown spelled out), as the summary's agency table shows it."""
    names = agency_names(a.agency for a in assignments)
    return [a if not a.agency or names[agency_key(a.agency)] == a.agency
            else a._replace(agency=names[agency_key(a.agency)]) for a in assignments]


@dataclass
class Lineage:
    """What a unit was formed from (with those units' assignments) and what it became."""

    formed_from: list = field(default_factory=list)  # (Commune, part)
    earlier: list = field(default_factory=list)  # the assignments of those units
    became: list = field(default_factory=list)  # (Commune, part)
    abolished: dt.date | None = None


def commune_history(db: Ledger, commune: str, district: str = "", code: str = "") -> tuple[list[Assignment], Lineage]:
    """The assignments of one unit (the newest generation's of that name first) and its lineage."""
    units = load_units(db)
    try:
        found = units.candidates(commune, district, code)[0]
    except MatchError as exc:
        raise CadretrackError(exc.key, suggestion=exc.suggestion, **exc.fields) from None
    lineage = Lineage(formed_from=units.formed_from(found.code), became=units.became(found.code),
                      abolished=units.abolished_on(found.code))
    if lineage.formed_from:
        lineage.earlier = load_assignments(db, communes=[c.code for c, _ in lineage.formed_from])
    return load_assignments(db, communes=[found.code]), lineage


def cadre_history(db: Ledger, cadre: str) -> list[Assignment]:
    """Every assignment of one cadre, in date order."""
    from cadretrack.ops.matching import resolve_cadre_ids

    return load_assignments(db, cadres=resolve_cadre_ids(db, cadre))
