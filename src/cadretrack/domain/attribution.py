"""Which assignment a register entry is the filing of, from the clues it gives.

The candidates are the assignments that owe the entry's kind in its year. Every clue
found must agree: the commune(s) the summary names, the sender (a commune's party
committee, or a cadre's agency), a cadre named in the summary. Exactly one candidate
left: a filing. None or several: the clerk reviews it, told why in their language.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from cadretrack.domain.gazetteer import Commune, Gazetteer
from cadretrack.domain.generations import generation_of
from cadretrack.domain.incoming import Document, agency_key, agency_matches, sender_kind
from cadretrack.domain.mentions import Mention
from cadretrack.domain.names import exact_key, loose_key
from cadretrack.domain.units import DISTRICT_WORDS, first_words
from cadretrack.domain.vocabulary import installed


class Pool:
    """The assignments that owe one kind in one year: those of one commune (the common
    case, worked out when first asked) or all of them (for a row that names no commune)."""

    def __init__(self, by_commune: dict[str, list], owes: Callable[[object], bool]) -> None:
        self._by_commune = by_commune  # every assignment of the ledger, by commune code
        self._owes = owes
        self._of: dict[str, list] = {}

    def of_commune(self, code: str) -> list:
        found = self._of.get(code)
        if found is None:
            found = self._of[code] = [a for a in self._by_commune.get(code, ()) if self._owes(a)]
        return found

    @functools.cached_property
    def all(self) -> list:
        return [a for code in self._by_commune for a in self.of_commune(code)]


class Known:
    """Who the ledger knows, for senders and names in summaries, and the places already
    resolved (a register names each commune for each kind): built once per import."""

    def __init__(self, everyone: list) -> None:
        self.places: dict[tuple, list] = {}  # a place as written -> its communes (rows repeat places)
        self.everyone = everyone
        self.agencies = sorted({a.agency for a in everyone if a.agency})
        self.cadres_exact = {a.cadre_key[0] for a in everyone}  # stored keys: no work

    @functools.cached_property
    def cadres_loose(self) -> set[str]:
        """Only when a name written in a summary is not found as written."""
        return {loose_key(a.cadre) for a in self.everyone}


@dataclass
class Attribution:
    assignment: object | None = None
    communes: list[Commune] = field(default_factory=list)  # what the clues narrowed the place to
    reason: str = ""  # message key when no single assignment; "" for a filing
    fields: dict = field(default_factory=dict)


def resolve_mention(gazetteer: Gazetteer, mention: Mention) -> list[Commune]:
    """The communes a mention can mean: its longest spelling that the list holds, narrowed
    by the district written after it (or riding along in its words) when the list knows it."""
    written = _district(gazetteer, mention.district)
    words = mention.words
    for n in range(len(words), 0, -1):
        district = written or _district(gazetteer, " ".join(words[n:]))
        found = gazetteer.matches(" ".join([mention.unit, *words[:n]]).strip(), district)
        if found:
            return found
    return []


def _district(gazetteer: Gazetteer, text: str) -> str:
    """The longest start of the text (unit word and name) that names a district, or ""."""
    words = text.split()
    if not words or words[0].casefold().strip(".") not in _DISTRICT_WORDS:
        return ""
    for n in range(len(words), 1, -1):
        candidate = " ".join(words[:n])
        if gazetteer.is_district(candidate):
            return candidate
    return ""


_DISTRICT_WORDS = first_words(DISTRICT_WORDS)  # from the one table of unit words, with and without marks


def _places(gazetteer: Gazetteer, mentions: list[Mention], known: Known
            ) -> tuple[list[list[Commune]], list[Mention]]:
    """The distinct places the mentions resolve to, and the mentions that resolve to none."""
    places: list[list[Commune]] = []
    unknown: list[Mention] = []
    for mention in mentions:
        key = (mention.unit.casefold(), tuple(mention.words), mention.district.casefold())
        found = known.places.get(key)
        if found is None:
            found = known.places[key] = resolve_mention(gazetteer, mention)
        if not found:
            unknown.append(mention)
            continue
        codes = {c.code for c in found}
        for i, place in enumerate(places):
            shared = [c for c in place if c.code in codes]
            if shared:
                places[i] = shared
                break
        else:
            places.append(found)
    return places, unknown


def _labels(communes: list[Commune]) -> str:
    return "; ".join(c.label() for c in communes)


def attribute(doc: Document, pool: Pool, gazetteer: Gazetteer, filed: dt.date, known: Known) -> Attribution:
    """The one assignment of `pool` (those owing the kind in the year) the clues agree on.

    A sender or a cadre is a clue only when it names someone the ledger knows (`known`).
    """
    summary, unknown = _places(gazetteer, doc.summary_places, known)
    sender, sender_unknown = _places(gazetteer, doc.sender_places, known)
    if len(summary) > 1:
        return Attribution(reason="review_two_communes", fields={
            "places": "; ".join(m.text for m in doc.summary_places)})
    communes: list[Commune] | None = summary[0] if summary else None
    if sender:
        own = sender[0]
        if communes is not None:
            shared = [c for c in communes if c.code in {s.code for s in own}]
            if not shared:
                return Attribution(reason="review_sender_other_commune", fields={
                    "sender": doc.sender, "place": doc.summary_places[0].text})
            communes = shared
        else:
            communes = own
    if communes is None and (unknown or sender_unknown):
        return Attribution(reason="review_place_unknown", fields={"place": (unknown or sender_unknown)[0].text})
    if communes is not None:
        candidates = [a for c in communes for a in pool.of_commune(c.code)]
    else:
        candidates = list(pool.all)
    agencies: list[str] = []
    if not sender and doc.sender:
        agencies = agency_matches(doc.sender, known.agencies)
        if agencies:
            keys = {agency_key(x) for x in agencies}
            candidates = [a for a in candidates if agency_key(a.agency) in keys]
    named = _cadres(doc.cadre_names, known)
    if named:
        candidates = [a for a in candidates if a.cadre_key[0] in named or loose_key(a.cadre) in named]
    if len(candidates) > 1:
        started = [a for a in candidates if a.start <= filed]
        candidates = started or candidates
    if len(candidates) > 1 and len({generation_of(a.commune_code) for a in candidates}) > 1:
        # The same name before and after the reform: the unit in force on the day received.
        current = [a for a in candidates if a.in_force_on(filed)]
        candidates = current or candidates
    place = "; ".join(m.text for m in doc.summary_places or doc.sender_places)
    if len(candidates) == 1:
        chosen = candidates[0]
        if _foreign_sender(doc, sender, agencies, chosen):
            return Attribution(communes=communes or [], reason="review_sender_not_cadre", fields={
                "sender": doc.sender, "cadre": chosen.cadre, "agency": chosen.agency or "—",
                "place": _labels(communes) if communes else place})
        return Attribution(chosen, [c for c in (communes or []) if c.code == chosen.commune_code])
    if communes is None and not agencies and not named:
        return Attribution(reason="review_no_clue", fields={"sender": doc.sender or "—"})
    if not candidates:
        if communes is not None and agencies:
            return Attribution(communes=communes, reason="review_agency_other_commune", fields={
                "agency": agencies[0], "place": place})
        return Attribution(communes=communes or [], reason="review_nobody_owes", fields={
            "place": _labels(communes) if communes else (agencies[0] if agencies else ", ".join(doc.cadre_names))})
    if communes is not None and len({a.commune_code for a in candidates}) > 1:
        where = [c for c in communes if c.code in {a.commune_code for a in candidates}]
        return Attribution(communes=where, reason="review_place_ambiguous", fields={
            "place": place, "labels": _labels(where), "count": len(where)})
    if communes is None and agencies:
        return Attribution(reason="review_agency_several", fields={
            "agency": agencies[0], "count": len({a.cadre_id for a in candidates}),
            "cadres": ", ".join(sorted({a.cadre for a in candidates}))})
    return Attribution(communes=communes or [], reason="review_several", fields={
        "cadres": ", ".join(sorted({a.cadre for a in candidates}))})


def _foreign_sender(doc: Document, sender_places: list, agencies: list[str], chosen) -> bool:
    """A body that sent a document the cadre files, and is neither the cadre's agency nor the
    cadre ("Hội Liên hiệp Phụ nữ tỉnh" sending a report on the commune that a Sở Tài chính
    leader follows): never credited to that cadre on the summary's word alone."""
    if sender_places or not doc.sender.strip() or agencies:
        return False  # a commune's sender, no sender, or a known agency (matched above)
    if sender_kind(doc.sender, ()) != "agency" or not _ORGANISATION.search(loose_key(doc.sender)):
        return False  # a person's name, or words that name no body: no contrary clue
    if chosen.agency and agency_key(chosen.agency) in agency_key(doc.sender):
        return False
    return loose_key(chosen.cadre) not in loose_key(doc.sender)


# Words that begin the name of a body (an agency, a union, a committee): a sender holding one
# is an organisation whose identity can contradict the cadre's (data/vocabulary.toml,
# register.organisations).
_ORGANISATION = re.compile(r"\b(?:" + "|".join(map(re.escape, installed().organisations)) + r")\b")


def _cadres(names: list[str], known: Known) -> set[str]:
    """Keys of the names written after "đồng chí" that the ledger knows, longest run first."""
    found: set[str] = set()
    for name in names:
        words = name.split()
        starts = [" ".join(words[:n]) for n in range(len(words), 1, -1)]
        hit = next((exact_key(t) for t in starts if exact_key(t) in known.cadres_exact), None)
        if hit is None:  # typed without diacritics, or otherwise: the loose keys
            hit = next((loose_key(t) for t in starts if loose_key(t) in known.cadres_loose), None)
        if hit is not None:
            found.add(hit)
    return found
