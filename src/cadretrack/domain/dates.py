"""Strict parsing of the dates a clerk writes: day first, never a guess."""

from __future__ import annotations

import datetime as dt
import re

# A time after the date ("15/01/2024 08:30", as e-office systems export the date received) is dropped.
_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?)?$")


class DateError(ValueError):
    """The text is not a date in any accepted form, or names an impossible day."""


def parse_date(value: object) -> dt.date:
    """A date from a spreadsheet cell or typed text.

    Native date cells first, then dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy,
    dd.mm.yyyy), then ISO yyyy-mm-dd. Slashed dates are always day first and an
    impossible day (31/02/2023) raises DateError.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise DateError(str(value))
    text = value.strip()
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DAY_FIRST.match(text)
        if not match:
            raise DateError(text)
        day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(text) from None


EXCEL_EPOCH = dt.date(1899, 12, 30)


def parse_cell_date(value: object) -> dt.date:
    """A date from a spreadsheet cell: as parse_date, and also a date cell that lost its
    format and shows its serial number (36526–73050: the years 2000–2099)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 36526 <= value < 73051 and float(value).is_integer():
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise DateError(str(value))
    return parse_date(value)


def format_date(day: dt.date | None) -> str:
    """dd/mm/yyyy for people; empty for no date."""
    return day.strftime("%d/%m/%Y") if day else ""


_MOMENT = re.compile(r"^(.+?)(?:[ T,]+(\d{1,2}):(\d{2}))?$")


def parse_moment(value: str) -> dt.datetime:
    """A moment as a clerk writes it, in local wall-clock time (naive): "dd/mm/yyyy HH:MM"
    is the end of that minute, a date alone the end of that day (ISO dates and times too).
    The caller places it in the machine's time zone."""
    text = str(value).strip()
    match = _MOMENT.match(text)
    if not match:
        raise DateError(text)
    day = parse_date(match.group(1).strip())
    if match.group(2) is None:
        return dt.datetime.combine(day, dt.time(23, 59, 59))
    hour, minute = int(match.group(2)), int(match.group(3))
    if hour > 23 or minute > 59:
        raise DateError(text)
    return dt.datetime.combine(day, dt.time(hour, minute, 59))
