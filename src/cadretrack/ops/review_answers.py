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

from cadretrack.domain.book import answer_of
from cadretrack.domain.dates import DateError, format_date, parse_cell_date
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
        self.replaced = 0  # filings superseded by their place's new answer (the same slot)
        self.swapped: set[int] = set()  # id(Prepared): new filings taking the place of a withdrawn one
        self.waiting: list = []  # rows whose Xử lý is blank, that the ledger still awaits an answer for
        self.deleted: list[str] = []  # places the workbook asked about, no longer in it and still awaited

    def check_places(self, rows: list, stamp: tuple[str, set[str]] | None, ledger: str) -> tuple[list[Problem], set]:
        """The problems of the workbook's places, and the rows they rule out (by id). A row
        whose Xử lý is blank is no answer yet: it is only counted (`waiting`, `deleted`). Every
        place answered is then known here, with the filing its earlier answer produced; those
        filings are set aside in the lookup: the new answers take their place."""
        if not rows:
            return [], set()
        if stamp is None or stamp[0] != ledger:
            key = "answers_not_stamped" if stamp is None else "answers_other_ledger"
            return [Problem(key, {"sheet": rows[0].sheet, "value": stamp[0] if stamp else ""},
                            sheet=rows[0].sheet, column=rows[0].labels.get("place", "place"),
                            value=stamp[0] if stamp else "")], {id(r) for r in rows}
        asked = stamp[1]
        blank = [r for r in rows if answer_of(r.values["action"]) == ""]
        rows = [r for r in rows if answer_of(r.values["action"]) != ""]
        present = {clean(r.values["place"]) for r in rows} | {clean(r.values["place"]) for r in blank}
        self.known = remembered(self.db, sorted(asked | present))
        answered = {clean(r.values["place"]) for r in rows}

        def awaits(place: str) -> bool:
            k = self.known.get(place)
            return k is not None and (k.decision, k.decided_by) == ("review", "cadretrack") and place not in answered

        seen: set[str] = set()
        for r in blank:
            place = clean(r.values["place"])
            if place in asked and awaits(place) and place not in seen:
                seen.add(place)
                self.waiting.append(r)
        self.deleted = sorted((p for p in asked if p not in present and awaits(p)), key=_book_order)
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
            self.swapped.add(id(prepared))

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
            return [row.problem("received", "date_future", date=format_date(day))]
        text = clean(v["summary"]) or clean(v["note"])
        if not text:
            return [row.problem("summary", "difficulty_text_missing")]
        try:
            a = in_force(self.db, clean(v["commune"]), clean(v["district"]), v["code"], "", day)
        except CadretrackError as exc:
            return [row.problem_of(exc)]
        sender = loose_key(clean(v["sender"]))
        by = "commune" if sender.startswith(("dang uy", "du ", "dang bo")) else "cadre"
        if by == "cadre" and sender and not _from_the_cadre(clean(v["sender"]), a):
            # The log holds what the cadre or the commune raised: another body's letter is neither.
            return [row.problem("sender", "difficulty_sender_other", sender=clean(v["sender"]), cadre=a.cadre,
                                agency=a.agency or "—", commune=a.commune)]
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

    def counts(self, ready: list) -> dict[str, int]:
        """What the answers did: filings new and replacing one on file (`ready`: the filings to
        save), difficulties logged, rows remembered as unrelated, filings withdrawn with no
        filing in their place, rows still waiting (blank Xử lý, or deleted from the workbook)."""
        replaced = sum(1 for p in ready if p.existing is not None or id(p) in self.swapped)
        swapped = sum(1 for p in ready if id(p) in self.swapped)
        return {"new": len(ready) - replaced, "replaced": replaced, "difficulties": len(self.difficulties),
                "unrelated": len(self.unrelated), "withdrawn": len(self.withdrawn) - swapped,
                "waiting": len(self.waiting), "deleted": len(self.deleted)}

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
        replaced = self.replaced + len(self.swapped & set(ids))
        return {"difficulties": len(self.difficulties), "register_rows": len(rows),
                **({"withdrawn": len(self.withdrawn)} if self.withdrawn else {}),
                **({"replaced": replaced} if replaced else {})}


def _book_order(place: str) -> tuple:
    """`2024#12` before `2024#103`: the year, then Số đến as a number where it is one."""
    year, _, number = place.partition("#")
    head = number.split(" ")[0]
    return (year, int(head) if head.isdigit() else 10**9, place)


def _from_the_cadre(sender: str, a) -> bool:
    """Whether a sender is the assignment's cadre or the cadre's agency ("Sở Tài chính tỉnh
    Hòa Bình", "Đồng chí Nguyễn Văn An")."""
    from cadretrack.domain.agencies import agency_key

    written = agency_key(sender)
    return bool(a.agency and agency_key(a.agency) in written) or loose_key(a.cadre) in loose_key(sender)
