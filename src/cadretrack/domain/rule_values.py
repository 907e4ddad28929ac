"""One reader per type of a rules file's key (domain/rule_keys.py): each turns what tomllib
read into the value the rules hold, or says it is wrong. A key's check (a range, the texts
it may be) is applied here too; only checks across keys (EitherOf) are left to parse_rules."""

from __future__ import annotations

import datetime as dt
import re

from cadretrack.domain.names import clean_lines
from cadretrack.domain.rule_keys import Between, OneOf, RuleKey

_MONTH_DAY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*$")
WRONG = object()  # what a reader returns for a value it refuses


def read_value(key: RuleKey, raw: object) -> object:
    """`raw` read as `key`'s type and checked by its check; WRONG when it is not such a value.
    (The table type's entries are read by `read_entries`.)"""
    value = READERS[key.type](raw)
    if value is WRONG:
        return WRONG
    if isinstance(key.check, Between) and not key.check.low <= value <= key.check.high:
        return WRONG
    if isinstance(key.check, OneOf) and value not in key.check.values:
        return WRONG
    return value


def default_value(key: RuleKey) -> object:
    """The value a key has when the file leaves it out: its default read as its type; None
    when it has none (a required key, one derived from the file, or due/before)."""
    if not key.default:
        return None
    if key.type in ("text",):
        return key.default
    if key.type == "table":
        return {}
    if key.type == "words":
        return ()
    if key.type == "boolean":
        return key.default == "true"
    value = READERS[key.type](int(key.default) if key.type == "integer" else key.default)
    assert value is not WRONG, key
    return value


def read_entries(raw: object) -> tuple[dict[int, dt.date], list[tuple[str, str]]] | None:
    """A table of a year's own dates ({ "2023" = 2023-05-31 }): the entries read and, for
    each one refused, (its year as written, "year = value"). None when `raw` is no table."""
    if not isinstance(raw, dict):
        return None
    read, bad = {}, []
    for year, value in raw.items():
        day = read_date(value)
        if not (str(year).isascii() and str(year).isdigit() and len(str(year)) == 4) or day is None or \
                abs(day.year - int(year)) > 1:  # a year's own deadline falls in it, or next to it
            bad.append((str(year), f"{year} = {value}"))
            continue
        read[int(year)] = day
    return read, bad


def read_string(raw: object) -> object:
    """A text key's value as it is shown: control and invisible characters (a bell, a
    right-to-left override) never reach a table, a letter or a workbook; its line breaks stay
    (a signer's title is written on two lines: "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN")."""
    if not isinstance(raw, str):
        return WRONG
    return raw if raw.isprintable() else clean_lines(raw)


def read_date(raw: object) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str) and len(raw) <= 40:
        from cadretrack.domain.dates import DateError, parse_date

        try:
            return parse_date(raw)
        except DateError:
            return None
    return None


def read_month_day(raw: object) -> tuple[int, int] | None:
    match = _MONTH_DAY.match(raw) if isinstance(raw, str) and len(raw) <= 40 else None
    if not match:
        return None
    day, month = int(match.group(1)), int(match.group(2))
    try:
        dt.date(2024, month, day)  # a leap year accepts 29/02
    except ValueError:
        return None
    return month, day


def read_integer(raw: object) -> object:
    return raw if isinstance(raw, int) and not isinstance(raw, bool) else WRONG


def read_boolean(raw: object) -> object:
    return raw if isinstance(raw, bool) else WRONG


def read_words(raw: object) -> object:
    if not isinstance(raw, list) or not all(isinstance(v, str) and v.strip() for v in raw):
        return WRONG
    return tuple(v.strip() for v in raw)


def _or_wrong(reader):
    return lambda raw: WRONG if (value := reader(raw)) is None else value


READERS = {
    "text": read_string,
    "date": _or_wrong(read_date),
    "month-day": _or_wrong(read_month_day),
    "integer": read_integer,
    "boolean": read_boolean,
    "words": read_words,
    "table": lambda raw: WRONG if (read := read_entries(raw)) is None else read[0],
}
