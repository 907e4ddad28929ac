"""Resolving cadres and agencies typed by a clerk, with the same keys as communes."""

from __future__ import annotations

from cadretrack.domain.names import exact_key, loose_key, nearest, person_name
from cadretrack.errors import CadretrackError
from cadretrack.store.assignments import load_cadres
from cadretrack.store.ledger import Ledger


def resolve_cadre_ids(db: Ledger, name: str) -> list[int]:
    """Ids of cadres whose name matches (exactly by tone-insensitive key, else loosely)."""
    return resolve_person_ids(load_cadres(db), name, "cadre_unknown")


def resolve_person_ids(rows: list, name: str, unknown: str) -> list[int]:
    """Ids of the (id, name, …) rows whose name matches (exactly by tone-insensitive key, else
    loosely); `unknown` is the message when none does, with the nearest names suggested."""
    name = person_name(name)
    exact = [r for r in rows if exact_key(r[1]) == exact_key(name)]
    found = exact or [r for r in rows if loose_key(r[1]) == loose_key(name)]
    if not found:
        near = nearest(loose_key(name), {loose_key(r[1]): r[1] for r in rows})
        raise CadretrackError(unknown, name=name, suggestion=", ".join(near))
    return [r[0] for r in found]
