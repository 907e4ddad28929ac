"""A rule set (its kinds, deadlines, exceptions, grace, effective date, header) as data.

Parsed from TOML into frozen records; the obligation engine reads only these. A kind is
whatever a rules file names under [kinds.KEY]: its labels, who files it, its deadline,
whether it carries a rating, its earliest plausible date, and the words that recognise
it in a register (and those that rule it out). No list of kinds lives in code.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field

from cadretrack.domain.rule_keys import KIND, keys_of
from cadretrack.domain.toml_text import MAX_NESTING, key_lines, line_key, nesting_too_deep, table_header
from cadretrack.errors import CadretrackError, InputProblems, Problem

FILERS = ("cadre", "commune")
KIND_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
# The keys each table may hold: the one table of rule_keys.
KIND_KEYS = keys_of(KIND)
REGULATION_KEYS = keys_of("regulation")
TABLES = {"regulation", "organization", "kinds"}
# Commands of `record` that are no kind: a kind may not take their names.
RESERVED = {"difficulty", "meeting", "kind"}
BUILTIN = "rules-26-QD-TU.toml"  # in the package's data folder
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
    rating: bool = False  # carries a rating (xếp loại) and a score
    earliest: tuple[int, int, int] = (1, 1, 0)  # (month, day, year offset): no filing of year Y before it
    order: int = 0
    types: tuple[str, ...] = ()  # document types that carry it ("Chương trình")
    codes: tuple[str, ...] = ()  # type codes in a document number ("CTr" of 05-CTr/STC)
    words: tuple[str, ...] = ()  # words that say it whatever the type ("nhận xét")
    hints: tuple[str, ...] = ()  # words that suggest it when the type says nothing ("báo cáo")
    not_words: tuple[str, ...] = ()  # words that rule it out ("6 tháng": not the annual report)

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi

    def earliest_on(self, year: int) -> dt.date:
        """The first day a filing of `year` could plausibly be received."""
        month, day, offset = self.earliest
        return dt.date(year + offset, month, day)


@dataclass(frozen=True)
class Rules:
    name: str
    guidance: str
    effective: dt.date
    grace_days: int
    next_working_day: bool
    holiday_country: str
    kinds: dict[str, KindRule]  # in the rules' order
    organization: dict[str, str]
    short_name: str = ""  # "Quy định số 26-QĐ/TU", for titles

    @property
    def title_name(self) -> str:
        """The regulation as a title names it: its short name, else "Quy định số …" taken
        from its name, else its name."""
        if self.short_name:
            return self.short_name
        match = re.search(r"(Quy định số\s+\S+)", self.name, re.IGNORECASE)
        return match.group(1) if match else self.name


def parse_rules(text: str, source: str) -> Rules:
    """Rules from TOML text. A syntax error stops the reading (CadretrackError naming its
    line); every other problem is collected, each on its own line, and raised together
    (InputProblems)."""
    deep = nesting_too_deep(text)
    if deep is not None:
        raise CadretrackError("rules_too_deep", path=source, line=deep, depth=MAX_NESTING)
    try:
        data = tomllib.loads(text)
    except RecursionError:  # nesting the scan above let through; tomllib still went too deep
        raise CadretrackError("rules_too_deep", path=source, line="?", depth=MAX_NESTING) from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise CadretrackError(
            "rules_syntax", path=source, line=match.group(1) if match else "?", reason=str(exc)
        ) from None
    lines = key_lines(text)
    problems: list[Problem] = []

    def fail(table: str, name: str, reason: str, value: object = "", /, **fields) -> None:
        line = lines.get((table, name)) or lines.get((table, "")) or 1
        problems.append(Problem(reason, fields, file=source, line=line,
                                column=f"{table}.{name}" if table and name else table or name,
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
    for section in set(data) - TABLES:
        fail(section, "", "rules_unknown_key", section, key=section, nearest=_nearest(section, TABLES))
    for key in set(reg) - REGULATION_KEYS:
        fail("regulation", key, "rules_unknown_key", key, key=key, nearest=_nearest(key, REGULATION_KEYS))
    for position, (kind, spec) in enumerate(kinds_data.items()):
        table = f"kinds.{kind}"
        if not KIND_KEY.match(kind) or kind in RESERVED:
            fail(table, "", "rules_kind_key", kind, kind=kind)
            continue
        if not isinstance(spec, dict):
            fail("kinds", kind, "rules_not_table", spec, key=table)
            continue
        for key in set(spec) - KIND_KEYS:
            fail(table, key, "rules_unknown_key", key, key=key, nearest=_nearest(key, KIND_KEYS))
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
        earliest = _month_day(spec.get("earliest", "01/01"))
        if earliest is None:
            fail(table, "earliest", "rules_month_day_invalid", spec.get("earliest"))
        offset = spec.get("earliest_year", 0)
        if not isinstance(offset, int) or isinstance(offset, bool) or not -1 <= offset <= 1:
            fail(table, "earliest_year", "rules_earliest_year_invalid", offset)
        order = spec.get("order", position + 1)
        if not isinstance(order, int) or isinstance(order, bool):
            fail(table, "order", "rules_order_invalid", order)
        flags = {}
        for name in ("late_start_grace", "rating"):
            flags[name] = spec.get(name, False)
            if not isinstance(flags[name], bool):
                fail(table, name, "rules_boolean_invalid", flags[name], key=name)
        lists = {}
        for name in ("types", "codes", "words", "hints", "not_words"):
            value = spec.get(name, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                fail(table, name, "rules_words_invalid", value, key=name)
                value = []
            lists[name] = tuple(v.strip() for v in value)
        if month_day is None or filer not in FILERS or earliest is None:
            continue
        kinds[kind] = KindRule(
            kind=kind,
            # A kind the file gives no label: its key as words ("half year"), never "half_year".
            label_vi=str(spec.get("label_vi") or spec.get("label_en") or kind.replace("_", " ")),
            label_en=str(spec.get("label_en") or spec.get("label_vi") or kind.replace("_", " ")),
            filer=filer,
            month=month_day[0],
            day=month_day[1],
            before=has_before,
            overrides=overrides,
            late_start_grace=flags["late_start_grace"] is True,
            rating=flags["rating"] is True,
            earliest=(earliest[0], earliest[1], offset if isinstance(offset, int) else 0),
            order=order if isinstance(order, int) else position + 1,
            **lists,
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
        kinds=dict(sorted(kinds.items(), key=lambda item: item[1].order)),
        organization={str(k): str(v) for k, v in org.items()},
        short_name=str(reg.get("short_name", "")),
    )


def _nearest(word: str, known: set[str]) -> str:
    import difflib

    found = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.5)
    return found[0] if found else ", ".join(sorted(known))


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


CENTRAL_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
_PROVINCE_WORDS = re.compile(r"^(?:Tỉnh|Thành phố|TP\.?)\s+", re.IGNORECASE)


def province_header(province: str) -> tuple[str, str]:
    """(Party committee, place) a province's documents carry: ("TỈNH ỦY PHÚ THỌ", "Phú Thọ");
    a centrally-run city's committee is a THÀNH ỦY ("THÀNH ỦY HÀ NỘI")."""
    place = _PROVINCE_WORDS.sub("", province.strip())
    city = place in CENTRAL_CITIES or province.strip().lower().startswith("thành phố")
    return f"{'THÀNH ỦY' if city else 'TỈNH ỦY'} {place.upper()}", place


def with_organization(text: str, **values: str) -> str:
    """The rules' TOML text with these keys of [organization] set (the rest as written)."""
    lines = text.splitlines(keepends=True)
    table, seen, out = "", set(), []
    for line in lines:
        header = table_header(line.split("#", 1)[0].strip())
        if header is not None:
            if table == "organization":
                out += [f"{k} = {_toml_string(v)}\n" for k, v in values.items() if k not in seen]
                seen.update(values)
            table = header
        name = line_key(line)
        if table == "organization" and name in values:
            line = f"{name} = {_toml_string(values[name])}\n"
            seen.add(name)
        out.append(line)
    missing = {k: v for k, v in values.items() if k not in seen}
    if missing:
        if table != "organization":
            out.append("\n[organization]\n")
        out += [f"{k} = {_toml_string(v)}\n" for k, v in missing.items()]
    return "".join(out)


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
