"""The ledger's schema, created and upgraded through sqlite-utils' Migrations.

The functions are plain so that opening an up-to-date ledger needs no sqlite-utils
import (30 ms of every command's start): only an upgrade builds the Migrations.

Every migration is appended, never edited: a ledger made by an older version
upgrades by applying the ones it lacks.
"""

from __future__ import annotations

APP = "cadretrack"
MIGRATIONS: list = []  # in order; names are recorded in _sqlite_migrations


def migration(fn):
    MIGRATIONS.append(fn)
    return fn


def migration_set():
    """The migrations as sqlite-utils' Migrations (imported only when a ledger needs upgrading)."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(APP)
    for fn in MIGRATIONS:
        migrations()(fn)
    return migrations


@migration
def m001_ledger(db) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["changesets"].create(
        {"id": int, "at": str, "user": str, "command": str, "summary": str}, pk="id"
    )
    db["communes"].create(
        {
            "code": str,
            "name": str,
            "type": str,
            "district_code": str,
            "district": str,
            "province_code": str,
            "province": str,
            "name_key": str,
            "name_loose": str,
        },
        pk="code",
        not_null={"name"},
    )
    db["communes"].create_index(["name_key"])
    db["communes"].create_index(["name_loose"])
    db["cadres"].create(
        {"id": int, "name": str, "agency": str, "name_key": str, "agency_key": str},
        pk="id",
        not_null={"name", "name_key", "agency_key"},
    )
    db["cadres"].create_index(["name_key", "agency_key"], unique=True)
    db["decisions"].create(
        {"id": int, "text": str, "effective": str, "changeset_id": int},
        pk="id",
        foreign_keys=[("changeset_id", "changesets", "id")],
    )
    db["assignments"].create(
        {
            "id": int,
            "commune_code": str,
            "cadre_id": int,
            "position": str,
            "start": str,
            "end": str,
            "decision_id": int,
            "end_decision_id": int,
            "note": str,
            "created_in": int,
            "ended_in": int,
            "voided_in": int,
        },
        pk="id",
        not_null={"commune_code", "cadre_id", "start", "created_in"},
        foreign_keys=[
            ("commune_code", "communes", "code"),
            ("cadre_id", "cadres", "id"),
            ("decision_id", "decisions", "id"),
            ("end_decision_id", "decisions", "id"),
            ("created_in", "changesets", "id"),
            ("ended_in", "changesets", "id"),
            ("voided_in", "changesets", "id"),
        ],
    )
    db["assignments"].create_index(["commune_code", "start"])
    db["assignments"].create_index(["cadre_id"])
    db.execute(
        "CREATE VIEW assignments_readable AS SELECT a.id, c.province, c.district, "
        "c.name AS commune, a.commune_code, k.name AS cadre, a.position, k.agency, "
        "a.start, a.\"end\", d.text AS decision FROM assignments a "
        "JOIN communes c ON c.code = a.commune_code JOIN cadres k ON k.id = a.cadre_id "
        "LEFT JOIN decisions d ON d.id = a.decision_id WHERE a.voided_in IS NULL"
    )


@migration
def m002_filings(db) -> None:
    db["filings"].create(
        {
            "id": int,
            "assignment_id": int,
            "kind": str,
            "year": int,
            "filed": str,
            "number": str,
            "rating": str,
            "score": float,
            "note": str,
            "created_in": int,
            "superseded_by": int,
            "superseded_in": int,
        },
        pk="id",
        not_null={"assignment_id", "kind", "year", "filed", "created_in"},
        foreign_keys=[
            ("assignment_id", "assignments", "id"),
            ("created_in", "changesets", "id"),
            ("superseded_by", "filings", "id"),
            ("superseded_in", "changesets", "id"),
        ],
    )
    db["filings"].create_index(["assignment_id", "kind", "year"])
    db["filings"].create_index(["year"])


@migration
def m003_history(db) -> None:
    """Undo: what each change set did, row by row, so it can be reverted without deleting."""
    db["changesets"].add_column("undoes", int)
    db["changesets"].add_column("undone_by", int)
    db["filings"].add_column("voided_in", int)
    db["changes"].create(
        {"id": int, "changeset_id": int, "tbl": str, "row_id": int, "action": str, "before": str},
        pk="id",
        foreign_keys=[("changeset_id", "changesets", "id")],
    )
    db["changes"].create_index(["changeset_id"])


@migration
def m004_followup(db) -> None:
    """Difficulties raised and their resolution; commune meetings and attendance."""
    db["difficulties"].create(
        {
            "id": int, "commune_code": str, "assignment_id": int, "raised_on": str, "raised_by": str,
            "text": str, "resolved_on": str, "resolution": str, "referred_to": str,
            "created_in": int, "resolved_in": int, "voided_in": int,
        },
        pk="id",
        not_null={"commune_code", "raised_on", "text", "created_in"},
        foreign_keys=[
            ("commune_code", "communes", "code"), ("assignment_id", "assignments", "id"),
            ("created_in", "changesets", "id"), ("resolved_in", "changesets", "id"),
            ("voided_in", "changesets", "id"),
        ],
    )
    db["meetings"].create(
        {
            "id": int, "commune_code": str, "assignment_id": int, "held_on": str, "kind": str,
            "topic": str, "attended": int, "created_in": int, "voided_in": int,
        },
        pk="id",
        not_null={"commune_code", "held_on", "kind", "created_in"},
        foreign_keys=[
            ("commune_code", "communes", "code"), ("assignment_id", "assignments", "id"),
            ("created_in", "changesets", "id"), ("voided_in", "changesets", "id"),
        ],
    )
    db["meetings"].create_index(["assignment_id", "held_on"])


@migration
def m005_generations(db) -> None:
    """Generations of administrative units (the 2025 reform) and the links between them.

    A unit's `code` in `communes` is the ledger's key for it: the official code in the
    first generation, "official@generation" in later ones, because a new unit may take
    an old unit's official code (Phường Hòa Bình took 4795). A ledger made before this
    holds one generation, in force since always: its keys and foreign keys stay as
    they are.
    """
    db["generations"].create(
        {"id": int, "effective": str, "source": str, "province": str, "created_in": int, "voided_in": int},
        pk="id",
        foreign_keys=[("created_in", "changesets", "id"), ("voided_in", "changesets", "id")],
    )
    db["communes"].add_column("generation", int, not_null_default=1)
    source = db.execute("SELECT value FROM meta WHERE key = 'gazetteer'").fetchone()
    db["generations"].insert({"id": 1, "effective": None, "source": source[0] if source else "", "province": ""})
    db["unit_links"].create(
        {"old_code": str, "new_code": str, "part": str},
        pk=("old_code", "new_code"),
        foreign_keys=[("old_code", "communes", "code"), ("new_code", "communes", "code")],
    )
    db["unit_links"].create_index(["new_code"])


@migration
def m006_rule_sets(db) -> None:
    """Rule sets in time: every regulation a ledger has lived under, each from its start.

    The single rule set a ledger was made with (meta `rules`, `rules_name`) becomes the
    first, in force from its regulation's own effective date, which is where its period
    began all along: statuses stay exactly as they were."""
    import tomllib

    db["rule_sets"].create(
        {"id": int, "start": str, "name": str, "text": str, "created_in": int, "voided_in": int},
        pk="id",
        not_null={"start", "text"},
        foreign_keys=[("created_in", "changesets", "id"), ("voided_in", "changesets", "id")],
    )
    meta = dict(db.execute("SELECT key, value FROM meta WHERE key IN ('rules', 'rules_name')").fetchall())
    if "rules" in meta:
        effective = tomllib.loads(meta["rules"])["regulation"]["effective"]
        start = effective.isoformat() if hasattr(effective, "isoformat") else _day_first(str(effective))
        db["rule_sets"].insert({"id": 1, "start": start, "name": meta.get("rules_name", ""), "text": meta["rules"]})
        db.execute("DELETE FROM meta WHERE key IN ('rules', 'rules_name')")


def _day_first(text: str) -> str:
    """An ISO date from "dd/mm/yyyy" (a rules file may write its dates either way)."""
    day, month, year = (int(p) for p in text.replace("-", "/").replace(".", "/").split("/"))
    return f"{year:04d}-{month:02d}-{day:02d}"


@migration
def m007_register_rows(db) -> None:
    """Every row of the office's book of incoming documents decided so far: its place in the
    book, a fingerprint of its content, the decision, who made it and what it produced."""
    db["register_rows"].create(
        {
            "id": int, "place": str, "fingerprint": str, "decision": str, "decided_by": str, "kind": str,
            "year": int, "assignment_id": int, "filing_id": int, "difficulty_id": int, "reason": str,
            "created_in": int, "voided_in": int,
        },
        pk="id",
        not_null={"place", "fingerprint", "decision", "decided_by", "created_in"},
        foreign_keys=[
            ("assignment_id", "assignments", "id"), ("filing_id", "filings", "id"),
            ("difficulty_id", "difficulties", "id"), ("created_in", "changesets", "id"),
            ("voided_in", "changesets", "id"),
        ],
    )
    db["register_rows"].create_index(["place"])


@migration
def m008_ledger_identity(db) -> None:
    """A random identity for the ledger (meta `ledger_id`), made once: what tells this
    ledger's documents (a review workbook, later every export) from another ledger's.
    A new ledger gets it here too, as it applies every migration."""
    import uuid

    if not db.execute("SELECT 1 FROM meta WHERE key = 'ledger_id'").fetchone():
        db.execute("INSERT INTO meta (key, value) VALUES ('ledger_id', ?)", [str(uuid.uuid4())])


@migration
def m009_register_produced(db) -> None:
    """Whether a remembered register row produced its filing (recorded it, rather than
    finding it already on file): only such a filing is withdrawn when the row, corrected in
    the book, is no longer that filing. Rows remembered before: the filing was created in
    the change set that remembered the row."""
    db["register_rows"].add_column("produced", int, not_null_default=0)
    db.execute(
        "UPDATE register_rows SET produced = 1 WHERE filing_id IS NOT NULL AND EXISTS "
        "(SELECT 1 FROM filings f WHERE f.id = register_rows.filing_id AND f.created_in = register_rows.created_in)")


@migration
def m010_filing_summary(db) -> None:
    """A filing keeps the summary (trích yếu) of the register row it came from, so that the
    clerk can find it by its words (`list filings --text`). Filings recorded before: none."""
    db["filings"].add_column("summary", str)


@migration
def m011_members(db) -> None:
    """The Standing Committee members and the communes each is in charge of, in time: one
    row a commune, written and reverted through change sets exactly as assignments are."""
    db["members"].create(
        {"id": int, "name": str, "name_key": str},
        pk="id",
        not_null={"name", "name_key"},
    )
    db["members"].create_index(["name_key"], unique=True)
    db["member_areas"].create(
        {
            "id": int, "commune_code": str, "member_id": int, "position": str, "start": str, "end": str,
            "decision_id": int, "end_decision_id": int, "created_in": int, "ended_in": int, "voided_in": int,
        },
        pk="id",
        not_null={"commune_code", "member_id", "start", "created_in"},
        foreign_keys=[
            ("commune_code", "communes", "code"), ("member_id", "members", "id"),
            ("decision_id", "decisions", "id"), ("end_decision_id", "decisions", "id"),
            ("created_in", "changesets", "id"), ("ended_in", "changesets", "id"),
            ("voided_in", "changesets", "id"),
        ],
    )
    db["member_areas"].create_index(["commune_code", "start"])
    db["member_areas"].create_index(["member_id"])
