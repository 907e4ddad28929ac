"""Rule sets in time: which regulation governs each obligation, and whose header a
document carries.

A ledger holds one or more rule sets, each in force from its start until the day before
the next one's. A kind of a rule set is owed in year Y only when its due date in Y falls
within that set's period: the rule by which nothing was owed before 14/12/2022 (the first
set's start is its regulation's own effective date), generalised to successors. Should two
sets both owe a kind of the same key in one year (each due within its own period), the
later set's obligation stands: a year holds one filing per kind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection
from typing import NamedTuple

from cadretrack.domain.names import loose_key
from cadretrack.domain.rules import KindRule, Rules


class RuleSet(NamedTuple):
    id: int
    start: dt.date  # first day of its period
    name: str  # the name it was loaded under (a file name, or the built-in's)
    rules: Rules
    text: str = ""  # its TOML, as loaded


class Owing(NamedTuple):
    """One kind owed in a year under the rule set that governs it."""

    rule: KindRule
    rules: Rules
    due: dt.date  # the last on-time day, after any weekend shift
    basis: str  # "deadline" or "override"
    moved_from: dt.date | None
    start: dt.date  # the governing set's period
    end: dt.date | None


def _month_day(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29/02 in a common year
        return dt.date(year, month, 28)


def next_working_day(day: dt.date, holidays: Collection[dt.date]) -> dt.date:
    while day.weekday() >= 5 or day in holidays:
        day += dt.timedelta(days=1)
    return day


def deadline(rule: KindRule, year: int) -> tuple[dt.date, str]:
    """The last on-time day of a kind in a year, before any weekend shift, and its basis."""
    if year in rule.overrides:
        return rule.overrides[year], "override"
    day = _month_day(year, rule.month, rule.day)
    if rule.before:
        day -= dt.timedelta(days=1)
    return day, "deadline"


def settle(day: dt.date, rules: Rules, holidays: Collection[dt.date]) -> tuple[dt.date, dt.date | None]:
    """The day moved past a weekend or holiday when the rules say so, and where it came from."""
    if not rules.next_working_day:
        return day, None
    moved = next_working_day(day, holidays)
    return moved, (day if moved != day else None)


class Regime:
    """Every rule set of a ledger, oldest first."""

    def __init__(self, sets: list[RuleSet]) -> None:
        if not sets:
            raise ValueError("a ledger holds at least one rule set")
        self.sets = sorted(sets, key=lambda s: s.start)
        self._owing: dict[tuple, list[Owing]] = {}
        self._kinds: dict[tuple, dict[str, KindRule]] = {}

    @classmethod
    def single(cls, rules: Rules, name: str = "") -> "Regime":
        """One rule set, in force from its regulation's own effective date."""
        return cls([RuleSet(1, rules.effective, name or rules.name, rules)])

    def period(self, index: int) -> tuple[dt.date, dt.date | None]:
        """(first day, last day or None) of the index-th set."""
        end = self.sets[index + 1].start - dt.timedelta(days=1) if index + 1 < len(self.sets) else None
        return self.sets[index].start, end

    def on(self, day: dt.date) -> RuleSet:
        """The set in force on `day` (the first, before any began)."""
        current = self.sets[0]
        for s in self.sets[1:]:
            if s.start <= day:
                current = s
        return current

    @property
    def latest(self) -> RuleSet:
        return self.sets[-1]

    def owing(self, year: int, holidays: Collection[dt.date] = ()) -> list[Owing]:
        """The kinds owed in `year`, each under the set whose period holds its due date
        (worked out once per year and holidays: `owes` asks it for every assignment)."""
        key = (year, holidays if isinstance(holidays, frozenset) else frozenset(holidays))
        known = self._owing.get(key)
        if known is None:
            known = self._owing[key] = self._work_out(year, holidays)
        return known

    def _work_out(self, year: int, holidays: Collection[dt.date]) -> list[Owing]:
        found: dict[str, Owing] = {}
        for index, s in enumerate(self.sets):
            start, end = self.period(index)
            for key, rule in s.rules.kinds.items():
                nominal, basis = deadline(rule, year)
                due, moved_from = settle(nominal, s.rules, holidays)
                if start <= due and (end is None or due <= end):
                    found[key] = Owing(rule, s.rules, due, basis, moved_from, start, end)
        return sorted(found.values(), key=lambda o: (o.rule.order, o.due))

    def kinds(self, year: int | None = None, holidays: Collection[dt.date] = ()) -> dict[str, KindRule]:
        """The kinds owed in `year` (in their order), or every kind any set names. (Worked
        out once each: a register asks for every row; the caller must not change it.)"""
        key = (year, holidays if isinstance(holidays, frozenset) else frozenset(holidays))
        known = self._kinds.get(key)
        if known is not None:
            return known
        if year is not None:
            known = {o.rule.kind: o.rule for o in self.owing(year, holidays)}
        else:
            every: dict[str, KindRule] = {}
            for s in self.sets:
                every.update(s.rules.kinds)  # a later set's labels and words win
            known = dict(sorted(every.items(), key=lambda item: item[1].order))
        self._kinds[key] = known
        return known

    def labels(self) -> dict[str, tuple[str, str]]:
        """kind -> (Vietnamese label, English label), of every kind a set names."""
        return {key: (rule.label_vi, rule.label_en) for key, rule in self.kinds().items()}

    def find_kind(self, text: str, year: int | None = None) -> KindRule | None:
        """The kind a clerk names by its key or its label (Vietnamese or English, with or
        without diacritics), among those owed in `year` or named by any set; or by the start
        of one ("báo cáo", "nhận xét", "chương trình") when no other kind starts so."""
        wanted = loose_key(text).replace("_", " ")
        if not wanted:
            return None
        rules = list(self.kinds(year).values())
        for rule in rules:  # the whole name first: the common case, kept cheap
            if wanted in (rule.kind.replace("_", " "), loose_key(rule.label_vi), loose_key(rule.label_en)):
                return rule
        if len(wanted) < 2:
            return None
        starting = [rule for rule in rules if any(
            name.startswith(wanted) for name in (rule.kind.replace("_", " "), loose_key(rule.label_vi),
                                                 loose_key(rule.label_en)))]
        return starting[0] if len(starting) == 1 else None

    def for_documents(self, year: int, as_of: dt.date, holidays: Collection[dt.date] = ()) -> Rules:
        """The rules a document of `year` shows: the header, name and guidance of the set in
        force on the as-of date (or on 31/12 of the year if that is earlier), with the kinds
        owed in the year."""
        shown = self.on(min(as_of, dt.date(year, 12, 31))).rules
        return dataclasses.replace(shown, kinds=self.kinds(year, holidays))

    def first_year(self) -> int:
        """The first year in which anything is owed."""
        year = self.sets[0].start.year
        while not self.owing(year) and year < self.sets[0].start.year + 3:
            year += 1
        return year

    def needs_holidays(self) -> list[str]:
        """The countries whose public holidays move a deadline in some set."""
        return sorted({s.rules.holiday_country for s in self.sets if s.rules.next_working_day})


def as_regime(rules: Rules | Regime) -> Regime:
    return rules if isinstance(rules, Regime) else Regime.single(rules)
