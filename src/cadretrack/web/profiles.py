"""A page per commune and per cadre. A commune is reached by its ledger code in the path (a
place, not a person); a cadre only through a POST form, so that no name sits in the address."""

from __future__ import annotations


from flask import Flask, request

from cadretrack.domain.dates import format_date
from cadretrack.web.common import ledger, page, today


def register(app: Flask) -> None:
    app.add_url_rule("/find", "find", find)
    app.add_url_rule("/commune", "commune_named", commune_named, methods=["POST"])
    app.add_url_rule("/commune/<code>", "commune", commune)
    app.add_url_rule("/cadre", "cadre", cadre, methods=["POST"])


def find():
    return page("find.html", active="find", values={})


def commune_named():
    return _commune(name=(request.form.get("commune") or "").strip(),
                    district=(request.form.get("district") or "").strip())


def commune(code: str):
    return _commune(code=code[:20])


def _commune(name: str = "", district: str = "", code: str = ""):
    from cadretrack.ops.profile import commune_profile

    with ledger() as (db, _):
        profile = commune_profile(db, today(), name, district, code)
    title = profile.assignments[0].commune if profile.assignments else (name or code)
    return _page(profile, title, "commune")


def cadre():
    from cadretrack.ops.profile import cadre_profile

    name = (request.form.get("cadre") or "").strip()
    with ledger() as (db, _):
        profile = cadre_profile(db, today(), name)
    title = profile.assignments[0].cadre if profile.assignments else name
    return _page(profile, title, "cadre")


def _page(profile, title: str, what: str):
    from cadretrack.render.stopped import summary_text

    return page("profile.html", profile=profile, title=title, what=what, active="find", format_date=format_date,
                summary_text=summary_text)
