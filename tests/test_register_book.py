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
