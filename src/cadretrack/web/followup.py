"""Khó khăn, vướng mắc: the log, a form to record one (`record difficulty`) and one per open
difficulty to resolve it (`resolve ID`), through the same ops, kept in history under the
command line a clerk would have typed."""

from __future__ import annotations


from flask import Flask, make_response, request

from cadretrack.domain.dates import format_date
from cadretrack.errors import CadretrackError
from cadretrack.i18n import t
from cadretrack.web.common import ledger, page, parse_day, today, writes


def register(app: Flask) -> None:
    app.add_url_rule("/difficulties", "difficulties", difficulties)
    app.add_url_rule("/difficulties/record", "record_difficulty", record_difficulty, methods=["POST"])
    app.add_url_rule("/difficulties/<int:number>/resolve", "resolve", resolve, methods=["POST"])


def _page(done: str = "", error: str = "", values=None, status: int = 200, failed: int | None = None):
    from cadretrack.ops.followup import list_difficulties

    with ledger() as (db, _):
        items = list_difficulties(db, today())
    items.sort(key=lambda d: d.resolved_on is not None)  # the open ones first, each in the stable order
    return make_response(page("difficulties.html", items=items, done=done, error=error, values=values or {},
                              failed=failed, format_date=format_date, active="difficulties"), status)


def difficulties():
    return _page()


def _text(name: str) -> str:
    return (request.form.get(name) or "").strip()


@writes
def record_difficulty():
    from cadretrack.ops.followup import record_difficulty as run

    f = {k: _text(k) for k in ("commune", "date", "text", "district", "cadre", "raised_by")}
    command = ["cadretrack", "record", "difficulty", "--commune", f["commune"], "--date", f["date"], "--text", f["text"]]
    for name in ("district", "cadre"):
        if f[name]:
            command += [f"--{name}", f[name]]
    raised_by = f["raised_by"] or "commune"
    if raised_by != "commune":
        command += ["--raised-by", raised_by]
    try:
        day = parse_day(f["date"])
        if day is None:
            raise CadretrackError("web_field_missing", name=t("col_raised_on"))
        with ledger(command) as (db, run_ctx):
            new_id, a = run(db, run_ctx, commune=f["commune"], district=f["district"], cadre=f["cadre"], day=day,
                            text=f["text"], raised_by=raised_by)
    except CadretrackError as exc:
        return _page(error=exc.message(), values=f, status=400)
    return _page(done=t("difficulty_recorded", id=new_id, commune=a.commune, cadre=a.cadre))


@writes
def resolve(number: int):
    from cadretrack.ops.followup import resolve_difficulty

    f = {k: _text(k) for k in ("date", "note", "referred_to")}
    command = ["cadretrack", "resolve", str(number), "--date", f["date"]]
    if f["note"]:
        command += ["--note", f["note"]]
    if f["referred_to"]:
        command += ["--referred-to", f["referred_to"]]
    try:
        day = parse_day(f["date"])
        if day is None:
            raise CadretrackError("web_field_missing", name=t("col_resolved_on"))
        with ledger(command) as (db, run_ctx):
            resolve_difficulty(db, run_ctx, number, day=day, note=f["note"], referred_to=f["referred_to"])
    except CadretrackError as exc:
        return _page(error=exc.message(), status=400, failed=number)
    return _page(done=t("difficulty_resolved_ok", id=number))
