"""`rules --format toml`: the rule set's TOML with its comments in the user's language, from
the one table of keys (domain/rule_keys.py). The comments cadretrack shipped in its own
file are replaced by these; a province's own comments are kept as written."""

from __future__ import annotations

from cadretrack.domain.rule_keys import KIND, RULE_KEYS, key_of
from cadretrack.domain.toml_text import line_key, table_header
from cadretrack.i18n import t
from cadretrack.render.rules_doc import type_text
from cadretrack.messages import MESSAGES


def key_comment(key) -> str:
    """"# grace_days: what it means (its type, check and default)", in the user's language."""
    said = {"help": t(key.help), "type": type_text(key)}
    if key.name == "*":  # any key of its table
        return t("rules_toml_key", name=f"[{key.table}]", **said)
    if key.default:
        return t("rules_toml_key_default", name=key.name, default=key.default, **said)
    return t("rules_toml_key", name=key.name, **said)


def _explains_a_key(comment: str) -> bool:
    """A comment this module wrote ("# grace_days: …", "# [organization]: …")."""
    name = comment[2:].split(": ", 1)[0] if comment.startswith("# ") and ": " in comment else ""
    return any(name in (key.name, f"[{key.table}]") for key in RULE_KEYS)


def commented_rules(text: str, shipped: str) -> str:
    """`text` (a rule set as stored) with the comments of `shipped` (the bundled file) left
    out and each key explained: a regulation key above its line, the organization's and the
    kinds' keys once, above the first table that holds them."""
    ours = {line.strip() for line in shipped.splitlines() if line.strip().startswith("#")}
    ours |= {line.strip() for text_ in MESSAGES["rules_toml_intro"] for line in text_.splitlines()}
    out = [t("rules_toml_intro")]
    table, explained = "", set()
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#") and (stripped in ours or _explains_a_key(stripped)):
            continue  # cadretrack's own words (of either language), said again below
        header = table_header(stripped.split("#", 1)[0].strip())
        if header is not None:
            table = header
            group = KIND if header.startswith("kinds.") and header.count(".") == 1 else header
            if group in (KIND, "organization") and group not in explained:
                explained.add(group)
                if out and out[-1] != "":
                    out.append("")
                out += [key_comment(k) for k in RULE_KEYS if k.table == group]
            out.append(line)
            continue
        name = line_key(line) if line[:1] not in (" ", "\t") else None
        key = key_of(table, name) if name else None
        if key is not None and key.table == "regulation":
            out.append(key_comment(key))
        if stripped or (out and out[-1] != ""):
            out.append(line)
    return "\n".join(out).rstrip("\n") + "\n"
