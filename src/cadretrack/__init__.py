"""cadretrack: the ledger of Regulation 26-QĐ/TU for a provincial Organization Board."""

__version__ = "0.1.0"


def _bundled_vocabulary():
    """The words the domain reads text with (data/vocabulary.toml): read the first time a
    domain module asks for them, never at import (the entry point installs its signal
    handlers first)."""
    from cadretrack.vocabulary import bundled_vocabulary

    return bundled_vocabulary()


from cadretrack.domain import words_source as _words_source  # noqa: E402  (no imports of its own)

_words_source.provide(_bundled_vocabulary)
