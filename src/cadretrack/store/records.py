"""Reading and writing the ledger's records: communes, cadres, decisions, assignments."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from cadretrack.domain.gazetteer import Commune, Gazetteer, commune_reading
from cadretrack.domain.generations import official_code, unit_key
from cadretrack.store.ledger import Ledger


def save_communes(db: Ledger, communes: list[Commune], generation: int = 1) -> None:
    """Store a generation's units (as read, with official codes) under their ledger keys."""
    from cadretrack.domain.names import KEY_VERSION
    from cadretrack.store.ledger import set_meta

    set_meta(db, "name_key_version", KEY_VERSION)
    db["communes"].insert_all(
        (
            {
                "code": unit_key(c.code, generation),
                "generation": generation,
                "name": c.name,
                "type": c.type,
                "district_code": c.district_code,
                "district": c.district,
                "province_code": c.province_code,
                "province": c.province,
                "name_key": (reading := commune_reading(c)).exact,
                "name_loose": reading.loose,
            }
            for c in communes
        ),
        batch_size=1000,
    )


def rekey_communes(db: Ledger) -> bool:
    """Store the communes' match keys anew when the key rules changed since they were
    stored (KEY_VERSION); True when it did. Skipped while another command writes."""
    import sqlite3

    from cadretrack.domain.names import KEY_VERSION
    from cadretrack.store.ledger import get_meta

    if get_meta(db, "name_key_version") == KEY_VERSION:
        return False
    rows = db.execute("SELECT code, name, type, '', '', '', '' FROM communes").fetchall()
    keys = [(r.exact, r.loose, row[0]) for row in rows for r in (commune_reading(Commune(*row)),)]
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return False  # busy: load_gazetteer computes the keys in memory meanwhile
    try:
        db.conn.executemany("UPDATE communes SET name_key = ?, name_loose = ? WHERE code = ?", keys)
        db.conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('name_key_version', ?)", [KEY_VERSION]
        )
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()
    return True


def load_gazetteer(db: Ledger, generation: int | None = None) -> Gazetteer:
    """The units of one generation, or of all, in the stable order (generation, province,
    district, commune code); their stored match keys are used while the key rules are unchanged."""
    from cadretrack.domain.names import KEY_VERSION
    from cadretrack.store.ledger import get_meta

    where, params = "generation IN (SELECT id FROM generations WHERE voided_in IS NULL)", []
    if generation is not None:
        where, params = "generation = ?", [generation]
    rows = db.execute(
        "SELECT code, name, type, COALESCE(district_code, ''), COALESCE(district, ''), province_code, province, "
        f"name_key, name_loose FROM communes WHERE {where} ORDER BY generation, "
        "CAST(province_code AS INTEGER), CAST(district_code AS INTEGER), CAST(code AS INTEGER)",
        params,
    ).fetchall()
    fresh = get_meta(db, "name_key_version") == KEY_VERSION
    return Gazetteer([Commune(*row[:7]) for row in rows], keys=[(r[7], r[8]) for r in rows] if fresh else None)


class Assignment(NamedTuple):
    """One assignment as stored, with its cadre and commune spelled out."""

    id: int
    commune_code: str
    cadre_id: int
    cadre: str
    agency: str
    position: str
    start: dt.date
    end: dt.date | None
    decision: str
    commune: str
    district: str
    province: str
    cadre_key: tuple[str, str]
    commune_type: str = ""
    place: tuple = ()  # (generation, province, district, commune code) as numbers: the stable order

    @property
    def official_code(self) -> str:
        """The commune's official code (commune_code is the ledger's key of the unit)."""
        return official_code(self.commune_code)

    def in_force_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)

    def overlaps_year(self, year: int) -> bool:
        return self.start <= dt.date(year, 12, 31) and (
            self.end is None or self.end >= dt.date(year, 1, 1)
        )


_ASSIGNMENT_SQL = """
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


def _assignment(row, day=dt.date.fromisoformat) -> Assignment:
    # Positional: a national check makes tens of thousands of these.
    return Assignment(
        row[0], row[1], row[2], row[3], row[4], row[5], day(row[6]), day(row[7]) if row[7] else None,
        row[8], row[9], row[10], row[11], (row[12], row[13]), row[14] or "", row[15:19],
    )


def load_assignments(db: Ledger, where: str = "", params: list | None = None) -> list[Assignment]:
    sql = _ASSIGNMENT_SQL + (f" AND ({where})" if where else "") + _ORDER
    return [_assignment(r) for r in db.execute(sql, params or []).fetchall()]


CHUNK = 400  # pairs per query: 800 parameters, under every SQLite's limit


def cadre_ids(db: Ledger, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The ids of the cadres with these (name key, agency key), looked up by the unique index:
    what an import costs grows with the list, not with every cadre the ledger ever held."""
    found: dict[tuple[str, str], int] = {}
    keys = list(dict.fromkeys(keys))
    for i in range(0, len(keys), CHUNK):
        chunk = keys[i:i + CHUNK]
        values = ", ".join(["(?, ?)"] * len(chunk))
        sql = f"SELECT id, name_key, agency_key FROM cadres WHERE (name_key, agency_key) IN (VALUES {values})"
        for r in db.execute(sql, [part for key in chunk for part in key]).fetchall():
            found[(r[1], r[2])] = r[0]
    return found


def assignments_with_filings(db: Ledger, ids: list[int]) -> set[int]:
    """Those of the assignments `ids` that have filings."""
    found: set[int] = set()
    for i in range(0, len(ids), 2 * CHUNK):
        chunk = ids[i:i + 2 * CHUNK]
        found.update(r[0] for r in db.execute(
            f"SELECT DISTINCT assignment_id FROM filings WHERE voided_in IS NULL AND assignment_id IN "
            f"({', '.join('?' * len(chunk))})", chunk).fetchall())
    return found


def load_filings(db: Ledger, year: int | None = None):
    """Current (not superseded) filings, optionally of one year."""
    from cadretrack.domain.obligations import Filing

    sql = (
        "SELECT id, assignment_id, kind, year, filed, COALESCE(number, ''), COALESCE(rating, ''), "
        "score, COALESCE(note, '') FROM filings WHERE superseded_by IS NULL AND voided_in IS NULL"
    )
    params: list = []
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    day = dt.date.fromisoformat
    return [Filing(r[0], r[1], r[2], r[3], day(r[4]), r[5], r[6], r[7], r[8])
            for r in db.execute(sql + " ORDER BY id", params).fetchall()]


def load_rules(db: Ledger):
    from cadretrack.domain.rules import parse_rules
    from cadretrack.store.ledger import get_meta

    return parse_rules(get_meta(db, "rules"), "ledger")
