"""The rule set (deadlines, the 2023 exception, grace, effective date) as data.

Parsed from TOML into frozen records; the obligation engine reads only these.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field

from cadretrack.errors import CadretrackError, InputProblems, Problem

KINDS = ("program", "report", "evaluation")
FILERS = ("cadre", "commune")
BUILTIN = "rules-26-QD-TU.toml"  # in the package's data folder
_MONTH_DAY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*$")
_HEADER = re.compile(r"^\[\[?\s*([^\]]+?)\s*\]\]?$")
_KEY = re.compile(r'^("[^"]*"|[A-Za-z0-9_\-]+)\s*=')
_INLINE_KEY = re.compile(r'("[^"]*"|[A-Za-z0-9_\-]+)\s*=')


@dataclass(frozen=True)
class KindRule:
    kind: str
    label_vi: str
    label_en: str
    filer: str
    month: int
    day: int
    before: bool  # the month-day is the first late day ("trước ngày 10/12")
    overrides: dict[int, dt.date] = field(default_factory=dict)
    late_start_grace: bool = False


@dataclass(frozen=True)
class Rules:
    name: str
    guidance: str
    effective: dt.date
    grace_days: int
    next_working_day: bool
    holiday_country: str
    kinds: dict[str, KindRule]
    organization: dict[str, str]


def key_lines(text: str) -> dict[tuple[str, str], int]:
    """(table, key) -> line of every `key = value` in TOML text, and (table, "") -> the line
    of each table's header, so that a problem is reported where the clerk wrote it."""
    lines: dict[tuple[str, str], int] = {}
    table = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        header = _HEADER.match(line)
        if header:
            table = ".".join(part.strip().strip('"') for part in header.group(1).split("."))
            lines.setdefault((table, ""), number)
            continue
        key = _KEY.match(line)
        if key:
            name = key.group(1).strip().strip('"')
            lines.setdefault((table, name), number)
            for inner in _INLINE_KEY.findall(line[key.end():]):  # keys of an inline table
                lines.setdefault((f"{table}.{name}" if table else name, inner.strip('"')), number)
    return lines


def parse_rules(text: str, source: str) -> Rules:
    """Rules from TOML text. A syntax error stops the reading (CadretrackError naming its
    line); every other problem is collected, each on its own line, and raised together
    (InputProblems)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise CadretrackError(
            "rules_syntax", path=source, line=match.group(1) if match else "?", reason=str(exc)
        ) from None
    lines = key_lines(text)
    problems: list[Problem] = []

    def fail(table: str, key: str, reason: str, value: object = "", **fields) -> None:
        line = lines.get((table, key)) or lines.get((table, "")) or 1
        problems.append(Problem(reason, fields, file=source, line=line,
                                column=f"{table}.{key}" if table and key else table or key,
                                value="" if value is None else str(value)))

    reg = data.get("regulation")
    if not isinstance(reg, dict):
        fail("regulation", "", "rules_regulation_missing")
        reg = {}
    effective = _date(reg.get("effective"))
    if reg and effective is None:
        fail("regulation", "effective", "rules_effective_invalid", reg.get("effective"))
    grace = reg.get("grace_days", 30)
    if not isinstance(grace, int) or isinstance(grace, bool) or not 0 <= grace <= 366:
        fail("regulation", "grace_days", "rules_grace_invalid", grace)
    nwd = reg.get("next_working_day", False)
    if not isinstance(nwd, bool):
        fail("regulation", "next_working_day", "rules_boolean_invalid", nwd, key="next_working_day")
    kinds_data = data.get("kinds")
    if not isinstance(kinds_data, dict) or not kinds_data:
        fail("kinds", "", "rules_kinds_missing")
        kinds_data = {}
    kinds: dict[str, KindRule] = {}
    for kind, spec in kinds_data.items():
        table = f"kinds.{kind}"
        if kind not in KINDS:
            fail(table, "", "rules_kind_unknown", kind, kind=kind, known=", ".join(KINDS))
            continue
        if not isinstance(spec, dict):
            fail("kinds", kind, "rules_not_table", spec, key=table)
            continue
        filer = spec.get("filer", "cadre")
        if filer not in FILERS:
            fail(table, "filer", "rules_filer_invalid", filer, known=", ".join(FILERS))
        has_due, has_before = "due" in spec, "before" in spec
        month_day = None
        if has_due == has_before:
            fail(table, "due" if has_due else "", "rules_due_or_before")
        else:
            name = "due" if has_due else "before"
            month_day = _month_day(spec[name])
            if month_day is None:
                fail(table, name, "rules_month_day_invalid", spec[name])
        overrides = {}
        for year, value in (spec.get("overrides") or {}).items():
            day = _date(value)
            if not str(year).isdigit() or day is None:
                fail(f"{table}.overrides", str(year), "rules_override_invalid", f"{year} = {value}")
                continue
            overrides[int(year)] = day
        if month_day is None or filer not in FILERS:
            continue
        kinds[kind] = KindRule(
            kind=kind,
            label_vi=str(spec.get("label_vi", kind)),
            label_en=str(spec.get("label_en", kind)),
            filer=filer,
            month=month_day[0],
            day=month_day[1],
            before=has_before,
            overrides=overrides,
            late_start_grace=bool(spec.get("late_start_grace", False)),
        )
    if problems:
        raise InputProblems(source, problems)
    org = data.get("organization") or {}
    return Rules(
        name=str(reg.get("name", "")),
        guidance=str(reg.get("guidance", "")),
        effective=effective,
        grace_days=grace,
        next_working_day=nwd,
        holiday_country=str(reg.get("holiday_country", "VN")),
        kinds={k: kinds[k] for k in KINDS if k in kinds},
        organization={str(k): str(v) for k, v in org.items()},
    )


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        from cadretrack.domain.dates import DateError, parse_date

        try:
            return parse_date(value)
        except DateError:
            return None
    return None


def _month_day(value: object) -> tuple[int, int] | None:
    match = _MONTH_DAY.match(str(value))
    if not match:
        return None
    day, month = int(match.group(1)), int(match.group(2))
    try:
        dt.date(2024, month, day)  # a leap year accepts 29/02
    except ValueError:
        return None
    return month, day
