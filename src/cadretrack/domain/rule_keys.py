"""The rules file's keys, once: for each, its table, name, type, default, the check its
value must pass, the message (messages/rules.py) saying what it means in Vietnamese and
English, and the message naming a value that fails. Everything else comes from here:
`rules.parse_rules` reads and checks each key by its type and check (domain/rule_values.py),
`KindRule`'s fields are the kind keys with these defaults (a test holds them equal),
`rules --format toml` writes its comments (render/rules_toml.py) and the README its table
of keys (render/rules_doc.py), in the user's language."""

from __future__ import annotations

from typing import NamedTuple


class Between(NamedTuple):
    """An integer from `low` to `high`, both included."""

    low: int
    high: int


class OneOf(NamedTuple):
    """One of these texts."""

    values: tuple[str, ...]


class EitherOf(NamedTuple):
    """A cross-key check: exactly one of this key and `other` is given (parse_rules'
    `_due_or_before` applies it)."""

    other: str


Check = Between | OneOf | EitherOf | None

TYPES = ("text", "date", "month-day", "integer", "boolean", "words", "table")
# The message naming a value of the wrong type, when a key has none of its own.
TYPE_ERRORS = {
    "text": "rules_text_invalid",
    "date": "rules_date_invalid",
    "month-day": "rules_month_day_invalid",
    "integer": "rules_integer_invalid",
    "boolean": "rules_boolean_invalid",
    "words": "rules_words_invalid",
    "table": "rules_not_table",
}


class RuleKey(NamedTuple):
    table: str  # "regulation", "organization" or "kinds.*"
    name: str  # "*": any name (the organization's header fields)
    type: str  # one of TYPES
    default: str  # as the file would write it; "" when it has none (see `required`, `derived`)
    check: Check  # what its value must be besides its type
    help: str  # the message key of what it means
    error: str = ""  # the message key naming a wrong value ("": the type's, TYPE_ERRORS)
    required: bool = False  # the file must give it
    derived: bool = False  # when absent, it comes from the file (its help says how)

    @property
    def error_key(self) -> str:
        return self.error or TYPE_ERRORS[self.type]


KIND = "kinds.*"
FILERS = ("cadre", "commune")
_K = KIND

RULE_KEYS: tuple[RuleKey, ...] = (
    RuleKey("regulation", "name", "text", "", None, "rulekey_regulation_name"),
    RuleKey("regulation", "short_name", "text", "", None, "rulekey_regulation_short_name"),
    RuleKey("regulation", "guidance", "text", "", None, "rulekey_regulation_guidance"),
    RuleKey("regulation", "effective", "date", "", None, "rulekey_regulation_effective",
            "rules_effective_invalid", required=True),
    RuleKey("regulation", "grace_days", "integer", "30", Between(0, 366), "rulekey_regulation_grace_days",
            "rules_grace_invalid"),
    RuleKey("regulation", "next_working_day", "boolean", "false", None, "rulekey_regulation_next_working_day"),
    RuleKey("regulation", "holiday_country", "text", "VN", None, "rulekey_regulation_holiday_country"),
    RuleKey("organization", "*", "text", "", None, "rulekey_organization_any"),
    RuleKey(_K, "label_vi", "text", "", None, "rulekey_kind_label_vi", derived=True),
    RuleKey(_K, "label_en", "text", "", None, "rulekey_kind_label_en", derived=True),
    RuleKey(_K, "filer", "text", "cadre", OneOf(FILERS), "rulekey_kind_filer", "rules_filer_invalid"),
    RuleKey(_K, "due", "month-day", "", EitherOf("before"), "rulekey_kind_due"),
    RuleKey(_K, "before", "month-day", "", EitherOf("due"), "rulekey_kind_before"),
    RuleKey(_K, "overrides", "table", "{}", None, "rulekey_kind_overrides", "rules_override_invalid"),
    RuleKey(_K, "late_start_grace", "boolean", "false", None, "rulekey_kind_late_start_grace"),
    RuleKey(_K, "rating", "boolean", "false", None, "rulekey_kind_rating"),
    RuleKey(_K, "earliest", "month-day", "01/01", None, "rulekey_kind_earliest"),
    RuleKey(_K, "earliest_year", "integer", "0", Between(-1, 1), "rulekey_kind_earliest_year",
            "rules_earliest_year_invalid"),
    RuleKey(_K, "order", "integer", "", None, "rulekey_kind_order", "rules_order_invalid", derived=True),
    RuleKey(_K, "types", "words", "[]", None, "rulekey_kind_types"),
    RuleKey(_K, "codes", "words", "[]", None, "rulekey_kind_codes"),
    RuleKey(_K, "words", "words", "[]", None, "rulekey_kind_words"),
    RuleKey(_K, "hints", "words", "[]", None, "rulekey_kind_hints"),
    RuleKey(_K, "not_words", "words", "[]", None, "rulekey_kind_not_words"),
)
assert all(k.type in TYPES for k in RULE_KEYS)


def keys_in(table: str) -> tuple[RuleKey, ...]:
    """The keys of a table ("regulation", "organization", "kinds.*"), in the table's order."""
    return tuple(k for k in RULE_KEYS if k.table == table)


def keys_of(table: str) -> set[str]:
    """The names a table may hold ("regulation", "kinds.*")."""
    return {k.name for k in keys_in(table)}


def key_of(table: str, name: str) -> RuleKey | None:
    """The key `name` of `table` ("kinds.report" is a kind's table)."""
    wanted = KIND if table.startswith("kinds.") and table.count(".") == 1 else table
    return next((k for k in RULE_KEYS if k.table == wanted and k.name in (name, "*")), None)
