"""Property-based: every key of a rules file is read by its type and check from the one
table (domain/rule_keys.py). A wrong value of any key gives exactly one problem, naming
that key and its line, never a traceback; a valid random rules file round-trips through
`rules --format toml` unchanged."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadretrack.domain.rule_keys import KIND, RULE_KEYS, Between, OneOf, RuleKey
from cadretrack.domain.rule_values import read_date, read_month_day
from cadretrack.domain.rules import parse_rules
from cadretrack.errors import InputProblems
from cadretrack.render.rules_toml import commented_rules

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
WORD = TEXT.filter(lambda s: s.strip())


def toml(value: object) -> str:
    """A value as a TOML file writes it (inline)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(str(k), ensure_ascii=False)} = {toml(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def month_day(draw) -> str:
    day = dt.date(2024, 1, 1) + dt.timedelta(days=draw(st.integers(0, 365)))
    return draw(st.sampled_from([f"{day.day:02d}/{day.month:02d}", f"{day.day}/{day.month}", f"{day.day}-{day.month}"]))


@st.composite
def valid_value(draw, key: RuleKey):
    """A random value `key` accepts."""
    if isinstance(key.check, OneOf):
        return draw(st.sampled_from(key.check.values))
    if isinstance(key.check, Between):
        return draw(st.integers(key.check.low, key.check.high))
    if key.type == "month-day":
        return month_day(draw)
    return draw({
        "text": TEXT,
        "date": st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)),
        "integer": st.integers(-10**6, 10**6),
        "boolean": st.booleans(),
        "words": st.lists(WORD, max_size=4),
        # A year's own deadline: in that year (the rules refuse one in another).
        "table": st.dictionaries(st.integers(1990, 2100), st.integers(0, 364), max_size=3).map(
            lambda days: {str(y): dt.date(y, 1, 1) + dt.timedelta(days=n) for y, n in days.items()}),
    }[key.type])


SCALARS = st.one_of(st.integers(-10**30, 10**30), st.booleans(), st.floats(allow_nan=False, allow_infinity=False),
                    st.dates(), TEXT, st.lists(st.integers(), max_size=3), st.dictionaries(WORD, st.integers(), max_size=2))


@st.composite
def wrong_value(draw, key: RuleKey):
    """A random value `key` refuses: of another type, or out of its check."""
    if key.type == "text":
        if isinstance(key.check, OneOf):
            return draw(SCALARS.filter(lambda v: v not in key.check.values))
        return draw(SCALARS.filter(lambda v: not isinstance(v, str)))
    if key.type == "integer":
        if isinstance(key.check, Between) and draw(st.booleans()):
            return draw(st.one_of(st.integers(max_value=key.check.low - 1), st.integers(min_value=key.check.high + 1)))
        return draw(SCALARS.filter(lambda v: not isinstance(v, int) or isinstance(v, bool)))
    if key.type == "boolean":
        return draw(SCALARS.filter(lambda v: not isinstance(v, bool)))
    if key.type == "date":
        return draw(SCALARS.filter(lambda v: not isinstance(v, dt.date) and read_date(v) is None))
    if key.type == "month-day":
        return draw(SCALARS.filter(lambda v: read_month_day(v) is None))
    if key.type == "words":
        return draw(st.one_of(SCALARS.filter(lambda v: not isinstance(v, list)),
                              st.lists(st.one_of(st.integers(), st.just(" "), st.just("")), min_size=1, max_size=3)))
    assert key.type == "table"
    return draw(st.one_of(st.integers(), TEXT, st.booleans(), st.lists(st.integers(), max_size=2)))


def base_values(draw) -> dict[tuple[str, str], object]:
    """(table, key) -> value of a valid file: every key given, one kind."""
    values = {}
    for key in RULE_KEYS:
        if key.name == "before":
            continue  # the kind gives due
        table = "kinds.report" if key.table == KIND else key.table
        values[table, "board" if key.name == "*" else key.name] = draw(valid_value(key))
    return values


def write(values: dict[tuple[str, str], object]) -> tuple[str, dict[tuple[str, str], int]]:
    """The file's text and the line of each key."""
    lines, at, table = [], {}, None
    for (name_table, name), value in values.items():
        if name_table != table:
            lines += ["", f"[{name_table}]"]
            table = name_table
        lines.append(f"{name} = {toml(value)}")
        at[name_table, name] = len(lines)
    return "\n".join(lines) + "\n", at


@pytest.mark.parametrize("key", RULE_KEYS, ids=lambda k: f"{k.table}.{k.name}")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_a_wrong_value_of_any_key_is_one_problem_naming_the_key_and_its_line(key, data):
    values = base_values(data.draw)
    table = "kinds.report" if key.table == KIND else key.table
    name = "board" if key.name == "*" else key.name
    if name == "before":  # the kind gives before instead of due
        values = {(t, n) if n != "due" else (t, "before"): v for (t, n), v in values.items()}
    values[table, name] = data.draw(wrong_value(key))
    text, at = write(values)
    with pytest.raises(InputProblems) as raised:
        parse_rules(text, "quy-dinh.toml")
    problems = raised.value.problems
    assert len(problems) == 1, [(p.key, p.column, p.line) for p in problems]
    assert problems[0].key == key.error_key
    assert problems[0].column.startswith(f"{table}.{name}") and problems[0].line == at[table, name]
    assert len(problems[0].message()) < 400  # a huge value is not said back whole


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_valid_random_rules_file_reads_the_same_from_rules_format_toml(data):
    text, _ = write(base_values(data.draw))
    for lang in ("vi", "en"):
        from cadretrack.i18n import set_lang

        set_lang(lang)
        assert parse_rules(commented_rules(text, ""), "again.toml") == parse_rules(text, "given.toml")
    set_lang("vi")


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_init_rules_then_rules_format_toml_then_rules_set_keeps_the_rules(tmp_path_factory, data):
    from conftest import Cli

    values = base_values(data.draw)
    values["regulation", "effective"] = dt.date(2022, 12, 14)
    text, _ = write(values)
    folder = tmp_path_factory.mktemp("rt")
    given_file = folder / "given.toml"
    given_file.write_text(text, "utf-8")
    first = Cli(folder / "first.db")
    first.ok("init", "--rules", given_file)
    printed = first.ok("rules", "--format", "toml", lang="vi").stdout
    assert parse_rules(printed, "printed") == parse_rules(text, "given")
    again = folder / "printed.toml"
    again.write_text(printed, "utf-8")
    second = Cli(folder / "second.db")
    second.ok("init", "--rules", again)
    assert second.ok("rules", "--format", "toml", lang="vi").stdout == printed
    first.ok("rules", "set", again, "--effective", "01/01/2030", "--dry-run")


def builtin() -> str:
    from importlib.resources import files

    return files("cadretrack").joinpath("data", "rules-26-QD-TU.toml").read_text("utf-8")


@pytest.mark.parametrize("change, line_key", [
    # Each of these was a traceback before the keys were read by their type.
    (lambda b: b.replace(b[b.index("[regulation]"):b.index("\n[organization]")], "[regulation]\n"), "regulation.effective"),
    (lambda b: b.replace('overrides = { "2023" = 2023-05-31 }', "overrides = 5"), "kinds.program.overrides"),
    (lambda b: b.replace('overrides = { "2023" = 2023-05-31 }', 'overrides = { "²" = 2023-05-31 }'),
     "kinds.program.overrides.²"),
    (lambda b: "organization = 5\n" + b.replace("[organization]", "[organization_old]").split("[organization_old]")[0]
     + "[kinds.program]" + b.split("[kinds.program]", 1)[1], "organization"),
    (lambda b: b.replace("grace_days = 30", "grace_days = " + "9" * 400), "regulation.grace_days"),
    (lambda b: b.replace('label_vi = "Báo cáo năm"', 'label_vi = ["' + "y" * 200_000 + '"]'), "kinds.report.label_vi"),
    # A 200 KB key, of a kind or of a table, is named in a line, not said back whole.
    (lambda b: b.replace("[kinds.report]", "[kinds." + "a" * 200_000 + "]"), "kinds.aaaaaaaaaa"),
    (lambda b: b.replace("grace_days = 30", "g" * 200_000 + " = 30"), "regulation.gggggggggg"),
])
def test_a_hostile_rules_file_is_one_sentence_per_wrong_key_and_nothing_written(cli, tmp_path, change, line_key):
    path = tmp_path / "quy-dinh.toml"
    path.write_text(change(builtin()), "utf-8")
    err = cli.refused("init", "--rules", path, lang="vi")
    assert line_key in err and "Traceback" not in err and len(err) < 5000, err[-3000:]
    assert not cli.db.exists()


def test_a_deadline_override_in_another_year_is_refused():
    """{ "2023" = 2019-05-31 } made every 2023 program stop being owed, without a word."""
    from cadretrack.domain.rules import BUILTIN, parse_rules
    from cadretrack.errors import InputProblems
    from cadretrack.readers.bundled import bundled_text

    text = bundled_text(BUILTIN)
    at = text.index("[kinds.program]")
    line = text.index("\n", at) + 1
    wrong = text[:line] + 'overrides = { "2023" = 2019-05-31 }\n' + text[line:]
    wrong = wrong.replace('overrides = { "2023" = 2023-05-31 }\n', "", 1) if wrong.count("overrides =") > 1 else wrong
    with pytest.raises(InputProblems) as caught:
        parse_rules(wrong, "quy-dinh.toml")
    assert any("overrides" in p.column for p in caught.value.problems)
    next_year = wrong.replace('"2023" = 2019-05-31', '"2023" = 2024-01-15')
    assert parse_rules(next_year, "quy-dinh.toml").kinds["program"].overrides[2023].year == 2024


def test_rules_text_never_carries_control_characters():
    from cadretrack.domain.rules import BUILTIN, parse_rules
    from cadretrack.readers.bundled import bundled_text

    text = bundled_text(BUILTIN).replace('label_vi = "Báo cáo năm"', 'label_vi = "Báo cáo\\u0007\\u202e năm"', 1)
    assert "\\u202e" in text
    assert parse_rules(text, "quy-dinh.toml").kinds["report"].label_vi == "Báo cáo năm"
