"""The ledger: SQLite schema, migrations and transactions. Nothing else changes the schema."""
