"""The local web app of `cadretrack serve`: the same ledger and ops as the CLI, behind a page."""
