"""`import assignments`, `list assignments` and `show`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

from cadretrack.domain.changes import Plan, Wanted, plan_changes
from cadretrack.domain.dates import format_date
from cadretrack.domain.gazetteer import Gazetteer, MatchError
from cadretrack.domain.names import exact_key
from cadretrack.domain.titles import Title, parse_titles, split_title
from cadretrack.errors import CadretrackError, InputProblems, Problem
from cadretrack.readers.assignments import AssignmentRow, read_assignment_rows
from cadretrack.store import journal, records
from cadretrack.store.backup import auto_backup
from cadretrack.store.units import load_units
from cadretrack.store.ledger import Ledger, close_changeset, ledger_path, open_changeset, write

SUGGESTION_LIMIT = 200  # nearest-name searches per file; beyond, problems carry none


@dataclass
class ImportResult:
    plan: Plan
    sheets: list[str]
    rows: int
    dry_run: bool
    decision: str
    warnings: list[Problem] = field(default_factory=list)  # rows imported with something missing


def load_titles(extra: Path | None = None) -> list[Title]:
    """The built-in titles (data/chuc-danh.txt) and a clerk's own list, if given."""
    from importlib import resources

    text = resources.files("cadretrack").joinpath("data", "chuc-danh.txt").read_text("utf-8")
    if extra is not None:
        if not extra.is_file():
            raise CadretrackError("file_missing", path=str(extra))
        try:
            text += "\n" + extra.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CadretrackError("csv_encoding", path=str(extra)) from None
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
                cadre_key=(exact_key(row.name), exact_key(row.agency)),
                position=row.position, note=row.note,
            )
        )
    return wanted, problems


def import_assignments(
    db: Ledger, path: Path, effective: dt.date, now: dt.datetime, command: list[str],
    decision: str = "", sheet: str | None = None, amend: bool = False, dry_run: bool = False,
    titles: Path | None = None,
) -> ImportResult:
    units = load_units(db)
    gazetteer = units.on(effective)
    rows, sheets = read_assignment_rows(path, sheet, gazetteer.is_district)
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
    stored = records.load_assignments(db, 'a."end" IS NULL OR a."end" >= ?', [effective.isoformat()])
    plan = plan_changes(wanted, stored, effective, amend)
    for w, later in plan.conflicts:
        problems.append(Problem(
            "assignment_later", {"commune": later.commune, "start": format_date(later.start),
                                 "effective": format_date(effective)},
            sheet=w.sheet if w else "", row=w.row if w else None, column="commune",
            value=w.commune_label if w else later.commune,
        ))
    with_filings = records.assignments_with_filings(db, [a.id for a in plan.void]) if plan.void else set()
    for a in plan.void:
        if a.id in with_filings:
            problems.append(Problem("assignment_void_has_filings",
                                    {"commune": a.commune, "cadre": a.cadre, "start": format_date(a.start)}))
    if problems:
        raise InputProblems(str(path), problems)
    result = ImportResult(plan=plan, sheets=sheets, rows=len(rows), dry_run=dry_run, decision=decision,
                          warnings=warnings)
    if dry_run or not plan.changes:
        return result
    auto_backup(ledger_path(db), "import", now)
    with write(db):
        changeset = open_changeset(db, command, now)
        _apply(db, plan, decision, changeset)
        close_changeset(db, changeset, plan.counts())
    return result


def _apply(db: Ledger, plan: Plan, decision: str, changeset: int) -> None:
    effective = plan.effective
    decision_id = db.execute(
        "INSERT INTO decisions (text, effective, changeset_id) VALUES (?, ?, ?)",
        [decision, effective.isoformat(), changeset],
    ).lastrowid
    ids = records.cadre_ids(db, [w.cadre_key for w in plan.create])
    new = {w.cadre_key: w for w in plan.create if w.cadre_key not in ids}
    cursor = db.conn.cursor()
    for key, w in new.items():
        cursor.execute("INSERT INTO cadres (name, agency, name_key, agency_key) VALUES (?, ?, ?, ?)",
                       (w.cadre, w.agency, key[0], key[1]))
        ids[key] = cursor.lastrowid
    day_before = (effective - dt.timedelta(days=1)).isoformat()
    db.conn.executemany(
        'UPDATE assignments SET "end" = ?, end_decision_id = ?, ended_in = ? WHERE id = ?',
        [(day_before, decision_id, changeset, a.id) for a in plan.end],
    )
    journal.note(db, changeset, "assignments", "end",
                 [(a.id, {"end": None, "end_decision_id": None, "ended_in": None}) for a in plan.end])
    db.conn.executemany(
        "UPDATE assignments SET voided_in = ?, end_decision_id = ? WHERE id = ?",
        [(changeset, decision_id, a.id) for a in plan.void],
    )
    journal.note(db, changeset, "assignments", "void",
                 [(a.id, {"voided_in": None, "end_decision_id": None}) for a in plan.void])
    db.conn.executemany(
        "UPDATE assignments SET position = ? WHERE id = ?",
        [(w.position, a.id) for a, w in plan.reposition],
    )
    journal.note(db, changeset, "assignments", "update", [(a.id, {"position": a.position}) for a, w in plan.reposition])
    db.conn.executemany(
        "INSERT INTO assignments (commune_code, cadre_id, position, start, decision_id, note, created_in) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(w.commune_code, ids[w.cadre_key], w.position, effective.isoformat(), decision_id, w.note, changeset)
         for w in plan.create],
    )
    added = db.execute("SELECT id FROM assignments WHERE created_in = ?", [changeset]).fetchall()
    journal.note(db, changeset, "assignments", "add", [(r[0], None) for r in added])


def list_assignments(
    db: Ledger, on: dt.date | None = None, year: int | None = None, district: str = ""
) -> list[records.Assignment]:
    """Assignments in force on a day, during a year, or all of them; optionally one district's."""
    where, params = [], []
    if on is not None:
        where.append('a.start <= ? AND (a."end" IS NULL OR a."end" >= ?)')
        params += [on.isoformat(), on.isoformat()]
    if year is not None:
        where.append('a.start <= ? AND (a."end" IS NULL OR a."end" >= ?)')
        params += [f"{year}-12-31", f"{year}-01-01"]
    if district:
        gazetteer = records.load_gazetteer(db)
        try:
            codes = gazetteer.districts(district)
        except MatchError as exc:
            raise CadretrackError(exc.key, **exc.fields) from None
        where.append("(" + " OR ".join(["(c.province_code = ? AND c.district_code = ?)"] * len(codes)) + ")")
        for province_code, district_code in sorted(codes):
            params += [province_code, district_code]
    return records.load_assignments(db, " AND ".join(where), params)


@dataclass
class Lineage:
    """What a unit was formed from (with those units' assignments) and what it became."""

    formed_from: list = field(default_factory=list)  # (Commune, part)
    earlier: list = field(default_factory=list)  # the assignments of those units
    became: list = field(default_factory=list)  # (Commune, part)
    abolished: dt.date | None = None


def commune_history(db: Ledger, commune: str, district: str = "") -> tuple[list[records.Assignment], Lineage]:
    """The assignments of one unit (the newest generation's of that name first) and its lineage."""
    units = load_units(db)
    try:
        found = units.candidates(commune, district)[0]
    except MatchError as exc:
        raise CadretrackError(exc.key, suggestion=exc.suggestion, **exc.fields) from None
    lineage = Lineage(formed_from=units.formed_from(found.code), became=units.became(found.code),
                      abolished=units.abolished_on(found.code))
    if lineage.formed_from:
        codes = [c.code for c, _ in lineage.formed_from]
        lineage.earlier = records.load_assignments(db, f"a.commune_code IN ({','.join('?' * len(codes))})", codes)
    return records.load_assignments(db, "a.commune_code = ?", [found.code]), lineage


def cadre_history(db: Ledger, cadre: str) -> list[records.Assignment]:
    """Every assignment of one cadre, in date order."""
    from cadretrack.ops.matching import resolve_cadre_ids

    ids = resolve_cadre_ids(db, cadre)
    marks = ",".join("?" * len(ids))
    return records.load_assignments(db, f"a.cadre_id IN ({marks})", list(ids))
