"""The package edge that reads data/vocabulary.toml and installs it in the domain.

Imported by cadretrack/__init__.py, so the words are in place before any domain module
builds its tables. A damaged file installs nothing and is kept as `problem()`: the entry
point says it in one sentence (exit 2) before anything else runs.
"""

from __future__ import annotations

import tomllib
from importlib import resources

from cadretrack.domain.vocabulary import Vocabulary, VocabularyError, install, parse_vocabulary

FILE = "vocabulary.toml"
_problem: VocabularyError | None = None


def read_vocabulary(text: str, source: str = FILE) -> Vocabulary:
    """A vocabulary from a file's text; one `VocabularyError` for bad TOML or a wrong key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise VocabularyError(source, "(file)", f"is not TOML: {e}") from None
    return parse_vocabulary(data, source)


def bundled_vocabulary() -> Vocabulary:
    path = resources.files("cadretrack").joinpath("data", FILE)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise VocabularyError(str(path), "(file)", f"cannot be read: {e}") from None
    return read_vocabulary(text, str(path))


def problem() -> VocabularyError | None:
    """Why the bundled vocabulary could not be installed, or None."""
    return _problem


def _install_bundled() -> None:
    global _problem
    try:
        install(bundled_vocabulary())
    except VocabularyError as e:
        _problem = e


_install_bundled()
