"""Readers turn files into rows and problems; they never touch the ledger."""
