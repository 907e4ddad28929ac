"""The holidays a rule set needs, computed only when its weekend rule is on."""

from __future__ import annotations

from cadretrack.domain.rules import Rules


def holidays_for(rules: Rules, year: int) -> frozenset:
    if not rules.next_working_day:
        return frozenset()
    from cadretrack.domain.calendar import public_holidays

    return public_holidays(rules.holiday_country, range(year - 1, year + 3))
