"""Output that never depends on the console's code page.

On Windows a redirected stdout uses the ANSI code page (cp1252, or cp1258 on Vietnamese
Windows), which cannot encode most Vietnamese letters. Data for scripts (JSON, CSV) is
written as UTF-8 bytes whatever the stream says; text for people degrades letter by
letter: first with its tone mark apart ("ộ" as "ô" and a combining dot below, as cp1258
writes Vietnamese), then fully decomposed, then without its marks ("o"), then "?" —
never a traceback.
"""

from __future__ import annotations

import codecs
import sys
import unicodedata

ERRORS = "cadretrack-degrade"
_UTF = ("utf-8", "utf8", "utf-16", "utf-32", "utf_8")
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _handler(encoding: str):
    """An encode-error handler for `encoding` (the error names only "charmap", not which one)."""

    def degrade(exc: UnicodeError) -> tuple[str, int]:
        if not isinstance(exc, UnicodeEncodeError):
            raise exc
        out = []
        for ch in exc.object[exc.start:exc.end]:
            decomposed = unicodedata.normalize("NFD", ch)
            # cp1258 has â ê ô ơ ư ă and the five tone marks apart: "ộ" is "ô" + a dot below.
            tones = "".join(c for c in decomposed if c in _TONES)
            toned = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES)) + tones
            plain = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")
            for candidate in (toned, decomposed, plain, "?"):
                try:
                    candidate.encode(encoding)
                except UnicodeEncodeError:
                    continue
                out.append(candidate)
                break
        return "".join(out), exc.end

    return degrade


def errors_for(encoding: str) -> str:
    """The name of the degrading error handler for an encoding, registered on first use."""
    name = f"{ERRORS}-{codecs.lookup(encoding).name}"
    try:
        codecs.lookup_error(name)
    except LookupError:
        codecs.register_error(name, _handler(codecs.lookup(encoding).name))
    return name


def is_unicode(stream) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    return encoding.startswith(_UTF)


def prepare(*streams) -> None:
    """Text streams that cannot hold every letter degrade instead of raising."""
    for stream in streams or (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if encoding and not is_unicode(stream) and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors=errors_for(encoding))
            except (LookupError, ValueError, OSError):
                pass


def write_data(text: str, stream=None) -> None:
    """JSON or CSV for scripts: UTF-8 whatever the stream's encoding."""
    stream = sys.stdout if stream is None else stream
    buffer = getattr(stream, "buffer", None)
    if is_unicode(stream) or buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def reader_gone() -> None:
    """The program reading our output stopped (`cadretrack rules | head`): what is still
    buffered, and anything printed from here on, goes nowhere instead of failing again
    when the process flushes its streams at exit."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no file descriptor (a test's captured stream)
        pass
