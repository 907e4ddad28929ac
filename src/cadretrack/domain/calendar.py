"""Public holidays, from the maintained `holidays` package (Vietnam: Tết included)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def public_holidays(country: str, years: Iterable[int]) -> frozenset[dt.date]:
    import holidays

    return frozenset(holidays.country_holidays(country, years=list(years)).keys())
