"""`import filings`: the register of incoming documents, all or nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cadretrack.domain.book import ANSWERS, answer_of
from cadretrack.domain.dates import DateError, format_date, parse_cell_date
from cadretrack.domain.names import clean, person_name
from cadretrack.context import Run
from cadretrack.domain.regime import Regime
from cadretrack.errors import CadretrackError, InputProblems, Label, Problem
from cadretrack.ops.calendar import holidays_for
from cadretrack.progress import steps
from cadretrack.ops.filings import FilingInput, Lookup, Prepared, kind_of, normalize_rating, prepare
from cadretrack.ops.review_answers import Answers, is_review_row
from cadretrack.readers.filings import FilingRow, read_filing_rows
from cadretrack.readers.grid import read_grids
from cadretrack.readers.office_register import read_office_rows
from cadretrack.readers.review_stamp import read_review_stamp
from cadretrack.store import journal
from cadretrack.store.backup import auto_backup
from cadretrack.store.filings import save_filings
from cadretrack.store.ledger import Ledger, ledger_identity


@dataclass
class RegisterResult:
    added: int
    unchanged: int
    rows: int
    dry_run: bool
    office: bool = False  # the office's own register (every row decided), not the purpose-built list
    decisions: list = field(default_factory=list)  # RowDecision of every row
    labels: dict = field(default_factory=dict)  # kind -> (label vi, label en), of the ledger's rule sets
    superseding: int = 0  # filings recorded in place of one on file (--replace, or an answer given anew)
    awaiting: int = 0  # rows awaiting the clerk's answer, new or asked before (the review workbook's)
    answers: dict = field(default_factory=dict)  # a review workbook's: Answers.counts
    waiting_rows: list = field(default_factory=list)  # a review workbook's rows with a blank Xử lý
    deleted: list = field(default_factory=list)  # places the review workbook asked about, deleted, still awaited

    @property
    def counts(self) -> dict[str, int]:
        from cadretrack.ops.office_register import counts

        # A row answered as a difficulty is listed as no filing ("unrelated") but counted
        # among the difficulties only; one answered "unrelated" is a decision of its own.
        out = counts([d for d in self.decisions if d.problem is None or d.problem.key != "answered_difficulty"])
        for key in ("withdrawn", "replaced"):
            out[key] += self.answers.get(key, 0)
        out["review"] += self.answers.get("deleted", 0)
        if self.answers:
            out["difficulties"] = self.answers["difficulties"]
        return out


def _year(value: object) -> int:
    text = clean(value)
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise CadretrackError("year_invalid", column="year", value=text)
    return int(text)


def _score(value: object) -> float | None:
    text = clean(value).replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise CadretrackError("score_invalid", column="score", score=text) from None


def _received(value: object) -> dt.date:
    try:
        return parse_cell_date(value)
    except DateError:
        raise CadretrackError("date_invalid", column="received", value=clean(value)) from None


def _kind(value: object, regime: Regime) -> str:
    kind = kind_of(clean(value), regime)
    if kind is None:
        raise CadretrackError("kind_unknown", column="kind", kind=clean(value),
                              kinds="; ".join(rule.label_vi for rule in regime.kinds().values()))
    return kind



def _rating(value: object) -> str:
    try:
        return normalize_rating(clean(value))
    except CadretrackError as exc:
        raise CadretrackError(exc.key, column="rating", **exc.fields) from None


def to_input(row: FilingRow, regime: Regime) -> tuple[FilingInput | None, list[Problem]]:
    """The row as a filing to tie to an assignment, or every problem of its cells."""
    v = row.values
    problems: list[Problem] = []

    def read(parse, value):
        try:
            return parse(value)
        except CadretrackError as exc:
            problems.append(row.problem_of(exc))
            return None

    filed, kind = read(_received, v["received"]), read(lambda value: _kind(value, regime), v["kind"])
    rating = read(_rating, v["rating"])
    year, score = read(_year, v["year"]), read(_score, v["score"])
    if problems:
        return None, problems
    return FilingInput(
        kind=kind, year=year, filed=filed, commune=clean(v["commune"]),
        district=clean(v["district"]), code=v["code"] if not isinstance(v["code"], str) else v["code"].strip(),
        cadre=person_name(clean(v["cadre"])), number=clean(v["number"]), rating=rating, score=score,
        note=v["note"] if isinstance(v["note"], str) else clean(v["note"]),  # notes are kept exactly
        summary=clean(v["summary"]),  # a review workbook's trích yếu
    ), []


def import_filings(
    db: Ledger, path: Path, run: Run, sheet: str | None = None, dry_run: bool = False, review: Path | None = None,
    replace: bool = False,
) -> RegisterResult:
    """The purpose-built list or a completed review workbook (all or nothing), or the office's
    register (every row decided, once), with a bar while it works."""
    with steps("progress_register"):
        return _import_filings(db, path, run, sheet, dry_run, review, replace)


def _import_filings(
    db: Ledger, path: Path, run: Run, sheet: str | None = None, dry_run: bool = False, review: Path | None = None,
    replace: bool = False,
) -> RegisterResult:
    """The purpose-built list or a completed review workbook (all or nothing), or the office's
    register (every row decided, once)."""
    grids = read_grids(path, sheet)
    try:
        rows = read_filing_rows(path, sheet, grids)
    except CadretrackError as exc:
        if exc.key != "register_header_missing":
            raise
        return _import_office(db, path, read_office_rows(path, sheet, grids), run, dry_run, review)
    if rows and "year" not in rows[0].labels:
        # Loại văn bản and an Địa bàn column, but no Năm: an office register that keeps a
        # commune column, not the purpose-built list (which names the year of each filing).
        try:
            return _import_office(db, path, read_office_rows(path, sheet, grids), run, dry_run, review)
        except CadretrackError as exc:
            if exc.key != "register_header_missing":
                raise
    if not rows:
        raise CadretrackError("file_no_filings", path=str(path))
    if review is not None:
        _check_review_path(db, review)
    return _import_list(db, path, rows, run, dry_run, review, replace)


def _import_list(db: Ledger, path: Path, rows: list[FilingRow], run: Run, dry_run: bool, review: Path | None,
                 replace: bool) -> RegisterResult:
    ctx = Lookup.load(db)
    problems: list[Problem] = []
    ready: list[Prepared] = []
    unchanged = 0
    seen: dict[tuple, FilingRow] = {}
    listed: list[tuple[FilingRow, Prepared]] = []
    answers = Answers(db, ctx)
    holidays_loaded: set[int] = set()
    skip: set = set()
    asked = [row for row in rows if is_review_row(row)]
    taken: list = []  # the rows answered "difficulty" or "unrelated", as decisions for --format json
    if asked and review is not None:  # its questions still waiting are in it: a new one would be empty
        raise CadretrackError("review_of_review", path=str(path), review=str(review))
    if asked:  # a review workbook: its own ledger's, each place once, places it asked about
        found, skip = answers.check_places(asked, read_review_stamp(path), ledger_identity(db))
        problems += found
    for row in rows:
        if id(row) in skip:
            continue
        answer = answer_of(row.values["action"])
        if answer == "" and is_review_row(row):
            continue  # not answered yet: it waits (Answers.waiting), whatever its other cells say
        if answer is None:
            problems.append(row.problem("action", "answer_unknown", value=clean(row.values["action"]),
                                        answers="; ".join(f'"{a}"' for a in ANSWERS.values())))
            continue
        if answer in ("unrelated", "difficulty"):
            problems += answers.take(row, answer, run.today)
            taken.append(_answered(row, answer))
            continue
        item, found = to_input(row, ctx.regime)
        if found:
            problems += found
            continue
        if item.year not in holidays_loaded and ctx.regime.needs_holidays():
            ctx.holidays = ctx.holidays | holidays_for(ctx.regime, item.year)
            holidays_loaded.add(item.year)
        try:
            prepared = prepare(item, ctx, run.today)
        except CadretrackError as exc:
            problems.append(in_workbook(row, exc))
            continue
        own = answers.own.get(clean(row.values["place"])) if is_review_row(row) else None
        if own is not None:
            answers.follow(clean(row.values["place"]), prepared)  # the filing its earlier answer produced
        key = (prepared.assignment.id, prepared.item.kind, item.year)
        if key in seen:
            problems.append(row.problem("kind", "filing_repeated", first=seen[key].row))
            continue
        seen[key] = row
        listed.append((row, prepared))
        if prepared.existing is None or ((replace or answer == "replace") and not prepared.same_as_existing) or (
                own is not None and prepared.existing is own and not prepared.same_as_existing):
            ready.append(prepared)
        elif prepared.same_as_existing:
            unchanged += 1
        else:
            rule = prepared.rule
            problems.append(row.problem("action" if "action" in row.labels else "received", "row_duplicate",
                                        kind=Label(rule.label_vi, rule.label_en),
                                        year=item.year, commune=prepared.assignment.commune,
                                        date=format_date(prepared.existing.filed), received=format_date(item.filed),
                                        action=row.labels.get("action", "Xử lý"), replace=ANSWERS["replace"]))
    if problems:
        if asked:  # the places' problems among the others, row by row as the clerk reads them
            sheets = list(dict.fromkeys(row.sheet for row in rows))
            problems.sort(key=lambda p: (sheets.index(p.sheet) if p.sheet in sheets else 0, p.row or 0))
        raise InputProblems(str(path), problems)
    decisions = sorted([_listed(row, p) for row, p in listed] + taken + [_waiting(row) for row in answers.waiting],
                       key=lambda d: d.row)
    done = answers.counts(ready) if asked else {}
    superseding = sum(1 for p in ready if p.existing is not None)  # replacements (--replace), not new filings
    result = RegisterResult(added=len(ready) - superseding, superseding=superseding, unchanged=unchanged,
                            rows=len(rows), dry_run=dry_run,
                            decisions=decisions, labels=ctx.regime.labels(), answers=done,
                            awaiting=len(answers.waiting) + len(answers.deleted),
                            waiting_rows=[row.row for row in answers.waiting], deleted=answers.deleted)
    if review is not None:
        from cadretrack.render.review import write_review

        write_review(review, path.name, [], run.today, ctx.regime.labels(), ledger_identity(db))
    if dry_run or not (ready or answers.any_to_write(listed)):
        return result
    auto_backup(db.path, "import", run.now)
    with journal.changeset(db, run) as cs:
        ids = dict(zip((id(p) for p in ready), save_filings(db, ready, cs)))
        written = answers.write(listed, ids, cs)
        cs.summary = {"filings": len(ready), **written}
    return result


def _listed(row: FilingRow, p: Prepared):
    """A row of the purpose-built list as a decision, for --format json."""
    from cadretrack.ops.office_register import RowDecision

    return RowDecision(row.row, row.sheet, "filing", kind=p.item.kind, year=p.item.year, filed=p.item.filed,
                       assignment=p.assignment, unchanged=p.existing is not None)


# Errors of `record` that speak of its options, said of a workbook row by its columns' headings.
_WORKBOOK_KEYS = {
    "filing_needs_who": ("row_needs_who", "commune"),
    "filing_ambiguous": ("row_ambiguous", "cadre"),
    "commune_not_in_district": ("row_commune_not_in_district", "district"),
    "code_district_mismatch": ("row_code_district_mismatch", "district"),
    "code_name_mismatch": ("row_code_name_mismatch", "code"),
}
_HEADINGS = {"commune": "Xã, phường, thị trấn", "district": "Huyện, thành phố", "code": "Mã xã",
             "cadre": "Cán bộ theo dõi"}


def in_workbook(row: FilingRow, exc: CadretrackError) -> Problem:
    """The error about a row, in the workbook's words: its columns named by their headings
    as the file writes them, never by the command line's options."""
    if exc.key not in _WORKBOOK_KEYS:
        return row.problem_of(exc)
    key, column = _WORKBOOK_KEYS[exc.key]
    headings = {f"{f}_col": row.labels.get(f, heading) for f, heading in _HEADINGS.items()}
    values = {f"{f}_value": clean(row.values.get(f)) for f in _HEADINGS}
    return row.problem(column, key, **{**exc.fields, **headings, **values})


def _answered(row: FilingRow, answer: str):
    """A row of the review workbook answered as no filing: a difficulty logged, or a row
    remembered as not the regulation's."""
    from cadretrack.ops.office_register import RowDecision

    return RowDecision(row.row, row.sheet, "unrelated",
                       problem=Problem(f"answered_{answer}", {"answer": ANSWERS[answer]}, sheet=row.sheet, row=row.row))


def _waiting(row: FilingRow):
    """A row of the review workbook whose Xử lý is blank: still awaiting the clerk's answer."""
    from cadretrack.ops.office_register import RowDecision

    return RowDecision(row.row, row.sheet, "review",
                       problem=Problem("answer_blank", {"column": row.labels.get("action", "Xử lý")},
                                       sheet=row.sheet, row=row.row))


def _check_review_path(db: Ledger, review) -> None:
    if review.suffix.lower() != ".xlsx":
        raise CadretrackError("export_suffix", path=str(review))
    if not review.parent.is_dir():
        raise CadretrackError("folder_missing", path=str(review.parent))
    answered = _answers_in(db, review)
    if answered:  # writing the questions again over it would throw the clerk's answers away
        raise CadretrackError("review_out_answered", path=str(review), count=answered)


def _answers_in(db: Ledger, review) -> int:
    """How many rows of an existing review workbook at `review` (a path or a checked Output)
    the clerk has answered (chosen a Xử lý for) and not imported yet (their places still wait);
    0 when there is none, or it is no review workbook."""
    from cadretrack.store.register import remembered

    review = Path(getattr(review, "path", review))
    try:
        if not review.is_file() or read_review_stamp(review) is None:
            return 0
        rows = read_filing_rows(review, None, read_grids(review, None))
    except (CadretrackError, OSError):
        return 0
    places = [clean(row.values["place"]) for row in rows
              if is_review_row(row) and answer_of(row.values["action"]) not in ("", None)]
    known = remembered(db, sorted(set(places))) if places else {}
    return sum(1 for p in places if p in known and (known[p].decision, known[p].decided_by) == ("review", "cadretrack"))


def _import_office(db: Ledger, path: Path, records: list, run: Run, dry_run: bool, review: Path | None
                   ) -> RegisterResult:
    from cadretrack.ops.office_register import import_office

    if review is not None:
        _check_review_path(db, review)
    decisions, added, unchanged, kinds, to_review = import_office(db, path, records, run, dry_run, review)
    return RegisterResult(added=added, unchanged=unchanged, rows=len(records), dry_run=dry_run,
                          office=True, decisions=decisions, labels=kinds, awaiting=len(to_review))
