"""The provenance stamp of an exported document, made from the report it shows."""

from __future__ import annotations

import datetime as dt

from cadretrack.domain.provenance import Stamp, figures_digest
from cadretrack.store.known import Moment
from cadretrack.store.ledger import Ledger, ledger_identity


def document_digest(report) -> str:
    """The digest of a check report's figures: every filing owed in its scope."""
    from cadretrack.render.check import item_dicts

    return figures_digest(report.year, report.as_of, report.counts, item_dicts(report.scope, report.rules))


def letters_digest(reminders) -> str:
    """The digest of a set of letters' figures: each recipient and the filings chased."""
    from cadretrack.render.check import item_dicts

    items = [{**d, "recipient": r.name} for r in reminders.recipients
             for d in item_dicts(r.items, reminders.rules)]
    counts = {"recipients": len(reminders.recipients), "items": len(items)}
    return figures_digest(reminders.as_of.year, reminders.as_of, counts, items)


def letters_stamp(db: Ledger, reminders, moment: Moment, today: dt.date) -> Stamp:
    return Stamp(
        ledger=ledger_identity(db), document="letters", year=reminders.year or reminders.as_of.year,
        as_of=reminders.as_of, changeset=moment.changeset, at=moment.at, rule_set=reminders.rules.title_name,
        made=today, digest=letters_digest(reminders), within=reminders.within,
        kinds=reminders.criteria.kinds, district=reminders.criteria.district,  # remade with the same ones
        member=reminders.member, to_members=reminders.to_members,
    )


def make_stamp(db: Ledger, report, moment: Moment, document: str, today: dt.date, within: int = 0,
               own_template: bool = False) -> Stamp:
    return Stamp(
        ledger=ledger_identity(db), document=document, year=report.year, as_of=report.as_of,
        changeset=moment.changeset, at=moment.at, rule_set=report.rules.title_name, made=today,
        digest=document_digest(report), within=within, own_template=own_template,
    )
