"""The package edge that reads data/vocabulary.toml and installs it in the domain.

cadretrack/__init__.py provides `bundled_vocabulary` to the domain (domain/words_source.py),
which calls it the first time a domain module needs the words. A damaged file is a
VocabularyError: the entry point asks `problem()` and says it in one sentence (exit 2)
before any command runs.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from cadretrack.domain.vocabulary import Vocabulary, VocabularyError, parse_vocabulary

FILE = "vocabulary.toml"
_problem: VocabularyError | None = None


def read_vocabulary(text: str, source: str = FILE) -> Vocabulary:
    """A vocabulary from a file's text; one `VocabularyError` for bad TOML or a wrong key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:  # its line, in the clerk's words (the parser's are English)
        line = re.search(r"line (\d+)", str(e))
        raise VocabularyError(source, "", "not_toml", line.group(1) if line else "?") from None
    return parse_vocabulary(data, source)


MAX_BYTES = 1 << 20  # the bundled file is a few kilobytes


def bundled_vocabulary() -> Vocabulary:
    # Beside this module, as the wheel installs it (importlib.resources costs a tenth of the
    # start-up of --version, and the package is never run from a zip).
    path = Path(__file__).resolve().parent / "data" / FILE
    try:
        if path.exists() and not path.is_file():  # a folder, a device (/dev/zero) in its place
            raise VocabularyError(str(path), "", "not_file")
        if path.stat().st_size > MAX_BYTES:
            raise VocabularyError(str(path), "", "too_big")
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise VocabularyError(str(path), "", "absent") from None
    except UnicodeDecodeError:
        raise VocabularyError(str(path), "", "not_utf8") from None
    except OSError as e:
        raise VocabularyError(str(path), "", "unreadable", e.strerror or type(e).__name__) from None
    return read_vocabulary(text, str(path))


def problem() -> VocabularyError | None:
    """Why the bundled vocabulary cannot be read, or None (it is read now if not yet)."""
    from cadretrack.domain import words_source

    try:
        words_source.current()
    except VocabularyError as e:
        return e
    return None


def problem_sentence(error: VocabularyError) -> str:
    """The damaged file in one sentence, in the user's language."""
    from cadretrack.i18n import t

    problem = t(f"vocabulary_{error.problem}", value=error.value)
    if not error.key:  # the file as a whole
        return t("vocabulary_broken_file", path=error.source, problem=problem)
    return t("vocabulary_broken", path=error.source, key=error.key, problem=problem)
