"""The rule set (deadlines, the 2023 exception, grace, effective date) as data.

Parsed from TOML into frozen records; the obligation engine reads only these.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources

from cadretrack.errors import CadretrackError

KINDS = ("program", "report", "evaluation")
FILERS = ("cadre", "commune")
BUILTIN = "rules-26-QD-TU.toml"
_MONTH_DAY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*$")


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


def builtin_rules_text() -> str:
    return resources.files("cadretrack").joinpath("data", BUILTIN).read_text("utf-8")


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return 1


def parse_rules(text: str, source: str) -> Rules:
    """Rules from TOML text; CadretrackError naming the line and reason when malformed."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise CadretrackError(
            "rules_syntax", path=source, line=match.group(1) if match else "?", reason=str(exc)
        ) from None

    def fail(key: str, reason_key: str, **fields) -> CadretrackError:
        return CadretrackError(
            "rules_invalid", path=source, line=_line_of(text, key), key=key,
            reason=reason_key.format(**fields),
        )

    reg = data.get("regulation")
    if not isinstance(reg, dict):
        raise fail("[regulation]", "missing [regulation] table")
    effective = _date(reg.get("effective"))
    if effective is None:
        raise fail("effective", "effective must be a date such as 2022-12-14")
    grace = reg.get("grace_days", 30)
    if not isinstance(grace, int) or isinstance(grace, bool) or not 0 <= grace <= 366:
        raise fail("grace_days", "grace_days must be a whole number of days from 0 to 366")
    nwd = reg.get("next_working_day", False)
    if not isinstance(nwd, bool):
        raise fail("next_working_day", "next_working_day must be true or false")
    kinds_data = data.get("kinds")
    if not isinstance(kinds_data, dict) or not kinds_data:
        raise fail("[kinds", "missing [kinds.*] tables")
    kinds: dict[str, KindRule] = {}
    for kind, spec in kinds_data.items():
        if kind not in KINDS:
            raise fail(f"[kinds.{kind}]", "unknown kind {kind}; known: {known}", kind=kind, known=", ".join(KINDS))
        if not isinstance(spec, dict):
            raise fail(f"kinds.{kind}", "must be a table")
        filer = spec.get("filer", "cadre")
        if filer not in FILERS:
            raise fail("filer", "filer must be cadre or commune")
        has_due, has_before = "due" in spec, "before" in spec
        if has_due == has_before:
            raise fail(f"[kinds.{kind}]", "give exactly one of due (last on-time day) or before (first late day)")
        month_day = _month_day(spec["due"] if has_due else spec["before"])
        if month_day is None:
            raise fail("due" if has_due else "before", "a month-day such as \"31/01\" is expected")
        overrides = {}
        for year, value in (spec.get("overrides") or {}).items():
            day = _date(value)
            if not str(year).isdigit() or day is None:
                raise fail(str(year), "overrides map a year to a date: \"2023\" = 2023-05-31")
            overrides[int(year)] = day
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
