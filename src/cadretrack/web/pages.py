"""The pages: each parses its request, calls the op the CLI calls, and renders.

Filters that name people (commune, cadre, member) travel only in POST bodies, never in a
query string the browser keeps in its history; year, as-of, status, kind, district and
agency are not personnel data and may be links (the dashboard's numbers are)."""

from __future__ import annotations

import sqlite3
from urllib.parse import urlencode

from flask import Flask, abort, make_response, redirect, request

from cadretrack.domain.dates import format_date
from cadretrack.domain.obligations import STATUSES as STATUS_KEYS
from cadretrack.errors import CadretrackError
from cadretrack.i18n import t
from cadretrack.web.common import Refused, day_and_year, ledger, page, settings, today, writes
from cadretrack.web.forms import FIELD_OF, check_filters, filing_input, record_command, sort_items

LIST_ROWS = 500  # rows drawn on the page; a download has them all


def register(app: Flask) -> None:
    app.add_url_rule("/", "dashboard", dashboard)
    app.add_url_rule("/list", "listing", listing, methods=["GET", "POST"])
    app.add_url_rule("/list/download", "download", download, methods=["POST"])
    app.add_url_rule("/record", "record", record, methods=["GET", "POST"])
    app.add_url_rule("/history", "history", history)
    app.add_url_rule("/undo", "undo", undo, methods=["GET", "POST"])
    app.add_url_rule("/changed", "changed", changed)
    app.register_error_handler(CadretrackError, _error)
    app.register_error_handler(sqlite3.Error, _sqlite_error)


def dashboard():
    from cadretrack.ops.dashboard import dashboard as run

    year, day = day_and_year(request.args)
    with ledger() as (db, _):
        report, view = run(db, year, day)
    base = {"year": year, "as_of": day.isoformat()}

    def link(status: str | None = None, **filters) -> str:
        query = {**base, **filters, **({"status": status} if status else {"status": "all"})}
        return "/list?" + urlencode(query)

    return page("dashboard.html", year=year, as_of=day, as_of_text=format_date(day), view=view,
                report=report, link=link, statuses=STATUS_KEYS)


def _list_report(values):
    from cadretrack.ops.check import parse_statuses, run_check

    year, day = day_and_year(values)
    private = request.method == "POST"
    criteria = check_filters(values, private=private)
    member = (values.get("member") or "").strip() if private else ""
    status = values.get("status") or ""
    with ledger() as (db, _):
        report = run_check(db, year, day, status=None if status in ("", "all") else parse_statuses(status),
                           include_all=status == "all", criteria=criteria, member=member)
    return report, year, day


def listing():
    values = request.form if request.method == "POST" else request.args
    report, year, day = _list_report(values)
    items = sort_items(report.items, values.get("sort") or "place")
    from cadretrack.render.check import item_dicts

    rows = item_dicts(items[:LIST_ROWS], report.rules)
    for row, item in zip(rows, items):  # dates for people, the commune's page
        row["due_text"], row["filed_text"] = _people_date(row["due"]), _people_date(row["filed"])
        row["commune_key"] = item.owed.assignment.commune_code
    return page("list.html", report=report, rows=rows, count=len(items), shown=len(rows), year=year,
                as_of=day, as_of_text=format_date(day), values=values, kinds=report.rules.kinds,
                statuses=STATUS_KEYS)


def _people_date(iso: str | None) -> str:
    import datetime as dt

    return format_date(dt.date.fromisoformat(iso)) if iso else ""


def download():
    """The list as `check --output FILE.xlsx|.csv` writes it: the same writer, into a
    private temporary folder, sent, then removed."""
    import tempfile
    from pathlib import Path

    from cadretrack.render.check import emit
    from cadretrack.output import Output

    fmt = request.form.get("format", "xlsx")
    if fmt not in ("xlsx", "csv"):
        abort(404)
    report, year, day = _list_report(request.form)
    with tempfile.TemporaryDirectory(prefix="cadretrack-") as folder:
        path = Path(folder) / f"kiem-tra-{year}.{fmt}"
        emit(report, fmt, Output.check(path, inputs=[settings().db]), today())
        data = path.read_bytes()
    response = make_response(data)
    response.headers["Content-Type"] = (
        "text/csv; charset=utf-8" if fmt == "csv"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response.headers["Content-Disposition"] = f'attachment; filename="kiem-tra-{year}.{fmt}"'
    return response


def record():
    from cadretrack.ops.ledger import load_regime

    with ledger() as (db, _):
        kinds = load_regime(db).kinds()
    values = request.form if request.method == "POST" else {"year": str(today().year)}
    if request.method == "GET":
        return page("record.html", kinds=kinds, values=values, errors={}, done="")
    return _record_post(kinds, values)


# Errors of `record` that speak of its options, said of the form's fields instead.
FORM_WORDS = {"filing_duplicate": "web_filing_duplicate", "filing_ambiguous": "web_filing_ambiguous"}


@writes
def _record_post(kinds, values):
    from cadretrack.i18n import get_lang
    from cadretrack.ops.filings import record_filing

    try:
        item, replace = filing_input(values)
        with ledger(record_command(values)) as (db, run):
            done = record_filing(db, item, run, replace=replace)
    except CadretrackError as exc:
        field = FIELD_OF.get(exc.column, "") or _field_of(exc.key)
        if exc.key in FORM_WORDS:  # said in the form's words, not the command line's (--replace, option)
            exc = CadretrackError(FORM_WORDS[exc.key], **exc.fields)
        return make_response(page("record.html", kinds=kinds, values=values, errors={field: exc.message()},
                                  done=""), 400)
    a, label = done.assignment, done.rule.label(get_lang())
    key = "recorded_same" if done.same_as_existing and not replace else (
        "recorded_replaced" if done.existing else "recorded")
    text = t(key, kind=label, year=item.year, commune=a.commune, cadre=a.cadre, date=format_date(item.filed))
    if not done.owed:
        text += " " + t("recorded_not_owed", kind=label, year=item.year, cadre=a.cadre)
    return page("record.html", kinds=kinds, values={"year": values.get("year", "")}, errors={}, done=text)


def _field_of(key: str) -> str:
    for word, name in (("date", "date"), ("year", "year"), ("rating", "rating"), ("score", "score"),
                       ("cadre", "cadre"), ("commune", "commune"), ("district", "commune"), ("unit", "commune"),
                       ("who", "commune"), ("assignment", "commune"), ("duplicate", "replace"), ("kind", "kind")):
        if word in key:
            return name
    return ""


def history():
    from cadretrack.ops.history import history as run
    from cadretrack.render.stopped import summary_text

    with ledger() as (db, _):
        sets = run(db, 200)
    return page("history.html", sets=sets, summary_text=summary_text)


def undo():
    if request.method == "GET":
        from cadretrack.ops.history import latest_undoable

        with ledger() as (db, _):
            target = latest_undoable(db)
        return page("undo.html", target=target, done="")
    return _undo_post()


@writes
def _undo_post():
    from cadretrack.ops.history import undo as run

    expected = request.form.get("target", "")
    if not expected.isdigit():
        return redirect("/undo", 303)
    try:
        with ledger(["cadretrack", "undo"]) as (db, run_ctx):
            target, counts = run(db, run_ctx, expected=int(expected))
    except CadretrackError as exc:
        if exc.key in ("undo_moved", "undo_already", "undo_nothing"):  # the page showed another one: say so, ask again
            from cadretrack.ops.history import latest_undoable

            with ledger() as (db, _):
                latest = latest_undoable(db)
            return make_response(page("undo.html", target=latest, done="", notice=exc.message()), 409)
        raise
    from cadretrack.render.stopped import summary_text
    from cadretrack.render.text import command_text

    text = t("undone", id=target["id"], command=command_text(target["command"]), what=summary_text(target["summary"]))
    return page("undo.html", target=None, done=text)


def changed():
    """An empty answer while the ledger is as the page drew it; else the offer to reload."""
    watch = settings().watch
    try:
        drawn = int(request.args.get("v", ""))
    except ValueError:
        drawn = -1
    if watch is None or watch.version() == drawn:
        return "", 204
    return page("changed.html")


def _error(exc: CadretrackError):
    """One sentence; for a file, each of its problems placed (sheet, row, column, value)."""
    from cadretrack.errors import InputProblems

    problems = exc.problems if isinstance(exc, InputProblems) else []
    return make_response(page("error.html", message=exc.message(), problems=problems[:200]), 400)


def _sqlite_error(exc: sqlite3.Error):
    from cadretrack.ops.ledger import explain

    return make_response(page("error.html", message=explain(settings().db, exc).message()), 503)


__all__ = ["register", "Refused"]
