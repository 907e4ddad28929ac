"""The provenance stamp of an exported document: which ledger, year, as-of date, the last
change set it includes (known-on) with its time, the rule set, the day it was made, and a
digest of its figures (a canonical form of the items it was built from).

The stamp is one line of text, kept in the document's properties; `verify FILE` reads it
back and rebuilds the document as the ledger knew it then.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import orjson

PREFIX = "cadretrack-stamp 1"
PROPERTY = "cadretrack_stamp"  # the workbook's custom property holding the stamp
LIMIT = 255  # Office keeps no longer a property
DOCUMENTS = ("summary", "report", "letters")


@dataclass(frozen=True)
class Stamp:
    ledger: str  # meta.ledger_id
    document: str  # one of DOCUMENTS
    year: int
    as_of: dt.date
    changeset: int  # the last change set included
    at: str  # its time, UTC ISO
    rule_set: str
    made: dt.date  # the day the document is dated
    digest: str
    within: int = 0  # letters: the days ahead reminded of
    own_template: bool = False  # a report made from the Board's own template (not the bundled one)
    kinds: str = ""  # letters: the --kind asked for ("" every kind)
    district: str = ""  # letters: the --district asked for ("" every district)
    member: str = ""  # letters: the --member asked for ("" every member)
    to_members: bool = False  # letters: remind --to members

    def text(self) -> str:
        """One line of at most 255 characters (what Office keeps in a property); the rule set's
        name is cut to fit, the rest is whole."""
        fields = [("L", self.ledger), ("D", self.document), ("Y", self.year), ("A", self.as_of.isoformat()),
                  ("C", self.changeset), ("T", self.at), ("M", self.made.isoformat()), ("W", self.within),
                  ("H", self.digest)] + ([("P", 1)] if self.own_template else []) + [
            (k, v.replace("|", "/")) for k, v in (("K", self.kinds), ("G", self.district), ("N", self.member)) if v
        ] + ([("U", 1)] if self.to_members else [])
        head = "|".join([PREFIX] + [f"{k}={v}" for k, v in fields]) + "|R="
        return head + self.rule_set.replace("|", "/")[: max(0, LIMIT - len(head))]


def parse_stamp(text: object) -> Stamp | None:
    """The stamp written by Stamp.text(); None when `text` is none (or not one whole)."""
    if not isinstance(text, str) or not text.startswith(PREFIX + "|") or len(text) > LIMIT:
        return None
    try:
        f = dict(part.split("=", 1) for part in text[len(PREFIX) + 1:].split("|"))
        stamp = Stamp(
            ledger=f["L"], document=f["D"], year=int(f["Y"]), as_of=dt.date.fromisoformat(f["A"]),
            changeset=int(f["C"]), at=f["T"], rule_set=f["R"], made=dt.date.fromisoformat(f["M"]),
            digest=f["H"], within=int(f["W"]), own_template=f.get("P") == "1", kinds=f.get("K", ""),
            district=f.get("G", ""), member=f.get("N", ""), to_members=f.get("U") == "1",
        )
    except (ValueError, KeyError, TypeError, OverflowError):
        return None
    if (stamp.document not in DOCUMENTS or not 1900 <= stamp.year <= 2999 or not 1900 <= stamp.as_of.year <= 2999
            or stamp.changeset < 0 or not 0 <= stamp.within <= 3660 or not stamp.ledger):
        return None  # not what cadretrack writes: a forged or damaged stamp is no stamp
    return stamp


def figures_digest(year: int, as_of: dt.date, counts: dict, items: list[dict]) -> str:
    """The digest of a document's figures: SHA-256 of the canonical JSON of its items (the
    contract's check fields, codes not words: the same in either language)."""
    # orjson writes the bytes json.dumps(sort_keys, compact, ensure_ascii=False) writes for
    # these values (texts, integers, dates, None, scores), four times faster: a national
    # year's digest took a fifth of a second (tests/test_provenance.py holds them equal).
    canonical = orjson.dumps(
        {"year": year, "as_of": as_of.isoformat(), "counts": counts,
         "items": [{k: v for k, v in i.items() if k != "rule"} for i in items]},
        option=orjson.OPT_SORT_KEYS, default=str,
    )
    return hashlib.sha256(canonical).hexdigest()[:32]
