"""`remind`: overdue and soon-due filings, grouped by who must act, and chasing letters.

Programs and reports are chased from the cadre's home agency; evaluations from the
commune's party committee (đảng ủy xã).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cadretrack.domain.agencies import agency_key, preferred
from cadretrack.domain.names import loose_key, sort_key
from cadretrack.domain.obligations import Status
from cadretrack.domain.rules import Rules
from cadretrack.errors import CadretrackError
from cadretrack.ops.check import run_check
from cadretrack.reports.summary import unit_words
from cadretrack.store.ledger import Ledger
from cadretrack.store.units import load_generations, load_units


@dataclass
class Recipient:
    kind: str  # "agency" or "commune"
    name: str
    items: list[Status] = field(default_factory=list)

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


def reminders(db: Ledger, as_of: dt.date, within: int) -> Reminders:
    """Overdue filings of the as-of year and the year before, and those due within `within` days."""
    if within < 0:
        raise CadretrackError("within_invalid", value=within)
    horizon = as_of + dt.timedelta(days=within)
    groups: dict[tuple[str, ...], Recipient] = {}
    rules = None
    kinds: dict = {}  # of both years: a kind overdue from last year may be owed no more this year
    units = load_units(db) if len(load_generations(db)) > 1 else None  # successors only after a reform
    for year in (as_of.year - 1, as_of.year):
        report = run_check(db, year, as_of, status=["overdue", "pending"])
        rules = report.rules
        kinds.update(rules.kinds)
        for item in report.items:
            if item.status == "pending" and item.owed.due > horizon:
                continue
            a = item.owed.assignment
            if kinds[item.owed.kind].filer == "commune":
                key = ("commune", commune_committee(a, units, as_of))
            else:  # one letter to one agency, however its cadres' rows write it
                key = ("agency", agency_key(a.agency)) if a.agency else ("agency", "", a.cadre)
            groups.setdefault(key, Recipient(key[0], key[1] or a.cadre)).items.append(item)
    for key, recipient in groups.items():
        if key[0] == "agency" and key[1]:
            recipient.name = preferred(i.owed.assignment.agency for i in recipient.items)
    agencies = sorted((r for r in groups.values() if r.kind == "agency"), key=lambda r: sort_key(r.name))
    communes = [r for r in groups.values() if r.kind == "commune"]  # already in the check's stable order
    units = unit_words([i for r in groups.values() for i in r.items])
    return Reminders(as_of, within, dataclasses.replace(rules, kinds=kinds), agencies + communes, units)


INDEX = "danh-sach-cong-van.xlsx"


def check_letters(folder: Path, template: Path | None) -> Path:
    """Refuse, before any work, a template that cannot be used or a folder that is a file."""
    from cadretrack.render.letters import template_path

    if folder.exists() and not folder.is_dir():
        raise CadretrackError("folder_is_file", path=str(folder))
    return template_path(template)


def write_letters(reminders: Reminders, folder: Path, template: Path | None, today: dt.date
                  ) -> tuple[list[tuple[Recipient, Path]], int]:
    """One letter per recipient and an index workbook, in `folder`; the letters an earlier
    run wrote there (as its index lists them) are replaced, nothing else is touched.
    (letters written, earlier letters removed.)"""
    from cadretrack.render.letters import letters_listed, write_index, write_letter

    check_letters(folder, template)
    folder.mkdir(parents=True, exist_ok=True)
    earlier = [folder / name for name in letters_listed(folder / INDEX)
               if "/" not in name and "\\" not in name and name.lower().endswith(".docx")]
    removed = 0
    for path in earlier:
        if path.is_file():
            path.unlink()
            removed += 1
    written = []
    for index, recipient in enumerate(reminders.recipients, start=1):
        path = folder / f"{index:03d}-{slug(recipient.name)}.docx"
        write_letter(reminders, recipient, path, template, today)
        written.append((recipient, path))
    write_index(reminders, written, folder / INDEX, today)
    return written, removed


def slug(text: str) -> str:
    """An ASCII file name part: 'Đảng ủy Xã Hiền Lương' -> 'dang-uy-xa-hien-luong'."""
    return "-".join(loose_key(text).split())[:60] or "noi-nhan"
