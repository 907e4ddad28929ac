"""Cadres, decisions and assignments: what the ledger holds about who follows which commune."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection

from cadretrack.domain.agencies import agency_key, preferred
from cadretrack.domain.assignment import Assignment
from cadretrack.domain.changes import Wanted
from cadretrack.domain.names import exact_key
from cadretrack.store import journal
from cadretrack.store.journal import Changeset
from cadretrack.store.ledger import Ledger
from cadretrack.store.periods import Where

_SELECT = """
SELECT a.id, a.commune_code, a.cadre_id, k.name, COALESCE(k.agency, ''),
       COALESCE(a.position, ''), a.start, a."end", COALESCE(d.text, ''),
       c.name, COALESCE(c.district, ''), COALESCE(c.province, ''),
       k.name_key, k.agency_key, c.type, c.generation, COALESCE(CAST(c.province_code AS INTEGER), 0),
       COALESCE(CAST(c.district_code AS INTEGER), 0), CAST(a.commune_code AS INTEGER)
FROM assignments a
JOIN cadres k ON k.id = a.cadre_id
JOIN communes c ON c.code = a.commune_code
LEFT JOIN decisions d ON d.id = a.decision_id
WHERE a.voided_in IS NULL
"""
_ORDER = (
    " ORDER BY c.generation, COALESCE(c.district_code, ''), CAST(a.commune_code AS INTEGER), a.start, a.id"
)
CHUNK = 400  # pairs per query: 800 parameters, under every SQLite's limit


def _assignment(row, day=dt.date.fromisoformat) -> Assignment:
    # Positional: a national check makes tens of thousands of these. A cadre is its name's
    # key and its agency's (domain.agencies: "Ban Tuyên giáo TU" is the Ban Tuyên giáo Tỉnh ủy).
    return Assignment(
        row[0], row[1], row[2], row[3], row[4], row[5], day(row[6]), day(row[7]) if row[7] else None,
        row[8], row[9], row[10], row[11], (row[12], agency_key(row[4])), row[14] or "", row[15:19],
    )


def load_assignments(
    db: Ledger,
    *,
    between: tuple[dt.date, dt.date] | None = None,
    ending_from: dt.date | None = None,
    communes: Collection[str] | None = None,
    cadres: Collection[int] | None = None,
    districts: Collection[tuple[str, str]] | None = None,
) -> list[Assignment]:
    """Assignments in the stable order, every one or those that are in force on some day
    `between` (first, last), run to `ending_from` or after, follow one of `communes` (ledger
    keys), belong to one of `cadres` (ids), or lie in one of `districts` (province code,
    district code)."""
    where = Where("a").period(between, ending_from).any_of("commune_code", communes).any_of("cadre_id", cadres)
    if districts is not None:
        pairs = sorted(districts)
        where.clauses.append("(" + (" OR ".join(["(c.province_code = ? AND c.district_code = ?)"] * len(pairs))
                                    or "0") + ")")
        where.params += [part for pair in pairs for part in pair]
    return [_assignment(r) for r in db.execute(_SELECT + where.sql() + _ORDER, where.params).fetchall()]


def load_cadres(db: Ledger) -> list[tuple[int, str, str]]:
    """(id, name, agency) of every cadre the ledger ever held."""
    return [(r[0], r[1], r[2] or "") for r in db.execute("SELECT id, name, agency FROM cadres").fetchall()]


def cadre_ids(db: Ledger, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The ids of the cadres with these (name key, agency key), looked up by the name's index:
    what an import costs grows with the list, not with every cadre the ledger ever held. The
    agency is compared by its key (domain.agencies), whatever spelling the cadre was stored
    with; of two stored cadres that are one person, the first."""
    found: dict[tuple[str, str], int] = {}
    wanted = set(keys)
    names = list(dict.fromkeys(k[0] for k in keys))
    for i in range(0, len(names), 2 * CHUNK):
        chunk = names[i:i + 2 * CHUNK]
        sql = f"SELECT id, name_key, COALESCE(agency, '') FROM cadres WHERE name_key IN ({', '.join('?' * len(chunk))})"
        for r in db.execute(sql + " ORDER BY id", chunk).fetchall():
            key = (r[1], agency_key(r[2]))
            if key in wanted:
                found.setdefault(key, r[0])
    return found


def with_filings(db: Ledger, ids: list[int]) -> set[int]:
    """Those of the assignments `ids` that have filings."""
    found: set[int] = set()
    for i in range(0, len(ids), 2 * CHUNK):
        chunk = ids[i:i + 2 * CHUNK]
        found.update(r[0] for r in db.execute(
            f"SELECT DISTINCT assignment_id FROM filings WHERE voided_in IS NULL AND assignment_id IN "
            f"({', '.join('?' * len(chunk))})", chunk).fetchall())
    return found


def save_plan(db: Ledger, plan, decision: str, cs: Changeset) -> None:
    """An import's plan written: the decision, new cadres, assignments ended, voided,
    repositioned and created, each change noted for undo."""
    effective = plan.effective
    decision_id = db.execute(
        "INSERT INTO decisions (text, effective, changeset_id) VALUES (?, ?, ?)",
        [decision, effective.isoformat(), cs.id],
    ).lastrowid
    ids = cadre_ids(db, [w.cadre_key for w in plan.create])
    new: dict[tuple[str, str], Wanted] = {}
    spellings: dict[tuple[str, str], list[str]] = {}
    for w in plan.create:
        if w.cadre_key not in ids:
            new.setdefault(w.cadre_key, w)
            spellings.setdefault(w.cadre_key, []).append(w.agency)
    cursor = db.conn.cursor()
    for key, w in new.items():
        w = dataclasses.replace(w, agency=preferred(spellings[key]))  # one cadre, the agency's best spelling
        # The stored agency_key is the exact key of the agency as first written (unique with the
        # name); identity is by domain.agencies.agency_key, computed from the name (cadre_ids).
        cursor.execute("INSERT INTO cadres (name, agency, name_key, agency_key) VALUES (?, ?, ?, ?)",
                       (w.cadre, w.agency, key[0], exact_key(w.agency)))
        ids[key] = cursor.lastrowid
    day_before = (effective - dt.timedelta(days=1)).isoformat()
    db.conn.executemany(
        'UPDATE assignments SET "end" = ?, end_decision_id = ?, ended_in = ? WHERE id = ?',
        [(day_before, decision_id, cs.id, a.id) for a in plan.end],
    )
    journal.note(db, cs, "assignments", "end",
                 [(a.id, {"end": None, "end_decision_id": None, "ended_in": None}) for a in plan.end])
    db.conn.executemany(
        "UPDATE assignments SET voided_in = ?, end_decision_id = ? WHERE id = ?",
        [(cs.id, decision_id, a.id) for a in plan.void],
    )
    journal.note(db, cs, "assignments", "void",
                 [(a.id, {"voided_in": None, "end_decision_id": None}) for a in plan.void])
    db.conn.executemany(
        "UPDATE assignments SET position = ? WHERE id = ?",
        [(w.position, a.id) for a, w in plan.reposition],
    )
    journal.note(db, cs, "assignments", "update", [(a.id, {"position": a.position}) for a, w in plan.reposition])
    db.conn.executemany(
        "INSERT INTO assignments (commune_code, cadre_id, position, start, decision_id, note, created_in) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(w.commune_code, ids[w.cadre_key], w.position, effective.isoformat(), decision_id, w.note, cs.id)
         for w in plan.create],
    )
    added = db.execute("SELECT id FROM assignments WHERE created_in = ?", [cs.id]).fetchall()
    journal.note(db, cs, "assignments", "add", [(r[0], None) for r in added])
