"""The rules file's keys in one table (domain/rule_keys.py): KindRule's fields are its kind
keys with its defaults, and the README's table of keys is the one the table writes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from cadretrack.domain.rule_keys import KIND, RULE_KEYS
from cadretrack.domain.rule_values import default_value
from cadretrack.domain.rules import KindRule
from cadretrack.render.rules_doc import BEGIN, END, keys_markdown, readme_section

README = Path(__file__).resolve().parent.parent / "README.md"


def test_kind_rule_has_one_field_per_kind_key_with_the_tables_default():
    fields = {f.name: f for f in dataclasses.fields(KindRule)}
    keys = {k.name: k for k in RULE_KEYS if k.table == KIND}
    assert set(fields) - {"kind"} == set(keys)  # "kind": the table's own KEY
    for name, key in keys.items():
        field = fields[name]
        if field.default is not dataclasses.MISSING:
            default = field.default
        elif field.default_factory is not dataclasses.MISSING:
            default = field.default_factory()
        else:
            default = dataclasses.MISSING
        if key.derived:  # comes from the file when absent: no default of its own
            assert default is dataclasses.MISSING, name
        else:
            assert default == default_value(key), name


def test_the_readme_lists_every_key_as_the_table_says_it():
    text = README.read_text("utf-8")
    assert BEGIN in text and END in text, "README.md must hold the table of rule keys"
    assert readme_section(text) == text, "README's keys are stale: write readme_section(README) back"
    table = keys_markdown()
    for key in RULE_KEYS:
        assert key.name == "*" or f"`{key.name}`" in table
