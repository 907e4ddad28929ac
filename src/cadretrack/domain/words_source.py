"""Where the domain gets the vocabulary it reads text with, without reading it: the package
edge provides a loader (cadretrack/__init__.py), called the first time a domain module asks.

Kept apart from domain/vocabulary.py and free of imports, so that the package can register
its loader at import at no cost: the file is read only when the words are first needed, which
on the command line is after the entry point has installed its signal handlers (a Ctrl-C while
the words load is then answered like one at any other moment)."""

from __future__ import annotations

_loader = None
_value = None


def provide(loader) -> None:
    """The package edge's loader: a function of no arguments returning the Vocabulary."""
    global _loader, _value
    _loader, _value = loader, None


def install(vocabulary) -> None:
    """A vocabulary given outright (tests, another edge): used from now on."""
    global _value
    _value = vocabulary


def current():
    """The vocabulary, loaded once by the loader provided; its VocabularyError when damaged."""
    global _value
    if _value is None:
        if _loader is None:
            raise RuntimeError("no vocabulary provided: cadretrack/__init__.py provides the bundled one")
        _value = _loader()
    return _value
