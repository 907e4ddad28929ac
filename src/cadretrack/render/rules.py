"""The rule set in force, as a table a clerk can read."""

from __future__ import annotations

from cadretrack.domain.dates import format_date
from cadretrack.domain.rules import Rules
from cadretrack.i18n import get_lang, t
from cadretrack.render.terminal import console, table


def print_rules(rules: Rules, name: str) -> None:
    out = console()
    out.print(f"[bold]{rules.name or name}[/]")
    if rules.guidance:
        out.print(rules.guidance)
    rows = []
    for kind, rule in rules.kinds.items():
        label = rule.label_en if get_lang() == "en" else rule.label_vi
        day = f"{rule.day:02d}/{rule.month:02d}"
        due = t("rule_before", day=day) if rule.before else t("rule_by", day=day)
        overrides = ", ".join(f"{y}: {format_date(d)}" for y, d in sorted(rule.overrides.items()))
        grace = t("rule_grace_short", days=rules.grace_days) if rule.late_start_grace else ""
        rows.append([label, t(f"filer_{rule.filer}"), due, overrides, grace])
    headers = [t(k) for k in ("col_kind", "col_filer", "col_due_rule", "col_overrides", "col_late_start")]
    out.print(table("", headers, rows))
    out.print(t("rules_effective", date=format_date(rules.effective)))
    out.print(t("rules_weekend_on") if rules.next_working_day else t("rules_weekend_off"))
