"""Difficulties (khó khăn, vướng mắc) and commune meetings: records tied to the
assignment in force on their date, with history and undo like every other write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cadretrack.domain.dates import format_date
from cadretrack.domain.gazetteer import MatchError
from cadretrack.domain.generations import official_code
from cadretrack.domain.names import exact_key, loose_key, person_name, text_key
from cadretrack.errors import CadretrackError
from cadretrack.store import journal, records
from cadretrack.store.ledger import Ledger, close_changeset, open_changeset, write

RAISERS = ("cadre", "commune")
MEETING_KINDS = {"thuong ky": "thuong-ky", "thuong-ky": "thuong-ky", "dot xuat": "dot-xuat", "dot-xuat": "dot-xuat",
                 "regular": "thuong-ky", "extraordinary": "dot-xuat"}
YES = {"yes", "y", "co", "x", "1", "true", "tham du", "co tham du", "da tham du"}
NO = {"no", "n", "khong", "0", "false", "vang", "khong tham du", "vang mat"}


def in_force(db: Ledger, commune: str, district: str, code: object, cadre: str, day: dt.date):
    """The assignment of the commune in force on `day` (and of the cadre, when given)."""
    from cadretrack.store.units import load_units

    try:
        place = load_units(db).resolve_on(day, commune, district, code)
    except MatchError as exc:
        raise CadretrackError(exc.key, suggestion=exc.suggestion, **exc.fields) from None
    found = [a for a in records.load_assignments(db, "a.commune_code = ?", [place.code]) if a.in_force_on(day)]
    if not found:
        raise CadretrackError("nobody_follows", commune=place.label(), date=format_date(day))
    a = found[0]
    cadre = person_name(cadre) if cadre else ""
    if cadre and exact_key(cadre) != a.cadre_key[0] and loose_key(cadre) != loose_key(a.cadre):
        raise CadretrackError("filing_wrong_cadre", cadre=cadre, commune=place.label(), year=day.year, followers=a.cadre)
    return a


def _not_future(day: dt.date, today: dt.date) -> None:
    if day > today:
        raise CadretrackError("date_future", date=format_date(day))


def record_difficulty(
    db: Ledger, commune: str, district: str, cadre: str, day: dt.date, text: str, raised_by: str,
    now: dt.datetime, today: dt.date, command: list[str],
) -> tuple[int, object]:
    if raised_by not in RAISERS:
        raise CadretrackError("raised_by_invalid", value=raised_by)
    if not text.strip():
        raise CadretrackError("difficulty_text_missing")
    _not_future(day, today)
    a = in_force(db, commune, district, "", cadre, day)
    with write(db):
        changeset = open_changeset(db, command, now)
        new_id = db["difficulties"].insert({
            "commune_code": a.commune_code, "assignment_id": a.id, "raised_on": day.isoformat(),
            "raised_by": raised_by, "text": text, "created_in": changeset,
        }).last_pk
        journal.note(db, changeset, "difficulties", "add", [(new_id, None)])
        close_changeset(db, changeset, {"difficulties": 1})
    return new_id, a


def resolve_difficulty(
    db: Ledger, difficulty: int, day: dt.date, note: str, referred_to: str,
    now: dt.datetime, today: dt.date, command: list[str],
) -> None:
    row = db.execute(
        "SELECT raised_on, resolved_on FROM difficulties WHERE id = ? AND voided_in IS NULL", [difficulty]
    ).fetchone()
    if row is None:
        raise CadretrackError("difficulty_unknown", id=difficulty)
    if row[1]:
        raise CadretrackError("difficulty_resolved", id=difficulty, date=format_date(dt.date.fromisoformat(row[1])))
    if day < dt.date.fromisoformat(row[0]):
        raise CadretrackError("resolved_before_raised", id=difficulty, date=format_date(dt.date.fromisoformat(row[0])))
    _not_future(day, today)
    with write(db):
        changeset = open_changeset(db, command, now)
        db.execute(
            "UPDATE difficulties SET resolved_on = ?, resolution = ?, referred_to = ?, resolved_in = ? WHERE id = ?",
            [day.isoformat(), note, referred_to, changeset, difficulty],
        )
        journal.note(db, changeset, "difficulties", "update", [
            (difficulty, {"resolved_on": None, "resolution": None, "referred_to": None, "resolved_in": None})])
        close_changeset(db, changeset, {"resolved": 1})


@dataclass(frozen=True)
class Difficulty:
    id: int
    commune: str
    commune_code: str
    district: str
    cadre: str
    raised_on: dt.date
    raised_by: str
    text: str
    resolved_on: dt.date | None
    resolution: str
    referred_to: str
    age_days: int

    def as_dict(self) -> dict:
        return {
            "id": self.id, "commune": self.commune, "commune_code": self.commune_code,
            "district": self.district or None, "cadre": self.cadre, "raised_on": self.raised_on,
            "raised_by": self.raised_by, "text": self.text, "resolved_on": self.resolved_on,
            "resolution": self.resolution or None, "referred_to": self.referred_to or None,
            "age_days": self.age_days,
        }


def list_difficulties(db: Ledger, as_of: dt.date, open_only: bool = False, year: int | None = None) -> list[Difficulty]:
    """Difficulties in the stable order, each with its age: open ones up to `as_of`."""
    sql = (
        "SELECT d.id, c.name, d.commune_code AS code, COALESCE(c.district, ''), COALESCE(k.name, ''), d.raised_on, "
        "d.raised_by, d.text, d.resolved_on, COALESCE(d.resolution, ''), COALESCE(d.referred_to, '') "
        "FROM difficulties d JOIN communes c ON c.code = d.commune_code "
        "LEFT JOIN assignments a ON a.id = d.assignment_id LEFT JOIN cadres k ON k.id = a.cadre_id "
        "WHERE d.voided_in IS NULL AND d.raised_on <= ?"
    )
    params: list = [as_of.isoformat()]
    if open_only:
        sql += " AND (d.resolved_on IS NULL OR d.resolved_on > ?)"
        params.append(as_of.isoformat())
    if year is not None:
        sql += " AND (substr(d.raised_on, 1, 4) = ? OR d.resolved_on IS NULL OR substr(d.resolved_on, 1, 4) = ?)"
        params += [str(year), str(year)]
    sql += " ORDER BY c.generation, CAST(c.province_code AS INTEGER), CAST(c.district_code AS INTEGER), CAST(d.commune_code AS INTEGER), d.raised_on, d.id"
    out = []
    for r in db.execute(sql, params).fetchall():
        raised = dt.date.fromisoformat(r[5])
        resolved = dt.date.fromisoformat(r[8]) if r[8] and r[8] <= as_of.isoformat() else None
        out.append(Difficulty(r[0], r[1], official_code(r[2]), r[3], r[4], raised, r[6], r[7], resolved,
                              r[9] if resolved else "", r[10] if resolved else "", ((resolved or as_of) - raised).days))
    return out


def meeting_kind(text: str) -> str:
    kind = MEETING_KINDS.get(text_key(text)) or MEETING_KINDS.get(text.strip().lower())
    if kind is None:
        raise CadretrackError("meeting_kind_invalid", value=text)
    return kind


def attendance(text: str) -> int | None:
    key = text_key(text)
    if not key:
        return None
    if key in YES:
        return 1
    if key in NO:
        return 0
    raise CadretrackError("attended_invalid", value=text)


def save_meetings(db: Ledger, rows: list[tuple], changeset: int) -> None:
    """rows: (assignment, day, kind, topic, attended)."""
    cursor = db.conn.cursor()
    added = []
    for a, day, kind, topic, attended in rows:
        cursor.execute(
            "INSERT INTO meetings (commune_code, assignment_id, held_on, kind, topic, attended, created_in) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (a.commune_code, a.id, day.isoformat(), kind, topic, attended, changeset),
        )
        added.append((cursor.lastrowid, None))
    journal.note(db, changeset, "meetings", "add", added)


def existing_meetings(db: Ledger) -> set[tuple]:
    return {tuple(r) for r in db.execute(
        "SELECT commune_code, held_on, kind FROM meetings WHERE voided_in IS NULL").fetchall()}


def record_meeting(
    db: Ledger, commune: str, district: str, day: dt.date, kind: str, topic: str, attended: int | None,
    now: dt.datetime, today: dt.date, command: list[str],
):
    _not_future(day, today)
    a = in_force(db, commune, district, "", "", day)
    if (a.commune_code, day.isoformat(), kind) in existing_meetings(db):
        raise CadretrackError("meeting_duplicate", commune=a.commune, date=format_date(day))
    with write(db):
        changeset = open_changeset(db, command, now)
        save_meetings(db, [(a, day, kind, topic, attended)], changeset)
        close_changeset(db, changeset, {"meetings": 1})
    return a


def meeting_counts(db: Ledger, year: int) -> dict[int, tuple[int, int]]:
    """assignment id -> (meetings invited to, meetings attended) during the year."""
    rows = db.execute(
        "SELECT assignment_id, COUNT(*), SUM(CASE WHEN attended = 1 THEN 1 ELSE 0 END) FROM meetings "
        "WHERE voided_in IS NULL AND substr(held_on, 1, 4) = ? GROUP BY assignment_id", [str(year)]
    ).fetchall()
    return {r[0]: (r[1], r[2] or 0) for r in rows}
