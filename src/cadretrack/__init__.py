"""cadretrack: the ledger of Regulation 26-QĐ/TU for a provincial Organization Board."""

__version__ = "0.1.0"

# The words the domain reads text with (data/vocabulary.toml), in place before any domain
# module is imported.
from cadretrack import vocabulary as _vocabulary  # noqa: E402,F401
