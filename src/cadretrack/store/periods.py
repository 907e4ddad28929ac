"""The WHERE clauses that rows held over a period share (assignments, members' areas): in
force on some day of (first, last), running to a day or after, one of some values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection


class Where:
    """Clauses and their parameters, joined with AND after a query's own WHERE."""

    def __init__(self, alias: str) -> None:
        self.alias, self.clauses, self.params = alias, [], []

    def period(self, between: tuple[dt.date, dt.date] | None, ending_from: dt.date | None) -> Where:
        a = self.alias
        if between is not None:
            self.clauses.append(f'{a}.start <= ? AND ({a}."end" IS NULL OR {a}."end" >= ?)')
            self.params += [between[1].isoformat(), between[0].isoformat()]
        if ending_from is not None:
            self.clauses.append(f'({a}."end" IS NULL OR {a}."end" >= ?)')
            self.params.append(ending_from.isoformat())
        return self

    def any_of(self, column: str, values: Collection | None) -> Where:
        if values is not None:
            self.clauses.append(f"{self.alias}.{column} IN ({', '.join('?' * len(values))})")
            self.params += list(values)
        return self

    def sql(self) -> str:
        return "".join(f" AND ({c})" for c in self.clauses)
