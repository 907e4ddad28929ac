"""The administrative units and how a typed name resolves to exactly one commune."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from cadretrack.domain.generations import official_code
from cadretrack.domain.units import UNIT_EN, Reading, UnitIndex, official_reading, readings, unit_type


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    type: str
    district_code: str
    district: str
    province_code: str
    province: str

    @property
    def official(self) -> str:
        """The official code (`code` is the ledger's key, marked after the first generation)."""
        return official_code(self.code)

    def label(self) -> str:
        """The name with its district (or province), as a clerk tells two apart."""
        return f"{self.name} ({self.district or self.province})"


class MatchError(ValueError):
    """A name that resolves to no unit or to several; carries a message key."""

    def __init__(self, key: str, suggestion: str = "", /, candidates: tuple = (), **fields: object) -> None:
        super().__init__(key)
        self.key = key
        self.fields = fields
        self.suggestion = suggestion
        self.candidates = candidates  # the units an ambiguous name may mean


def normalize_code(value: object) -> str:
    """An official code as the gazetteer writes it: digits, no leading zeros."""
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if text.endswith(".0"):
        text = text[:-2]
    if not (text.isascii() and text.isdigit()):  # "²" is a digit to str.isdigit
        raise MatchError("code_invalid", code=text)
    return str(int(text))


_PLACE_SEPARATORS = re.compile(r"\s*(?:,|\(|\s-\s|\s–\s)\s*")


def _split_place(text: str) -> tuple[str, str] | None:
    """ "Xã Cao Sơn, huyện Đà Bắc" or "Cao Sơn (Đà Bắc)" as (commune, district)."""
    parts = [p.strip(" )") for p in _PLACE_SEPARATORS.split(text, maxsplit=1)]
    if len(parts) == 2 and parts[0] and parts[1]:
        return parts[0], parts[1]
    return None


def commune_reading(commune: Commune) -> Reading:
    """The commune's name as the list writes it: its type and the keys of the rest."""
    return official_reading(commune.name, "commune", commune.type)


MAX_LABELS = 8  # a national list may hold forty "Xã Tân Hòa": name a few, count the rest


def _labels(found: list[Commune]) -> tuple[str, str]:
    """The message key that says what tells the candidates apart, and their labels."""
    found = sorted(found, key=lambda c: (int(c.province_code or 0), int(c.district_code or 0), int(c.official)))
    labels = [f"{c.name} ({c.district})" for c in found]
    key = "commune_ambiguous"
    if not all(c.district for c in found) or len(set(labels)) < len(found):
        labels = [f"{c.name} ({', '.join(p for p in (c.district, c.province) if p)})" for c in found]
        key = "commune_ambiguous_place" if all(c.district for c in found) else "commune_ambiguous_province"
    if len(set(labels)) < len(found):
        labels = [f"{c.name} ({', '.join(p for p in (c.district, c.province, c.official) if p)})" for c in found]
        key = "commune_ambiguous_code"
    text = "; ".join(labels[:MAX_LABELS])
    if len(labels) > MAX_LABELS:
        text += f"; … (+{len(labels) - MAX_LABELS})"
    return key, text


class Gazetteer:
    """Indexes of the communes by code, and of communes, districts and provinces by name.

    The name indexes are built on first use (a check by code needs none), from
    keys computed once per distinct name or passed in precomputed from the ledger.
    """

    def __init__(self, communes: list[Commune], keys: list[tuple[str, str]] | None = None) -> None:
        self.communes = communes
        self.by_code = {c.code: c for c in communes}  # by the ledger's key
        self._by_official: dict[str, list[Commune]] | None = None
        self._keys = keys
        self._district_memo: dict[str, set | MatchError] = {}  # registers name a few districts often

    @functools.cached_property
    def _readings(self) -> dict[str, Reading]:
        """Each commune's reading by code: from the keys stored in the ledger, or computed."""
        if self._keys is None:
            return {c.code: commune_reading(c) for c in self.communes}
        units = {t: unit_type(t, "commune") for t in {c.type for c in self.communes}}
        return {
            c.code: Reading(units[c.type], True, exact, loose) for c, (exact, loose) in zip(self.communes, self._keys)
        }

    def _reading_of(self, commune: Commune) -> Reading:
        return self._readings.get(commune.code) or commune_reading(commune)

    @functools.cached_property
    def _names(self) -> UnitIndex[Commune]:
        index: UnitIndex[Commune] = UnitIndex("commune")
        readings_by_code = self._readings
        for c in self.communes:
            index.add(c, c.name, readings_by_code[c.code])
        return index

    @functools.cached_property
    def _districts(self) -> UnitIndex[tuple[str, str]]:
        index: UnitIndex[tuple[str, str]] = UnitIndex("district")
        seen: set = set()
        for c in self.communes:
            did = (c.province_code, c.district_code)
            if c.district and did not in seen:
                seen.add(did)
                index.add(did, c.district)
        return index

    @functools.cached_property
    def _provinces(self) -> UnitIndex[str]:
        index: UnitIndex[str] = UnitIndex("province")
        seen: set = set()
        for c in self.communes:
            if c.province_code not in seen:
                seen.add(c.province_code)
                index.add(c.province_code, c.province)
        return index

    def districts(self, name: str) -> set[tuple[str, str]]:
        """(province code, district code) of every district the name can mean."""
        known = self._district_memo.get(name)
        if known is None:
            try:
                known = self._district_memo[name] = self._find_districts(name)
            except MatchError as exc:
                known = self._district_memo[name] = exc
        if isinstance(known, MatchError):
            raise known
        return known

    def _find_districts(self, name: str) -> set[tuple[str, str]]:
        found = self._districts.find(name)
        if found.values:
            return set(found.values)
        if found.other_type:
            actual = sorted({self._district_name(d) for d in found.other_type})
            raise MatchError("district_unit_mismatch", "; ".join(actual), name=name,
                             unit=found.written_unit, unit_en=UNIT_EN[found.written_unit])
        raise MatchError("district_unknown", ", ".join(self._districts.suggest(name)), name=name)

    def _district_name(self, did: tuple[str, str]) -> str:
        return next(c.district for c in self.communes if (c.province_code, c.district_code) == did)

    def is_district(self, name: str) -> bool:
        try:
            return bool(self.districts(name))
        except MatchError:
            return False

    def provinces(self, name: str) -> set[str]:
        found = self._provinces.find(name)
        if not found.values:
            raise MatchError("province_unknown", ", ".join(self._provinces.suggest(name)), name=name)
        return set(found.values)

    def province_units(self, name: str) -> list[Commune]:
        """The units of the one province a name or official code means (init --province)."""
        text = name.strip()
        if text.isascii() and text.isdigit():
            codes = {c.province_code for c in self.communes if c.province_code == str(int(text))}
            if not codes:
                raise MatchError("province_unknown", name=name)
        else:
            codes = self.provinces(text)
        if len(codes) > 1:
            labels = sorted({f"{c.province} ({c.province_code})" for c in self.communes if c.province_code in codes})
            raise MatchError("province_ambiguous", name=name, labels="; ".join(labels))
        return [c for c in self.communes if c.province_code in codes]

    def matches(self, name: str, district: str = "") -> list[Commune]:
        """Every commune a name can mean (in the district, when one is given), never raising."""
        keep = None
        if district:
            try:
                wanted = self.districts(district)
            except MatchError:
                return []
            keep = lambda c: (c.province_code, c.district_code) in wanted  # noqa: E731
        return self._names.find(name, keep).values

    def _names_agree(self, name: str, commune: Commune) -> bool:
        """The written name can mean this commune (for a code given with a name)."""
        if name == commune.name:
            return True
        own = self._reading_of(commune)
        return any(
            r.loose == own.loose and (not r.unit or not own.unit or r.unit == own.unit)
            for r in readings(name, "commune")
        )

    def resolve(
        self,
        name: str = "",
        district: str = "",
        code: object = "",
        province: str = "",
        suggest: bool = True,
    ) -> Commune:
        """Exactly one commune for a code and/or a name narrowed by district and province. A
        name of digits alone ("04789", typed into --commune) is a code when a unit has it in
        the district given; otherwise it is a name ("1" in Thành phố Đông Hà is its Phường 1)."""
        if code in ("", None) and name and name.strip().isascii() and name.strip().isdigit():
            try:
                return self.resolve("", district, name.strip(), province, suggest)
            except MatchError:
                pass
        if code not in ("", None):
            if self._by_official is None:
                self._by_official = {}
                for c in self.communes:
                    self._by_official.setdefault(c.official, []).append(c)
            found = self._by_official.get(normalize_code(code), [])
            if name and found:
                found = [c for c in found if self._names_agree(name, c)] or found[:1]
            if not found:
                raise MatchError("code_unknown", code=str(code))
            commune = found[0]
            if name and not self._names_agree(name, commune):
                raise MatchError(
                    "code_name_mismatch", code=commune.official, name=name, actual=commune.name
                )
            if district and commune.district and (commune.province_code, commune.district_code) not in \
                    self.districts(district):
                raise MatchError("code_district_mismatch", code=commune.official, name=commune.name,
                                 district=district, actual=commune.district)
            return commune
        if not name:
            raise MatchError("commune_missing")
        districts = self.districts(district) if district else None
        provinces = self.provinces(province) if province else None

        def keep(c: Commune) -> bool:
            return (districts is None or (c.province_code, c.district_code) in districts) and (
                provinces is None or c.province_code in provinces
            )

        narrowed = districts is not None or provinces is not None
        found = self._names.find(name, keep if narrowed else None)
        if len(found.values) == 1:
            return found.values[0]
        if found.values:
            key, labels = _labels(found.values)
            raise MatchError(key, candidates=tuple(found.values), name=name, labels=labels)
        if not district:
            split = _split_place(name)
            if split is not None:
                try:
                    return self.resolve(split[0], split[1], "", province, suggest=False)
                except MatchError:
                    pass
        if found.other_type:
            _, labels = _labels(found.other_type)
            raise MatchError("unit_mismatch", labels, name=name,
                             unit=found.written_unit, unit_en=UNIT_EN[found.written_unit])
        if narrowed:
            elsewhere = self._names.find(name).values
            if elsewhere:
                _, labels = _labels(elsewhere)
                raise MatchError("commune_not_in_district", labels, name=name, district=district or province)
        suggestion = ""
        if suggest:
            pool = None
            if narrowed:
                pool = {self._reading_of(c).loose: c.name for c in self.communes if keep(c)}
            suggestion = ", ".join(self._names.suggest(name, pool))
        raise MatchError("commune_unknown", suggestion, name=name)
