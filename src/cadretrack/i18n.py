"""One small layer for every text a clerk reads: Vietnamese by default, English on request.

Messages live in `messages.py` as key -> (vi, en). `t(key, **fields)` formats the
one for the current language, which the CLI sets once per run with `set_lang`.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

from cadretrack.messages import MESSAGES

LANGS = ("vi", "en")
_lang: ContextVar[str] = ContextVar("cadretrack_lang", default="vi")


def set_lang(lang: str) -> None:
    _lang.set(lang if lang in LANGS else "vi")


def detect_lang(argv: list[str], environ) -> str:
    """The --lang given on the command line (or CADRETRACK_LANG), read before Typer runs,
    so that help texts are built in the right language."""
    lang = environ.get("CADRETRACK_LANG", "vi")
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return lang if lang in LANGS else "vi"


def get_lang() -> str:
    return _lang.get()


def in_lang(lang: str, key: str, /, **fields: object) -> str:
    """The message `key` in `lang` whatever the run's language (documents are Vietnamese)."""
    vi, en = MESSAGES[key]
    template = en if lang == "en" else vi
    return template.format(**fields) if fields else template


def t(key: str, /, **fields: object) -> str:
    """The message `key` in the current language, with `fields` filled in."""
    vi, en = MESSAGES[key]
    template = en if _lang.get() == "en" else vi
    if not fields:
        return template
    return _DOUBLED_YEAR.sub(r"\1", template.format(**fields))


# A kind whose label ends in "năm" ("Báo cáo năm") before a message's "năm 2024": said once.
_DOUBLED_YEAR = re.compile(r"\b(năm) năm(?= \d{4}\b)", re.IGNORECASE)
