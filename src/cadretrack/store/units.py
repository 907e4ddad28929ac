"""The ledger's administrative units: communes of every generation, the generations
themselves, the old→new links between units, and the stored match keys of names."""

from __future__ import annotations

import datetime as dt

from cadretrack.domain.gazetteer import Commune, Gazetteer, commune_reading
from cadretrack.domain.generations import Generation, Link, unit_key
from cadretrack.domain.names import KEY_VERSION
from cadretrack.domain.unitset import Units
from cadretrack.store.ledger import Ledger, get_meta, set_meta

_IN_FORCE = "generation IN (SELECT id FROM generations WHERE voided_in IS NULL)"


def save_communes(db: Ledger, communes: list[Commune], generation: int = 1) -> None:
    """Store a generation's units (as read, with official codes) under their ledger keys."""
    set_meta(db, "name_key_version", KEY_VERSION)
    db.conn.executemany(
        "INSERT INTO communes (code, generation, name, type, district_code, district, province_code, province, "
        "name_key, name_loose) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(unit_key(c.code, generation), generation, c.name, c.type, c.district_code, c.district,
          c.province_code, c.province, (reading := commune_reading(c)).exact, reading.loose)
         for c in communes],
    )


def refresh_name_keys(db: Ledger) -> bool:
    """Inside a writer's transaction: store the communes' match keys anew when the key
    rules changed since they were stored (KEY_VERSION); True when it did. This is the
    ledger's one data migration, versioned by KEY_VERSION rather than by a schema step,
    so that a change of the matching rules needs no new migration."""
    if get_meta(db, "name_key_version") == KEY_VERSION:
        return False
    rows = db.execute("SELECT code, name, type, '', '', '', '' FROM communes").fetchall()
    keys = [(r.exact, r.loose, row[0]) for row in rows for r in (commune_reading(Commune(*row)),)]
    db.conn.executemany("UPDATE communes SET name_key = ?, name_loose = ? WHERE code = ?", keys)
    set_meta(db, "name_key_version", KEY_VERSION)
    return True


def load_gazetteer(db: Ledger, generation: int | None = None) -> Gazetteer:
    """The units of one generation, or of all, in the stable order (generation, province,
    district, commune code); their stored match keys are used while the key rules are
    unchanged, and computed in memory otherwise (a reader never writes them)."""
    where, params = _IN_FORCE, []
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


def unknown_commune_codes(db: Ledger) -> list[str]:
    """Commune keys that assignments name and the units do not hold (a damaged ledger)."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT commune_code FROM assignments WHERE commune_code NOT IN (SELECT code FROM communes)"
    ).fetchall()]


def load_generations(db: Ledger) -> list[Generation]:
    """The generations in force at some time, oldest first."""
    rows = db.execute(
        "SELECT id, effective, COALESCE(source, ''), COALESCE(province, '') FROM generations "
        "WHERE voided_in IS NULL ORDER BY id"
    ).fetchall()
    return [Generation(r[0], dt.date.fromisoformat(r[1]) if r[1] else None, r[2], r[3]) for r in rows]


def describe_first(db: Ledger, source: str, province: str) -> None:
    """The first generation's source (the gazetteer file) and province, as init read them."""
    set_meta(db, "gazetteer", source)
    db.execute("UPDATE generations SET source = ?, province = ? WHERE id = 1", [source, province])


def add_generation(db: Ledger, effective: dt.date, source: str, province: str, changeset: int) -> int:
    """A new generation's id (one past every id ever used: a voided one keeps its keys)."""
    last = db.execute("SELECT COALESCE(MAX(id), 0) FROM generations").fetchone()[0]
    db.execute(
        "INSERT INTO generations (id, effective, source, province, created_in) VALUES (?, ?, ?, ?, ?)",
        [last + 1, effective.isoformat(), source, province, changeset],
    )
    return last + 1


def save_links(db: Ledger, links: list[Link]) -> None:
    db.conn.executemany(
        "INSERT OR REPLACE INTO unit_links (old_code, new_code, part) VALUES (?, ?, ?)", links
    )


def load_links(db: Ledger) -> list[Link]:
    """The links between units of generations in force (a voided generation's are ignored)."""
    rows = db.execute(
        "SELECT l.old_code, l.new_code, l.part FROM unit_links l JOIN communes n ON n.code = l.new_code "
        f"WHERE n.{_IN_FORCE} ORDER BY CAST(l.old_code AS INTEGER), CAST(l.new_code AS INTEGER)"
    ).fetchall()
    return [Link(*r) for r in rows]


def load_units(db: Ledger) -> Units:
    """The ledger's units across generations, with the old→new links between them."""
    generations = load_generations(db)
    return Units(generations, load_gazetteer(db), load_links(db) if len(generations) > 1 else [])
