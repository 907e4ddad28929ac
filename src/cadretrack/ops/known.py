"""`--known-on`: the ledger as it stood at a moment, for the ordinary read paths."""

from __future__ import annotations

import datetime as dt

from cadretrack.store.known import Moment, as_known, changeset_moment, last_changeset
from cadretrack.store.ledger import Ledger


def local_moment(naive: dt.datetime) -> dt.datetime:
    """A wall-clock moment of this machine's time zone, made aware (UTC)."""
    return naive.astimezone().astimezone(dt.timezone.utc)


def known_on(db: Ledger, moment: dt.datetime | None) -> tuple[Ledger, Moment]:
    """The ledger as known at `moment` (None: now) and the last change set it includes."""
    last = last_changeset(db, moment)
    return (db if moment is None else as_known(db, last.changeset)), last


def known_upto(db: Ledger, changeset: int) -> tuple[Ledger, Moment]:
    """The ledger as known just after change set `changeset` (a document's stamp names it)."""
    return as_known(db, changeset), changeset_moment(db, changeset)
