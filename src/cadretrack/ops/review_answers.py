"""A completed review workbook read back: each row's answer (column Xử lý) applied and
remembered by its place in the book, so that the book imported again never asks again.

`Ghi nhận` records the filing the row describes (ops/register does that part);
`Ghi khó khăn, vướng mắc` enters the document in the difficulties log of its commune,
raised on its Ngày đến; `Không phải văn bản theo Quy định` remembers it as unrelated.
Answering the same way twice changes nothing.
"""

from __future__ import annotations

from cadretrack.domain.dates import DateError, parse_cell_date
from cadretrack.domain.names import clean, loose_key
from cadretrack.errors import CadretrackError, Problem
from cadretrack.ops.followup import in_force
from cadretrack.store.followup import add_difficulty
from cadretrack.store.journal import Changeset
from cadretrack.store.ledger import Ledger
from cadretrack.store.register import Remembered, remember, remembered

CLERK = "clerk"


class Answers:
    def __init__(self, db: Ledger, ctx) -> None:
        self.db = db
        self.ctx = ctx
        self.unrelated: list[str] = []  # places
        self.difficulties: list[tuple[str, object, object, str, str]] = []  # (place, assignment, day, text, by)
        self._known: dict[str, Remembered] | None = None
        self._places: list[str] = []

    def known(self, places: list[str]) -> dict[str, Remembered]:
        wanted = [p for p in places if p]
        if self._known is None or set(wanted) - set(self._places):
            self._places = list(dict.fromkeys(self._places + wanted))
            self._known = remembered(self.db, self._places)
        return self._known

    def take(self, row, answer: str, today) -> list[Problem]:
        """An unrelated or difficulty answer, checked; its problems (none when fine)."""
        v = row.values
        place = clean(v["place"])
        earlier = self.known([place]).get(place)
        if answer == "unrelated":
            if place and not (earlier and (earlier.decision, earlier.decided_by) == ("unrelated", CLERK)):
                self.unrelated.append(place)
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
        return []

    def _filing_rows(self, listed: list, ids: dict) -> list[dict]:
        places = [clean(row.values["place"]) for row, _ in listed]
        known = self.known(places)
        out = []
        for (row, p), place in zip(listed, places):
            if not place:
                continue
            filing = ids.get(id(p)) or (p.existing.id if p.existing is not None else None)
            earlier = known.get(place)
            if earlier and (earlier.decision, earlier.decided_by, earlier.filing_id) == ("filing", CLERK, filing):
                continue
            out.append({"place": place, "fingerprint": earlier.fingerprint if earlier else "", "decision": "filing",
                        "decided_by": CLERK, "kind": p.item.kind, "year": p.item.year,
                        "assignment_id": p.assignment.id, "filing_id": filing})
        return out

    def any_to_write(self, listed: list) -> bool:
        return bool(self.unrelated or self.difficulties or self._filing_rows(listed, {}))

    def write(self, listed: list, ids: dict, cs: Changeset) -> dict[str, int]:
        """Inside the import's change set: difficulties entered, every answer remembered."""
        known = self._known or {}
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
        return {"difficulties": len(self.difficulties), "register_rows": len(rows)}
