"""What every page of the web app shares: the launch's settings, refusals, the page renderer
and the request's context for ops."""

from __future__ import annotations

import datetime as dt
import functools
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app, render_template

from cadretrack.context import Run
from cadretrack.i18n import t  # noqa: F401  (templates call it through the app's globals)


@dataclass
class Settings:
    db: Path
    lang: str = "vi"
    read_only: bool = False
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    watch: object | None = None  # ops.ledger.watch: has the ledger changed since a page was drawn?


class Refused(Exception):
    """A request the guards or a page refuse: an HTTP status and the message key."""

    def __init__(self, status: int, key: str) -> None:
        super().__init__(key)
        self.status, self.key = status, key


def settings() -> Settings:
    return current_app.config["SETTINGS"]


def writes(fn):
    """A page that changes the ledger: refused in read-only mode, before any work."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if settings().read_only:
            raise Refused(403, "web_refused_read_only")
        return fn(*args, **kwargs)

    return wrapper


def page(template: str, **values) -> str:
    """A page drawn with what every page shows: the CSRF token for its forms, whether the app
    is read-only, and the ledger's version (the page offers to reload when it moves on)."""
    s = settings()
    return render_template(template, csrf=s.csrf, read_only=s.read_only, lang=s.lang,
                           version=s.watch.version() if s.watch is not None else 0, **values)


def run_for(command: list[str]) -> Run:
    """The request's context for ops, as a command's: the moment, the day, the command line
    a clerk would have typed for the same change (kept in history), the language."""
    now = dt.datetime.now(dt.timezone.utc)
    return Run(now=now, today=dt.date.today(), command=command, lang=settings().lang)


def format_share(value: float) -> str:
    return f"{value * 100:.1f}%".replace(".", "," if settings().lang == "vi" else ".")
