"""The administrative units and how a typed name resolves to exactly one commune."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from cadretrack.domain.names import (
    COMMUNE_PREFIXES,
    DISTRICT_PREFIXES,
    PROVINCE_PREFIXES,
    exact_key,
    loose_key,
    nearest,
)


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    type: str
    district_code: str
    district: str
    province_code: str
    province: str

    def label(self) -> str:
        """The name with its district (or province), as a clerk tells two apart."""
        return f"{self.name} ({self.district or self.province})"


class MatchError(ValueError):
    """A name that resolves to no unit or to several; carries a message key."""

    def __init__(self, key: str, suggestion: str = "", /, **fields: object) -> None:
        super().__init__(key)
        self.key = key
        self.fields = fields
        self.suggestion = suggestion


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


class _NameIndex(NamedTuple):
    exact: dict  # exact key -> communes
    loose: dict  # loose key -> communes
    names: dict  # loose key -> a display name, for suggestions


class _PlaceIndex(NamedTuple):
    district_exact: dict  # exact key -> {(province code, district code)}
    district_loose: dict
    district_names: dict  # loose key -> a display name
    province_exact: dict  # exact key -> {province code}
    province_loose: dict


class Gazetteer:
    """Indexes of the communes by code, exact key and loose key.

    The name indexes are built on first use (a check by code needs none), from
    keys computed once per distinct name or passed in precomputed from the ledger.
    """

    def __init__(self, communes: list[Commune], keys: list[tuple[str, str]] | None = None) -> None:
        self.communes = communes
        self.by_code = {c.code: c for c in communes}
        self._keys = keys

    @functools.cached_property
    def _names(self) -> "_NameIndex":
        index = _NameIndex(defaultdict(list), defaultdict(list), {})
        keys = self._keys or [
            (exact_key(c.name, COMMUNE_PREFIXES), loose_key(c.name, COMMUNE_PREFIXES)) for c in self.communes
        ]
        for c, (ek, lk) in zip(self.communes, keys):
            index.exact[ek].append(c)
            index.loose[lk].append(c)
            index.names.setdefault(lk, c.name)
        return index

    @functools.cached_property
    def _places(self) -> "_PlaceIndex":
        index = _PlaceIndex(defaultdict(set), defaultdict(set), {}, defaultdict(set), defaultdict(set))
        seen_districts: set = set()
        seen_provinces: set = set()
        for c in self.communes:
            did = (c.province_code, c.district_code)
            if c.district and did not in seen_districts:
                seen_districts.add(did)
                index.district_exact[exact_key(c.district, DISTRICT_PREFIXES)].add(did)
                dk = loose_key(c.district, DISTRICT_PREFIXES)
                index.district_loose[dk].add(did)
                index.district_names.setdefault(dk, c.district)
            if c.province_code not in seen_provinces:
                seen_provinces.add(c.province_code)
                index.province_exact[exact_key(c.province, PROVINCE_PREFIXES)].add(c.province_code)
                index.province_loose[loose_key(c.province, PROVINCE_PREFIXES)].add(c.province_code)
        return index

    @functools.cached_property
    def _loose_by_code(self) -> dict[str, str]:
        return {c.code: k[1] for c, k in zip(self.communes, self._keys or [])}

    def _loose_of(self, commune: Commune) -> str:
        """A commune's loose key: the one stored with the ledger, or computed."""
        return self._loose_by_code.get(commune.code) or loose_key(commune.name, COMMUNE_PREFIXES)

    @property
    def has_districts(self) -> bool:
        return bool(self._places.district_names)

    def districts(self, name: str) -> set[tuple[str, str]]:
        """(province code, district code) of every district the name can mean."""
        found = self._places.district_exact.get(exact_key(name, DISTRICT_PREFIXES))
        if not found:
            found = self._places.district_loose.get(loose_key(name, DISTRICT_PREFIXES))
        if not found:
            near = nearest(loose_key(name, DISTRICT_PREFIXES), self._places.district_names)
            raise MatchError("district_unknown", ", ".join(near), name=name)
        return found

    def is_district(self, name: str) -> bool:
        return bool(
            self._places.district_exact.get(exact_key(name, DISTRICT_PREFIXES))
            or self._places.district_loose.get(loose_key(name, DISTRICT_PREFIXES))
        )

    def provinces(self, name: str) -> set[str]:
        found = self._places.province_exact.get(exact_key(name, PROVINCE_PREFIXES))
        if not found:
            found = self._places.province_loose.get(loose_key(name, PROVINCE_PREFIXES))
        if not found:
            raise MatchError("province_unknown", name=name)
        return found

    def resolve(
        self,
        name: str = "",
        district: str = "",
        code: object = "",
        province: str = "",
        suggest: bool = True,
    ) -> Commune:
        """Exactly one commune for a code and/or a name narrowed by district and province."""
        if code not in ("", None):
            commune = self.by_code.get(normalize_code(code))
            if commune is None:
                raise MatchError("code_unknown", code=str(code))
            if name and loose_key(name, COMMUNE_PREFIXES) != self._loose_of(commune):
                raise MatchError(
                    "code_name_mismatch", code=commune.code, name=name, actual=commune.name
                )
            return commune
        if not name:
            raise MatchError("commune_missing")
        districts = self.districts(district) if district else None
        provinces = self.provinces(province) if province else None

        def narrow(found: list[Commune]) -> list[Commune]:
            return [
                c
                for c in found
                if (districts is None or (c.province_code, c.district_code) in districts)
                and (provinces is None or c.province_code in provinces)
            ]

        found = narrow(self._names.exact.get(exact_key(name, COMMUNE_PREFIXES), []))
        if not found:
            found = narrow(self._names.loose.get(loose_key(name, COMMUNE_PREFIXES), []))
        if not found and not district:
            split = _split_place(name)
            if split is not None:
                try:
                    return self.resolve(split[0], split[1], "", province, suggest=False)
                except MatchError:
                    pass
        if len(found) == 1:
            return found[0]
        if found:
            labels = "; ".join(c.label() for c in sorted(found, key=lambda c: c.code))
            raise MatchError("commune_ambiguous", name=name, candidates=labels)
        suggestion = ""
        if suggest:
            pool = self._names.names
            if districts is not None or provinces is not None:
                pool = {
                    loose_key(c.name, COMMUNE_PREFIXES): c.name
                    for c in narrow(self.communes)
                }
            suggestion = ", ".join(nearest(loose_key(name, COMMUNE_PREFIXES), pool))
        if district and suggestion == "" and self._names.loose.get(loose_key(name, COMMUNE_PREFIXES)):
            elsewhere = self._names.loose[loose_key(name, COMMUNE_PREFIXES)]
            suggestion = "; ".join(c.label() for c in elsewhere)
            raise MatchError("commune_not_in_district", suggestion, name=name, district=district)
        raise MatchError("commune_unknown", suggestion, name=name)
