"""The office's book and its review workbook hold the ledger's truth: a review workbook
answers only the places its own ledger asked about, once each; what a row of the book
produced follows the row; rows sharing a Số đến are distinct places."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

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


def history_size(cli) -> int:
    return len(cli.json("history"))


def statuses(cli, kind: str) -> dict[str, tuple[str, str | None]]:
    items = cli.json("check", "--year", "2024", "--as-of", "31/12/2024", "--kind", kind, "--all")["items"]
    return {i["commune"]: (i["status"], i["filed"]) for i in items}


def numbered(rows) -> list[list]:
    """A book whose rows carry the Số đến given: (Số đến, received, sender, number, summary)."""
    return [["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"], HEADER, *[[received, n, sender, number, summary]
                                                  for n, received, sender, number, summary in rows]]


def test_an_unchanged_book_with_a_repeated_arrival_number_writes_nothing(office, tmp_path):
    rows = [(7, *CONTROLS[0][:4]), (7, *CONTROLS[1][:4]), (8, *TRAPS[12][:4])]  # two documents given Số đến 7
    path = xlsx(tmp_path / "so-den.xlsx", numbered(rows))
    code, doc = imported(office, path)
    assert [r["decision"] for r in doc["rows"]] == ["filing", "filing", "review"]
    size, before = history_size(office), snapshot(office.db)
    for _ in range(2):
        result = office("import", "filings", path)
        assert result.exit_code == 1 and "changed in the book" not in result.stdout  # the question still waits
        code, doc = imported(office, path, "--dry-run")
        assert doc["counts"]["known"] == 3 and doc["counts"]["filing"] == 0
    assert history_size(office) == size and snapshot(office.db) == before  # no change set
    assert statuses(office, "program")["Xã Hiền Lương"][0] == "on_time"
    assert statuses(office, "report")["Phường Tân Hòa"][0] == "on_time"


def test_a_corrected_row_withdraws_the_filing_it_produced_and_undo_restores_it(office, tmp_path):
    first = xlsx(tmp_path / "so-den.xlsx", book([CONTROLS[0], CONTROLS[1]]))
    imported(office, first)
    assert statuses(office, "program")["Xã Hiền Lương"] == ("on_time", "2024-01-10")
    letter = (CONTROLS[0][0], "Sở Tài chính", "05-CV/STC", "Công văn về việc cử cán bộ dự hội nghị tổng kết năm 2023")
    corrected = xlsx(tmp_path / "so-den-2.xlsx", book([letter, CONTROLS[1]]))
    code, doc = imported(office, corrected, "--dry-run")
    assert doc["counts"]["withdrawn"] == 1 and doc["rows"][0]["decision"] == "unrelated"
    assert doc["rows"][0]["withdrawn"] == {"kind": "program", "year": 2024, "filed": "2024-01-10", "replaced": False}
    assert doc["rows"][1]["withdrawn"] is None
    said = office("import", "filings", corrected)
    assert said.exit_code == 0 and "1 filing(s) recorded earlier withdrawn and 0 replaced" in said.stdout
    assert "(rows 3)" in said.stdout and "undo" in said.stdout
    assert statuses(office, "program")["Xã Hiền Lương"] == ("overdue", None)
    assert statuses(office, "report")["Phường Tân Hòa"] == ("on_time", "2024-12-05")
    assert office.json("history")[0]["summary"]["withdrawn"] == 1
    office.ok("verify")
    size, before = history_size(office), snapshot(office.db)
    code, doc = imported(office, corrected)  # the corrected book again: nothing more
    assert doc["counts"]["known"] == 2 and history_size(office) == size and snapshot(office.db) == before
    office.ok("undo")
    assert statuses(office, "program")["Xã Hiền Lương"] == ("on_time", "2024-01-10")
    code, doc = imported(office, first, "--dry-run")
    assert doc["counts"]["known"] == 2  # as the first import left it


def test_a_row_now_another_filing_replaces_the_one_it_produced(office, tmp_path):
    imported(office, xlsx(tmp_path / "so-den.xlsx", book([CONTROLS[0]])))
    other = (CONTROLS[0][0], "Sở Y tế", "01-CTr/SYT", "Chương trình theo dõi phường Tân Hòa năm 2024")
    code, doc = imported(office, xlsx(tmp_path / "so-den-2.xlsx", book([other])))
    assert doc["counts"]["replaced"] == 1 and doc["counts"]["filing"] == 1
    assert doc["rows"][0]["withdrawn"]["replaced"] is True
    program = statuses(office, "program")
    assert program["Xã Hiền Lương"] == ("overdue", None) and program["Phường Tân Hòa"] == ("on_time", "2024-01-10")
    # The same filing received on another day (the date corrected in the book): replaced, one filing.
    later = (dt.date(2024, 2, 2), *other[1:])
    code, doc = imported(office, xlsx(tmp_path / "so-den-3.xlsx", book([later])))
    assert doc["counts"]["replaced"] == 1
    assert statuses(office, "program")["Phường Tân Hòa"] == ("late", "2024-02-02")  # due by 31/01
    assert current_filings(office) == [("program", "2024-02-02")]  # one incoming document, one filing


def current_filings(cli) -> list[tuple[str, str]]:
    conn = sqlite3.connect(cli.db)
    try:
        return conn.execute("SELECT kind, filed FROM filings WHERE voided_in IS NULL AND superseded_by IS NULL "
                            "ORDER BY id").fetchall()
    finally:
        conn.close()


def test_a_filing_recorded_by_hand_stays_when_the_row_that_matched_it_changes(office, tmp_path):
    office.ok("record", "program", "--year", "2024", "--date", "10/01/2024", "--commune", "Hiền Lương")
    code, doc = imported(office, xlsx(tmp_path / "so-den.xlsx", book([CONTROLS[0]])))
    assert doc["counts"]["filing"] == 1 and doc["rows"][0]["decision"] == "filing"
    letter = (CONTROLS[0][0], "Sở Tài chính", "05-CV/STC", "Công văn về việc cử cán bộ dự hội nghị")
    code, doc = imported(office, xlsx(tmp_path / "so-den-2.xlsx", book([letter])))
    assert doc["counts"]["withdrawn"] == 0 and doc["rows"][0]["withdrawn"] is None
    assert statuses(office, "program")["Xã Hiền Lương"] == ("on_time", "2024-01-10")


# A row the classifier cannot type ("V/v gửi văn bản …"), that the clerk records as Tú Lý's program.
ASKED = (D(2024, 1, 15), "Sở Xây dựng", "18-CV/SXD", "V/v gửi văn bản theo dõi xã Tú Lý")


def edit_review(review, change) -> None:
    """Open the review workbook as the clerk's spreadsheet program would, let `change(ws,
    col)` edit it, save it."""
    from openpyxl import load_workbook

    wb = load_workbook(review)
    ws = wb["Cần xem lại"]
    header = [c.value for c in ws[4]]
    change(ws, {name: header.index(name) + 1 for name in header if name})
    wb.save(review)


RECORD_TU_LY = {"Loại": "program", "Năm": 2024, "Xã, phường, thị trấn": "Tú Lý"}


@pytest.fixture
def asked(office, tmp_path):
    """The book imported with its review workbook; the clerk's answer filled in (not imported)."""
    path = xlsx(tmp_path / "so-den.xlsx", book([CONTROLS[0], ASKED, TRAPS[12]]))
    review = tmp_path / "can-xem-lai.xlsx"
    code, doc = imported(office, path, "--review", review)
    assert code == 1 and len(review_places(review)) == 2
    assert answer(review, {"V/v gửi văn bản": ("Ghi nhận", RECORD_TU_LY),
                           "Kế hoạch kiểm tra": ("Không phải văn bản theo Quy định", {})}) == 2
    return office, path, review


def duplicate_row(ws, col, cells: dict) -> None:
    """The first answered row copied below the last, with some of its cells changed."""
    last = ws.max_row + 1
    for c in range(1, ws.max_column + 1):
        ws.cell(last, c, ws.cell(5, c).value)
    for name, value in cells.items():
        ws.cell(last, col[name], value)


def test_a_duplicated_review_row_cannot_make_one_document_two_filings(asked):
    office, path, review = asked
    edit_review(review, lambda ws, col: duplicate_row(ws, col, {"Loại": "report", "Xã, phường, thị trấn": "Hiền Lương"}))
    counts = office.json("check", "--year", "2024", "--as-of", "31/12/2024", "--all")["counts"]
    err = office.refused("import", "filings", review)
    assert "Cần xem lại" in err and "2024#2" in err and "answered already at row 5" in err
    assert office.json("check", "--year", "2024", "--as-of", "31/12/2024", "--all")["counts"] == counts


def test_the_same_place_twice_is_refused_even_with_the_same_answer(asked):
    office, path, review = asked
    edit_review(review, lambda ws, col: duplicate_row(ws, col, {}))
    assert "answered already at row 5" in office.refused("import", "filings", review)


@pytest.mark.parametrize("place, why", [
    ("2024#999999", "no row this file asks about"),  # a place the book never had
    ("2024#1", "no row this file asks about"),  # a row decided a filing, never asked about
    ("", "has no Vị trí trong sổ"),
])
def test_an_edited_place_is_refused(asked, place, why):
    office, path, review = asked

    def move(ws, col):
        for r in range(5, ws.max_row + 1):
            if "V/v gửi văn bản" in (ws.cell(r, col["Tên loại và trích yếu nội dung"]).value or ""):
                ws.cell(r, col["Vị trí trong sổ"]).value = place or None

    edit_review(review, move)
    err = office.refused("import", "filings", review)
    assert why in err and "Cần xem lại" in err and (place in err)
    code, doc = imported(office, path, "--dry-run")  # the earlier decisions stand
    assert [r["decision"] for r in doc["rows"]] == ["known", "known", "known"]


def test_a_review_workbook_of_another_ledger_is_refused(asked, tmp_path):
    from conftest import Cli

    office, path, review = asked
    other = Cli(tmp_path / "other.db")
    other.ok("init")
    assign(other, tmp_path, PEOPLE, name="other-list.xlsx")  # the same province, the same book: another ledger
    foreign = tmp_path / "foreign.xlsx"
    imported(other, path, "--review", foreign)
    answer(foreign, {"V/v gửi văn bản": ("Ghi nhận", RECORD_TU_LY), "Kế hoạch kiểm tra": ("Không phải văn bản theo Quy định", {})})
    err = office.refused("import", "filings", foreign)
    assert "written by another ledger" in err
    office.ok("import", "filings", review)  # its own answers are taken
    before = snapshot(office.db)
    code, doc = imported(office, path)  # and the book again reopens nothing
    assert code == 0 and doc["counts"]["known"] == 3 and snapshot(office.db) == before


def test_a_review_workbook_without_its_stamp_is_refused(asked, tmp_path):
    from openpyxl import load_workbook

    office, path, review = asked
    wb = load_workbook(review)
    del wb["cadretrack"]
    wb.save(review)
    assert "no stamp of this ledger" in office.refused("import", "filings", review)


def test_a_place_answered_anew_replaces_its_earlier_answer(asked):
    office, path, review = asked
    office.ok("import", "filings", review)
    assert statuses(office, "program")["Xã Tú Lý"] == ("on_time", "2024-01-15")
    before = snapshot(office.db)
    office.ok("import", "filings", review)  # the same answers again: nothing
    assert snapshot(office.db) == before
    answer(review, {"V/v gửi văn bản": ("Không phải văn bản theo Quy định", {})})
    said = office.ok("import", "filings", review, "--format", "json")
    assert json.loads(said.stdout)["counts"]["withdrawn"] == 1
    assert statuses(office, "program")["Xã Tú Lý"] == ("overdue", None)
    answer(review, {"V/v gửi văn bản": ("Ghi nhận", {**RECORD_TU_LY, "Loại": "report"})})
    office.ok("import", "filings", review)
    assert statuses(office, "report")["Xã Tú Lý"] == ("on_time", "2024-01-15")
    answer(review, {"V/v gửi văn bản": ("Ghi nhận", RECORD_TU_LY)})  # program again: the report makes way
    office.ok("import", "filings", review)
    assert statuses(office, "report")["Xã Tú Lý"] == ("overdue", None)
    assert statuses(office, "program")["Xã Tú Lý"] == ("on_time", "2024-01-15")
    assert current_filings(office) == [("program", "2024-01-10"), ("program", "2024-01-15")]
    office.ok("verify")
    office.ok("undo")
    assert statuses(office, "program")["Xã Tú Lý"] == ("overdue", None)
    assert statuses(office, "report")["Xã Tú Lý"] == ("on_time", "2024-01-15")
