"""A ledger's units across generations: which gazetteer answers on a date, and what
each old unit became (and each new one was formed from)."""

from __future__ import annotations

import datetime as dt
import functools

from cadretrack.domain.dates import format_date
from cadretrack.domain.gazetteer import Commune, Gazetteer, MatchError
from cadretrack.domain.generations import Generation, Link, ends, generation_of, in_force

# Errors that say the name means no unit (as opposed to several): another generation may know it.
NOT_FOUND = {"commune_unknown", "code_unknown", "unit_mismatch", "commune_not_in_district", "district_unknown"}


class Units:
    """Every unit of a ledger, by generation. `gazetteer` holds all of them in the stable
    order; a ledger of one generation uses it as is."""

    def __init__(self, generations: list[Generation], gazetteer: Gazetteer, links: list[Link] = ()) -> None:
        self.generations = generations or [Generation(1, None)]
        self.all = gazetteer
        self.links = list(links)

    @functools.cached_property
    def _gazetteers(self) -> dict[int, Gazetteer]:
        if len(self.generations) == 1:
            return {self.generations[0].id: self.all}
        groups: dict[int, tuple[list, list]] = {g.id: ([], []) for g in self.generations}
        keys = self.all._keys
        for i, c in enumerate(self.all.communes):
            group = groups.get(generation_of(c.code))
            if group is not None:
                group[0].append(c)
                group[1].append(keys[i] if keys is not None else None)
        return {g: Gazetteer(cs, None if keys is None else ks) for g, (cs, ks) in groups.items()}

    def of(self, generation: int) -> Gazetteer:
        return self._gazetteers[generation]

    def on(self, day: dt.date) -> Gazetteer:
        return self.of(in_force(self.generations, day).id)

    def _order(self, day: dt.date | None, start: dt.date | None, end: dt.date | None) -> list[int]:
        """The generation in force on `day` (the latest without one), then the others in force
        from start to end (every other one without them), latest first."""
        first = in_force(self.generations, day).id if day else self.generations[-1].id
        others = [g.id for g in reversed(self.generations) if g.id != first]
        if start is not None and end is not None:
            others = [g for g in others if self._overlaps(g, start, end)]
        return [first, *others]

    def _overlaps(self, generation: int, start: dt.date, end: dt.date) -> bool:
        g = next(g for g in self.generations if g.id == generation)
        until = ends(self.generations, generation)
        return (g.effective is None or g.effective <= end) and (until is None or until > start)

    def candidates(self, name: str, district: str = "", code: object = "", *, on: dt.date | None = None,
                   start: dt.date | None = None, end: dt.date | None = None) -> list[Commune]:
        """The unit a name means in each generation that may answer, the preferred first.
        Raises the preferred generation's error when none knows it."""
        found: list[Commune] = []
        first_error: MatchError | None = None
        order = self._order(on, start, end)
        for generation in order:
            try:
                found.append(self.of(generation).resolve(name, district, code, suggest=generation == order[0]))
            except MatchError as exc:
                if first_error is None:
                    first_error = exc
                if generation == order[0] and exc.key not in NOT_FOUND:
                    raise
        if not found:
            raise first_error  # type: ignore[misc]
        return found

    def resolve_on(self, day: dt.date, name: str, district: str = "", code: object = "",
                   province: str = "", suggest: bool = True) -> Commune:
        """The unit in force on `day`; a unit of another generation is named in the error."""
        gazetteer = self.on(day)
        try:
            return gazetteer.resolve(name, district, code, province, suggest)
        except MatchError as exc:
            if exc.key not in NOT_FOUND or len(self.generations) == 1:
                raise
            current = in_force(self.generations, day).id
            for g in self.generations:
                if g.id == current:
                    continue
                try:
                    other = self.of(g.id).resolve(name, district, code, suggest=False)
                except MatchError:
                    continue
                raise self._elsewhere(other, day) from None
            raise

    def _elsewhere(self, unit: Commune, day: dt.date) -> MatchError:
        generation = generation_of(unit.code)
        until = ends(self.generations, generation)
        if until is not None and until <= day:
            became = "; ".join(c.label() for c, _ in self.became(unit.code)) or "?"
            return MatchError("commune_abolished", name=unit.label(), date=format_date(until), became=became)
        since = next(g.effective for g in self.generations if g.id == generation)
        return MatchError("commune_not_yet", name=unit.label(), date=format_date(since))

    def became(self, key: str) -> list[tuple[Commune, str]]:
        """The units an old unit became (part of), with "whole" or "part"."""
        return [(self.all.by_code[link.new], link.part) for link in self.links
                if link.old == key and link.new in self.all.by_code]

    def formed_from(self, key: str) -> list[tuple[Commune, str]]:
        """The old units (or parts of them) a new unit was formed from."""
        return [(self.all.by_code[link.old], link.part) for link in self.links
                if link.new == key and link.old in self.all.by_code]

    def abolished_on(self, key: str) -> dt.date | None:
        return ends(self.generations, generation_of(key))
