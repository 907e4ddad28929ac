"""Difficulties (khó khăn, vướng mắc) and commune meetings: records tied to the
assignment in force on their date, with history and undo like every other write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cadretrack.domain.dates import format_date
from cadretrack.domain.gazetteer import MatchError
from cadretrack.domain.generations import official_code
from cadretrack.domain.names import clean, clean_lines, exact_key, loose_key, person_name, text_key
from cadretrack.context import Run
from cadretrack.errors import CadretrackError
from cadretrack.store import followup as store
from cadretrack.store import journal
from cadretrack.store.assignments import load_assignments
from cadretrack.store.ledger import Ledger
from cadretrack.store.units import load_units

RAISERS = ("cadre", "commune")
# Who raised a difficulty, as a clerk writes it (keyed without diacritics), besides the codes.
RAISER_WORDS = {"can bo": "cadre", "can bo theo doi": "cadre", "nguoi theo doi": "cadre", "cadre": "cadre",
                "xa": "commune", "dang uy xa": "commune", "co so": "commune", "dia phuong": "commune",
                "commune": "commune"}
MEETING_KINDS = {"thuong ky": "thuong-ky", "thuong-ky": "thuong-ky", "dot xuat": "dot-xuat", "dot-xuat": "dot-xuat",
                 "regular": "thuong-ky", "extraordinary": "dot-xuat"}
YES = {"yes", "y", "co", "x", "1", "true", "tham du", "co tham du", "da tham du"}
NO = {"no", "n", "khong", "0", "false", "vang", "khong tham du", "vang mat"}


def in_force(db: Ledger, commune: str, district: str, code: object, cadre: str, day: dt.date):
    """The assignment of the commune in force on `day` (and of the cadre, when given)."""
    try:
        place = load_units(db).resolve_on(day, commune, district, code)
    except MatchError as exc:
        raise CadretrackError(exc.key, suggestion=exc.suggestion, **exc.fields) from None
    found = load_assignments(db, between=(day, day), communes=[place.code])
    if not found:
        raise CadretrackError("nobody_follows", commune=place.label(), date=format_date(day))
    a = found[0]
    cadre = person_name(cadre) if cadre else ""
    if cadre and exact_key(cadre) != a.cadre_key[0] and loose_key(cadre) != loose_key(a.cadre):
        raise CadretrackError("filing_wrong_cadre", cadre=cadre, commune=place.label(), year=day.year, followers=a.cadre)
    return a


def _not_future(day: dt.date, today: dt.date) -> None:
    if day > today:
        raise CadretrackError("date_future", date=format_date(day))


def record_difficulty(
    db: Ledger, run: Run, *, commune: str, day: dt.date, text: str, district: str = "", cadre: str = "",
    raised_by: str = "commune",
) -> tuple[int, object]:
    raised_by = raiser(raised_by)
    text = clean_lines(text)
    if not text:
        raise CadretrackError("difficulty_text_missing")
    _not_future(day, run.today)
    a = in_force(db, commune, district, "", cadre, day)
    with journal.changeset(db, run) as cs:
        new_id = store.add_difficulty(db, a, day, raised_by, text, cs)
        cs.summary = {"difficulties": 1}
    return new_id, a


def resolve_difficulty(db: Ledger, run: Run, difficulty: int, *, day: dt.date, note: str = "", referred_to: str = ""
                       ) -> None:
    dates = store.difficulty_dates(db, difficulty)
    if dates is None:
        raise CadretrackError("difficulty_unknown", id=difficulty)
    raised, resolved = dates
    if resolved is not None:
        raise CadretrackError("difficulty_resolved", id=difficulty, date=format_date(resolved))
    if day < raised:
        raise CadretrackError("resolved_before_raised", id=difficulty, date=format_date(raised))
    _not_future(day, run.today)
    with journal.changeset(db, run) as cs:
        store.resolve_difficulty(db, difficulty, day, clean_lines(note), clean(referred_to), cs)
        cs.summary = {"resolved": 1}


@dataclass(frozen=True)
class Difficulty:
    id: int
    commune: str
    commune_code: str
    district: str
    cadre: str
    raised_on: dt.date
    raised_by: str
    text: str
    resolved_on: dt.date | None
    resolution: str
    referred_to: str
    age_days: int
    member: str = ""  # the Standing Committee member in charge of the commune when it was raised

    def as_dict(self) -> dict:
        return {
            "id": self.id, "commune": self.commune, "commune_code": self.commune_code,
            "district": self.district or None, "cadre": self.cadre, "raised_on": self.raised_on,
            "raised_by": self.raised_by, "text": self.text, "resolved_on": self.resolved_on,
            "resolution": self.resolution or None, "referred_to": self.referred_to or None,
            "age_days": self.age_days, "member": self.member or None,
        }


def list_difficulties(db: Ledger, as_of: dt.date, open_only: bool = False, year: int | None = None) -> list[Difficulty]:
    """Difficulties in the stable order, each with its age: open ones up to `as_of`."""
    from cadretrack.ops.members import member_index

    out = []
    members = member_index(db)  # the difficulty goes to the member in charge first
    for r in store.difficulty_rows(db, as_of, open_only, year):
        raised = dt.date.fromisoformat(r[5])
        resolved = dt.date.fromisoformat(r[8]) if r[8] and r[8] <= as_of.isoformat() else None
        member = members.on(r[2], raised)
        out.append(Difficulty(r[0], r[1], official_code(r[2]), r[3], r[4], raised, r[6], r[7], resolved,
                              r[9] if resolved else "", r[10] if resolved else "", ((resolved or as_of) - raised).days,
                              member.member if member else ""))
    return out


def raiser(text: str) -> str:
    """`cadre` or `commune`, from the code or the clerk's words ("cán bộ", "xã", "đảng ủy xã")."""
    code = RAISER_WORDS.get(text_key(text))
    if code is None:
        raise CadretrackError("raised_by_invalid", value=text)
    return code


def meeting_kind(text: str) -> str:
    kind = MEETING_KINDS.get(text_key(text)) or MEETING_KINDS.get(text.strip().lower())
    if kind is None:
        raise CadretrackError("meeting_kind_invalid", value=text)
    return kind


def attendance(text: str) -> int | None:
    key = text_key(text)
    if not key:
        return None
    if key in YES:
        return 1
    if key in NO:
        return 0
    raise CadretrackError("attended_invalid", value=text)


def existing_meetings(db: Ledger) -> set[tuple]:
    return store.meeting_keys(db)


def record_meeting(
    db: Ledger, run: Run, *, commune: str, day: dt.date, kind: str, district: str = "", topic: str = "",
    attended: int | None = None,
):
    _not_future(day, run.today)
    a = in_force(db, commune, district, "", "", day)
    if (a.commune_code, day.isoformat(), kind) in existing_meetings(db):
        raise CadretrackError("meeting_duplicate", commune=a.commune, date=format_date(day))
    with journal.changeset(db, run) as cs:
        store.add_meetings(db, [(a, day, kind, clean(topic), attended)], cs)
        cs.summary = {"meetings": 1}
    return a


def meeting_counts(db: Ledger, year: int) -> dict[int, tuple[int, int]]:
    """assignment id -> (meetings invited to, meetings attended) during the year."""
    return store.meeting_counts(db, year)
