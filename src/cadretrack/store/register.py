"""The rows of the office's book of incoming documents decided so far (see domain/book)."""

from __future__ import annotations

from typing import NamedTuple

from cadretrack.store import journal
from cadretrack.store.journal import Changeset
from cadretrack.store.ledger import Ledger

CHUNK = 800


class Remembered(NamedTuple):
    id: int
    place: str
    fingerprint: str
    decision: str  # filing | unrelated | review | difficulty
    decided_by: str  # cadretrack | clerk
    kind: str
    year: int | None
    filing_id: int | None
    difficulty_id: int | None
    reason: str
    produced: bool  # the decision recorded its filing (rather than finding it on file)


def remembered(db: Ledger, places: list[str]) -> dict[str, Remembered]:
    """The current decision of each of these places that the ledger remembers."""
    found: dict[str, Remembered] = {}
    places = list(dict.fromkeys(places))
    for i in range(0, len(places), CHUNK):
        chunk = places[i:i + CHUNK]
        rows = db.execute(
            "SELECT id, place, fingerprint, decision, decided_by, COALESCE(kind, ''), year, filing_id, "
            "difficulty_id, COALESCE(reason, ''), produced FROM register_rows WHERE voided_in IS NULL AND place IN "
            f"({', '.join('?' * len(chunk))}) ORDER BY id", chunk).fetchall()
        for r in rows:
            found[r[1]] = Remembered(*r[:10], bool(r[10]))
    return found


def places_of_filings(db: Ledger, filing_ids: list[int]) -> dict[int, set[str]]:
    """The places whose current decision is each of these filings."""
    found: dict[int, set[str]] = {}
    ids = list(dict.fromkeys(filing_ids))
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        for filing_id, place in db.execute(
                "SELECT filing_id, place FROM register_rows WHERE voided_in IS NULL AND filing_id IN "
                f"({', '.join('?' * len(chunk))})", chunk).fetchall():
            found.setdefault(filing_id, set()).add(place)
    return found


def remember(db: Ledger, rows: list[dict], cs: Changeset) -> None:
    """Decisions to remember, each a dict of the columns (place, fingerprint, decision,
    decided_by, kind, year, assignment_id, filing_id, difficulty_id, reason, produced). A place
    remembered before is taken out (undo brings it back) and remembered anew."""
    if not rows:
        return
    earlier = remembered(db, [r["place"] for r in rows])
    if earlier:
        ids = [(cs.id, e.id) for e in earlier.values()]
        db.conn.executemany("UPDATE register_rows SET voided_in = ? WHERE id = ?", ids)
        journal.note(db, cs, "register_rows", "void", [(e.id, {"voided_in": None}) for e in earlier.values()])
    columns = ("place", "fingerprint", "decision", "decided_by", "kind", "year", "assignment_id", "filing_id",
               "difficulty_id", "reason", "produced")
    db.conn.executemany(
        f"INSERT INTO register_rows ({', '.join(columns)}, created_in) VALUES ({', '.join('?' * len(columns))}, ?)",
        [(*(r.get(c) for c in columns[:-1]), int(bool(r.get("produced"))), cs.id) for r in rows],
    )
    journal.note(db, cs, "register_rows", "add-set", [(cs.id, None)])  # one note for them all
