"""The rules file's keys, once: for each, its table, name, type, default, the check its
value must pass, and the message (messages/rules.py) saying what it means in Vietnamese and English. `rules.parse_rules` takes
the keys it knows from here, and `rules --format toml` writes its comments from here, in
the user's language (render/rules_toml.py)."""

from __future__ import annotations

from typing import NamedTuple


class RuleKey(NamedTuple):
    table: str  # "regulation", "organization" or "kinds.*"
    name: str  # "*": any name (the organization's header fields)
    type: str  # "text", "date", "month-day", "integer", "boolean", "words", "table"
    default: str  # as the file would write it; "" when the key is required or has none
    check: str  # the check its value must pass (parse_rules applies it)
    help: str  # the message key of what it means


KIND = "kinds.*"

RULE_KEYS: tuple[RuleKey, ...] = (
    RuleKey("regulation", "name", "text", "", "any text", "rulekey_regulation_name"),
    RuleKey("regulation", "short_name", "text", "", "any text", "rulekey_regulation_short_name"),
    RuleKey("regulation", "guidance", "text", "", "any text", "rulekey_regulation_guidance"),
    RuleKey("regulation", "effective", "date", "", "a date (2022-12-14 or \"dd/mm/yyyy\")", "rulekey_regulation_effective"),
    RuleKey("regulation", "grace_days", "integer", "30", "0 to 366", "rulekey_regulation_grace_days"),
    RuleKey("regulation", "next_working_day", "boolean", "false", "true or false", "rulekey_regulation_next_working_day"),
    RuleKey("regulation", "holiday_country", "text", "VN", "a country code", "rulekey_regulation_holiday_country"),
    RuleKey("organization", "*", "text", "", "any text", "rulekey_organization_any"),
    RuleKey(KIND, "label_vi", "text", "", "any text", "rulekey_kind_label_vi"),
    RuleKey(KIND, "label_en", "text", "", "any text", "rulekey_kind_label_en"),
    RuleKey(KIND, "filer", "text", "cadre", "cadre or commune", "rulekey_kind_filer"),
    RuleKey(KIND, "due", "month-day", "", "\"dd/mm\"; due or before, not both", "rulekey_kind_due"),
    RuleKey(KIND, "before", "month-day", "", "\"dd/mm\"; due or before, not both", "rulekey_kind_before"),
    RuleKey(KIND, "overrides", "table", "", "{ \"YYYY\" = date }", "rulekey_kind_overrides"),
    RuleKey(KIND, "late_start_grace", "boolean", "false", "true or false", "rulekey_kind_late_start_grace"),
    RuleKey(KIND, "rating", "boolean", "false", "true or false", "rulekey_kind_rating"),
    RuleKey(KIND, "earliest", "month-day", "01/01", "\"dd/mm\"", "rulekey_kind_earliest"),
    RuleKey(KIND, "earliest_year", "integer", "0", "-1, 0 or 1", "rulekey_kind_earliest_year"),
    RuleKey(KIND, "order", "integer", "", "an integer", "rulekey_kind_order"),
    RuleKey(KIND, "types", "words", "[]", "a list of texts", "rulekey_kind_types"),
    RuleKey(KIND, "codes", "words", "[]", "a list of texts", "rulekey_kind_codes"),
    RuleKey(KIND, "words", "words", "[]", "a list of texts", "rulekey_kind_words"),
    RuleKey(KIND, "hints", "words", "[]", "a list of texts", "rulekey_kind_hints"),
    RuleKey(KIND, "not_words", "words", "[]", "a list of texts", "rulekey_kind_not_words"),
)


def keys_of(table: str) -> set[str]:
    """The names a table may hold ("regulation", "kinds.*")."""
    return {k.name for k in RULE_KEYS if k.table == table}


def key_of(table: str, name: str) -> RuleKey | None:
    """The key `name` of `table` ("kinds.report" is a kind's table)."""
    wanted = KIND if table.startswith("kinds.") and table.count(".") == 1 else table
    return next((k for k in RULE_KEYS if k.table == wanted and k.name in (name, "*")), None)
