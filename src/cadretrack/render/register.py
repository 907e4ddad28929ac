"""What `import filings` decided, for people (tables grouped by decision) and scripts (JSON)."""

from __future__ import annotations

from cadretrack.domain.dates import format_date
from cadretrack.i18n import t
from cadretrack.render.problems import kind_label, message
from cadretrack.render.streams import write_data
from cadretrack.render.text import to_json

TABLE_LIMIT = 300  # rows per table on screen; JSON has every row


def reason_text(d, labels: dict[str, tuple[str, str]] | None = None) -> str:
    """Why a row awaits review, in the user's language."""
    return message(d.problem, labels, kind=d.kind, year=d.year) if d.problem is not None else ""


def row_dict(d, labels: dict | None = None) -> dict:
    a = d.assignment
    code = a.official_code if a is not None else (d.communes[0].official if len(d.communes) == 1 else None)
    return {
        "row": d.row,
        "decision": d.decision,
        "kind": d.kind if d.decision != "unrelated" else None,
        "year": d.year if d.decision != "unrelated" else None,
        "commune_code": code,
        "cadre": a.cadre if a is not None and d.decision == "filing" else None,
        "filed": d.filed.isoformat() if d.filed and d.decision != "unrelated" else None,
        "reason": reason_text(d, labels) or d.earlier or None,
        "withdrawn": _withdrawn(d),
    }


def _withdrawn(d) -> dict | None:
    """The filing this row had produced and no longer is (withdrawn, or replaced when the row
    is now another filing): its kind, year and date received."""
    f = getattr(d, "withdrawn", None)
    if f is None:
        return None
    return {"kind": f.kind, "year": f.year, "filed": f.filed.isoformat(),
            "replaced": d.decision == "filing"}


def emit_json(result, path) -> None:
    write_data(to_json({"file": path.name, "counts": result.counts,
                        "rows": [row_dict(d, result.labels) for d in result.decisions]}) + "\n")


def _cut(rows: list, out) -> list:
    if len(rows) > TABLE_LIMIT:
        out.print(t("office_more", count=len(rows) - TABLE_LIMIT))
    return rows[:TABLE_LIMIT]


def print_tables(result) -> None:
    """The filings to record (dry run) and the rows to review, each as a table (unrelated
    rows are only counted)."""
    from cadretrack.render.terminal import console, table

    out = console()
    # The filings before they are recorded (--dry-run); once recorded, the counts say it.
    filings = [d for d in result.decisions if d.decision == "filing" and not d.unchanged and result.dry_run]
    if filings:
        rows = [[str(d.row), kind_label(d.kind, result.labels), str(d.year), d.assignment.commune, d.assignment.cadre,
                 format_date(d.filed)] for d in filings[:TABLE_LIMIT]]
        out.print(table(t("office_title_filing_dry" if result.dry_run else "office_title_filing"),
                        [t("col_row"), t("col_kind"), t("col_year"), t("col_commune"), t("col_cadre"),
                         t("col_filed")], rows))
        _cut(filings, out)
    review = [d for d in result.decisions if d.decision == "review"]
    if review:
        rows = [[str(d.row), d.sender, d.summary, reason_text(d, result.labels)] for d in review[:TABLE_LIMIT]]
        out.print(table(t("office_title_review"),
                        [t("col_row"), t("col_sender"), t("col_doc_summary"), t("col_reason")], rows))
        _cut(review, out)


def office_lines(result, path, review=None, hints: bool = True) -> list[str]:
    """What importing an office register did, line by line (the terminal and the web page):
    the counts, rows whose content changed, filings withdrawn or replaced, the review file or
    how to get one (`hints`: the command line's words), questions still waiting from before."""
    counts = result.counts
    lines = [t("office_dry" if result.dry_run else "office_done", path=str(path), added=result.added,
               unchanged=result.unchanged, **counts)]
    changed = [d.row for d in result.decisions if d.changed]
    if changed:
        lines.append(t("office_changed", count=len(changed), rows=", ".join(map(str, changed[:20]))))
    followed = [d.row for d in result.decisions if d.withdrawn is not None]
    if followed:
        lines.append(t("office_withdrawn_dry" if result.dry_run else "office_withdrawn", withdrawn=counts["withdrawn"],
                       replaced=counts["replaced"], rows=", ".join(map(str, followed[:20]))))
    if hints and (counts["review"] or (review and result.awaiting)):
        lines.append(t("office_review_written", path=str(review)) if review else t("office_review_hint"))
    if result.awaiting > counts["review"]:
        lines.append(t("office_still_awaiting", count=result.awaiting - counts["review"]))
    return lines


def answer_lines(result, path) -> list[str]:
    """A completed review workbook imported: one line counting what the answers did, then
    the rows not answered yet and the rows deleted from it that still wait, with how to
    answer them."""
    a = result.answers
    lines = [t("answers_summary_dry" if result.dry_run else "answers_summary", path=str(path),
           unchanged=result.unchanged, waiting=a["waiting"] + a["deleted"],
           **{k: a[k] for k in ("new", "replaced", "difficulties", "unrelated", "withdrawn")})]
    if result.waiting_rows:
        lines.append(t("answers_blank", count=len(result.waiting_rows), rows=_some(result.waiting_rows)))
    if result.deleted:
        lines.append(t("answers_deleted", count=len(result.deleted), places=_some(result.deleted)))
    return lines


def _some(items: list, limit: int = 20) -> str:
    shown = ", ".join(map(str, items[:limit]))
    return shown + (" …" if len(items) > limit else "")
