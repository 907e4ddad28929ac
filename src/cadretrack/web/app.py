"""The web app (`cadretrack serve`): Flask, its guards, and what every page shares.

The guards run before any page: only `localhost`/`127.0.0.1` as Host; the launch's token,
given once in the address and then kept as an HttpOnly SameSite=Strict cookie; on every
POST the launch's CSRF token; in read-only mode every write refused. Every answer carries
a Content-Security-Policy of 'self' (no inline script or style, no framing) and is never
cached. Pages parse the request, call the same ops as the CLI and render: no SQL, no rule.
"""

from __future__ import annotations

import hmac
import re
from urllib.parse import urlencode

from flask import Flask, make_response, redirect, render_template, request

from cadretrack.i18n import set_lang, t
from cadretrack.render.text import command_text, local_time
from cadretrack.web import documents, followup, pages, profiles, register
from cadretrack.web.common import Refused, Settings, format_share, page, settings

COOKIE = "cadretrack_token"
HOST = re.compile(r"(localhost|127\.0\.0\.1)(:[0-9]{1,5})?", re.IGNORECASE)  # the Host header, whole
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")


def create_app(settings: Settings) -> Flask:
    app = Flask(__name__)
    app.config["SETTINGS"] = settings
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024 * 1024  # a register upload, at most
    app.jinja_env.globals.update(t=t, format_share=format_share, local_time=local_time, command_text=command_text)
    app.before_request(_guard)
    app.after_request(_headers)
    app.register_error_handler(Refused, _refused)
    app.register_error_handler(404, lambda e: _refused(Refused(404, "web_not_found")))
    app.register_error_handler(405, lambda e: _refused(Refused(405, "web_not_found")))
    app.register_error_handler(413, lambda e: _refused(Refused(413, "web_too_large")))
    app.register_error_handler(500, _unexpected)

    pages.register(app)
    documents.register(app)
    profiles.register(app)
    followup.register(app)
    register.register(app)
    return app


def _guard():
    s = settings()
    set_lang(s.lang)
    if not HOST.fullmatch(request.headers.get("Host", "")):
        raise Refused(400, "web_refused_host")
    given = request.args.get("token")
    if given is not None and _same(given, s.token):
        if request.method == "GET":  # keep it as a cookie, and take it out of the address
            args = {k: v for k, v in request.args.items() if k != "token"}
            response = redirect(request.path + ("?" + urlencode(args) if args else ""), 303)
            response.set_cookie(COOKIE, s.token, httponly=True, samesite="Strict", path="/")
            return response
    elif not _same(request.cookies.get(COOKIE, ""), s.token):
        raise Refused(403, "web_refused_token")
    if request.method not in ("GET", "HEAD"):
        if not _same(request.form.get("csrf", "") or request.headers.get("X-CSRF-Token", ""), s.csrf):
            raise Refused(403, "web_refused_csrf")
    return None


def _unexpected(error):
    """A fault of ours: one sentence in the page and one line where serve runs, no traceback.
    What the request was writing was rolled back with its transaction."""
    import sys

    cause = getattr(error, "original_exception", None) or error
    try:
        sys.stderr.write(f"{t('error')}: {request.method} {request.path}: {type(cause).__name__}: {cause}"[:500] + "\n")
    except (OSError, ValueError):
        pass
    return make_response(page("error.html", message=t("web_unexpected")), 500)


def _same(given: str, expected: str) -> bool:
    return bool(given) and hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode())


def _headers(response):
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


def _refused(exc: Refused):
    """A refusal says why in one sentence; a page refused for its token or Host shows
    nothing else (no menu, no form token)."""
    if exc.key in ("web_refused_token", "web_refused_host"):
        return make_response(render_template("refused.html", message=t(exc.key), lang=settings().lang), exc.status)
    return make_response(page("error.html", message=t(exc.key)), exc.status)


__all__ = ["Settings", "create_app"]
