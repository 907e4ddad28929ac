"""Difficulties raised by communes and cadres, and the communes' meetings."""

from __future__ import annotations

import datetime as dt
import json

from cadretrack.store import journal
from cadretrack.store.journal import Changeset
from cadretrack.store.ledger import Ledger


def add_difficulty(db: Ledger, a, day: dt.date, raised_by: str, text: str, cs: Changeset) -> int:
    new_id = db.execute(
        "INSERT INTO difficulties (commune_code, assignment_id, raised_on, raised_by, text, created_in) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [a.commune_code, a.id, day.isoformat(), raised_by, text, cs.id],
    ).lastrowid
    journal.note(db, cs, "difficulties", "add", [(new_id, None)])
    return new_id


def difficulty_dates(db: Ledger, difficulty: int) -> tuple[dt.date, dt.date | None] | None:
    """(raised on, resolved on) of a difficulty in the ledger; None if there is none."""
    row = db.execute(
        "SELECT raised_on, resolved_on FROM difficulties WHERE id = ? AND voided_in IS NULL", [difficulty]
    ).fetchone()
    if row is None:
        return None
    return dt.date.fromisoformat(row[0]), dt.date.fromisoformat(row[1]) if row[1] else None


def resolve_difficulty(db: Ledger, difficulty: int, day: dt.date, note: str, referred_to: str,
                       cs: Changeset) -> None:
    db.execute(
        "UPDATE difficulties SET resolved_on = ?, resolution = ?, referred_to = ?, resolved_in = ? WHERE id = ?",
        [day.isoformat(), note, referred_to, cs.id, difficulty],
    )
    journal.note(db, cs, "difficulties", "update", [
        (difficulty, {"resolved_on": None, "resolution": None, "referred_to": None, "resolved_in": None})])


def difficulty_rows(db: Ledger, as_of: dt.date, open_only: bool = False, year: int | None = None) -> list[tuple]:
    """(id, commune, commune key, district, cadre, raised on, raised by, text, resolved on,
    resolution, referred to) of difficulties raised by `as_of`, in the stable order; open
    ones at `as_of` only, or those raised, resolved or open in `year`."""
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
    sql += (" ORDER BY c.generation, CAST(c.province_code AS INTEGER), CAST(c.district_code AS INTEGER), "
            "CAST(d.commune_code AS INTEGER), d.raised_on, d.id")
    return db.execute(sql, params).fetchall()


def add_meetings(db: Ledger, rows: list[tuple], cs: Changeset) -> None:
    """rows: (assignment, day, kind, topic, attended)."""
    cursor = db.conn.cursor()
    added = []
    for a, day, kind, topic, attended in rows:
        cursor.execute(
            "INSERT INTO meetings (commune_code, assignment_id, held_on, kind, topic, attended, created_in) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (a.commune_code, a.id, day.isoformat(), kind, topic, attended, cs.id),
        )
        added.append((cursor.lastrowid, None))
    journal.note(db, cs, "meetings", "add", added)


def meetings_of(db: Ledger, assignment_ids: list[int]) -> list[tuple]:
    """(held on as ISO, kind, topic, attended, assignment id) of these assignments' meetings,
    newest first."""
    return [tuple(r) for r in db.execute(
        "SELECT held_on, kind, topic, attended, assignment_id FROM meetings WHERE voided_in IS NULL "
        "AND assignment_id IN (SELECT value FROM json_each(?)) ORDER BY held_on DESC, id DESC",
        [json.dumps(sorted(set(assignment_ids)))]).fetchall()]


def meeting_keys(db: Ledger) -> set[tuple[str, str, str]]:
    """(commune key, held on as ISO, kind) of every meeting recorded."""
    return {tuple(r) for r in db.execute(
        "SELECT commune_code, held_on, kind FROM meetings WHERE voided_in IS NULL").fetchall()}


def meeting_counts(db: Ledger, year: int) -> dict[int, tuple[int, int]]:
    """assignment id -> (meetings invited to, meetings attended) during the year."""
    rows = db.execute(
        "SELECT assignment_id, COUNT(*), SUM(CASE WHEN attended = 1 THEN 1 ELSE 0 END) FROM meetings "
        "WHERE voided_in IS NULL AND substr(held_on, 1, 4) = ? GROUP BY assignment_id", [str(year)]
    ).fetchall()
    return {r[0]: (r[1], r[2] or 0) for r in rows}
