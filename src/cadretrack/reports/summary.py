"""The year-end tables: per district (or province), per agency, per assignment, to chase.

Every number here is computed from the same statuses that `check` lists, so the
workbook and `check` agree by construction.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from cadretrack.domain.agencies import agency_key, agency_names
from cadretrack.domain.obligations import Status
from cadretrack.domain.units import COMMUNE_WORDS, DISTRICT_WORDS


@dataclass
class KindCounts:
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    pending: int = 0

    @property
    def owed(self) -> int:
        return self.on_time + self.late + self.overdue + self.pending

    @property
    def filed(self) -> int:
        return self.on_time + self.late

    @property
    def share(self) -> float | None:
        """Share of the owed filings that were filed; None when nothing is owed."""
        return self.filed / self.owed if self.owed else None


@dataclass
class SummaryRow:
    label: str
    communes: set = field(default_factory=set)
    assignments: set = field(default_factory=set)
    cadres: set = field(default_factory=set)
    kinds: dict[str, KindCounts] = field(default_factory=lambda: defaultdict(KindCounts))  # zero when unseen

    def add_all(self, items: list[Status]) -> None:
        """Count many items at once: sets and one tally instead of an update per item."""
        people = {i.owed.assignment for i in items}  # assignments are hashable records
        self.communes.update(a.commune_code for a in people)
        self.assignments.update(a.id for a in people)
        self.cadres.update(a.cadre_id for a in people)
        for (kind, status), n in Counter((i.owed.kind, i.status) for i in items).items():
            counts = self.kinds[kind]
            setattr(counts, status, getattr(counts, status) + n)


def summarize(
    items: list[Status], group: Callable[[Status], str], total_label: str, by_name: bool = False
) -> tuple[list[SummaryRow], SummaryRow]:
    """One row per group in first-seen order (items come sorted), or by name as a Vietnamese
    reader orders names, and the total row."""
    grouped: dict[str, list[Status]] = {}
    for item in items:
        label = group(item)
        members = grouped.get(label)
        if members is None:
            members = grouped[label] = []
        members.append(item)
    rows: dict[str, SummaryRow] = {}
    for label, members in grouped.items():
        rows[label] = SummaryRow(label)
        rows[label].add_all(members)
    total = SummaryRow(total_label)
    total.add_all(items)
    if by_name:
        from cadretrack.domain.names import sort_key

        return sorted(rows.values(), key=lambda r: sort_key(r.label)), total
    return list(rows.values()), total


def by_place(item: Status) -> str:
    a = item.owed.assignment
    return a.district or a.province


TYPE_GROUPS = {"phường": "Các phường", "xã": "Các xã", "thị trấn": "Các thị trấn", "đặc khu": "Các đặc khu"}


def by_type(item: Status) -> str:
    """Units without districts (after the 2025 reform) of one province, by their type."""
    a = item.owed.assignment
    return a.district or TYPE_GROUPS.get(a.commune_type.lower(), a.commune_type or a.province)


def place_grouping(items: list[Status]) -> tuple[Callable[[Status], str], str, str]:
    """How the summary groups its rows and the heading of its first column, then the
    heading of the column that says where each unit lies (its district, else province).

    Districts before the reform; after it, provinces, or the commune types when all
    the units without a district lie in one province."""
    places = [i.owed.assignment for i in items]
    districts = any(a.district for a in places)
    provinces = {a.province for a in places if not a.district}
    if not provinces:
        words = district_words({a.district for a in places}).capitalize()
        return by_place, words, words
    where = "Huyện (trước 01/07/2025), tỉnh" if districts else "Tỉnh, thành phố"
    if len(provinces) == 1:
        return by_type, "Địa bàn", where
    return by_place, "Địa bàn" if districts else "Tỉnh, thành phố", where


def agency_grouping(items: list[Status]) -> Callable[[Status], str]:
    """Group by agency, one row for one agency however its cadres' rows write it ("Ban Tuyên
    giáo Tỉnh ủy", "Ban Tuyên giáo tỉnh ủy"), labelled with its preferred spelling."""
    names = agency_names(i.owed.assignment.agency for i in items)

    def by_agency(item: Status) -> str:
        agency = item.owed.assignment.agency
        return names.get(agency_key(agency), agency) if agency else agency

    return by_agency


@dataclass
class DetailRow:
    assignment: object
    kinds: dict[str, Status]  # the kinds it owes in the year

    def rating(self, kind: str) -> str:
        item = self.kinds.get(kind)
        return item.filing.rating if item and item.filing else ""

    def score(self, kind: str) -> float | None:
        item = self.kinds.get(kind)
        return item.filing.score if item and item.filing else None


def detail(items: list[Status]) -> list[DetailRow]:
    """One row per assignment owing anything in the year, in the check's order."""
    rows: dict[int, DetailRow] = {}
    for item in items:
        a = item.owed.assignment
        if a.id not in rows:
            rows[a.id] = DetailRow(a, {})
        rows[a.id].kinds[item.owed.kind] = item
    return list(rows.values())


def to_chase(items: list[Status]) -> list[Status]:
    """Overdue filings first, then late ones, each in the check's order."""
    return [i for i in items if i.status == "overdue"] + [i for i in items if i.status == "late"]


UNIT_ORDER = tuple(COMMUNE_WORDS)  # xã, phường, thị trấn, đặc khu


def unit_words(items: list[Status]) -> str:
    """The types of unit the items lie in, as a title names them: "xã, phường, thị trấn" before
    the reform, "xã, phường, đặc khu" after it, "xã" alone for a list of communes."""
    types = {i.owed.assignment.commune_type.lower() for i in items}
    present = [t for t in UNIT_ORDER if t in types]
    return ", ".join(present or UNIT_ORDER[:3])


DISTRICT_ORDER = tuple(DISTRICT_WORDS)  # quận, huyện, thị xã, thành phố


def district_words(districts: set[str]) -> str:
    """The types of district among these names, as a column heading names them: "huyện,
    thành phố" in Hòa Bình, "quận, huyện, thị xã" in Hà Nội."""
    names = {d.lower() for d in districts}
    present = [w for w in DISTRICT_ORDER if any(n.startswith(w + " ") for n in names)]
    return ", ".join(present or ("huyện", "thành phố"))


NO_MEMBER = "Chưa phân công Ủy viên Ban Thường vụ phụ trách"


@dataclass
class MemberTable:
    """Per member in charge: the summary row (counted on each item's due date), the position
    and the area in words; the units without a member last; the total as the summary's."""

    rows: list[SummaryRow]
    positions: dict[str, str]
    areas: dict[str, str]
    total: SummaryRow


def member_table(items: list[Status], member_of: Callable[[Status], object], total_label: str) -> MemberTable:
    """The table *Theo UVBTV phụ trách*: a member's area is named by its districts where it
    holds all of a district's communes (as the decision says it), by its communes otherwise."""
    found = {}
    for item in items:
        found[id(item)] = member_of(item)

    def group(item: Status) -> str:
        m = found[id(item)]
        return m.member if m is not None else NO_MEMBER

    rows, total = summarize(items, group, total_label)
    rows = [r for r in rows if r.label != NO_MEMBER] + [r for r in rows if r.label == NO_MEMBER]
    positions: dict[str, str] = {}
    for item in items:
        m = found[id(item)]
        if m is not None and m.position:
            positions.setdefault(m.member, m.position)
    of_district: dict[str, set] = defaultdict(set)  # every commune of each district among the items
    held: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for item in items:
        a = item.owed.assignment
        of_district[a.district].add(a.commune_code)
        held[group(item)][a.district][a.commune_code] = a.commune
    areas = {}
    for label, districts in held.items():
        parts = []
        for district, communes in districts.items():
            if district and set(communes) == of_district[district]:
                parts.append(district)
            else:
                names = ", ".join(communes.values())
                parts.append(f"{names} ({district})" if district else names)
        areas[label] = "; ".join(parts)
    return MemberTable(rows, positions, areas, total)
