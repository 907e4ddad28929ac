"""`check`: every filing owed in a year and its status as of a date."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from cadretrack.domain.criteria import Criteria
from cadretrack.domain.names import loose_key
from cadretrack.domain.members import MemberIndex
from cadretrack.domain.obligations import STATUS_WORDS, STATUSES, Status, count, statuses
from cadretrack.domain.rules import Rules
from cadretrack.errors import CadretrackError, Label
from cadretrack.ops.calendar import holidays_for
from cadretrack.ops.criteria import check_year, select
from cadretrack.ops.ledger import load_regime
from cadretrack.ops.members import resolve_member_ids
from cadretrack.store.assignments import load_assignments
from cadretrack.store.filings import load_filings
from cadretrack.store.ledger import Ledger

@dataclass
class CheckReport:
    year: int
    as_of: dt.date
    rules: Rules  # as the year's documents show them: the header in force, the kinds owed in the year
    counts: dict[str, int]
    items: list[Status]  # the listed ones, in the stable order
    scope: list[Status]  # every filing owed in the scope
    members: MemberIndex | None = None  # who is in charge of each commune when (None: no members)
    stamp: object = None  # domain.provenance.Stamp of a document made from it
    first_year: int = 0  # the first year the rules owe anything in

    def member_of(self, item: Status):
        """The member in charge of the item's commune on its due date, or None."""
        return self.members.on(item.owed.assignment.commune_code, item.owed.due) if self.members else None


def status_words() -> dict[str, str]:
    """Every way a clerk may name a status, by loose key: its code, the words of
    STATUS_WORDS and the headings the tables print for it, in both languages."""
    words = {}
    for code, ws in STATUS_WORDS.items():
        for word in (code, code.replace("_", " "), *ws, *_headings(code)):
            words.setdefault(loose_key(word), code)
    return words


def _commas(word: str) -> int:
    return word.count(",")


def _headings(code: str) -> tuple[str, str]:
    from cadretrack.messages import MESSAGES

    return MESSAGES[f"status_{code}"]


def parse_statuses(text: str | None) -> list[str] | None:
    """Statuses by code or by the words of the tables ("quá hạn", "nop muon"), comma-separated;
    a heading that holds a comma ("Chưa nộp, đã quá hạn") is one status, not two."""
    if not text:
        return None
    words = status_words()
    widest = 1 + max(_commas(word) for code, ws in STATUS_WORDS.items() for word in (*ws, *_headings(code)))
    pieces = [v.strip() for v in text.split(",")]
    found: list[str] = []
    bad: list[str] = []
    i = 0
    while i < len(pieces):
        if not pieces[i]:
            i += 1
            continue
        for j in range(min(len(pieces), i + widest), i, -1):  # the longest run of pieces that names a status
            code = words.get(loose_key(", ".join(pieces[i:j])))
            if code is not None:
                found.append(code)
                i = j
                break
        else:
            bad.append(pieces[i])
            i += 1
    if bad or not found:
        raise CadretrackError("status_invalid", value=", ".join(bad) or text, choices=Label(
            ", ".join(STATUS_WORDS[code][0] for code in STATUSES), ", ".join(STATUSES)))
    return list(dict.fromkeys(found))


def with_shorthands(criteria: Criteria, kinds, district: str, agency: str) -> Criteria:
    """The criteria with the loose keyword filters folded in (each given one wins)."""
    if isinstance(kinds, (list, tuple)):
        kinds = ",".join(kinds)
    given = {k: v for k, v in (("kinds", kinds), ("district", district), ("agency", agency)) if v}
    return dataclasses.replace(criteria, **given) if given else criteria


def run_check(
    db: Ledger,
    year: int,
    as_of: dt.date,
    *,
    status: list[str] | None = None,
    include_all: bool = False,
    criteria: Criteria | None = None,
    kinds: str | list[str] | None = None,
    district: str = "",
    agency: str = "",
    member: str = "",
) -> CheckReport:
    """Every filing owed in `year` within the criteria (counts over them all), the ones of
    the statuses asked for listed. `kinds`, `district` and `agency` are shorthands for those
    criteria (callers written before Criteria)."""
    criteria = with_shorthands(criteria or Criteria(), kinds, district, agency)
    check_year(year)
    regime = load_regime(db)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    chosen = select(db, criteria, regime, first, last)
    holidays = holidays_for(regime, year)
    rules = regime.for_documents(year, as_of, holidays)
    # To the end of the next year: an override may put a year's deadline in the next one.
    assignments = chosen.assignments(load_assignments(db, between=(first, dt.date(year + 1, 12, 31))))
    items = statuses(assignments, load_filings(db, year), regime, year, as_of, holidays)
    if chosen.kinds:
        items = [i for i in items if i.owed.kind in chosen.kinds]
    members = _members(db, year)
    if member:
        in_charge = set(resolve_member_ids(db, member))
        items = [i for i in items if (m := members.on(i.owed.assignment.commune_code, i.owed.due)) is not None
                 and m.member_id in in_charge]

    kind_order = {k: i for i, k in enumerate(rules.kinds)}

    def order(item: Status):  # generation, province, district, commune code, kind, due date
        owed = item.owed
        return (owed.assignment.place, kind_order[owed.kind], owed.due, owed.assignment.start)

    items.sort(key=order)
    listed = status or (list(STATUSES) if include_all else ["overdue", "late", "pending"])
    return CheckReport(
        year=year, as_of=as_of, rules=rules, counts=count(items),
        items=[i for i in items if i.status in listed], scope=items, members=members or None,
        first_year=regime.first_year(),
    )



def _members(db: Ledger, year: int) -> MemberIndex:
    """The division of work over the year and the next (where a year's deadlines may fall)."""
    from cadretrack.ops.members import member_index

    return member_index(db, dt.date(year, 1, 1), dt.date(year + 1, 12, 31))
