"""`remind`: overdue and soon-due filings, grouped by who must act, and chasing letters.

Programs and reports are chased from the cadre's home agency; evaluations from the
commune's party committee (đảng ủy xã).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cadretrack.domain.agencies import agency_key, preferred
from cadretrack.domain.criteria import YEARS, Criteria
from cadretrack.domain.names import loose_key, sort_key
from cadretrack.domain.obligations import Status
from cadretrack.domain.rules import Rules
from cadretrack.errors import CadretrackError
from cadretrack.output import Output
from cadretrack.progress import steps
from cadretrack.ops.check import run_check
from cadretrack.reports.summary import unit_words
from cadretrack.store.ledger import Ledger
from cadretrack.store.units import load_generations, load_units


@dataclass
class Recipient:
    kind: str  # "agency", "commune" or "member" (remind --to members)
    name: str
    items: list[Status] = field(default_factory=list)
    # The members in charge of the communes the letter concerns: (name, position, area in words).
    members: list[tuple[str, str, str]] = field(default_factory=list)
    position: str = ""  # a member's, for a member's letter

    @property
    def overdue(self) -> int:
        return sum(i.status == "overdue" for i in self.items)


@dataclass
class Reminders:
    as_of: dt.date
    within: int
    rules: Rules
    recipients: list[Recipient]
    units: str  # the kinds of unit followed, as the letters name them ("xã, phường, thị trấn")
    earlier: tuple[int, int] | None = None  # (year, overdue filings) of the year before, not chased
    to_members: bool = False  # one letter per member in charge, to inform and direct
    stamp: object = None  # domain.provenance.Stamp of the letters' index
    year: int | None = None  # the year chased
    criteria: Criteria = Criteria()  # the kinds and district asked for
    member: str = ""  # the member in charge asked for (remind --member)


def commune_committee(a, units=None, as_of: dt.date | None = None) -> str:
    """The Party committee that answers for the commune's evaluation: after the reform
    abolished the commune, the committee of the unit it went (wholly, else first) into."""
    if units is not None and as_of is not None:
        until = units.abolished_on(a.commune_code)
        successors = units.became(a.commune_code) if until is not None and until <= as_of else []
        if successors:
            unit = next((c for c, part in successors if part == "whole"), successors[0][0])
            place = unit.district or unit.province
            return f"Đảng ủy {unit.name}" + (f", {place}" if place else "")
    place = a.district or a.province
    return f"Đảng ủy {a.commune}" + (f", {place}" if place else "")


MAX_WITHIN = 3660  # ten years ahead: more is a typo, and no calendar reaches 10^20 days


def reminders(db: Ledger, as_of: dt.date, within: int, year: int | None = None,
              criteria: Criteria = Criteria(), to_members: bool = False, member: str = "") -> Reminders:
    """The overdue filings of one year (default: the as-of year) and those due within `within`
    days, within the criteria. Without a year, the overdue filings of the year before are
    counted, not chased: the Board has reported that year, and a letter in December about last
    January's program buries this year's (named with --year, they are chased). Each recipient
    names the members in charge of its communes; `to_members`: one recipient per member in
    charge, with the overdue and late filings of his or her area. `member`: only the communes
    that member is in charge of (as `check --member`)."""
    if not 0 <= within <= MAX_WITHIN:
        raise CadretrackError("within_invalid", value=within)
    from cadretrack.ops.members import member_index

    members = member_index(db)
    if to_members:
        return _to_members(db, as_of, within, members, as_of.year if year is None else year, criteria, member)
    horizon = as_of + dt.timedelta(days=within)
    groups: dict[tuple[str, ...], Recipient] = {}
    units = load_units(db) if len(load_generations(db)) > 1 else None  # successors only after a reform
    report = run_check(db, as_of.year if year is None else year, as_of, status=["overdue", "pending"],
                       criteria=criteria, member=member)
    rules = report.rules
    for item in report.items:
        if item.status == "pending" and item.owed.due > horizon:
            continue
        a = item.owed.assignment
        if rules.kinds[item.owed.kind].filer == "commune":
            key = ("commune", commune_committee(a, units, as_of))
        else:  # one letter to one agency, however its cadres' rows write it
            key = ("agency", agency_key(a.agency)) if a.agency else ("agency", "", a.cadre)
        groups.setdefault(key, Recipient(key[0], key[1] or a.cadre)).items.append(item)
    for key, recipient in groups.items():
        if key[0] == "agency" and key[1]:
            recipient.name = preferred(i.owed.assignment.agency for i in recipient.items)
    agencies = sorted((r for r in groups.values() if r.kind == "agency"), key=lambda r: sort_key(r.name))
    communes = [r for r in groups.values() if r.kind == "commune"]  # already in the check's stable order
    words = unit_words([i for r in groups.values() for i in r.items])
    earlier = None
    if year is None and as_of.year - 1 in YEARS:
        before = run_check(db, as_of.year - 1, as_of, status=["overdue"], criteria=criteria, member=member)
        if before.items:
            earlier = (as_of.year - 1, len(before.items))
    for recipient in groups.values():
        recipient.members = members_in_charge(recipient.items, members, as_of)
    return Reminders(as_of, within, rules, agencies + communes, words, earlier, year=report.year, criteria=criteria,
                     member=member)


def _member_of(item: Status, members, as_of: dt.date):
    """The member in charge of the item's commune now (who directs), else on its due date."""
    code = item.owed.assignment.commune_code
    return members.on(code, as_of) or members.on(code, item.owed.due)


def members_in_charge(items: list[Status], members, as_of: dt.date) -> list[tuple[str, str, str]]:
    """(name, position, area) of each member in charge of the items' communes, in the items'
    order; the area names the districts (or, after the reform, the communes) concerned."""
    found: dict[str, tuple[str, dict]] = {}
    for item in items:
        m = _member_of(item, members, as_of)
        if m is None:
            continue
        a = item.owed.assignment
        found.setdefault(m.member, (m.position, {}))[1].setdefault(a.district or a.commune, None)
    return [(name, position, ", ".join(places)) for name, (position, places) in found.items()]


def _to_members(db: Ledger, as_of: dt.date, within: int, members, year: int, criteria: Criteria,
                member: str = "") -> Reminders:
    """One recipient per member in charge: the year's overdue and late filings of the area's
    communes within the criteria, in the check's order; members with none get no letter."""
    groups: dict[str, Recipient] = {}
    report = run_check(db, year, as_of, status=["overdue", "late"], criteria=criteria, member=member)
    for item in report.items:
        m = _member_of(item, members, as_of)
        if m is None:
            continue
        groups.setdefault(m.member, Recipient("member", m.member, position=m.position)).items.append(item)
    for recipient in groups.values():
        recipient.members = members_in_charge(recipient.items, members, as_of)
    recipients = sorted(groups.values(), key=lambda r: sort_key(r.name))
    words = unit_words([i for r in recipients for i in r.items])
    return Reminders(as_of, within, report.rules, recipients, words, None, year=report.year, criteria=criteria,
                     to_members=True, member=member)


INDEX = "danh-sach-cong-van.xlsx"


@dataclass
class LettersWritten:
    """What `write_letters` did to the folder, for an honest summary."""

    written: list[tuple[Recipient, Path]]
    removed: int  # letters of the earlier run replaced (listed, unchanged)
    kept: list[str]  # files the earlier run listed that were edited since: left in place
    renamed: list[tuple[str, str]]  # (a name a file not ours holds, the name the new file took)
    index: Path

    def __iter__(self):  # (written, removed), as callers unpacked it before
        return iter((self.written, self.removed))


def check_letters(folder: Path, template: Path | None, inputs=(), to_members: bool = False) -> Path:
    """Refuse, before any work, a template that cannot be used or a folder that cannot hold
    the letters (a file, a link, a missing parent, read-only). The members' letters have a
    bundled template of their own."""
    from cadretrack.render.letter_set import check_folder
    from cadretrack.render.letters import template_path

    check_folder(folder, [*inputs, template])
    return template_path(template, to_members)


def write_letters(reminders: Reminders, folder: Path, template: Path | None, today: dt.date,
                  inputs=()) -> LettersWritten:
    """One letter per recipient and an index workbook, in `folder`, as one set: all rendered
    before anything in the folder changes, then swapped in for the earlier run's. Only the
    earlier letters its index lists and nobody changed are replaced; every other file stays."""
    from cadretrack.render import letter_set as sets
    from cadretrack.render.letters import _index, letter_bytes, letters_listed
    from cadretrack.render.sandbox import TemplateEnvironment

    source = check_letters(folder, template, inputs, reminders.to_members)
    wanted = [f"{index:03d}-{slug(recipient.name)}.docx" for index, recipient in enumerate(reminders.recipients, 1)]
    env = TemplateEnvironment()  # the template's parts compiled once, each letter its own budget
    letters = []
    with steps("progress_letters", len(reminders.recipients)) as bar:
        for r in reminders.recipients:  # failures: here, before the folder changes
            letters.append(letter_bytes(reminders, r, source, today, env))
            bar.advance()
    earlier = sets.earlier_set(folder, letters_listed)
    names, renamed = sets.free_names(folder, [*wanted, INDEX], set(earlier.ours))
    names, index_name = names[:-1], names[-1]
    with sets.Staging(folder) as staging:
        digests = {name: staging.write(name, data) for name, data in zip(names, letters)}
        written = [(r, folder / name) for r, name in zip(reminders.recipients, names)]
        staged_index = Output.check(staging.path / index_name).write(
            lambda tmp: _index(reminders, written, tmp, today), note=False)
        sets.write_manifest(staging, (index_name, sets.file_digest(staged_index)), digests)
        sets.swap_in(staging, earlier, [*names, index_name])
    removed = sum(1 for name in earlier.ours if name != earlier.index)
    return LettersWritten(written, removed, earlier.edited, renamed, folder / index_name)


def index_bytes(reminders: Reminders, today: dt.date) -> bytes:
    """The letters' index made again in memory, naming each letter as a set written into an
    empty folder would (verify FILE)."""
    import io

    from cadretrack.render.letters import _index

    names = [f"{index:03d}-{slug(recipient.name)}.docx" for index, recipient in enumerate(reminders.recipients, 1)]
    buffer = io.BytesIO()
    _index(reminders, [(r, Path(name)) for r, name in zip(reminders.recipients, names)], buffer, today)
    return buffer.getvalue()


def slug(text: str) -> str:
    """An ASCII file name part: 'Đảng ủy Xã Hiền Lương' -> 'dang-uy-xa-hien-luong'."""
    return "-".join(loose_key(text).split())[:60] or "noi-nhan"
