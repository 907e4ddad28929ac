"""cadretrack: the ledger of Regulation 26-QĐ/TU for a provincial Organization Board."""

__version__ = "0.1.0"
