"""What each key of a rules file is, said from the one table of keys (domain/rule_keys.py):
its type and check in words (the comments of `rules --format toml` use these), and the
README's table of keys, Vietnamese beside English (tests/test_rule_schema.py keeps the
README's copy equal to `keys_markdown()`)."""

from __future__ import annotations

from cadretrack.domain.rule_keys import RULE_KEYS, Between, EitherOf, OneOf, RuleKey
from cadretrack.i18n import get_lang, in_lang

BEGIN = "<!-- rule-keys: written by cadretrack.render.rules_doc.keys_markdown(); tests/test_rule_schema.py -->"
END = "<!-- /rule-keys -->"


def type_text(key: RuleKey, lang: str | None = None) -> str:
    """The key's type and the check its value must pass ("số nguyên; từ 0 đến 366")."""
    lang = lang or get_lang()
    said = [in_lang(lang, "ruletype_" + key.type.replace("-", "_"))]
    if isinstance(key.check, Between):
        said.append(in_lang(lang, "rulecheck_between", low=key.check.low, high=key.check.high))
    elif isinstance(key.check, OneOf):
        said.append(in_lang(lang, "rulecheck_one_of", values=", ".join(f'"{v}"' for v in key.check.values)))
    elif isinstance(key.check, EitherOf):
        said.append(in_lang(lang, "rulecheck_either", name=key.name, other=key.check.other))
    if key.required:
        said.append(in_lang(lang, "rulecheck_required"))
    return "; ".join(said)


def keys_markdown() -> str:
    """The README's table of every key, with its type, check and default, and what it means
    in Vietnamese and English."""
    rows = [f"| {in_lang('vi', 'ruledoc_table')} | {in_lang('vi', 'ruledoc_key')} "
            f"| {in_lang('vi', 'ruledoc_type')} | {in_lang('vi', 'ruledoc_default')} "
            f"| {in_lang('vi', 'ruledoc_meaning')} | {in_lang('en', 'ruledoc_meaning')} |",
            "|---|---|---|---|---|---|"]
    for key in RULE_KEYS:
        table = f"[{key.table.replace('*', 'KHÓA')}]"
        name = "*" if key.name == "*" else f"`{key.name}`"
        kind = f"{type_text(key, 'vi')} / {type_text(key, 'en')}"
        default = f"`{key.default}`" if key.default else ""
        rows.append(" | ".join(["", table, name, _cell(kind), default, _cell(in_lang("vi", key.help)),
                                _cell(in_lang("en", key.help)), ""]).strip())
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def readme_section(readme: str) -> str:
    """The README with its table of keys (between BEGIN and END) written anew."""
    start, end = readme.index(BEGIN) + len(BEGIN), readme.index(END)
    return readme[:start] + "\n" + keys_markdown() + readme[end:]
