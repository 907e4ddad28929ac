"""A gazetteer file (the columns of data/gazetteer/*.csv) as Commune records."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from cadretrack.domain.gazetteer import Commune, MatchError, normalize_code
from cadretrack.domain.names import clean
from cadretrack.errors import CadretrackError, InputProblems, Problem
from cadretrack.readers.bundled import bundled_text
from cadretrack.readers.source import read_text_input
from cadretrack.readers.types import Limits

REQUIRED = ("province_code", "province", "commune_code", "commune", "commune_type")
BUILTIN = "hoa-binh-2024.csv"


def builtin_gazetteer_text() -> tuple[str, str]:
    return BUILTIN, bundled_text(BUILTIN)


def csv_text(path: Path) -> tuple[str, str]:
    """(file name, text) of a UTF-8 CSV file, with or without its byte-order mark."""
    return path.name, read_text_input(path, Limits.current().max_bytes)


def read_gazetteer(path: Path | None) -> tuple[str, list[Commune]]:
    """(source name, communes) of the file, or of the built-in Hòa Bình list."""
    name, text = builtin_gazetteer_text() if path is None else csv_text(path)
    return name, parse_gazetteer(name, text)


MAPPING = "reform-2025.csv"  # the old→new table of the 2025 reform, bundled
PARTS = {"whole": "whole", "part": "part", "": "whole", "toàn bộ": "whole", "một phần": "part"}


def read_mapping(path: Path | None) -> tuple[str, list[tuple[str, str, str]]]:
    """(source name, [(old official code, new official code, whole|part)]) of an old→new
    table file, or of the bundled table of the 2025 reform."""
    if path is None:
        name, text = MAPPING, bundled_text(MAPPING)
    else:
        name, text = csv_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in ("old_code", "new_code") if c not in (reader.fieldnames or [])]
    if missing:
        raise CadretrackError("gazetteer_columns", path=name, columns=", ".join(missing))
    pairs, problems = [], []
    for number, row in enumerate(reader, start=2):
        try:
            old, new = normalize_code(row["old_code"]), normalize_code(row["new_code"])
        except MatchError as exc:
            problems.append(Problem(exc.key, exc.fields, row=number, column="old_code/new_code",
                                    value=f"{row['old_code']}/{row['new_code']}"))
            continue
        part = PARTS.get((row.get("part") or "").strip().lower())
        if part is None:
            problems.append(Problem("mapping_part", {}, row=number, column="part", value=row["part"]))
            continue
        pairs.append((old, new, part))
    if problems:
        raise InputProblems(name, problems)
    return name, pairs


def parse_gazetteer(name: str, text: str) -> list[Commune]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise CadretrackError("gazetteer_columns", path=name, columns=", ".join(missing))
    communes: list[Commune] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, row in enumerate(reader, start=2):
        try:
            code = normalize_code(row["commune_code"])
        except MatchError as exc:
            problems.append(
                Problem(exc.key, exc.fields, row=number, column="commune_code", value=row["commune_code"])
            )
            continue
        if code in seen:
            problems.append(Problem("gazetteer_duplicate", {"code": code}, row=number, column="commune_code", value=code))
            continue
        seen.add(code)
        communes.append(
            Commune(
                code=code,
                name=clean(row["commune"]),
                type=clean(row["commune_type"]),
                district_code=clean(row.get("district_code") or ""),
                district=clean(row.get("district") or ""),
                province_code=clean(row["province_code"]),
                province=clean(row["province"]),
            )
        )
    if problems:
        raise InputProblems(name, problems)
    if not communes:
        raise CadretrackError("file_empty", path=name)
    return communes
