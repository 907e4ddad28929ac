"""The holidays a rule set needs, computed only when its weekend rule is on."""

from __future__ import annotations

from cadretrack.domain.regime import Regime, as_regime
from cadretrack.domain.rules import Rules


def holidays_for(rules: Rules | Regime, year: int) -> frozenset:
    """Public holidays around `year` of every country whose holidays move a deadline."""
    countries = as_regime(rules).needs_holidays()
    if not countries:
        return frozenset()
    from cadretrack.domain.calendar import public_holidays

    return frozenset().union(*(public_holidays(c, range(year - 1, year + 3)) for c in countries))
