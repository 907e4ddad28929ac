"""A completed review workbook read back: each row's answer (column Xử lý) applied and
remembered by its place in the book, so that the book imported again never asks again.

The workbook is tied to its ledger and its book: it carries the ledger's identity (a stamp
written with it, domain/book) and each row's place, which must be one this ledger asked
about in that workbook and remembers as waiting for an answer, or answered before; one
place is answered at most once per workbook. A place answered anew replaces its earlier
answer: the filing that answer produced is withdrawn, or replaced by the new one, so that
one incoming document is never two filings.

`Ghi nhận` records the filing the row describes (ops/register does that part);
`Ghi khó khăn, vướng mắc` enters the document in the difficulties log of its commune,
raised on its Ngày đến; `Không phải văn bản theo Quy định` remembers it as unrelated.
Answering the same way twice changes nothing.
"""

from __future__ import annotations

import re

from cadretrack.domain.dates import DateError, parse_cell_date
from cadretrack.domain.names import clean, loose_key
from cadretrack.errors import CadretrackError, Problem
from cadretrack.ops.followup import in_force
from cadretrack.store.filings import withdraw_filings
from cadretrack.store.followup import add_difficulty
from cadretrack.store.journal import Changeset
from cadretrack.store.ledger import Ledger
from cadretrack.store.register import Remembered, places_of_filings, remember, remembered

CLERK = "clerk"


def is_review_row(row) -> bool:
    """A row of a review workbook (it has the column Vị trí trong sổ), not of a clerk's own list."""
    return "place" in row.labels


class Answers:
    def __init__(self, db: Ledger, ctx) -> None:
        self.db = db
        self.ctx = ctx
        self.unrelated: list[str] = []  # places
        self.difficulties: list[tuple[str, object, object, str, str]] = []  # (place, assignment, day, text, by)
        self.known: dict[str, Remembered] = {}
        self.own: dict[str, object] = {}  # place -> the current filing its earlier answer produced
        self.withdrawn: list[int] = []  # filings withdrawn: their place's new answer is no such filing
        self.replaced = 0  # filings superseded, or withdrawn for another, by their place's new answer

    def check_places(self, rows: list, stamp: tuple[str, set[str]] | None, ledger: str) -> tuple[list[Problem], set]:
        """The problems of the workbook's places, and the rows they rule out (by id). Every
        place checked is then known here, with the filing its earlier answer produced; those
        filings are set aside in the lookup: the new answers take their place."""
        if not rows:
            return [], set()
        if stamp is None or stamp[0] != ledger:
            key = "answers_not_stamped" if stamp is None else "answers_other_ledger"
            return [Problem(key, {"sheet": rows[0].sheet, "value": stamp[0] if stamp else ""},
                            sheet=rows[0].sheet, column=rows[0].labels.get("place", "place"),
                            value=stamp[0] if stamp else "")], {id(r) for r in rows}
        asked = stamp[1]
        self.known = remembered(self.db, [clean(r.values["place"]) for r in rows])
        problems: list[Problem] = []
        bad: set = set()
        first: dict[str, int] = {}
        for row in rows:
            place = clean(row.values["place"])
            earlier = self.known.get(place)
            if not place:
                problems.append(row.problem("place", "answer_place_missing"))
            elif place in first:
                problems.append(row.problem("place", "answer_place_twice", place=place, first=first[place]))
            elif place not in asked or earlier is None or not (
                    earlier.decided_by == CLERK or (earlier.decision, earlier.decided_by) == ("review", "cadretrack")):
                problems.append(row.problem("place", "answer_place_unknown", place=place))
            else:
                first[place] = row.row
                continue
            bad.add(id(row))
        self._set_aside(list(first))
        return problems, bad

    def waiting_elsewhere(self, stamp, ledger: str, present: set[str]) -> list[str]:
        """The places the workbook asked about that are no longer in it (rows the clerk
        deleted) and that the ledger still awaits an answer for, in the book's order."""
        if stamp is None or stamp[0] != ledger:
            return []
        missing = [p for p in stamp[1] if p not in present]
        known = remembered(self.db, missing)
        waiting = [p for p in missing if p in known and (known[p].decision, known[p].decided_by)
                   == ("review", "cadretrack")]
        return sorted(waiting, key=lambda p: [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", p)])

    def _set_aside(self, places: list[str]) -> None:
        """The current filings these places' earlier answers produced, that no other place
        holds: out of the lookup while the new answers are prepared."""
        current = self.ctx.current
        by_id = {f.id: f for f in current.values()}
        own = {p: by_id[self.known[p].filing_id] for p in places
               if self.known[p].produced and self.known[p].filing_id in by_id}
        holders = places_of_filings(self.db, [f.id for f in own.values()])
        self.own = {p: f for p, f in own.items() if holders.get(f.id, set()) <= {p}}
        for f in self.own.values():
            del current[(f.assignment_id, f.kind, f.year)]

    def follow(self, place: str, prepared=None) -> None:
        """What the place's new answer does to the filing its earlier one produced: nothing
        when the answer is that filing still (the caller sees `same_as_own`), superseded when
        it is that slot otherwise, withdrawn when it is another filing or none."""
        own = self.own.get(place)
        if own is None:
            return
        if prepared is not None and (prepared.assignment.id, prepared.item.kind, prepared.item.year) == (
                own.assignment_id, own.kind, own.year):
            prepared.existing = own
            if not prepared.same_as_existing:
                self.replaced += 1
            return
        self.withdrawn.append(own.id)
        if prepared is not None:
            self.replaced += 1

    def take(self, row, answer: str, today) -> list[Problem]:
        """An unrelated or difficulty answer, checked; its problems (none when fine)."""
        v = row.values
        place = clean(v["place"])
        earlier = self.known.get(place)
        if answer == "unrelated":
            if place and not (earlier and (earlier.decision, earlier.decided_by) == ("unrelated", CLERK)):
                self.unrelated.append(place)
                self.follow(place)
            return []
        if earlier and earlier.decision == "difficulty" and earlier.difficulty_id is not None:
            return []  # entered already, at an earlier import of this answer
        try:
            day = parse_cell_date(v["received"])
        except DateError:
            return [row.problem("received", "date_invalid", value=clean(v["received"]))]
        if day > today:
            return [row.problem("received", "date_future", date=day.strftime("%d/%m/%Y"))]
        text = clean(v["summary"]) or clean(v["note"])
        if not text:
            return [row.problem("summary", "difficulty_text_missing")]
        try:
            a = in_force(self.db, clean(v["commune"]), clean(v["district"]), v["code"], "", day)
        except CadretrackError as exc:
            return [row.problem_of(exc)]
        sender = loose_key(clean(v["sender"]))
        by = "commune" if sender.startswith(("dang uy", "du ", "dang bo")) else "cadre"
        self.difficulties.append((place, a, day, text, by))
        if place:
            self.follow(place)
        return []

    def _filing_rows(self, listed: list, ids: dict) -> list[dict]:
        known = self.known
        out = []
        for row, p in listed:
            place = clean(row.values["place"])
            if not place or not is_review_row(row):
                continue
            new = ids.get(id(p))
            filing = new or (p.existing.id if p.existing is not None else None)
            earlier = known.get(place)
            if earlier and (earlier.decision, earlier.decided_by, earlier.filing_id) == ("filing", CLERK, filing):
                continue
            out.append({"place": place, "fingerprint": earlier.fingerprint if earlier else "", "decision": "filing",
                        "decided_by": CLERK, "kind": p.item.kind, "year": p.item.year,
                        "assignment_id": p.assignment.id, "filing_id": filing,
                        "produced": new is not None or (earlier is not None and earlier.produced
                                                        and earlier.filing_id == filing)})
        return out

    def any_to_write(self, listed: list) -> bool:
        return bool(self.unrelated or self.difficulties or self.withdrawn or self._filing_rows(listed, {}))

    def counts(self) -> dict[str, int]:
        return {"difficulties": len(self.difficulties), "unrelated": len(self.unrelated),
                "withdrawn": len(self.withdrawn), "replaced": self.replaced}

    def write(self, listed: list, ids: dict, cs: Changeset) -> dict[str, int]:
        """Inside the import's change set: filings withdrawn, difficulties entered, every
        answer remembered."""
        known = self.known
        withdraw_filings(self.db, self.withdrawn, cs)
        rows = self._filing_rows(listed, ids)
        for place in self.unrelated:
            earlier = known.get(place)
            rows.append({"place": place, "fingerprint": earlier.fingerprint if earlier else "",
                         "decision": "unrelated", "decided_by": CLERK})
        for place, a, day, text, by in self.difficulties:
            new_id = add_difficulty(self.db, a, day, by, text, cs)
            if place:
                earlier = known.get(place)
                rows.append({"place": place, "fingerprint": earlier.fingerprint if earlier else "",
                             "decision": "difficulty", "decided_by": CLERK, "assignment_id": a.id,
                             "difficulty_id": new_id})
        remember(self.db, rows, cs)
        return {"difficulties": len(self.difficulties), "register_rows": len(rows),
                **({"withdrawn": len(self.withdrawn)} if self.withdrawn else {}),
                **({"replaced": self.replaced} if self.replaced else {})}
