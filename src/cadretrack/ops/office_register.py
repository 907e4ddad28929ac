"""`import filings` of the office's own incoming-document register: every row decided.

A row is `unrelated` (counted, never recorded), a `filing` (recorded on its Ngày đến)
or left for `review` with the reason; the decision itself is domain/register_pipeline.
Here: load the ledger, call it for the rows that are new or changed, store what it says.
Decided filings are recorded in one change set; rows awaiting review never block them
(unlike the purpose-built list, which is all or nothing: a review row is a question for
the clerk, not bad input). What a remembered row produced follows the row: corrected in
the book so that it is no longer that filing, its filing is withdrawn (or replaced).
"""

from __future__ import annotations

from pathlib import Path

from cadretrack.context import Run
from cadretrack.domain.book import apart, fingerprint, place_in_book
from cadretrack.domain.dates import DateError, parse_cell_date
from cadretrack.domain.register_pipeline import BookView, RowDecision, counts, decide_book, follow_rows
from cadretrack.errors import CadretrackError
from cadretrack.ops.calendar import holidays_for
from cadretrack.ops.filings import FilingInput, Lookup, Prepared
from cadretrack.ops.ledger import load_regime
from cadretrack.readers.table import Record
from cadretrack.store import journal
from cadretrack.store.backup import auto_backup
from cadretrack.store.filings import save_filings, withdraw_filings
from cadretrack.store.ledger import Ledger
from cadretrack.store.register import Remembered, places_of_filings, remember, remembered

__all__ = ["RowDecision", "counts", "import_office", "book_places"]


def book_places(records: list[Record]) -> list[tuple[str, str]]:
    """(place in the book, fingerprint) of every row, rows at the same place told apart."""
    places, signs = [], []
    for record in records:
        v = record.values
        received = v["received"]
        if v["arrival"] not in (None, ""):  # the year of Ngày đến is needed: Số đến restarts each January
            try:
                received = parse_cell_date(received)
            except DateError:
                received = None
        places.append(place_in_book(received, v["arrival"], v["sender"], v["number"], v["summary"]))
        signs.append(fingerprint(v["received"], v["arrival"], v["sender"], v["number"], v["summary"], v["doc_type"]))
    return list(zip(apart(places), signs))


def book_view(ctx: Lookup, run: Run, set_aside: set[int]) -> BookView:
    """The ledger as the pipeline sees it; the filings `set_aside` (those produced by rows
    being decided anew) are not on file for it: the rows' new decisions replace them."""
    current = {slot: f for slot, f in ctx.current.items() if f.id not in set_aside}
    return BookView(ctx.regime, ctx.gazetteer, ctx.assignments, current, ctx.first_year, run.today,
                    lambda year: holidays_for(ctx.regime, year))


def own_filings(db: Ledger, ctx: Lookup, known: dict[str, Remembered], places: list[str]) -> dict[str, object]:
    """The current filing each of these remembered places produced, when no other place
    remembered as that filing holds it too (place -> Filing)."""
    by_id = {f.id: f for f in ctx.current.values()}
    produced = {p: by_id[known[p].filing_id] for p in places
                if known[p].produced and known[p].filing_id in by_id}
    holders = places_of_filings(db, [f.id for f in produced.values()])
    return {p: f for p, f in produced.items() if holders.get(f.id, set()) <= set(places)}


def prepared(decisions: list[RowDecision], replacing: dict[int, object]) -> list[Prepared]:
    """The new filings to save (`replacing`: id(decision) -> the filing it supersedes)."""
    return [
        Prepared(FilingInput(kind=d.kind, year=d.year, filed=d.filed, number=d.number, note=d.note,
                             summary=d.summary), d.assignment,
                 replacing.get(id(d)))
        for d in decisions if d.decision == "filing" and not d.unchanged
    ]


def import_office(db: Ledger, path: Path, records: list[Record], run: Run, dry_run: bool, review: Path | None
                  ) -> tuple[list[RowDecision], int, int, dict, list[RowDecision]]:
    """Every row of the office's book decided once: rows remembered with the same content are
    `known`; the others are decided, their filings recorded and every decision remembered, in
    one change set. Rows left for review that the clerk has not answered are looked at again
    (the assignments may have changed since): one that is now a filing is recorded, the others
    stay `known` (not asked again) but go on in the review workbook, so that writing it anew
    never loses a question. (decisions, filings added, filings already recorded, the kinds'
    labels, the rows of the review workbook.)"""
    if not records:
        raise CadretrackError("file_no_filings", path=str(path))
    keys = book_places(records)
    known = remembered(db, [place for place, _ in keys])
    fresh = [i for i, (place, sign) in enumerate(keys) if place not in known or known[place].fingerprint != sign]
    unanswered = {i for i, (place, _) in enumerate(keys) if place in known and i not in set(fresh)
                  and (known[place].decision, known[place].decided_by) == ("review", "cadretrack")}
    look = fresh + sorted(unanswered)
    # The ledger's units, assignments and filings are read only when some row is to be decided.
    ctx = Lookup.load(db) if look else None
    labels = (ctx.regime if ctx is not None else load_regime(db)).labels()
    own: dict[int, object] = {}
    if look:
        changed = {keys[i][0]: i for i in fresh if keys[i][0] in known}
        own = {changed[p]: f for p, f in own_filings(db, ctx, known, list(changed)).items()}
        view = book_view(ctx, run, {f.id for f in own.values()})
        rows = [(records[i].sheet, records[i].row, records[i].values) for i in look]
        decided = dict(zip(look, decide_book(rows, view)))
    else:
        decided, view = {}, None
    withdrawn, kept = follow_rows(decided, own)  # what corrected rows do to the filings they produced
    decisions, to_review = [], []
    for i, (record, (place, sign)) in enumerate(zip(records, keys)):
        d = decided.get(i)
        if d is not None:
            d.book, d.fingerprint = place, sign
        if d is None or (i in unanswered and d.decision == "review"):
            if d is not None:
                to_review.append(d)  # asked before: in the workbook again, not in the counts
            k = known[place]
            d = RowDecision(record.row, record.sheet, "known", kind=k.kind or None, year=k.year, earlier=k.decision)
            d.book, d.fingerprint = place, sign
        else:
            d.changed = place in known and i not in unanswered
            if d.decision == "review":
                to_review.append(d)
        decisions.append(d)
    replacing = {id(decided[i]): f for i, f in kept.items() if not decided[i].unchanged}
    ready = prepared(decisions, replacing)
    unchanged = sum(1 for d in decisions if d.decision == "filing" and d.unchanged)
    new = [d for d in decisions if d.decision != "known"]
    if not dry_run and new:
        auto_backup(db.path, "import", run.now)
        with journal.changeset(db, run) as cs:
            withdraw_filings(db, withdrawn, cs)
            ids = iter(save_filings(db, ready, cs))  # in the order of `new`'s filings
            kept_by_decision = {id(decided[i]): f for i, f in kept.items()}
            rows = []
            for d in new:
                filing, produced = None, False
                if d.decision == "filing":
                    if d.unchanged:
                        own_one = kept_by_decision.get(id(d))
                        filing = own_one.id if own_one is not None else view.current[
                            (d.assignment.id, d.kind, d.year)].id
                        produced = own_one is not None
                    else:
                        filing, produced = next(ids), True
                rows.append({
                    "place": d.book, "fingerprint": d.fingerprint, "decision": d.decision,
                    "decided_by": "cadretrack", "kind": d.kind, "year": d.year,
                    "assignment_id": d.assignment.id if d.assignment is not None else None,
                    "filing_id": filing, "reason": d.problem.key if d.problem is not None else None,
                    "produced": produced,
                })
            remember(db, rows, cs)
            cs.summary = {"filings": len(ready), "register_rows": len(rows),
                          **({"withdrawn": len(withdrawn)} if withdrawn else {}),
                          **({"replaced": len(replacing)} if replacing else {})}
    if review is not None:  # after the commit: its questions are the ledger's once remembered there
        from cadretrack.render.review import write_review
        from cadretrack.store.ledger import ledger_identity

        write_review(review, path.name, sorted(to_review, key=lambda d: (d.sheet, d.row)), run.today, labels,
                     ledger_identity(db))
    return decisions, len(ready), unchanged, labels, to_review
