"""The Standing Committee members and their areas: every line of SQL about them."""

from __future__ import annotations

import datetime as dt

from cadretrack.domain.members import MemberArea
from cadretrack.store import journal
from cadretrack.store.journal import Changeset
from cadretrack.store.ledger import Ledger
from cadretrack.store.periods import Where

_SELECT = """
SELECT ma.id, ma.commune_code, ma.member_id, m.name, COALESCE(ma.position, ''), ma.start, ma."end",
       COALESCE(d.text, ''), c.name, COALESCE(c.district, ''), m.name_key, c.generation,
       COALESCE(CAST(c.province_code AS INTEGER), 0), COALESCE(CAST(c.district_code AS INTEGER), 0),
       CAST(ma.commune_code AS INTEGER)
FROM member_areas ma
JOIN members m ON m.id = ma.member_id
JOIN communes c ON c.code = ma.commune_code
LEFT JOIN decisions d ON d.id = ma.decision_id
WHERE ma.voided_in IS NULL
"""
_ORDER = " ORDER BY c.generation, COALESCE(c.district_code, ''), CAST(ma.commune_code AS INTEGER), ma.start, ma.id"


def _area(r, day=dt.date.fromisoformat) -> MemberArea:
    return MemberArea(r[0], r[1], r[2], r[3], r[4], day(r[5]), day(r[6]) if r[6] else None, r[7], r[8], r[9],
                      (r[10], ""), tuple(r[11:15]))


def load_member_areas(db: Ledger, *, between: tuple[dt.date, dt.date] | None = None,
                      ending_from: dt.date | None = None, members: list[int] | None = None,
                      communes: list[str] | None = None) -> list[MemberArea]:
    """Areas in the stable order: all, those in force on some day `between` (first, last), those
    running to `ending_from` or after, or those of some `members` (ids)."""
    where = Where("ma").period(between, ending_from).any_of("member_id", members).any_of("commune_code", communes)
    return [_area(r) for r in db.execute(_SELECT + where.sql() + _ORDER, where.params).fetchall()]


def load_members(db: Ledger) -> list[tuple[int, str]]:
    """(id, name) of every member the ledger ever held (cadre-like: matched by name)."""
    return [(r[0], r[1]) for r in db.execute("SELECT id, name FROM members ORDER BY id").fetchall()]


def has_members(db: Ledger) -> bool:
    return db.execute("SELECT 1 FROM member_areas WHERE voided_in IS NULL LIMIT 1").fetchone() is not None


def save_member_plan(db: Ledger, plan, decision: str, cs: Changeset) -> None:
    """A division of work's plan written: the decision, new members, areas ended, voided,
    repositioned and created, each change noted for undo (as store.assignments.save_plan)."""
    effective = plan.effective
    decision_id = db.execute(
        "INSERT INTO decisions (text, effective, changeset_id) VALUES (?, ?, ?)",
        [decision, effective.isoformat(), cs.id],
    ).lastrowid
    keys = list(dict.fromkeys(w.cadre_key[0] for w in plan.create))
    ids: dict[str, int] = {}
    for i in range(0, len(keys), 800):
        chunk = keys[i:i + 800]
        ids.update(db.execute(f"SELECT name_key, id FROM members WHERE name_key IN ({', '.join('?' * len(chunk))})",
                              chunk).fetchall())
    cursor = db.conn.cursor()
    for w in plan.create:
        if w.cadre_key[0] not in ids:
            cursor.execute("INSERT INTO members (name, name_key) VALUES (?, ?)", (w.cadre, w.cadre_key[0]))
            ids[w.cadre_key[0]] = cursor.lastrowid
    day_before = (effective - dt.timedelta(days=1)).isoformat()
    db.conn.executemany('UPDATE member_areas SET "end" = ?, end_decision_id = ?, ended_in = ? WHERE id = ?',
                        [(day_before, decision_id, cs.id, a.id) for a in plan.end])
    journal.note(db, cs, "member_areas", "end",
                 [(a.id, {"end": None, "end_decision_id": None, "ended_in": None}) for a in plan.end])
    db.conn.executemany("UPDATE member_areas SET voided_in = ?, end_decision_id = ? WHERE id = ?",
                        [(cs.id, decision_id, a.id) for a in plan.void])
    journal.note(db, cs, "member_areas", "void",
                 [(a.id, {"voided_in": None, "end_decision_id": None}) for a in plan.void])
    db.conn.executemany("UPDATE member_areas SET position = ? WHERE id = ?",
                        [(w.position, a.id) for a, w in plan.reposition])
    journal.note(db, cs, "member_areas", "update", [(a.id, {"position": a.position}) for a, w in plan.reposition])
    db.conn.executemany(
        "INSERT INTO member_areas (commune_code, member_id, position, start, decision_id, created_in) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(w.commune_code, ids[w.cadre_key[0]], w.position, effective.isoformat(), decision_id, cs.id)
         for w in plan.create],
    )
    added = db.execute("SELECT id FROM member_areas WHERE created_in = ?", [cs.id]).fetchall()
    journal.note(db, cs, "member_areas", "add", [(r[0], None) for r in added])
