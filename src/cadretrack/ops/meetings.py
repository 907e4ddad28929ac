"""`import meetings`: commune meetings from a sheet, all or nothing, idempotent."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cadretrack.domain.dates import DateError, format_date, parse_cell_date
from cadretrack.domain.gazetteer import MatchError
from cadretrack.domain.names import clean
from cadretrack.context import Run
from cadretrack.errors import CadretrackError, InputProblems, Problem
from cadretrack.ops.followup import attendance, existing_meetings, meeting_kind
from cadretrack.readers.meetings import read_meeting_rows
from cadretrack.store import journal
from cadretrack.store.assignments import load_assignments
from cadretrack.store.backup import auto_backup
from cadretrack.store.followup import add_meetings
from cadretrack.store.ledger import Ledger
from cadretrack.store.units import load_units


@dataclass
class MeetingsResult:
    added: int
    unchanged: int


def import_meetings(
    db: Ledger, path: Path, run: Run, sheet: str | None = None, dry_run: bool = False,
) -> MeetingsResult:
    rows = read_meeting_rows(path, sheet)
    if not rows:
        raise CadretrackError("file_no_meetings", path=str(path))
    units = load_units(db)
    by_commune: dict[str, list] = {}
    for a in load_assignments(db):
        by_commune.setdefault(a.commune_code, []).append(a)
    known = existing_meetings(db)
    problems: list[Problem] = []
    ready, seen, unchanged = [], set(), 0
    for row in rows:
        v = row.values

        def problem(field: str, key: str, **fields) -> None:
            problems.append(row.problem(field, key, **fields))

        try:
            day = parse_cell_date(v["date"])
        except DateError:
            problem("date", "date_invalid", value=clean(v["date"]))
            continue
        if day > run.today:
            problem("date", "date_future", date=format_date(day))
            continue
        try:
            kind = meeting_kind(clean(v["kind"]))
            attended = attendance(clean(v["attended"]))
        except CadretrackError as exc:
            problem("kind" if exc.key == "meeting_kind_invalid" else "attended", exc.key, **exc.fields)
            continue
        try:
            place = units.resolve_on(day, clean(v["commune"]), clean(v["district"]), v["code"])
        except MatchError as exc:
            problem("commune", exc.key, suggestion=exc.suggestion, **exc.fields)
            continue
        found = [a for a in by_commune.get(place.code, []) if a.in_force_on(day)]
        if not found:
            problem("commune", "nobody_follows", commune=place.label(), date=format_date(day))
            continue
        key = (place.code, day.isoformat(), kind)
        if key in seen:
            problem("date", "meeting_repeated")
            continue
        seen.add(key)
        if key in known:
            unchanged += 1
            continue
        topic = v["topic"] if isinstance(v["topic"], str) else clean(v["topic"])
        ready.append((found[0], day, kind, topic, attended))
    if problems:
        raise InputProblems(str(path), problems)
    if ready and not dry_run:
        auto_backup(db.path, "import", run.now)
        with journal.changeset(db, run) as cs:
            add_meetings(db, ready, cs)
            cs.summary = {"meetings": len(ready)}
    return MeetingsResult(added=len(ready), unchanged=unchanged)
