"""One row of the office's book of incoming documents, decided: the whole decision, step by
step, top to bottom. Each step gives what the next needs, or the reason the row is left for
the clerk (a message key and its fields). Pure: the ledger comes in as a `BookView` that ops
loads; nothing here reads or writes, and no text makes it raise.

    1. read the document   not about Regulation 26 at all: `unrelated`
    2. its date            Ngày đến unreadable: review
    3. rule out            a report of difficulties; a kind the words rule out, a type that
                           carries no filing, or no kind at all: review
    4. kind and year       a kind the year's rules owe, a year the ledger covers, a date
                           within the kind's window (filing_window): else review
    5. sender              a district's Party committee, or a sender who is not the kind's
                           filer (a commune sending the cadre's report): review
    6. places, attribution the commune(s) and cadre the clues agree on (attribution): one
                           assignment, else review with why
    7. on file             that filing already recorded on another day: review; the same
                           day: a filing the ledger holds (`unchanged`)
Then over the whole book: a second row for a filing already decided is reviewed; and a row
decided anew (corrected in the book) that had produced a filing keeps it, replaces it or
withdraws it (`follow_rows`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from cadretrack.domain.assignment import in_force_between
from cadretrack.domain.attribution import Known, Pool, attribute
from cadretrack.domain.dates import DateError, format_date, parse_cell_date
from cadretrack.domain.filing_window import check_filing
from cadretrack.domain.gazetteer import Gazetteer
from cadretrack.domain.incoming import Document, Vocabulary, maybe_related, read_document, sender_kind
from cadretrack.domain.names import clean
from cadretrack.domain.obligations import owes
from cadretrack.domain.regime import Regime
from cadretrack.errors import CadretrackError, Label, Problem

DECISIONS = ("filing", "unrelated", "review", "known")
Reason = tuple[str, dict]  # why a row is left for the clerk: a message key and its fields


@dataclass
class RowDecision:
    """What became of one register row."""

    row: int
    sheet: str
    decision: str  # filing | unrelated | review | known
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
    withdrawn: object | None = None  # the filing this row produced before, withdrawn now (a Filing)

    def review(self, key: str, **fields) -> "RowDecision":
        """Leave the row for the clerk, saying why."""
        self.decision = "review"
        self.problem = Problem(key, fields, sheet=self.sheet, row=self.row)
        return self


class BookView:
    """The ledger as deciding a book needs it, loaded once by ops: the rule sets, every unit,
    every assignment, the current filings ((assignment id, kind, year) -> Filing), the first
    year the rules cover, the day of the run, and the public holidays of a year (computed on demand)."""

    def __init__(self, regime: Regime, gazetteer: Gazetteer, assignments: list, current: dict, first_year: int,
                 run_day: dt.date, holidays: Callable[[int], frozenset] = lambda year: frozenset()) -> None:
        self.regime, self.gazetteer, self.assignments = regime, gazetteer, assignments
        self.current, self.first_year, self.run_day = current, first_year, run_day
        self._holidays_of = holidays
        self.holidays: frozenset = frozenset()
        self._holiday_years: set[int] = set()
        self.by_commune: dict[str, list] = {}
        for a in assignments:
            self.by_commune.setdefault(a.commune_code, []).append(a)
        self.pools: dict[tuple[str, int], Pool] = {}
        self.known = Known(assignments)
        self.vocabulary = Vocabulary(regime.kinds().values())

    def year(self, year: int) -> frozenset:
        """The holidays deadlines move by, with `year`'s included."""
        if year not in self._holiday_years and self.regime.needs_holidays():
            self.holidays = self.holidays | self._holidays_of(year)
            self._holiday_years.add(year)
        return self.holidays

    @functools.cached_property
    def followed(self) -> set[str]:
        return {a.commune_code for a in self.assignments}

    def is_commune(self, name: str) -> bool:
        """A name is a commune that some assignment of the ledger follows."""
        return any(c.code in self.followed for c in self.gazetteer.matches(name))

    def pool(self, kind: str, year: int) -> Pool:
        """The assignments that owe `kind` in `year`, worked out once per (kind, year)."""
        if (kind, year) not in self.pools:
            holidays = self.year(year)
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)

            def owing(a, kind=kind, year=year) -> bool:
                return in_force_between(a.start, a.end, start, end) and owes(a, kind, self.regime, year, holidays)

            self.pools[kind, year] = Pool(self.by_commune, owing)
        return self.pools[kind, year]


def decide_book(rows: Iterable[tuple[str, int, dict]], view: BookView) -> list[RowDecision]:
    """Every row (sheet, row number, cell values) decided; a second row for a filing
    already decided in this book is reviewed."""
    decided: list[RowDecision] = []
    first: dict[tuple, int] = {}
    for sheet, row, values in rows:
        d = decide_row(sheet, row, values, view)
        if d.decision == "filing":
            key = (d.assignment.id, d.kind, d.year)
            if key in first:
                d.review("review_repeated", row=first[key])
            else:
                first[key] = d.row
        decided.append(d)
    return decided


def decide_row(sheet: str, row: int, values: dict, view: BookView) -> RowDecision:
    """One row decided against the ledger. `values`: the cells as read (received, arrival,
    sender, number, summary, doc_type), of any type."""
    out = RowDecision(row, sheet, "unrelated")
    doc, filed = read(values, out, view)  # 1. what the document says
    if doc is None:
        return out
    out.decision, out.kind, out.year, out.filed = "review", doc.kind, doc.year, filed
    out.place = "; ".join(m.text for m in doc.summary_places or doc.sender_places)
    reason = (dated(filed, values)  # 2
              or ruled_out(doc)  # 3
              or kind_and_year(doc, filed, view)  # 4
              or sender_reason(doc, view))  # 5
    if reason:
        return out.review(reason[0], **reason[1])
    found = attribute(doc, view.pool(doc.kind, doc.year), view.gazetteer, filed, view.known)  # 6
    out.communes = found.communes
    if found.assignment is None:
        return out.review(found.reason, **found.fields)
    out.assignment = found.assignment
    reason, on_file = recorded(found.assignment, doc, filed, view)  # 7
    if reason:
        return out.review(reason[0], **reason[1])
    out.decision, out.unchanged = "filing", on_file
    return out


def read(values: dict, out: RowDecision, view: BookView) -> tuple[Document | None, dt.date | None]:
    """Step 1: the document the row describes, or None when it is not about the regulation's
    work (the row stays `unrelated`, with its text kept for the record)."""
    summary_cell = values.get("summary")
    if not maybe_related(clean(summary_cell)):
        return None, None
    out.summary = clean(summary_cell)
    out.sender, out.number, out.arrival = (clean(values.get(k)) for k in ("sender", "number", "arrival"))
    out.note = f"Số đến {out.arrival}" if out.arrival else ""
    filed = received_on(values.get("received"))
    doc = read_document(out.summary, out.sender, out.number, clean(values.get("doc_type")), filed, view.is_commune,
                        vocabulary=view.vocabulary)
    return (doc if doc.related else None), filed


def received_on(value: object) -> dt.date | None:
    try:
        return parse_cell_date(value)
    except DateError:
        return None


def dated(filed: dt.date | None, values: dict) -> Reason | None:
    """Step 2: a filing is recorded on its Ngày đến, which must be read."""
    return ("review_date", {"value": clean(values.get("received"))}) if filed is None else None


def ruled_out(doc: Document) -> Reason | None:
    """Step 3: a report of difficulties (for the difficulties log), a kind its own words rule
    out ("6 tháng"), a type that carries no filing ("Kế hoạch"), or no kind at all."""
    if doc.difficulties:
        return "review_difficulties", {}
    if doc.kind is not None:
        return None
    if doc.ruled_out:
        return "review_ruled_out", {"kind": doc.ruled_out[0], "words": doc.ruled_out[1]}
    if doc.other_type:
        return "review_other_type", {"type": doc.other_type}
    return "review_kind_unknown", {}


def kind_and_year(doc: Document, filed: dt.date, view: BookView) -> Reason | None:
    """Step 4: a kind the year's rules owe, a year the ledger covers, a date in the window."""
    if doc.year is None:  # no year written and no date to take it from (step 2 has the date)
        return "review_kind_unknown", {}
    try:
        check_filing(view.regime, doc.kind, doc.year, filed, view.run_day, view.first_year, view.year(doc.year))
    except CadretrackError as exc:
        return exc.key, exc.fields
    return None


def sender_reason(doc: Document, view: BookView) -> Reason | None:
    """Step 5: a district's summary is nobody's filing; a kind comes from its filer."""
    rule = view.regime.kinds().get(doc.kind)
    sender_is = sender_kind(doc.sender, doc.sender_places)
    if sender_is == "district":
        return "review_sender_district", {"sender": doc.sender}
    if rule is not None and (rule.filer, sender_is) in (("cadre", "commune"), ("commune", "agency")):
        return "review_sender_not_filer", {
            "sender": doc.sender, "kind": doc.kind,
            "filer": Label("cán bộ theo dõi (cơ quan của cán bộ)", "the cadre (the cadre's agency)")
            if rule.filer == "cadre" else Label("đảng ủy xã", "the commune's Party committee")}
    return None


def recorded(a, doc: Document, filed: dt.date, view: BookView) -> tuple[Reason | None, bool]:
    """Step 7: (why not, when that filing is on file from another day; whether it is on file)."""
    existing = view.current.get((a.id, doc.kind, doc.year))
    if existing is not None and existing.filed != filed:
        return ("review_recorded", {"kind": doc.kind, "year": doc.year, "commune": a.commune,
                                    "date": format_date(existing.filed)}), True
    return None, existing is not None


def follow_rows(decisions: dict[int, RowDecision], own: dict[int, object]
                ) -> tuple[list[int], dict[int, object]]:
    """What the rows decided anew do to the filings they produced before (row index ->
    Filing): kept when the row is that filing still (same slot, same day), superseded when
    it is that slot on another day, withdrawn otherwise. (withdrawn ids, kept/superseded by
    row index: the filing the row's new decision keeps or replaces.)"""
    withdrawn: list[int] = []
    slot_of: dict[int, object] = {}
    for i, f in own.items():
        d = decisions[i]
        same_slot = d.decision == "filing" and (d.assignment.id, d.kind, d.year) == (f.assignment_id, f.kind, f.year)
        if same_slot:
            slot_of[i] = f
            d.unchanged = d.filed == f.filed
            if not d.unchanged:
                d.withdrawn = f  # replaced by the same slot's filing of another day
        else:
            d.withdrawn = f
            withdrawn.append(f.id)
    return withdrawn, slot_of


def counts(decisions: list[RowDecision]) -> dict[str, int]:
    out = dict.fromkeys(DECISIONS, 0)
    for d in decisions:
        out[d.decision] += 1
    # What rows corrected in the book did to the filings they had produced: withdrawn (the
    # row is no longer a filing), or replaced (the row is now another filing, or the same on
    # another day).
    out["withdrawn"] = sum(1 for d in decisions if d.withdrawn is not None and d.decision != "filing")
    out["replaced"] = sum(1 for d in decisions if d.withdrawn is not None and d.decision == "filing")
    return out
