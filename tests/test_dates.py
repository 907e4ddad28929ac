import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cadretrack.domain.dates import DateError, format_date, parse_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("10/12/2023", dt.date(2023, 12, 10)),
        ("9/1/2023", dt.date(2023, 1, 9)),
        ("09-12-2023", dt.date(2023, 12, 9)),
        ("09.12.2023", dt.date(2023, 12, 9)),
        (" 31/05/2023 ", dt.date(2023, 5, 31)),
        ("2023-12-10", dt.date(2023, 12, 10)),  # ISO is never day-swapped
        ("2023-01-05", dt.date(2023, 1, 5)),
        (dt.date(2023, 3, 4), dt.date(2023, 3, 4)),
        (dt.datetime(2023, 3, 4, 0, 0), dt.date(2023, 3, 4)),
    ],
)
def test_accepted_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["31/02/2023", "12/13/2023", "2023/12/10", "10/12/23", "", "hôm qua", "45000", 45000.0, None, "29/02/2023"]
)
def test_refused_forms(text):
    with pytest.raises(DateError):
        parse_date(text)


def test_people_read_day_first():
    assert format_date(dt.date(2023, 12, 9)) == "09/12/2023"
    assert format_date(None) == ""


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_round_trip(day):
    assert parse_date(format_date(day)) == day
    assert parse_date(day.isoformat()) == day


@given(st.text(max_size=20))
def test_any_text_is_a_date_or_a_clear_error(text):
    """Any text is either a date that reads back the same once written day first, or a
    DateError naming the text; never another exception, never a guess."""
    try:
        day = parse_date(text)
    except DateError as exc:
        assert str(exc) == text.strip()
        return
    assert parse_date(format_date(day)) == day
    digits = re.findall(r"\d+", text)
    assert str(day.year) in digits and {day.month, day.day} <= {int(d) for d in digits}


@pytest.mark.parametrize("text", ["31/02/2023", "2023-13-01", "12/2023", "09-12-23", "ngày 9", "9/12/2023 25:00x"])
def test_impossible_or_partial_dates_are_refused(text):
    with pytest.raises(DateError):
        parse_date(text)


def test_cell_dates_that_lost_their_format():
    from cadretrack.domain.dates import parse_cell_date

    assert parse_cell_date(45269.0) == dt.date(2023, 12, 9)
    assert parse_cell_date(45269) == dt.date(2023, 12, 9)
    assert parse_cell_date("09/12/2023") == dt.date(2023, 12, 9)
    for bad in (2023, 2023.0, 45269.5, 100000, True):
        with pytest.raises(DateError):
            parse_cell_date(bad)


def test_a_time_after_the_date_is_dropped():
    assert parse_date("15/01/2024 08:30") == dt.date(2024, 1, 15)
    assert parse_date("5/1/2024 8:05:59") == dt.date(2024, 1, 5)
    with pytest.raises(DateError):
        parse_date("31/02/2024 08:30")
