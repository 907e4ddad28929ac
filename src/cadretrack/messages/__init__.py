"""Every text a clerk reads, as key -> (Vietnamese, English), one module per area."""

from cadretrack.messages import (
    assignments, errors, filings, followup, framework, help, known, lists, members, register, rules, safety,
    units, web,
)

MESSAGES: dict[str, tuple[str, str]] = {}
for _module in (errors, assignments, filings, register, safety, followup, help, framework, units, known, rules, lists,
                web, members):
    _clash = MESSAGES.keys() & _module.MESSAGES.keys()
    assert not _clash, f"message keys defined twice: {sorted(_clash)}"
    MESSAGES.update(_module.MESSAGES)
