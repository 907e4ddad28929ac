"""The review workbook a clerk completes in Excel: a blank Xử lý is a question not yet
answered (kept, counted, never recorded), answered rows are applied whatever the others,
rows deleted from the workbook still wait and are said to, errors speak of the workbook's
columns and dates day first, and the summary counts what each answer did."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from conftest import snapshot
from sheets import assign, xlsx

D = dt.date
PEOPLE = [
    ("Nguyễn Văn An", "Sở Tài chính", "Xã Hiền Lương"),
    ("Trần Thị Bình", "Sở Y tế", "Phường Tân Hòa"),
    ("Lê Đức Cường", "Ban Tổ chức Tỉnh ủy", "Xã Mông Hóa"),
    ("Phạm Minh Dũng", "Sở Xây dựng", "Xã Tú Lý"),
]
HEADER = ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Tên loại và trích yếu nội dung văn bản"]
# Every row goes to review: (received, sender, number, summary)
ASKED = [
    (D(2024, 4, 10), "Đảng ủy xã Hiền Lương", "03-BC/ĐU",
     "Báo cáo khó khăn, vướng mắc của xã Hiền Lương trong thực hiện Quy định 26"),
    (D(2024, 7, 15), "Sở Tài chính", "30-BC/STC", "Báo cáo kết quả theo dõi xã Hiền Lương 6 tháng đầu năm 2024"),
    (D(2024, 3, 1), "Ban Tổ chức Tỉnh ủy", "12-KH/BTCTU", "Kế hoạch kiểm tra việc thực hiện Quy định số 26-QĐ/TU"),
    (D(2024, 12, 2), "Đảng ủy xã Mông Hóa", "13-BC/ĐU", "Báo cáo kết quả theo dõi xã Mông Hóa năm 2024"),
    (D(2024, 12, 3), "Đảng ủy xã Tú Lý", "33-BC/ĐU", "Báo cáo kết quả theo dõi xã Tú Lý năm 2024 của Đảng ủy"),
]
SHEET = "Cần xem lại"


def book(rows, year_rows=None) -> list[list]:
    out = [["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"], HEADER]
    for number, (received, sender, doc_number, summary) in enumerate(rows, start=1):
        out.append([received, number, sender, doc_number, summary])
    return out


@pytest.fixture
def asked(ledger, tmp_path):
    """The ledger, the book imported once with its review workbook written."""
    assign(ledger, tmp_path, PEOPLE)
    path = xlsx(tmp_path / "so-den.xlsx", book(ASKED))
    review = tmp_path / "can-xem-lai.xlsx"
    result = ledger("import", "filings", path, "--review", review)
    assert result.exit_code == 1, result.output + result.stderr
    assert len(rows_of(review)) == len(ASKED)
    return ledger, path, review


def header_row(ws) -> int:
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == "Ngày đến":
            return r
    raise AssertionError("no header")


def rows_of(review) -> dict[str, int]:
    """Summary -> sheet row of every question in the workbook."""
    ws = load_workbook(review)[SHEET]
    head = header_row(ws)
    col = {c.value: c.column for c in ws[head] if c.value}
    return {ws.cell(r, col["Tên loại và trích yếu nội dung"]).value: r for r in range(head + 1, ws.max_row + 1)
            if ws.cell(r, col["Tên loại và trích yếu nội dung"]).value}


def edit(review, answers: dict[str, dict], delete: tuple[str, ...] = (), reverse: bool = False,
         extra_column: bool = False, blank_rows: bool = False):
    """Edit the workbook as a clerk would in Excel: {words of the summary: {heading: value}},
    rows deleted, rows reordered, a column added, blank rows between."""
    wb = load_workbook(review)
    ws = wb[SHEET]
    head = header_row(ws)
    col = {c.value: c.column for c in ws[head] if c.value}
    for r in range(head + 1, ws.max_row + 1):
        summary = ws.cell(r, col["Tên loại và trích yếu nội dung"]).value or ""
        for words, cells in answers.items():
            if words in summary:
                for name, value in cells.items():
                    ws.cell(r, col[name]).value = value
    for r in range(ws.max_row, head, -1):
        summary = ws.cell(r, col["Tên loại và trích yếu nội dung"]).value or ""
        if any(words in summary for words in delete):
            ws.delete_rows(r)
    if reverse:
        at = col["Tên loại và trích yếu nội dung"]
        rows = [r for r in range(head + 1, ws.max_row + 1) if ws.cell(r, at).value]
        data = [[ws.cell(r, c).value for c in range(1, ws.max_column + 1)] for r in rows]
        for r, values in zip(rows, reversed(data)):
            for c, value in enumerate(values, start=1):
                ws.cell(r, c).value = value
    if blank_rows:
        for r in range(ws.max_row, head + 1, -1):
            ws.insert_rows(r)
    if extra_column:
        ws.insert_cols(1)
        ws.cell(head, 1, "Ghi chú của văn thư")
        for r in range(head + 1, ws.max_row + 1):
            ws.cell(r, 1, "đã xem")
    wb.save(review)


def filed(cli) -> dict:
    items = cli.json("check", "--year", "2024", "--as-of", "31/12/2024", "--all")["items"]
    return {(i["commune"], i["kind"]): i["filed"] for i in items if i["filed"]}


def test_a_blank_answer_records_nothing_and_waits(asked):
    cli, path, review = asked
    # A row prefilled as Tú Lý's report: left blank, it must not be credited.
    edit(review, {"Kế hoạch kiểm tra": {"Xử lý": "Không phải văn bản theo Quy định"},
                  "của Đảng ủy": {"Loại": "Báo cáo năm", "Năm": 2024, "Xã, phường, thị trấn": "Tú Lý"}})
    result = cli("import", "filings", review, "--format", "json")
    assert result.exit_code == 1, result.output + result.stderr  # rows still await an answer
    doc = json.loads(result.stdout)
    # The difficulty row comes with its answer written in; the three others wait.
    assert (doc["counts"]["review"], doc["counts"]["unrelated"], doc["counts"]["difficulties"]) == (3, 1, 1)
    # Every row of the workbook is listed: the two answered as no filing, the three waiting.
    assert sorted(r["decision"] for r in doc["rows"]) == ["review"] * 3 + ["unrelated"] * 2
    answered = {r["row"]: r["reason"] for r in doc["rows"] if r["decision"] == "unrelated"}
    assert any("difficulties log" in why for why in answered.values())
    assert any("not asked again" in why for why in answered.values())
    assert [r["row"] for r in doc["rows"]] == sorted(r["row"] for r in doc["rows"])
    assert filed(cli) == {}
    # The unanswered rows are asked again; the answered one is not.
    again = cli("import", "filings", path, "--review", review)
    assert again.exit_code == 1
    assert len(rows_of(review)) == 3 and not any("Kế hoạch" in s or "khó khăn" in s for s in rows_of(review))


def test_an_unfinished_row_does_not_block_the_answered_ones(asked):
    cli, path, review = asked
    edit(review, {"6 tháng đầu năm": {"Loại": None, "Năm": None},  # unfinished, blank Xử lý
                  "Mông Hóa năm 2024": {"Xử lý": "Ghi nhận", "Tác giả": "Sở Xây dựng", "Loại": "Báo cáo năm",
                                        "Năm": 2024, "Xã, phường, thị trấn": "Mông Hóa",
                                        "Huyện, thành phố": None, "Mã xã": None}})
    result = cli("import", "filings", review)
    assert result.exit_code == 1, result.output + result.stderr
    assert filed(cli) == {("Xã Mông Hóa", "report"): "2024-12-02"}
    assert "1 new filing(s), 0 replacing one on file" in result.stdout
    assert "1 difficulties entered" in result.stdout and "3 row(s) still awaiting an answer" in result.stdout
    assert "(rows 6, 7, 9)" in result.stdout  # the blank rows, named


def test_a_district_that_contradicts_the_commune_is_refused(asked):
    cli, path, review = asked
    edit(review, {"Mông Hóa năm 2024": {"Xử lý": "Ghi nhận", "Loại": "Báo cáo năm", "Năm": 2024,
                                        "Xã, phường, thị trấn": "Tú Lý", "Huyện, thành phố": "Lạc Sơn",
                                        "Mã xã": None}})
    err = cli.refused("import", "filings", review, lang="vi")
    assert "Huyện, thành phố" in err and "Lạc Sơn" in err and "Tú Lý" in err
    edit(review, {"Mông Hóa năm 2024": {"Xã, phường, thị trấn": "Tú Lý", "Huyện, thành phố": "Lạc Sơn",
                                        "Mã xã": "04867"}})
    err = cli.refused("import", "filings", review, lang="vi")
    assert "Huyện, thành phố" in err and "Lạc Sơn" in err


def test_the_register_again_exits_1_while_questions_wait(asked):
    cli, path, review = asked
    again = cli("import", "filings", path)
    assert again.exit_code == 1, again.output
    edit(review, {"": {"Xử lý": "Không phải văn bản theo Quy định"}})
    cli.ok("import", "filings", review)
    cli.ok("import", "filings", path)


def test_a_deleted_row_still_waits_and_is_said_so(asked):
    cli, path, review = asked
    edit(review, {"Kế hoạch kiểm tra": {"Xử lý": "Không phải văn bản theo Quy định"}},
         delete=("6 tháng đầu năm", "Mông Hóa năm 2024"))
    result = cli("import", "filings", review, lang="vi")
    assert result.exit_code == 1, result.output + result.stderr
    assert "2 dòng đã bị xóa khỏi tệp xem lại nhưng vẫn chờ trả lời (Vị trí trong sổ 2024#2, 2024#4)" in result.stdout
    assert "--review" in result.stdout and "Không phải văn bản theo Quy định" in result.stdout  # how to answer
    cli("import", "filings", path, "--review", review)  # written again: the deleted questions are back
    back = rows_of(review)
    assert any("6 tháng đầu năm" in s for s in back) and any("Mông Hóa năm 2024" in s for s in back)


def test_a_workbook_edited_freely_in_excel(asked):
    """Rows reordered, blank rows between, a column of the clerk's own, dates typed as text."""
    cli, path, review = asked
    edit(review, {"Mông Hóa năm 2024": {"Xử lý": "Ghi nhận", "Tác giả": "Ban Tổ chức Tỉnh ủy", "Loại": "Báo cáo năm",
                                        "Năm": 2024, "Xã, phường, thị trấn": "Mông Hóa", "Ngày đến": "02/12/2024"},
                  "Kế hoạch kiểm tra": {"Xử lý": "không phải VB theo QĐ"}},
         reverse=True, blank_rows=True, extra_column=True)
    result = cli("import", "filings", review)
    assert result.exit_code == 1, result.output + result.stderr
    assert "1 new filing(s)" in result.stdout and "1 row(s) remembered as no filing" in result.stdout
    assert "2 row(s) still awaiting an answer" in result.stdout
    assert filed(cli) == {("Xã Mông Hóa", "report"): "2024-12-02"}
    before = snapshot(cli.db)
    assert cli("import", "filings", review).exit_code == 1 and snapshot(cli.db) == before  # again: no change


def test_errors_show_dates_day_first_and_speak_of_columns(asked):
    cli, path, review = asked
    cli.ok("record", "report", "--year", "2024", "--date", "20/12/2024", "--commune", "Mông Hóa")
    edit(review, {"Mông Hóa năm 2024": {"Xử lý": "Ghi nhận", "Loại": "Báo cáo năm", "Năm": 2024,
                                        "Xã, phường, thị trấn": "Mông Hóa"},
                  "Kế hoạch kiểm tra": {"Xử lý": "Ghi nhận", "Loại": "Báo cáo năm", "Năm": 2024,
                                        "Xã, phường, thị trấn": None, "Mã xã": None, "Cán bộ theo dõi": None}})
    err = cli.refused("import", "filings", review, lang="vi")
    assert "02/12/2024" in err and "20/12/2024" in err and "2024-12" not in err
    assert "--replace" not in err and "--commune" not in err and "--cadre" not in err
    assert "Ghi nhận, thay" in err and "vào cột" in err
    edit(review, {"Mông Hóa năm 2024": {"Xử lý": "Ghi nhận, thay văn bản đã ghi"},
                  "Kế hoạch kiểm tra": {"Xử lý": None}})
    result = cli("import", "filings", review)
    assert result.exit_code == 1, result.output + result.stderr
    assert "0 new filing(s), 1 replacing one on file" in result.stdout
    assert filed(cli)[("Xã Mông Hóa", "report")] == "2024-12-02"


def test_the_workbook_explains_each_answer_above_its_header(asked):
    cli, path, review = asked
    ws = load_workbook(review)[SHEET]
    above = " ".join(str(ws.cell(r, 1).value or "") for r in range(1, header_row(ws)))
    for answer in ("Ghi nhận", "Ghi khó khăn, vướng mắc", "Không phải văn bản theo Quy định",
                   "Ghi nhận, thay văn bản đã ghi", "(blank)"):
        assert answer in above
    assert "delete the rows" not in above
    assert ws.cell(header_row(ws) + 1, 1).number_format == "dd/mm/yyyy"


def test_a_new_years_book_is_new_rows_not_changed_ones(ledger, tmp_path):
    """Số đến restarts at 1 each year; with the year unreadable (typed "08/01/25") a row is
    placed by what it says, so the new book's first row is not the old one's corrected."""
    assign(ledger, tmp_path, PEOPLE)
    old = [["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"], HEADER,
           ["05/12/24", 1, "Sở Y tế", "42-BC/SYT", "Báo cáo kết quả theo dõi phường Tân Hòa năm 2024"]]
    new = [["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM 2025"], HEADER,
           ["08/01/25", 1, "Sở Tài chính", "01-CTr/STC", "Chương trình theo dõi địa bàn xã Hiền Lương năm 2025"]]
    ledger("import", "filings", xlsx(tmp_path / "so-2024.xlsx", old))
    result = ledger("import", "filings", xlsx(tmp_path / "so-2025.xlsx", new))
    assert "changed in the book" not in result.stdout
    dated_old = [*old[:2], [D(2024, 12, 5), *old[2][1:]]]
    dated_new = [*new[:2], [D(2025, 1, 8), *new[2][1:]]]
    ledger("import", "filings", xlsx(tmp_path / "a.xlsx", dated_old))
    result = ledger("import", "filings", xlsx(tmp_path / "b.xlsx", dated_new), "--format", "json")
    assert [r["decision"] for r in json.loads(result.stdout)["rows"]] == ["filing"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["Ghi nhận", "Ghi khó khăn, vướng mắc", "Không phải văn bản theo Quy định",
                        "Ghi nhận, thay văn bản đã ghi", ""]),
       st.sampled_from(["", " ", "  ", "\n"]), st.booleans(), st.sampled_from(["NFC", "NFD"]))
def test_answers_are_read_as_typed(answer, pad, upper, form):
    import unicodedata

    from cadretrack.domain.book import ANSWERS, answer_of

    text = unicodedata.normalize(form, answer.upper() if upper else answer)
    got = answer_of(pad + text + pad)
    expected = {v: k for k, v in ANSWERS.items()}.get(answer, "")
    assert got == expected


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.none(), st.text(alphabet=" \t\n\u00a0", max_size=5)))
def test_a_cell_of_blanks_is_no_answer(text):
    from cadretrack.domain.book import answer_of

    assert answer_of(text) == ""


def test_an_unknown_answer_lists_the_answers_whole(asked):
    """The answers hold commas ("Ghi khó khăn, vướng mắc"): listed each in quotes, apart by
    semicolons, so the clerk can copy one whole; the sheet never says "ngày Ngày đến"."""
    cli, path, review = asked
    edit(review, {"Mông Hóa năm 2024": {"Xử lý": "Đồng ý"}})
    err = cli.refused("import", "filings", review, lang="vi")
    assert '"Đồng ý"' in err
    assert '"Ghi khó khăn, vướng mắc"; "Không phải văn bản theo Quy định"' in err
    vi = review.with_name("xem-lai-vi.xlsx")
    assert cli("import", "filings", path, "--review", vi, lang="vi").exit_code == 1
    ws = load_workbook(vi)[SHEET]
    above = " ".join(str(ws.cell(r, 1).value or "") for r in range(1, header_row(ws)))
    assert "ngày Ngày" not in above and "cột Ngày đến" in above


def test_a_review_workbook_imported_with_review_is_refused_before_anything(asked):
    """Its unanswered rows stay in it; a new review workbook from it would be empty."""
    cli, path, review = asked
    edit(review, {"Kế hoạch kiểm tra": {"Xử lý": "Không phải văn bản theo Quy định"}})
    out = review.with_name("lan-hai.xlsx")
    before = snapshot(cli.db)
    err = cli.refused("import", "filings", review, "--review", out, lang="vi")
    assert "tệp xem lại" in err and "lan-hai.xlsx" in err and not out.exists()
    assert snapshot(cli.db) == before
