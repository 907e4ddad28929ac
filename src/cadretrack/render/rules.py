"""The ledger's rule sets, each with its period and kinds, as tables a clerk can read."""

from __future__ import annotations

from cadretrack.domain.dates import format_date
from cadretrack.i18n import get_lang, t
from cadretrack.render.terminal import console, table


def print_rules(periods: list) -> None:
    out = console()
    for index, period in enumerate(periods):
        rules = period.rule_set.rules
        if index:
            out.print()
        out.print(f"[bold]{rules.name or period.rule_set.name}[/]")
        if rules.guidance:
            out.print(rules.guidance)
        org = rules.organization
        if org.get("party_committee"):
            out.print(" – ".join(v for v in (org.get("party_committee"), org.get("board")) if v))
        start = format_date(period.start)
        out.print(t("rules_period", start=start, end=format_date(period.end)) if period.end
                  else t("rules_period_open", start=start))
        rows = []
        for rule in rules.kinds.values():
            day = f"{rule.day:02d}/{rule.month:02d}"
            due = t("rule_before", day=day) if rule.before else t("rule_by", day=day)
            overrides = ", ".join(f"{y}: {format_date(d)}" for y, d in sorted(rule.overrides.items()))
            grace = t("rule_grace_short", days=rules.grace_days) if rule.late_start_grace else ""
            rows.append([rule.label(get_lang()), rule.kind, t(f"filer_{rule.filer}"), due, overrides, grace])
        headers = [t(k) for k in ("col_kind", "col_key", "col_filer", "col_due_rule", "col_overrides",
                                  "col_late_start")]
        out.print(table("", headers, rows))
        out.print(t("rules_effective", date=format_date(rules.effective)))
        out.print(t("rules_weekend_on") if rules.next_working_day else t("rules_weekend_off"))
