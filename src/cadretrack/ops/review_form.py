"""The rows a review workbook asks about, for a form, and the workbook completed from the
form's answers: the page answers exactly as a clerk completing the workbook in Excel does, so
the answers are applied and remembered by `import filings` of that workbook, as ever."""

from __future__ import annotations

from pathlib import Path

from cadretrack.domain.book import ANSWERS
from cadretrack.domain.dates import DateError, format_date, parse_cell_date
from cadretrack.domain.names import clean
from cadretrack.readers.filings import read_filing_rows
from cadretrack.readers.grid import read_grids

FORM_FIELDS = ("action", "kind", "year", "commune", "district", "cadre")  # what the clerk completes


def review_rows(path: Path) -> list[dict]:
    """Each row of the review workbook at `path`: its place in the book, the fields the clerk
    completes (as text), and what the clerk reads to decide."""
    rows = []
    for record in read_filing_rows(path, None, read_grids(path)):
        v = record.values
        if not clean(v.get("place")):
            continue
        try:
            received = format_date(parse_cell_date(v.get("received")))
        except DateError:
            received = clean(v.get("received"))
        row = {name: clean(v.get(name)) for name in (*FORM_FIELDS, "place", "number", "sender", "summary", "note")}
        row["year"] = row["year"].removesuffix(".0")
        row["received"] = received
        row["action"] = next((key for key, words in ANSWERS.items() if words == row["action"]), "")
        rows.append(row)
    return rows


def complete_review(source: Path, output, answers: dict[str, dict]) -> None:
    """`source` completed as `answers` (place -> field -> text) say, written to `output`."""
    from cadretrack.render.review_fill import fill_review

    fill_review(source, output, {place: {**a, "action": ANSWERS.get(a.get("action", ""), "")}
                                 for place, a in answers.items()})
