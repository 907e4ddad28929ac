"""The generations of units a ledger holds, and the links from old units to new ones."""

from __future__ import annotations

import datetime as dt

from cadretrack.domain.generations import Generation, Link
from cadretrack.store.ledger import Ledger


def load_generations(db: Ledger) -> list[Generation]:
    """The generations in force at some time, oldest first."""
    rows = db.execute(
        "SELECT id, effective, COALESCE(source, ''), COALESCE(province, '') FROM generations "
        "WHERE voided_in IS NULL ORDER BY id"
    ).fetchall()
    return [Generation(r[0], dt.date.fromisoformat(r[1]) if r[1] else None, r[2], r[3]) for r in rows]


def describe_first(db: Ledger, source: str, province: str) -> None:
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
        "WHERE n.generation IN (SELECT id FROM generations WHERE voided_in IS NULL) "
        "ORDER BY CAST(l.old_code AS INTEGER), CAST(l.new_code AS INTEGER)"
    ).fetchall()
    return [Link(*r) for r in rows]


def load_units(db: Ledger):
    """The ledger's units across generations, with the old→new links between them."""
    from cadretrack.domain.unitset import Units
    from cadretrack.store.records import load_gazetteer

    generations = load_generations(db)
    return Units(generations, load_gazetteer(db), load_links(db) if len(generations) > 1 else [])
