"""A moment a clerk writes: a day ("25/11/2026", every form `parse_date` takes), or a day and
a time ("25/11/2026 08:30"), in local time. A day alone stands for the whole of it."""

from __future__ import annotations

import datetime as dt
import re

from cadretrack.domain.dates import DateError, parse_date

_WITH_TIME = re.compile(r"^(.+?)[,\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def parse_moment(text: str) -> tuple[dt.datetime, dt.datetime]:
    """The first moment the text names and the moment just after its end (naive, local
    time): a day is [00:00, next day 00:00); a minute is [HH:MM, HH:MM + 1 minute)."""
    value = text.strip()
    try:
        return _span(value)
    except OverflowError:  # the last day a calendar holds has no day after it
        raise DateError(value) from None


def _span(value: str) -> tuple[dt.datetime, dt.datetime]:
    match = _WITH_TIME.match(value)
    if match is None:
        day = parse_date(value)
        start = dt.datetime.combine(day, dt.time())
        return start, start + dt.timedelta(days=1)
    day = parse_date(match.group(1).strip())
    hour, minute, second = int(match.group(2)), int(match.group(3)), int(match.group(4) or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateError(value)
    start = dt.datetime.combine(day, dt.time(hour, minute, second))
    return start, start + (dt.timedelta(seconds=1) if match.group(4) else dt.timedelta(minutes=1))
