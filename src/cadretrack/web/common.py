"""What every page of the web app shares: the launch's settings, refusals, the page renderer
and the request's context for ops."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app, g, render_template

from cadretrack.context import Run
from cadretrack.errors import CadretrackError
from cadretrack.i18n import t


@dataclass
class Settings:
    db: Path
    lang: str = "vi"
    read_only: bool = False
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    watch: object | None = None  # ops.ledger.watch: has the ledger changed since a page was drawn?
    uploads: Path | None = None  # the launch's private folder of uploaded registers (made on first use)
    uploaded: dict = field(default_factory=dict)  # upload id -> (its path there, the name it was sent by)
    answered: set = field(default_factory=set)  # upload ids that are review workbooks (their dry run said so)


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


def clock() -> tuple[dt.datetime, dt.date]:
    """The request's moment and day, read once per request (as the CLI reads them once per
    command): every op of one page reckons with the same day."""
    if "clock" not in g:
        g.clock = (dt.datetime.now(dt.timezone.utc), dt.date.today())
    return g.clock


def today() -> dt.date:
    return clock()[1]


def run_for(command: list[str]) -> Run:
    """The request's context for ops, as a command's: the moment, the day, the command line
    a clerk would have typed for the same change (kept in history), the language."""
    now, day = clock()
    return Run(now=now, today=day, command=command, lang=settings().lang)


def format_share(value: float) -> str:
    return f"{value * 100:.1f}%".replace(".", "," if settings().lang == "vi" else ".")


@contextlib.contextmanager
def ledger(command: list[str] | None = None):
    """The request's ledger, opened as a command opens it, closed when the page is drawn."""
    from cadretrack.ops.ledger import open_ledger

    run = run_for(command or ["cadretrack", "serve"])
    with open_ledger(settings().db, run) as db:
        yield db, run


def parse_day(text: str | None) -> dt.date | None:
    """A date as the CLI's options take it (dd/mm/yyyy, ISO …); an impossible one is refused."""
    from cadretrack.domain.dates import DateError, parse_date

    if not text:
        return None
    try:
        return parse_date(text)
    except DateError:
        raise CadretrackError("date_invalid", value=text) from None


def day_and_year(values) -> tuple:
    day = parse_day(values.get("as_of") or None) or today()
    year = values.get("year") or ""
    try:
        year = int(year) if str(year).strip() else day.year
        if not 1900 <= year <= 2999:
            raise ValueError(year)
    except ValueError:
        raise CadretrackError("cli_bad_value", name=t("web_year"), detail=t("cli_not_integer", value=year)) from None
    return year, day
