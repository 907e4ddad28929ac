"""`list filings` for people (a table in the user's language, dates day first) and scripts."""

from __future__ import annotations

from cadretrack.domain.dates import format_date
from cadretrack.domain.ratings import RATINGS
from cadretrack.i18n import get_lang, t
from cadretrack.render.terminal import console, table
from cadretrack.render.text import print_for_scripts

TABLE_ROWS = 500  # in the table for people; all of them in JSON and CSV
FIELDS = ["kind", "year", "filed", "number", "commune", "commune_code", "district", "cadre", "agency",
          "rating", "score", "note", "summary", "changeset"]


def filing_dicts(listed) -> list[dict]:
    out = []
    for r in listed.items:
        f, a = r.filing, r.assignment
        out.append({
            "kind": f.kind, "year": f.year, "filed": f.filed, "number": f.number or None,
            "commune": a.commune, "commune_code": a.official_code, "district": a.district or None,
            "cadre": a.cadre, "agency": a.agency or None, "rating": f.rating or None, "score": f.score,
            "note": f.note or None, "summary": r.summary or None, "changeset": r.changeset,
        })
    return out


def print_filings(listed, format: str) -> None:
    if print_for_scripts(filing_dicts(listed), FIELDS, format):
        return
    out = console()
    if not listed.items:
        out.print(t("filings_none"))
        return
    lang = get_lang()

    def kind(code: str) -> str:
        rule = listed.kinds.get(code)
        return rule.label(lang) if rule is not None else code

    headers = [t(k) for k in ("col_district", "col_commune", "col_code", "col_kind", "col_year", "col_filed",
                              "col_number", "col_cadre", "col_agency", "col_rating", "col_note", "col_changeset")]
    rows = []
    for r in listed.items[:TABLE_ROWS]:
        f, a = r.filing, r.assignment
        rating = RATINGS[f.rating][0 if lang == "vi" else 2] if f.rating in RATINGS else f.rating
        if f.score is not None:
            rating = f"{rating} ({f.score:g})".strip()
        rows.append([a.district or a.province, a.commune, a.official_code, kind(f.kind), str(f.year),
                     format_date(f.filed), f.number, a.cadre, a.agency, rating,
                     "; ".join(p for p in (r.summary, f.note) if p), str(r.changeset)])
    shown = table(t("filings_title"), headers, rows)
    more = len(listed.items) - len(rows)
    if more:
        shown.caption, shown.caption_justify = t("filings_more", count=more), "left"
    out.print(shown)
    out.print(t("filings_count", count=len(listed.items)))
