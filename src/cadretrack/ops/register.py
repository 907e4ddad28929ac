"""`import filings`: the register of incoming documents, all or nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cadretrack.domain.dates import DateError, format_date, parse_cell_date
from cadretrack.domain.names import clean, person_name
from cadretrack.errors import CadretrackError, InputProblems, Problem
from cadretrack.ops.calendar import holidays_for
from cadretrack.ops.filings import Context, FilingInput, Prepared, kind_of, normalize_rating, prepare, save
from cadretrack.readers.filings import FilingRow, read_filing_rows
from cadretrack.readers.grid import read_grids
from cadretrack.readers.office_register import read_office_rows
from cadretrack.store.backup import auto_backup
from cadretrack.store.ledger import Ledger, close_changeset, ledger_path, open_changeset, write


@dataclass
class RegisterResult:
    added: int
    replaced: int
    unchanged: int
    rows: int
    dry_run: bool
    office: bool = False  # the office's own register (every row decided), not the purpose-built list
    decisions: list = field(default_factory=list)  # RowDecision of every row

    @property
    def counts(self) -> dict[str, int]:
        from cadretrack.ops.office_register import counts

        return counts(self.decisions)


class _RowError(Exception):
    """A cell of the row that cannot be read: its field, a message key and its fields."""

    def __init__(self, column: str, key: str, **fields) -> None:
        self.column, self.key, self.fields = column, key, fields


def _year(value: object) -> int:
    text = clean(value)
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise _RowError("year", "year_invalid", value=text)
    return int(text)


def _score(value: object) -> float | None:
    text = clean(value).replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise _RowError("score", "score_invalid", score=text) from None


def to_input(row: FilingRow) -> FilingInput:
    v = row.values
    try:
        filed = parse_cell_date(v["received"])
    except DateError:
        raise _RowError("received", "date_invalid", value=clean(v["received"])) from None
    kind = kind_of(clean(v["kind"]))
    if kind is None:
        raise _RowError("kind", "kind_unknown", kind=clean(v["kind"]), kinds="Chương trình, Báo cáo, Nhận xét đánh giá")
    try:
        rating = normalize_rating(clean(v["rating"]))
    except CadretrackError as exc:
        raise _RowError("rating", exc.key, **exc.fields) from None
    return FilingInput(
        kind=kind, year=_year(v["year"]), filed=filed, commune=clean(v["commune"]),
        district=clean(v["district"]), code=v["code"] if not isinstance(v["code"], str) else v["code"].strip(),
        cadre=person_name(clean(v["cadre"])), number=clean(v["number"]), rating=rating, score=_score(v["score"]),
        note=v["note"] if isinstance(v["note"], str) else clean(v["note"]),  # notes are kept exactly
    )


_COLUMN_OF_ERROR = {
    "date_future": "received", "date_before_year": "received", "year_out_of_range": "year",
    "rating_not_evaluation": "rating", "score_invalid": "score", "kind_unknown": "kind",
    "filing_ambiguous": "cadre", "filing_wrong_cadre": "cadre", "district_unknown": "district",
    "district_unit_mismatch": "district", "code_unknown": "code", "code_invalid": "code",
    "code_name_mismatch": "code",
}


def import_filings(
    db: Ledger, path: Path, now: dt.datetime, today: dt.date, command: list[str],
    sheet: str | None = None, dry_run: bool = False, review: Path | None = None,
) -> RegisterResult:
    """The purpose-built list (all or nothing) or the office's register (every row decided)."""
    grids = read_grids(path, sheet)
    try:
        rows = read_filing_rows(path, sheet, grids)
    except CadretrackError as exc:
        if exc.key != "register_header_missing":
            raise
        return _import_office(db, path, read_office_rows(path, sheet, grids), now, today, command, dry_run, review)
    if rows and "year" not in rows[0].labels:
        # Loại văn bản and an Địa bàn column, but no Năm: an office register that keeps a
        # commune column, not the purpose-built list (which names the year of each filing).
        try:
            return _import_office(db, path, read_office_rows(path, sheet, grids), now, today, command, dry_run,
                                  review)
        except CadretrackError as exc:
            if exc.key != "register_header_missing":
                raise
    if not rows:
        raise CadretrackError("file_no_filings", path=str(path))
    if review is not None:
        _check_review_path(review)
    ctx = Context.load(db)
    problems: list[Problem] = []
    ready: list[Prepared] = []
    unchanged = 0
    seen: dict[tuple, FilingRow] = {}
    listed: list[tuple[FilingRow, Prepared]] = []
    holidays_loaded: set[int] = set()
    for row in rows:
        try:
            item = to_input(row)
            if item.year not in holidays_loaded and ctx.rules.next_working_day:
                ctx.holidays = ctx.holidays | holidays_for(ctx.rules, item.year)
                holidays_loaded.add(item.year)
            prepared = prepare(item, ctx, today)
        except _RowError as exc:
            problems.append(row.problem(exc.column, exc.key, **exc.fields))
            continue
        except CadretrackError as exc:
            problems.append(row.problem(_COLUMN_OF_ERROR.get(exc.key, "commune"), exc.key, **exc.fields))
            continue
        key = (prepared.assignment.id, item.kind, item.year)
        if key in seen:
            problems.append(row.problem("kind", "filing_repeated", first=seen[key].row))
            continue
        seen[key] = row
        listed.append((row, prepared))
        if prepared.existing is None:
            ready.append(prepared)
        elif prepared.same_as_existing:
            unchanged += 1
        else:
            problems.append(row.problem("received", "filing_duplicate", kind=item.kind, year=item.year,
                                        commune=prepared.assignment.commune,
                                        date=format_date(prepared.existing.filed)))
    if problems:
        raise InputProblems(str(path), problems)
    decisions = [_listed(row, p) for row, p in listed]
    result = RegisterResult(added=len(ready), replaced=0, unchanged=unchanged, rows=len(rows), dry_run=dry_run,
                            decisions=decisions)
    if review is not None:
        from cadretrack.render.review import write_review

        write_review(review, path.name, [], today)
    _save(db, ready, now, command, dry_run)
    return result


def _listed(row: FilingRow, p: Prepared):
    """A row of the purpose-built list as a decision, for --format json."""
    from cadretrack.ops.office_register import RowDecision

    return RowDecision(row.row, row.sheet, "filing", kind=p.item.kind, year=p.item.year, filed=p.item.filed,
                       assignment=p.assignment, unchanged=p.existing is not None)


def _save(db: Ledger, ready: list[Prepared], now: dt.datetime, command: list[str], dry_run: bool) -> None:
    if dry_run or not ready:
        return
    auto_backup(ledger_path(db), "import", now)
    with write(db):
        changeset = open_changeset(db, command, now)
        save(ready, db, changeset)
        close_changeset(db, changeset, {"filings": len(ready)})


def _check_review_path(review: Path) -> None:
    if review.suffix.lower() != ".xlsx":
        raise CadretrackError("export_suffix", path=str(review))
    if not review.parent.is_dir():
        raise CadretrackError("folder_missing", path=str(review.parent))


def _import_office(db, path, records, now, today, command, dry_run, review) -> RegisterResult:
    from cadretrack.ops.office_register import decide_rows, prepared

    if not records:
        raise CadretrackError("file_no_filings", path=str(path))
    if review is not None:
        _check_review_path(review)
    decisions = decide_rows(records, Context.load(db), today)
    ready = prepared(decisions)
    unchanged = sum(1 for d in decisions if d.decision == "filing" and d.unchanged)
    if review is not None:
        from cadretrack.render.review import write_review

        write_review(review, path.name, [d for d in decisions if d.decision == "review"], today)
    _save(db, ready, now, command, dry_run)
    return RegisterResult(added=len(ready), replaced=0, unchanged=unchanged, rows=len(records), dry_run=dry_run,
                          office=True, decisions=decisions)
