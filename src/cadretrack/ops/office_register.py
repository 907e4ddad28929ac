"""`import filings` of the office's own incoming-document register: every row decided.

A row is `unrelated` (counted, never recorded), a `filing` (recorded on its Ngày đến)
or left for `review` with the reason. Decided filings are recorded in one change set;
rows awaiting review never block them (unlike the purpose-built list, which is all or
nothing: a review row is a question for the clerk, not bad input).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from pathlib import Path

from cadretrack.context import Run
from cadretrack.domain.attribution import Known, Pool, attribute
from cadretrack.domain.book import fingerprint, place_in_book
from cadretrack.domain.dates import DateError, format_date, parse_cell_date
from cadretrack.domain.incoming import Vocabulary, maybe_related, read_document, sender_kind
from cadretrack.domain.names import clean
from cadretrack.domain.assignment import in_force_between
from cadretrack.domain.obligations import owes
from cadretrack.errors import CadretrackError, Label, Problem
from cadretrack.ops.calendar import holidays_for
from cadretrack.ops.filings import FilingInput, Lookup, Prepared, validate
from cadretrack.ops.ledger import load_regime
from cadretrack.readers.table import Record
from cadretrack.store import journal
from cadretrack.store.backup import auto_backup
from cadretrack.store.filings import save_filings
from cadretrack.store.ledger import Ledger
from cadretrack.store.register import remember, remembered

DECISIONS = ("filing", "unrelated", "review", "known")


@dataclass
class RowDecision:
    """What became of one register row."""

    row: int
    sheet: str
    decision: str  # filing | unrelated | review
    kind: str | None = None
    year: int | None = None
    filed: dt.date | None = None
    assignment: object | None = None
    communes: list = field(default_factory=list)  # known place(s), for the review workbook
    problem: Problem | None = None  # why the row awaits review (None for filings and unrelated rows)
    unchanged: bool = False  # a filing the ledger already holds just so
    number: str = ""
    sender: str = ""
    summary: str = ""
    note: str = ""
    place: str = ""  # the place as the row writes it, for the review workbook
    arrival: str = ""  # Số đến
    book: str = ""  # its place in the book (domain/book), remembered with its decision
    fingerprint: str = ""
    earlier: str = ""  # a known row: the decision an earlier import (or the clerk) made
    changed: bool = False  # remembered before, with other content

    def review(self, key: str, **fields) -> None:
        """Leave the row for the clerk, saying why."""
        self.decision = "review"
        self.problem = Problem(key, fields, sheet=self.sheet, row=self.row)


class Owing:
    """The assignments that owe each kind in each year, computed once per (kind, year)."""

    def __init__(self, ctx: Lookup) -> None:
        self.ctx = ctx
        self.pools: dict[tuple[str, int], Pool] = {}
        self.holiday_years: set[int] = set()
        self.known = Known(ctx.assignments)
        self.vocabulary = Vocabulary(ctx.regime.kinds().values())

    def is_commune(self, name: str) -> bool:
        """A name is a commune that some assignment of the ledger follows."""
        return any(c.code in self.followed for c in self.ctx.gazetteer.matches(name))

    @functools.cached_property
    def followed(self) -> set[str]:
        return {a.commune_code for a in self.ctx.assignments}

    def __call__(self, kind: str, year: int) -> Pool:
        ctx = self.ctx
        if (kind, year) not in self.pools:
            if ctx.regime.needs_holidays() and year not in self.holiday_years:
                ctx.holidays = ctx.holidays | holidays_for(ctx.regime, year)
                self.holiday_years.add(year)
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)

            def owing(a, kind=kind, year=year) -> bool:
                return in_force_between(a.start, a.end, start, end) and owes(a, kind, ctx.regime, year, ctx.holidays)

            self.pools[kind, year] = Pool(ctx.by_commune, owing)
        return self.pools[kind, year]


def decide_row(record: Record, ctx: Lookup, today: dt.date, owing: Owing) -> RowDecision:
    """One register row decided against the ledger (nothing written)."""
    v = record.values
    if not maybe_related(str(v["summary"])):
        return RowDecision(record.row, record.sheet, "unrelated")
    summary = clean(v["summary"])
    sender, number, arrival = clean(v["sender"]), clean(v["number"]), clean(v["arrival"])
    out = RowDecision(record.row, record.sheet, "unrelated", number=number, sender=sender, summary=summary,
                      note=f"Số đến {arrival}" if arrival else "", arrival=arrival)
    try:
        filed = parse_cell_date(v["received"])
    except DateError:
        filed = None
    doc = read_document(summary, sender, number, clean(v["doc_type"]) if v["doc_type"] else "", filed,
                        owing.is_commune, vocabulary=owing.vocabulary)
    if not doc.related:
        return out
    out.decision, out.kind, out.year, out.filed = "review", doc.kind, doc.year, filed
    out.place = "; ".join(m.text for m in doc.summary_places or doc.sender_places)
    if filed is None:
        out.review("review_date", value=clean(v["received"]))
        return out
    if doc.difficulties:
        out.review("review_difficulties")
        return out
    if doc.kind is None:
        if doc.ruled_out:
            out.review("review_ruled_out", kind=doc.ruled_out[0], words=doc.ruled_out[1])
        elif doc.other_type:
            out.review("review_other_type", type=doc.other_type)
        else:
            out.review("review_kind_unknown")
        return out
    try:
        validate(FilingInput(kind=doc.kind, year=doc.year, filed=filed), ctx, today)
    except CadretrackError as exc:
        out.review(exc.key, **exc.fields)
        return out
    rule = ctx.regime.kinds().get(doc.kind)
    sender_is = sender_kind(sender, doc.sender_places)
    if sender_is == "district":
        out.review("review_sender_district", sender=sender)
        return out
    if rule is not None and (rule.filer, sender_is) in (("cadre", "commune"), ("commune", "agency")):
        out.review("review_sender_not_filer", sender=sender, kind=doc.kind,
                   filer=Label("cán bộ theo dõi (cơ quan của cán bộ)", "the cadre (the cadre's agency)")
                   if rule.filer == "cadre" else Label("đảng ủy xã", "the commune's Party committee"))
        return out
    found = attribute(doc, owing(doc.kind, doc.year), ctx.gazetteer, filed, owing.known)
    out.communes = found.communes
    if found.assignment is None:
        out.review(found.reason, **found.fields)
        return out
    a = found.assignment
    out.assignment = a
    existing = ctx.current.get((a.id, doc.kind, doc.year))
    if existing is not None and existing.filed != filed:
        out.review("review_recorded", kind=doc.kind, year=doc.year, commune=a.commune,
                   date=format_date(existing.filed))
        return out
    out.decision, out.unchanged = "filing", existing is not None
    return out


def decide_rows(records: list[Record], ctx: Lookup, today: dt.date) -> list[RowDecision]:
    """Every row decided; a second row for a filing already decided in this register is reviewed."""
    decided: list[RowDecision] = []
    first: dict[tuple, int] = {}
    owing = Owing(ctx)
    for record in records:
        d = decide_row(record, ctx, today, owing)
        if d.decision == "filing":
            key = (d.assignment.id, d.kind, d.year)
            if key in first:
                d.review("review_repeated", row=first[key])
            else:
                first[key] = d.row
        decided.append(d)
    return decided


def prepared(decisions: list[RowDecision]) -> list[Prepared]:
    """The new filings to save."""
    return [
        Prepared(FilingInput(kind=d.kind, year=d.year, filed=d.filed, number=d.number, note=d.note), d.assignment,
                 None)
        for d in decisions if d.decision == "filing" and not d.unchanged
    ]


def counts(decisions: list[RowDecision]) -> dict[str, int]:
    out = dict.fromkeys(DECISIONS, 0)
    for d in decisions:
        out[d.decision] += 1
    return out


def book_place(record: Record) -> tuple[str, str]:
    """(place in the book, fingerprint) of a register row."""
    v = record.values
    received = v["received"]
    if v["arrival"] not in (None, ""):  # the year of Ngày đến is needed: Số đến restarts each January
        try:
            received = parse_cell_date(received)
        except DateError:
            received = None
    return (place_in_book(received, v["arrival"], v["sender"], v["number"], v["summary"]),
            fingerprint(v["received"], v["arrival"], v["sender"], v["number"], v["summary"], v["doc_type"]))


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
    keys = [book_place(r) for r in records]
    known = remembered(db, [place for place, _ in keys])
    fresh = [i for i, (place, sign) in enumerate(keys) if place not in known or known[place].fingerprint != sign]
    unanswered = {i for i, (place, _) in enumerate(keys) if place in known and i not in set(fresh)
                  and (known[place].decision, known[place].decided_by) == ("review", "cadretrack")}
    look = fresh + sorted(unanswered)
    # The ledger's units, assignments and filings are read only when some row is to be decided.
    ctx = Lookup.load(db) if look else None
    labels = (ctx.regime if ctx is not None else load_regime(db)).labels()
    decided = dict(zip(look, decide_rows([records[i] for i in look], ctx, run.today))) if look else {}
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
    ready = prepared(decisions)
    unchanged = sum(1 for d in decisions if d.decision == "filing" and d.unchanged)
    if review is not None:
        from cadretrack.render.review import write_review

        write_review(review, path.name, sorted(to_review, key=lambda d: (d.sheet, d.row)), run.today, labels)
    new = [d for d in decisions if d.decision != "known"]
    if not dry_run and new:
        auto_backup(db.path, "import", run.now)
        with journal.changeset(db, run) as cs:
            ids = iter(save_filings(db, ready, cs))
            rows = []
            for d in new:
                filing = None
                if d.decision == "filing":
                    filing = ctx.current[(d.assignment.id, d.kind, d.year)].id if d.unchanged else next(ids)
                rows.append({
                    "place": d.book, "fingerprint": d.fingerprint, "decision": d.decision,
                    "decided_by": "cadretrack", "kind": d.kind, "year": d.year,
                    "assignment_id": d.assignment.id if d.assignment is not None else None,
                    "filing_id": filing, "reason": d.problem.key if d.problem is not None else None,
                })
            remember(db, rows, cs)
            cs.summary = {"filings": len(ready), "register_rows": len(rows)}
    return decisions, len(ready), unchanged, labels, to_review
