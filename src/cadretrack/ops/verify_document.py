"""`verify FILE`: is an exported document from this ledger, are its figures still what the
ledger said at its moment (and if someone edited it, where), and how much changed since.

The document is made again from its stamp, from the ledger as known at the stamp's change
set and with the stamp's dates, in memory; then compared cell by cell (a workbook) or
paragraph by paragraph (a report) with the file. Nothing is written."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from cadretrack.bulk import collector_paused
from cadretrack.domain.provenance import Stamp, parse_stamp
from cadretrack.errors import CadretrackError
from cadretrack.ops.check import run_check
from cadretrack.ops.followup import list_difficulties, meeting_counts
from cadretrack.ops.known import known_upto
from cadretrack.ops.provenance import letters_stamp, make_stamp
from cadretrack.readers.document import document_texts, read_document, workbook_cells
from cadretrack.store.known import Moment, changes_after, last_changeset
from cadretrack.store.ledger import Ledger, ledger_identity

MAX_DIFFERENCES = 200  # named one by one; more are counted


@dataclass
class DocumentCheck:
    file: str
    stamp: Stamp
    same_ledger: bool
    unedited: bool | None = None  # None: cannot be told (another ledger's document)
    differences: list[dict] = field(default_factory=list)
    more: int = 0  # differences beyond those listed
    changes_since: int | None = None
    compared: str = "document"  # or "figures": a report from the Board's own template

    def as_dict(self) -> dict:
        return {
            "file": self.file, "same_ledger": self.same_ledger, "year": self.stamp.year,
            "as_of": self.stamp.as_of.isoformat(), "known_on": self.stamp.at or None,
            "changeset": self.stamp.changeset, "document": self.stamp.document, "unedited": self.unedited,
            "differences": self.differences, "more_differences": self.more, "changes_since": self.changes_since,
            "compared": self.compared,
        }


def document_stamp(path: Path) -> Stamp:
    """The stamp of a document cadretrack exported; refused (exit 2) for any other file."""
    stamp = parse_stamp(read_document(path).stamp)
    if stamp is None:
        raise CadretrackError("verify_not_ours", path=str(path))
    return stamp


def verify_document(db: Ledger, path: Path) -> DocumentCheck:
    doc = read_document(path)
    stamp = parse_stamp(doc.stamp)
    if stamp is None and doc.suffix == ".docx":
        index = _letters_index_beside(path)
        if index is not None:  # one of the letters: they are checked through their index
            raise CadretrackError("verify_a_letter", path=str(path), index=str(index))
    if stamp is None or (stamp.document == "report") != (doc.suffix == ".docx"):
        raise CadretrackError("verify_not_ours", path=str(path))
    result = DocumentCheck(str(path), stamp, stamp.ledger == ledger_identity(db))
    if not result.same_ledger:
        return result
    if stamp.changeset > last_changeset(db).changeset:  # the ledger was put back before the document
        result.unedited = False
        result.differences.append({"where": "stamp", "document": stamp.changeset, "ledger": None})
        result.changes_since = 0
        return result
    result.changes_since = changes_after(db, stamp.changeset)
    view, _ = known_upto(db, stamp.changeset)
    try:
        remade, again = _remade(view, stamp)
    finally:
        if view is not db:
            view.close()
    if again.digest != stamp.digest:  # the ledger no longer holds those figures for that moment
        result.differences.append({"where": "stamp", "document": stamp.digest, "ledger": again.digest})
    if stamp.own_template:  # made from a template we do not have: its figures alone can be checked
        result.compared = "figures"
        pairs = []
    elif doc.suffix == ".xlsx":
        found, wanted = workbook_cells(doc.data), workbook_cells(remade)
        places = sorted(found.keys() | wanted.keys(), key=lambda k: (k[0], _cell_order(k[1])))
        pairs = [(f"{sheet}!{cell}", found.get((sheet, cell)), wanted.get((sheet, cell))) for sheet, cell in places]
    else:
        found_t, wanted_t = document_texts(doc.data), document_texts(remade)
        pairs = [(place, found_t.get(place), wanted_t.get(place)) for place in _in_order(found_t, wanted_t)]
    for where, in_file, in_ledger in pairs:
        if in_file != in_ledger:
            if len(result.differences) < MAX_DIFFERENCES:
                result.differences.append({"where": where, "document": in_file, "ledger": in_ledger})
            else:
                result.more += 1
    result.unedited = not result.differences and not result.more
    return result


def _letters_index_beside(path: Path, most: int = 20) -> Path | None:
    """The letters index (a workbook stamped as letters) in the same folder as `path`, if any."""
    try:
        workbooks = sorted(p for p in path.parent.glob("*.xlsx") if p.is_file())[:most]
    except OSError:
        return None
    for candidate in workbooks:
        try:
            stamp = parse_stamp(read_document(candidate).stamp)
        except CadretrackError:
            continue
        if stamp is not None and stamp.document == "letters":
            return candidate
    return None


def _remade(view: Ledger, stamp: Stamp) -> tuple[bytes, Stamp]:
    """The document made again from the ledger as known at its stamp, and its new stamp."""
    moment = Moment(stamp.changeset, stamp.at)
    buffer = io.BytesIO()
    with collector_paused():
        if stamp.document == "letters":
            from cadretrack.ops.remind import index_bytes, reminders

            from cadretrack.domain.criteria import Criteria

            found = reminders(view, stamp.as_of, stamp.within, stamp.year,
                              Criteria(kinds=stamp.kinds, district=stamp.district), stamp.to_members,
                              member=stamp.member)
            found.stamp = letters_stamp(view, found, moment, stamp.made)
            return index_bytes(found, stamp.made), found.stamp
        report = run_check(view, stamp.year, stamp.as_of, include_all=True)
        report.stamp = make_stamp(view, report, moment, stamp.document, stamp.made, own_template=stamp.own_template)
        difficulties = list_difficulties(view, stamp.as_of, year=stamp.year)
        if stamp.document == "summary":
            from cadretrack.render.workbook import write_summary

            write_summary(report, buffer, stamp.made, None, meeting_counts(view, stamp.year), difficulties)
            return buffer.getvalue(), report.stamp
        from cadretrack.render.report import report_bytes

        return report_bytes(report, difficulties, stamp.made), report.stamp


def _cell_order(cell: str) -> tuple[int, int]:
    letters = cell.rstrip("0123456789")
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(cell[len(letters):] or 0), col


def _in_order(a: dict, b: dict) -> list[str]:
    seen = dict.fromkeys(a)
    seen.update(dict.fromkeys(b))
    return list(seen)
