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

from cadretrack.domain.rule_keys import KIND, Between, OneOf, keys_in, keys_of
from cadretrack.domain.rule_values import WRONG, default_value, read_entries, read_value
from cadretrack.domain.toml_text import MAX_NESTING, key_lines, line_key, nesting_too_deep, table_header
from cadretrack.errors import CadretrackError, InputProblems, Problem

KIND_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")  # as rules_kind_key says
# The keys each table may hold: the one table of rule_keys.
KIND_KEYS = keys_of(KIND)
REGULATION_KEYS = keys_of("regulation")
TABLES = {"regulation", "organization", "kinds"}
# Commands of `record` that are no kind: a kind may not take their names.
RESERVED = {"difficulty", "meeting", "kind"}
BUILTIN = "rules-26-QD-TU.toml"  # in the package's data folder


@dataclass(frozen=True)
class KindRule:
    """A kind as its [kinds.KEY] table states it: one field per kind key of rule_keys, with
    that table's default (tests/test_rule_schema.py holds them equal)."""

    kind: str  # the table's KEY
    label_vi: str
    label_en: str
    order: int
    filer: str = "cadre"
    due: tuple[int, int] | None = None  # (month, day): the last on-time day
    before: tuple[int, int] | None = None  # (month, day): the first late day ("trước ngày 10/12")
    overrides: dict[int, dt.date] = field(default_factory=dict)
    late_start_grace: bool = False
    rating: bool = False  # carries a rating (xếp loại) and a score
    earliest: tuple[int, int] = (1, 1)  # (month, day): no filing of year Y before it ...
    earliest_year: int = 0  # ... of year Y + this
    types: tuple[str, ...] = ()  # document types that carry it ("Chương trình")
    codes: tuple[str, ...] = ()  # type codes in a document number ("CTr" of 05-CTr/STC)
    words: tuple[str, ...] = ()  # words that say it whatever the type ("nhận xét")
    hints: tuple[str, ...] = ()  # words that suggest it when the type says nothing ("báo cáo")
    not_words: tuple[str, ...] = ()  # words that rule it out ("6 tháng": not the annual report)

    @property
    def month(self) -> int:
        return (self.due or self.before or (12, 31))[0]

    @property
    def day(self) -> int:
        return (self.due or self.before or (12, 31))[1]

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi

    def earliest_on(self, year: int) -> dt.date:
        """The first day a filing of `year` could plausibly be received."""
        month, day = self.earliest
        return dt.date(year + self.earliest_year, month, day)


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
    (InputProblems). Each key is read by its type and check in rule_keys' table."""
    data = _toml(text, source)
    lines = key_lines(text)
    problems: list[Problem] = []

    def fail(table: str, name: str, reason: str, value: object = "", /, **fields) -> None:
        line = lines.get((table, name)) or lines.get((table, "")) or 1
        table, name = _shown(table, 100), _shown(name, 100)  # a 200 KB key is not said back whole
        fields = {k: _shown(v, 100) if isinstance(v, str) else v for k, v in fields.items()}
        problems.append(Problem(reason, fields, file=source, line=line,
                                column=f"{table}.{name}" if table and name else table or name,
                                value=_shown(value)))

    def read_table(table: str, group: str, given: dict) -> dict[str, object] | None:
        """The keys of `group` that `given` (the file's [table]) holds, read and checked,
        with the defaults of those it leaves out; None when one was wrong (said by fail)."""
        values, wrong = {}, False
        for key in keys_in(group):
            names = [n for n in given if n not in keys_of(group)] if key.name == "*" else [key.name]
            for name in names:
                if name not in given:
                    if key.required:
                        fail(table, name, key.error_key, None, key=name, **_check_fields(key))
                        wrong = True
                    values[name] = default_value(key)
                    continue
                value = read_value(key, given[name])
                if key.type == "table" and value is not WRONG:
                    value, bad = read_entries(given[name])
                    for year, shown in bad:
                        fail(f"{table}.{name}", year, key.error_key, shown, key=name)
                    wrong |= bool(bad)
                elif value is WRONG:
                    fail(table, name, key.error_key, given[name], key=name, **_check_fields(key))
                    wrong = True
                values[name] = value
        return None if wrong else values

    reg = data.get("regulation")
    if not isinstance(reg, dict):
        fail("regulation", "", "rules_regulation_missing")
        reg = None
    kinds_data = data.get("kinds")
    if not isinstance(kinds_data, dict) or not kinds_data:
        fail("kinds", "", "rules_kinds_missing")
        kinds_data = {}
    for section in set(data) - TABLES:
        fail(section, "", "rules_unknown_key", section, key=section, nearest=_nearest(section, TABLES))
    for key in set(reg or {}) - REGULATION_KEYS:
        fail("regulation", key, "rules_unknown_key", key, key=key, nearest=_nearest(key, REGULATION_KEYS))
    regulation = read_table("regulation", "regulation", reg) if reg is not None else None
    org = data.get("organization", {})
    if not isinstance(org, dict):
        fail("organization", "", "rules_not_table", org, key="organization")
        org = {}
    organization = read_table("organization", "organization", org)
    kinds: dict[str, KindRule] = {}
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
        values = read_table(table, KIND, spec)
        if not _due_or_before(spec, lambda name: fail(table, name, "rules_due_or_before")) or values is None:
            continue
        kinds[kind] = KindRule(kind=kind, **_derived(kind, position, values))
    if problems:  # in the file's order, as the clerk reads it
        raise InputProblems(source, sorted(problems, key=lambda p: p.line or 0))
    return Rules(
        name=regulation["name"] or "",
        guidance=regulation["guidance"] or "",
        effective=regulation["effective"],
        grace_days=regulation["grace_days"],
        next_working_day=regulation["next_working_day"],
        holiday_country=regulation["holiday_country"],
        kinds=dict(sorted(kinds.items(), key=lambda item: item[1].order)),
        organization=organization,
        short_name=regulation["short_name"] or "",
    )


def _toml(text: str, source: str) -> dict:
    deep = nesting_too_deep(text)
    if deep is not None:
        raise CadretrackError("rules_too_deep", path=source, line=deep, depth=MAX_NESTING)
    try:
        return tomllib.loads(text)
    except RecursionError:  # nesting the scan above let through; tomllib still went too deep
        raise CadretrackError("rules_too_deep", path=source, line="?", depth=MAX_NESTING) from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise CadretrackError(
            "rules_syntax", path=source, line=match.group(1) if match else "?", reason=str(exc)
        ) from None


def _due_or_before(spec: dict, fail) -> bool:
    """The cross-key check of due and before (EitherOf): exactly one of them is given."""
    has_due, has_before = "due" in spec, "before" in spec
    if has_due == has_before:
        fail("due" if has_due else "")
        return False
    return True


def _derived(kind: str, position: int, values: dict) -> dict:
    """A kind's values with those the file left out and that come from the file itself (the
    keys marked derived): a label from the other label, else its key as words ("half
    year", never "half_year"); its order, its place in the file."""
    words = kind.replace("_", " ")
    return {**values,
            "label_vi": values["label_vi"] or values["label_en"] or words,
            "label_en": values["label_en"] or values["label_vi"] or words,
            "order": position + 1 if values["order"] is None else values["order"]}


def _check_fields(key) -> dict:
    """The fields a key's error message may name: the texts it may be, its range."""
    if isinstance(key.check, OneOf):
        return {"known": ", ".join(key.check.values)}
    if isinstance(key.check, Between):
        return {"low": key.check.low, "high": key.check.high}
    return {}


def _shown(value: object, limit: int = 200) -> str:
    """A value as a problem shows it: at most `limit` characters of it."""
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _nearest(word: str, known: set[str]) -> str:
    import difflib

    found = difflib.get_close_matches(word[:100], sorted(known), n=1, cutoff=0.5)
    return found[0] if found else ", ".join(sorted(known))


CENTRAL_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")


def _province_words() -> re.Pattern:
    """A province's unit word at the start of its name, every spelling the vocabulary has
    ("Tỉnh", "T.", "Thành phố", "TP", "TP.")."""
    from cadretrack.domain.units import PROVINCE_WORDS

    spellings = sorted({s for forms in PROVINCE_WORDS.values() for s in forms}, key=len, reverse=True)
    # An abbreviation with its dot counts only with it ("T. Hòa Bình"); others may take one ("TP.").
    words = "|".join(re.escape(s).replace(r"\ ", r"\s+") + ("" if s.endswith(".") else r"\.?") for s in spellings)
    return re.compile(rf"^(?:{words})\s+", re.IGNORECASE)


_PROVINCE_WORDS = _province_words()


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
