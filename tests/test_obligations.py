"""The obligation engine, rule by rule, then against a plain restatement on random ledgers."""

import datetime as dt
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadretrack.domain.calendar import public_holidays
from cadretrack.domain.obligations import Filing, owed, statuses
from cadretrack.domain.rules import BUILTIN, parse_rules
from cadretrack.readers.bundled import bundled_text

RULES = parse_rules(bundled_text(BUILTIN), "built-in")
D = dt.date


@dataclass(frozen=True)
class A:
    id: int
    commune_code: str
    start: dt.date
    end: dt.date | None = None


def one(assignments, filings, kind, year, as_of, rules=RULES):
    found = [s for s in statuses(assignments, filings, rules, year, as_of) if s.owed.kind == kind]
    return found


def status(kind, due_year, filed, as_of, assignment=A(1, "1", D(2022, 12, 14))):
    filings = [Filing(1, assignment.id, kind, due_year, filed)] if filed else []
    (item,) = one([assignment], filings, kind, due_year, as_of)
    return item.status, item.owed.due, item.days_late


@pytest.mark.parametrize(
    "kind, year, filed, as_of, expected, due, days",
    [
        # Program 2023: the year's exception, by 31/05/2023.
        ("program", 2023, D(2023, 5, 31), D(2023, 12, 31), "on_time", D(2023, 5, 31), None),
        ("program", 2023, D(2023, 6, 1), D(2023, 12, 31), "late", D(2023, 5, 31), 1),
        ("program", 2023, None, D(2023, 5, 31), "pending", D(2023, 5, 31), None),
        ("program", 2023, None, D(2023, 6, 1), "overdue", D(2023, 5, 31), 1),
        # Program from 2024: by 31/01.
        ("program", 2024, D(2024, 1, 31), D(2024, 12, 31), "on_time", D(2024, 1, 31), None),
        ("program", 2024, D(2024, 2, 1), D(2024, 12, 31), "late", D(2024, 1, 31), 1),
        ("program", 2024, D(2023, 12, 20), D(2024, 1, 5), "on_time", D(2024, 1, 31), None),
        # Report and evaluation: "before 10/12", so 09/12 is the last on-time day.
        ("report", 2023, D(2023, 12, 9), D(2023, 12, 31), "on_time", D(2023, 12, 9), None),
        ("report", 2023, D(2023, 12, 10), D(2023, 12, 31), "late", D(2023, 12, 9), 1),
        ("evaluation", 2023, D(2023, 12, 9), D(2023, 12, 31), "on_time", D(2023, 12, 9), None),
        ("evaluation", 2023, D(2023, 12, 10), D(2023, 12, 31), "late", D(2023, 12, 9), 1),
        ("report", 2023, None, D(2023, 12, 9), "pending", D(2023, 12, 9), None),
        ("report", 2023, None, D(2023, 12, 10), "overdue", D(2023, 12, 9), 1),
        ("evaluation", 2024, None, D(2025, 1, 8), "overdue", D(2024, 12, 9), 30),
        # A filing dated after the as-of date does not count yet.
        ("report", 2023, D(2023, 12, 5), D(2023, 12, 4), "pending", D(2023, 12, 9), None),
        ("report", 2023, D(2023, 12, 15), D(2023, 12, 12), "overdue", D(2023, 12, 9), 3),
        ("report", 2023, D(2023, 12, 15), D(2023, 12, 15), "late", D(2023, 12, 9), 6),
    ],
)
def test_deadlines_and_statuses(kind, year, filed, as_of, expected, due, days):
    assert status(kind, year, filed, as_of) == (expected, due, days)


def test_nothing_is_owed_before_the_regulation_took_effect():
    a = A(1, "1", D(2020, 1, 1))
    assert owed([a], RULES, 2022) == []  # 09/12/2022 precedes 14/12/2022
    assert owed([a], RULES, 2021) == []
    assert {o.kind for o in owed([a], RULES, 2023)} == {"program", "report", "evaluation"}


def test_change_of_hands_before_the_due_date_moves_the_obligation():
    old = A(1, "1", D(2022, 12, 14), D(2023, 10, 14))
    new = A(2, "1", D(2023, 10, 15))
    items = owed([old, new], RULES, 2023)
    by_kind = {(o.kind, o.assignment.id) for o in items}
    assert ("program", 1) in by_kind  # in force on 31/05/2023
    assert ("report", 1) not in by_kind and ("evaluation", 1) not in by_kind
    assert ("report", 2) in by_kind and ("evaluation", 2) in by_kind
    # The successor started after the program deadline: a program with grace.
    (grace,) = [o for o in items if o.kind == "program" and o.assignment.id == 2]
    assert grace.due == D(2023, 11, 14) and grace.basis == "grace"


def test_change_of_hands_after_the_due_date_leaves_it_with_the_predecessor():
    old = A(1, "1", D(2022, 12, 14), D(2023, 12, 10))
    new = A(2, "1", D(2023, 12, 11))
    items = owed([old, new], RULES, 2023)
    assert {(o.kind, o.assignment.id) for o in items} == {
        ("program", 1), ("report", 1), ("evaluation", 1), ("program", 2)}


def test_change_of_hands_on_the_due_date():
    # The successor is in force on 09/12 and owes the report; the predecessor ended on 08/12.
    old = A(1, "1", D(2022, 12, 14), D(2023, 12, 8))
    new = A(2, "1", D(2023, 12, 9))
    items = owed([old, new], RULES, 2023)
    assert ("report", 2) in {(o.kind, o.assignment.id) for o in items}
    assert ("report", 1) not in {(o.kind, o.assignment.id) for o in items}


def test_late_starters_grace_period_statuses():
    a = A(7, "1", D(2024, 3, 1))
    due = D(2024, 3, 31)
    assert status("program", 2024, D(2024, 3, 31), D(2024, 12, 31), a) == ("on_time", due, None)
    assert status("program", 2024, D(2024, 4, 1), D(2024, 12, 31), a) == ("late", due, 1)
    assert status("program", 2024, None, D(2024, 3, 31), a) == ("pending", due, None)
    assert status("program", 2024, None, D(2024, 4, 2), a) == ("overdue", due, 2)


def test_a_starter_before_the_deadline_has_no_grace():
    a = A(1, "1", D(2024, 1, 20))
    (program,) = [o for o in owed([a], RULES, 2024) if o.kind == "program"]
    assert program.due == D(2024, 1, 31) and program.basis == "deadline"


def test_a_cadre_following_two_communes_owes_for_each():
    a, b = A(1, "1", D(2022, 12, 14)), A(2, "2", D(2022, 12, 14))
    filings = [Filing(1, 1, "report", 2023, D(2023, 12, 1))]
    got = {(s.owed.assignment.commune_code, s.status) for s in one([a, b], filings, "report", 2023, D(2023, 12, 31))}
    assert got == {("1", "on_time"), ("2", "overdue")}


def test_assignment_ended_before_the_year_owes_nothing():
    assert owed([A(1, "1", D(2022, 12, 14), D(2023, 12, 31))], RULES, 2024) == []


def test_the_weekend_rule_is_off_by_default_and_moves_deadlines_when_on():
    assert status("report", 2023, D(2023, 12, 11), D(2023, 12, 31))[0] == "late"  # 09/12/2023 was a Saturday
    text = bundled_text(BUILTIN).replace("next_working_day = false", "next_working_day = true")
    rules = parse_rules(text, "weekend")
    hol = public_holidays("VN", [2023, 2024, 2025])
    a = A(1, "1", D(2022, 12, 14))
    (item,) = [s for s in statuses([a], [Filing(1, 1, "report", 2023, D(2023, 12, 11))], rules, 2023, D(2023, 12, 31), hol)
               if s.owed.kind == "report"]
    assert item.owed.due == D(2023, 12, 11) and item.owed.moved_from == D(2023, 12, 9) and item.status == "on_time"
    # 31/01/2025 fell in the Tết holiday (28/01–01/02/2025): the program moves to Monday 03/02.
    (program,) = [o for o in owed([a], rules, 2025, hol) if o.kind == "program"]
    assert program.due == D(2025, 2, 3)


# A plain restatement of the brief, checked against the engine on random ledgers.
FIRST_LATE = {"report": (12, 10), "evaluation": (12, 10)}


def restated(assignments, filings, year, as_of):
    out = set()
    for kind in ("program", "report", "evaluation"):
        if kind == "program":
            last = D(2023, 5, 31) if year == 2023 else D(year, 1, 31)
        else:
            last = D(year, *FIRST_LATE[kind]) - dt.timedelta(days=1)
        if last < D(2022, 12, 14):
            continue  # the first year is 2023, late starters of 2022 included
        for a in assignments:
            due = None
            if a.start <= last and (a.end is None or last <= a.end):
                due = last
            elif kind == "program" and a.start > last and a.start.year == year:
                due = a.start + dt.timedelta(days=30)
            if due is None or due < D(2022, 12, 14):
                continue
            f = next((f for f in filings if (f.assignment_id, f.kind, f.year) == (a.id, kind, year)), None)
            if f is not None and f.filed <= as_of:
                s = "on_time" if f.filed <= due else "late"
            else:
                s = "overdue" if as_of > due else "pending"
            out.add((a.id, kind, due, s))
    return out


@st.composite
def ledgers(draw):
    year = draw(st.integers(2022, 2026))
    assignments = []
    for code in range(draw(st.integers(1, 4))):
        day = D(2022, 12, 14) + dt.timedelta(days=draw(st.integers(0, 900)))
        for _ in range(draw(st.integers(1, 3))):
            length = draw(st.one_of(st.none(), st.integers(1, 500)))
            end = None if length is None else day + dt.timedelta(days=length)
            assignments.append(A(len(assignments) + 1, str(code), day, end))
            if end is None:
                break
            day = end + dt.timedelta(days=1)
    filings = []
    for a in assignments:
        for kind in ("program", "report", "evaluation"):
            if draw(st.booleans()):
                filed = D(year, 1, 1) + dt.timedelta(days=draw(st.integers(-60, 420)))
                filings.append(Filing(len(filings) + 1, a.id, kind, year, filed))
    as_of = D(year, 1, 1) + dt.timedelta(days=draw(st.integers(-30, 430)))
    return assignments, filings, year, as_of


@settings(max_examples=300, deadline=None)
@given(ledgers())
def test_engine_agrees_with_a_plain_restatement(ledger):
    assignments, filings, year, as_of = ledger
    got = {(s.owed.assignment.id, s.owed.kind, s.owed.due, s.status)
           for s in statuses(assignments, filings, RULES, year, as_of)}
    assert got == restated(assignments, filings, year, as_of)
