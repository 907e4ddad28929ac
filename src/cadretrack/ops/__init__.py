"""One function per command: open the ledger, call the domain, write in one transaction.

These are cadretrack's Python API; the CLI layer only parses options and prints.
"""
