"""Builds the old→new table of the 2025 reform (src/cadretrack/data/reform-2025.csv).

    pip install vietnamadminunits        # development time only: it pulls shapely, geopy
    python data/make_reform_table.py

Source: the data of the MIT-licensed package `vietnamadminunits`
(https://github.com/tranngocminhhieu/vietnamadminunits, © Hieu Tran), which ships
the NSO's conversion table ("Bảng chuyển đổi ĐVHC mới – cũ") keyed by ASCII names:
`converter_2025.json` (old unit → new unit; split units with each part) and
`dataset.db` (the units of both generations with their codes).

The package's codes are joined to our gazetteers (data/gazetteer/vn-2024.csv and
vn-2025.csv) on the code where the unit's name agrees, else on the name within the
same province (and district): for about a hundred units of 2025 the package still
carries the codes of a draft, and the official list wins. Whatever cannot be joined
is printed, never guessed.

Output columns: old_code, new_code, part ("whole": the old unit went entirely into
the new one; "part": the old unit was split and this is one of its parts).
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cadretrack.domain.names import loose_key  # noqa: E402

GAZETTEERS = ROOT / "data" / "gazetteer"
OUT = ROOT / "src" / "cadretrack" / "data" / "reform-2025.csv"


def _gazetteer(name: str) -> list[dict]:
    with open(GAZETTEERS / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _joiner(rows: list[dict], with_district: bool, trust_codes: bool):
    """A function (code, province code, district name, name) -> our code, or None.

    With `trust_codes`, a code of the same province joins whatever its spelling
    ("Xã Ea H'Đing" / "Xã Ea Hđing"); without, only with the same name."""
    by_code = {int(r["commune_code"]): r for r in rows}
    by_name: dict[tuple, list[int]] = {}
    for r in rows:
        place = (int(r["province_code"]), loose_key(r.get("district", "")) if with_district else "")
        by_name.setdefault((*place, loose_key(r["commune"])), []).append(int(r["commune_code"]))

    def join(code: int, province: int, district: str, name: str) -> int | None:
        ours = by_code.get(code)
        if ours is not None and loose_key(ours["commune"]) == loose_key(name):
            return code
        if trust_codes and ours is not None and int(ours["province_code"]) == province:
            return code
        found = by_name.get((province, loose_key(district) if with_district else "", loose_key(name)), [])
        return found[0] if len(found) == 1 else None

    return join


def main() -> int:
    spec = find_spec("vietnamadminunits")  # found, not imported: its import needs shapely
    if spec is None or not spec.submodule_search_locations:
        print("pip install vietnamadminunits first (development time only)")
        return 2
    package = Path(list(spec.submodule_search_locations)[0]) / "data"
    converter = json.loads((package / "converter_2025.json").read_text("utf-8"))
    db = sqlite3.connect(str(package / "dataset.db"))
    old_join = _joiner(_gazetteer("vn-2024.csv"), with_district=True, trust_codes=True)
    new_join = _joiner(_gazetteer("vn-2025.csv"), with_district=False, trust_codes=False)

    old: dict[str, int | None] = {}
    for pkey, dkey, wkey, code, province, district, ward in db.execute(
        "SELECT provinceKey, districtKey, wardKey, wardCode, provinceCode, district, ward FROM admin_units_legacy"
    ):
        if code is not None:  # island districts without communes
            old[f"{pkey}_{dkey}_{wkey}"] = old_join(int(code), int(province), district, ward)
    new: dict[tuple[str, str], int | None] = {}
    for pkey, wkey, code, province, ward in db.execute(
        "SELECT provinceKey, wardKey, wardCode, provinceCode, ward FROM admin_units"
    ):
        new[(pkey, wkey)] = new_join(int(code), int(province), "", ward)

    rows: set[tuple[int, int, str]] = set()
    unjoined: list[str] = []

    def add(old_key: str, new_key: tuple[str, str], part: str) -> None:
        o, n = old.get(old_key), new.get(new_key)
        if o is None or n is None:
            unjoined.append(f"{old_key} -> {'_'.join(new_key)}")
        else:
            rows.add((o, n, part))

    for province, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward, olds in wards.items():
            for old_key in olds:
                add(old_key, (province, ward), "whole")
    for province, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in olds.items():
            for part in parts:
                add(old_key, (province, part["newWardKey"]), "part")

    with open(OUT, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["old_code", "new_code", "part"])
        writer.writerows(sorted(rows))
    print(f"{len(rows)} rows, {len({r[0] for r in rows})} old units, {len({r[1] for r in rows})} new units -> {OUT}")
    for line in unjoined:
        print("not joined:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
