"""What the pages' forms hold, as the ops take it, and the command line a clerk would have
typed for the same change (history shows it; a change from the page and the same one from
the CLI leave the same ledger)."""

from __future__ import annotations

from cadretrack.errors import CadretrackError
from cadretrack.i18n import t
from cadretrack.web.common import parse_day

# The input column an op's error names -> the form field it is shown beside.
FIELD_OF = {"received": "date", "date": "date", "kind": "kind", "year": "year", "rating": "rating",
            "score": "score", "commune": "commune", "district": "commune", "cadre": "cadre", "code": "commune"}

# The options of `record KIND`, in the order the CLI's command line lists them.
RECORD_OPTIONS = ("year", "date", "commune", "district", "cadre", "number", "note", "rating")


PEOPLE_FILTERS = ("commune", "cadre")  # (and the member, given to check apart) names of people and places they follow: POST bodies only


def check_filters(values, private: bool = False):
    """The list's filters as the Criteria `check` takes. Those naming people are read only from
    a POST body (`private`), never from a query string the browser keeps in its history."""
    from cadretrack.domain.criteria import Criteria

    def value(name: str) -> str:
        return (values.get(name) or "").strip()

    people = {name: value(name) for name in PEOPLE_FILTERS} if private else {}
    return Criteria(kinds=value("kind"), district=value("district"), agency=value("agency"), **people)


def filing_input(values):
    """The record form as `record KIND` parses its options: the same FilingInput."""
    from cadretrack.ops.filings import FilingInput, normalize_rating

    year_text = (values.get("year") or "").strip()
    try:
        year = int(year_text)
    except ValueError:
        raise CadretrackError("cli_bad_value", column="year", name=t("web_year"),
                              detail=t("cli_not_integer", value=year_text)) from None
    date_text = (values.get("date") or "").strip()
    if not date_text:
        raise CadretrackError("web_field_missing", column="date", name=t("web_record_date"))
    try:
        filed = parse_day(date_text)
    except CadretrackError as exc:
        raise CadretrackError(exc.key, column="date", **exc.fields) from None
    try:
        rating = normalize_rating(values.get("rating") or "")
    except CadretrackError as exc:
        raise CadretrackError(exc.key, column="rating", **exc.fields) from None
    item = FilingInput(
        kind=(values.get("kind") or "").strip(), year=year, filed=filed,
        commune=(values.get("commune") or "").strip(), district=(values.get("district") or "").strip(),
        cadre=(values.get("cadre") or "").strip(), number=values.get("number") or "", rating=rating,
        note=values.get("note") or "",
    )
    return item, bool(values.get("replace"))


def record_command(values) -> list[str]:
    """`cadretrack record KIND --year … --date …` as the CLI would keep it in history."""
    words = ["cadretrack", "record", (values.get("kind") or "").strip()]
    for name in RECORD_OPTIONS:
        value = values.get(name) or ""
        if name in ("year", "date", "commune", "district", "cadre"):
            value = value.strip()
        if value:
            words += [f"--{name}", value]
    if values.get("replace"):
        words.append("--replace")
    return words


def sort_items(items: list, order: str) -> list:
    """The list in the order asked for; the check's own order (by place) otherwise."""
    if order == "due":
        return sorted(items, key=lambda i: i.owed.due)
    if order == "late":
        return sorted(items, key=lambda i: -(i.days_late or 0))
    if order == "cadre":
        from cadretrack.domain.names import sort_key

        return sorted(items, key=lambda i: sort_key(i.owed.assignment.cadre))
    return items
