"""The office's book and its review workbook hold the ledger's truth: a review workbook
answers only the places its own ledger asked about, once each; what a row of the book
produced follows the row; rows sharing a Số đến are distinct places."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import snapshot
from sheets import assign, xlsx
from test_register_loop import CONTROLS, HEADER, PEOPLE, TRAPS, answer, book, imported, review_places

D = dt.date


@pytest.fixture
def office(ledger, tmp_path):
    return assign(ledger, tmp_path, PEOPLE)


def test_a_row_naming_three_communes_is_asked_about_not_a_crash(office, tmp_path):
    rows = [(D(2024, 12, 5), "Sở Tài chính", "40-BC/STC",
             "Báo cáo kết quả theo dõi xã Hiền Lương, xã Tân Pheo và xã Mông Hóa năm 2024")]
    code, doc = imported(office, xlsx(tmp_path / "so-den.xlsx", book(rows)))
    assert code == 1 and doc["counts"]["review"] == 1
    (row,) = doc["rows"]
    assert row["decision"] == "review" and "several communes" in row["reason"] and "Tân Pheo" in row["reason"]


def _identity(path) -> str:
    from cadretrack.store.ledger import ledger_identity, open_ledger

    db = open_ledger(path, dt.datetime.now(dt.timezone.utc))
    try:
        return ledger_identity(db)
    finally:
        db.close()


def test_every_ledger_has_an_identity_of_its_own(tmp_path):
    import shutil
    import uuid

    from conftest import REPO, Cli

    one, other = Cli(tmp_path / "one.db"), Cli(tmp_path / "other.db")
    one.ok("init")
    other.ok("init")
    first = _identity(one.db)
    assert uuid.UUID(first).version == 4 and first != _identity(other.db)
    one.ok("init")  # an existing ledger: unchanged, identity and all
    assert _identity(one.db) == first
    old = tmp_path / "old.db"  # a ledger made before identities: upgraded, it gets one, kept from then on
    shutil.copy(REPO / "tests" / "fixtures" / "ledger-schema-2.db", old)
    made = _identity(old)
    assert uuid.UUID(made).version == 4 and _identity(old) == made
