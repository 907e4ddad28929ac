"""The office's book imported again and again as it grows: each row decided once, the
clerk's answers remembered, and nothing recorded that the rules do not owe."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from openpyxl import load_workbook

from conftest import snapshot
from sheets import assign, xlsx

D = dt.date
PEOPLE = [
    ("Nguyễn Văn An", "Sở Tài chính", "Xã Hiền Lương"),
    ("Trần Thị Bình", "Sở Y tế", "Phường Tân Hòa"),
    ("Lê Đức Cường", "Ban Tổ chức Tỉnh ủy", "Xã Mông Hóa"),
    ("Phạm Minh Dũng", "Sở Xây dựng", "Xã Tú Lý"),
    ("Hoàng Văn Em", "Sở Nội vụ", "Phường Hữu Nghị"),
    ("Đinh Thị Giang", "Sở Công Thương", "Phường Dân Chủ"),
]
HEADER = ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Tên loại và trích yếu nội dung văn bản"]

# Real filings, each recorded: (received, sender, number, summary, kind, commune).
CONTROLS = [
    (D(2024, 1, 10), "Sở Tài chính", "05-CTr/STC", "Chương trình theo dõi địa bàn xã Hiền Lương năm 2024",
     "program", "Xã Hiền Lương"),
    (D(2024, 12, 5), "Sở Y tế", "42-BC/SYT", "Báo cáo kết quả theo dõi phường Tân Hòa năm 2024",
     "report", "Phường Tân Hòa"),
    (D(2024, 12, 6), "Đảng ủy xã Mông Hóa", "21-BC/ĐU",
     "Nhận xét, đánh giá đồng chí Lê Đức Cường, cán bộ theo dõi xã năm 2024", "evaluation", "Xã Mông Hóa"),
    (D(2024, 12, 1), "Sở Xây dựng", "15-BC/SXD", "Báo cáo kết quả theo dõi xã Tú Lý năm 2024", "report", "Xã Tú Lý"),
    (D(2023, 11, 20), "Sở Công Thương", "09-CTr/SCT", "Chương trình theo dõi phường Dân Chủ năm 2024",
     "program", "Phường Dân Chủ"),
    (D(2024, 12, 8), "Đảng ủy phường Hữu Nghị", "07-BC/ĐU",
     "Phiếu nhận xét, đánh giá cán bộ theo dõi phường năm 2024", "evaluation", "Phường Hữu Nghị"),
]
# Documents about the regulation's work that are no filing it owes: none may be recorded.
# (received, sender, number, summary, a word of the reason in English)
TRAPS = [
    (D(2024, 7, 15), "Sở Tài chính", "30-BC/STC", "Báo cáo kết quả theo dõi xã Hiền Lương 6 tháng đầu năm 2024", "6 tháng"),
    (D(2024, 7, 20), "Đảng ủy xã Mông Hóa", "12-BC/ĐU", "Báo cáo sơ kết 6 tháng thực hiện Quy định số 26-QĐ/TU", ""),
    (D(2024, 10, 5), "Sở Y tế", "31-BC/SYT", "Báo cáo kết quả theo dõi phường Tân Hòa quý III năm 2024", "quý III"),
    (D(2024, 9, 12), "Sở Xây dựng", "16-BC/SXD", "Báo cáo đột xuất kết quả theo dõi xã Tú Lý năm 2024", "đột xuất"),
    (D(2024, 5, 3), "Sở Nội vụ", "40-BC/SNV", "Báo cáo hằng tháng kết quả theo dõi phường Hữu Nghị", "hằng tháng"),
    (D(2024, 10, 2), "Sở Công Thương", "11-BC/SCT", "Báo cáo 9 tháng kết quả theo dõi phường Dân Chủ năm 2024",
     "9 tháng"),
    (D(2024, 4, 10), "Đảng ủy xã Hiền Lương", "03-BC/ĐU",
     "Báo cáo khó khăn, vướng mắc của xã Hiền Lương trong thực hiện Quy định 26", "difficulties"),
    (D(2024, 12, 2), "Đảng ủy xã Mông Hóa", "13-BC/ĐU", "Báo cáo kết quả theo dõi xã Mông Hóa năm 2024", "comes from"),
    (D(2024, 1, 12), "Đảng ủy xã Tú Lý", "01-CTr/ĐU", "Chương trình theo dõi địa bàn xã Tú Lý năm 2024", "comes from"),
    (D(2024, 12, 3), "Sở Tài chính", "33-BC/STC", "Nhận xét, đánh giá cán bộ theo dõi xã Hiền Lương năm 2024",
     "comes from"),
    (D(2024, 12, 4), "Huyện ủy Đà Bắc", "88-BC/HU", "Báo cáo tổng hợp kết quả cán bộ theo dõi các xã năm 2024",
     "district"),
    (D(2023, 11, 20), "Sở Y tế", "29-BC/SYT", "Báo cáo kết quả theo dõi phường Tân Hòa năm 2024", "01/01/2024"),
    (D(2024, 3, 1), "Ban Tổ chức Tỉnh ủy", "12-KH/BTCTU", "Kế hoạch kiểm tra việc thực hiện Quy định số 26-QĐ/TU",
     "of type"),
    (D(2024, 7, 1), "Sở Nội vụ", "41-BC/SNV", "Báo cáo kết quả theo dõi phường Hữu Nghị quý 2 năm 2024", "quý 2"),
    (D(2024, 6, 30), "Sở Y tế", "32-BC/SYT", "Báo cáo sơ kết công tác theo dõi phường Tân Hòa năm 2024", "sơ kết"),
    (D(2024, 7, 8), "Sở Công Thương", "12-BC/SCT", "Báo cáo sáu tháng đầu năm kết quả theo dõi phường Dân Chủ",
     "sáu tháng"),
    (D(2024, 8, 8), "Sở Xây dựng", "17-BC/SXD", "Báo cáo kết quả theo dõi xã Tú Lý giữa nhiệm kỳ", "giữa nhiệm kỳ"),
    (D(2024, 12, 5), "Sở Công Thương", "13-BC/SCT", "Phiếu nhận xét, đánh giá cán bộ theo dõi phường Dân Chủ năm 2024",
     "comes from"),
    (D(2024, 6, 6), "Sở Xây dựng", "18-BC/SXD", "Báo cáo tình hình khó khăn, vướng mắc tại xã Tú Lý", "difficulties"),
    (D(2024, 1, 25), "Ban Thường vụ Huyện ủy Mai Châu", "05-CTr/HU",
     "Chương trình theo dõi địa bàn phường Hữu Nghị năm 2024", "district"),
    (D(2023, 6, 15), "Sở Công Thương", "05-BC/SCT", "Báo cáo kết quả theo dõi phường Dân Chủ năm 2024", "01/01/2024"),
    (D(2024, 11, 4), "Sở Y tế", "34-BC/SYT", "Báo cáo tháng 10 kết quả theo dõi phường Tân Hòa", "báo cáo tháng"),
    (D(2024, 9, 9), "Ban Tổ chức Tỉnh ủy", "20-BC/BTCTU", "Báo cáo đột xuất về tình hình xã Mông Hóa theo Quy định 26",
     "đột xuất"),
    (D(2024, 12, 30), "Sở Tài chính", "35-BC/STC", "Báo cáo kết quả theo dõi xã Hiền Lương quý IV năm 2024", "quý IV"),
    (D(2024, 12, 7), "Sở Xây dựng", "19-BC/SXD", "Nhận xét, đánh giá đồng chí Phạm Minh Dũng năm 2024", "comes from"),
    (D(2024, 12, 1), "UBND xã Tú Lý", "90/BC-UBND", "Báo cáo kết quả theo dõi xã Tú Lý năm 2024", "comes from"),
    (D(2024, 9, 15), "Sở Công Thương", "14-CTr/SCT", "Chương trình theo dõi phường Dân Chủ năm 2025", "01/11/2024"),
    (D(2024, 10, 1), "Sở Nội vụ", "42-BC/SNV", "Báo cáo kết quả 9 tháng theo dõi phường Hữu Nghị", "9 tháng"),
    (D(2024, 5, 20), "Ủy ban Kiểm tra Tỉnh ủy", "07-KL/UBKT",
     "Kết luận kiểm tra việc thực hiện Quy định 26-QĐ/TU tại xã Mông Hóa", "of type"),
    (D(2024, 4, 2), "Sở Y tế", "30-BC/SYT", "Báo cáo hằng quý kết quả theo dõi phường Tân Hòa", "hằng quý"),
]


def book(rows) -> list[list]:
    """The office's book, hand-kept: a title, the header, then the rows with their Số đến."""
    out = [["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"], HEADER]
    for number, (received, sender, doc_number, summary, *_) in enumerate(rows, start=1):
        out.append([received, number, sender, doc_number, summary])
    return out


def imported(cli, path, *more):
    result = cli("import", "filings", path, "--format", "json", *more)
    assert result.exit_code in (0, 1), result.output + result.stderr
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def office(ledger, tmp_path):
    return assign(ledger, tmp_path, PEOPLE)


def test_no_trap_is_recorded_and_every_control_is(office, tmp_path):
    assert len(TRAPS) >= 30
    rows = CONTROLS + [(*trap[:4], None, None) for trap in TRAPS]
    code, doc = imported(office, xlsx(tmp_path / "so-den.xlsx", book(rows)))
    got = sorted(doc["rows"], key=lambda r: r["row"])
    for control, row in zip(CONTROLS, got):
        assert (row["decision"], row["kind"]) == ("filing", control[4]), (control, row)
    for trap, row in zip(TRAPS, got[len(CONTROLS):]):
        assert row["decision"] in ("review", "unrelated"), (trap, row)
        if row["decision"] == "review":  # with the reason that ruled it out
            assert trap[4] in row["reason"], (trap, row)
    assert sum(r["decision"] == "review" for r in got[len(CONTROLS):]) >= 25  # most are asked about, not dropped
    conn = sqlite3.connect(office.db)
    try:
        recorded = conn.execute("SELECT COUNT(*) FROM filings WHERE voided_in IS NULL").fetchone()[0]
    finally:
        conn.close()
    assert recorded == len(CONTROLS) and code == 1


def answer(review, answers: dict[str, tuple[str, dict]]) -> int:
    """Fill the review workbook as a clerk would: {words of the summary: (Xử lý, {column: value})}.
    Returns how many rows it answered."""
    wb = load_workbook(review)
    ws = wb["Cần xem lại"]
    header = [c.value for c in ws[4]]
    col = {name: header.index(name) + 1 for name in header if name}
    done = 0
    for r in range(5, ws.max_row + 1):
        summary = ws.cell(r, col["Tên loại và trích yếu nội dung"]).value or ""
        for words, (action, cells) in answers.items():
            if words in summary:
                ws.cell(r, col["Xử lý"], action)
                for name, value in cells.items():
                    ws.cell(r, col[name], value)
                done += 1
    wb.save(review)
    return done


def review_places(review) -> set[str]:
    ws = load_workbook(review)["Cần xem lại"]
    header = [c.value for c in ws[4]]
    at = header.index("Vị trí trong sổ")
    return {row[at] for row in ws.iter_rows(min_row=5, values_only=True) if row[at]}


def test_a_clerks_year_asks_no_question_twice(office, tmp_path):
    rows = [CONTROLS[0], TRAPS[6], CONTROLS[4], TRAPS[12],  # January to March
            TRAPS[0], CONTROLS[1], TRAPS[7],  # to December
            CONTROLS[2], CONTROLS[3], TRAPS[13]]
    sizes = (4, 7, len(rows))
    asked: list[set] = []
    answers = {
        "khó khăn, vướng mắc của xã Hiền Lương": ("Ghi khó khăn, vướng mắc", {"Xã, phường, thị trấn": "Hiền Lương"}),
        "Kế hoạch kiểm tra": ("Không phải văn bản theo Quy định", {}),
        "6 tháng đầu năm": ("Không phải văn bản theo Quy định", {}),
        "Báo cáo kết quả theo dõi xã Mông Hóa năm 2024": ("Không phải văn bản theo Quy định", {}),
        "quý 2": ("Không phải văn bản theo Quy định", {}),
    }
    for n, size in enumerate(sizes, start=1):
        path = xlsx(tmp_path / f"so-den-{n}.xlsx", book(rows[:size]))
        review = tmp_path / f"can-xem-lai-{n}.xlsx"
        code, doc = imported(office, path, "--review", review)
        assert doc["counts"]["known"] == (sizes[n - 2] if n > 1 else 0)
        asked.append(review_places(review))
        assert code == (1 if asked[-1] else 0)
        if asked[-1]:
            assert answer(review, answers) == len(asked[-1])
            result = office("import", "filings", review)
            assert result.exit_code == 0, result.output + result.stderr
            before = snapshot(office.db)
            again = office("import", "filings", review)  # the same answers again: nothing changes
            assert again.exit_code == 0 and snapshot(office.db) == before
    for one, other in ((0, 1), (0, 2), (1, 2)):
        assert not asked[one] & asked[other]  # no question asked twice
    assert sum(len(a) for a in asked) == 5
    final = xlsx(tmp_path / "so-den-full.xlsx", book(rows))
    for _ in range(2):
        before = snapshot(office.db)
        code, doc = imported(office, final)
        assert code == 0 and doc["counts"]["known"] == len(rows) and snapshot(office.db) == before
    # Statuses item by item: the filings, the difficulty, nothing from the answers "not a filing".
    items = office.json("check", "--year", "2024", "--as-of", "31/12/2024", "--all")["items"]
    filed = {(i["commune"], i["kind"]): i["filed"] for i in items if i["filed"]}
    assert filed == {(c[5], c[4]): c[0].isoformat() for c in (CONTROLS[0], CONTROLS[4], CONTROLS[1], CONTROLS[2],
                                                                 CONTROLS[3])}
    (difficulty,) = office.json("difficulties", "--as-of", "31/12/2024")
    assert difficulty["commune"] == "Xã Hiền Lương" and difficulty["raised_on"] == "2024-04-10"


def test_a_changed_row_is_decided_again_and_undo_forgets(office, tmp_path):
    rows = [CONTROLS[0], TRAPS[0]]
    path = xlsx(tmp_path / "so-den.xlsx", book(rows))
    code, doc = imported(office, path)
    assert doc["counts"] == {"filing": 1, "unrelated": 0, "review": 1, "known": 0, "withdrawn": 0, "replaced": 0}
    changed = [CONTROLS[0], (TRAPS[0][0], TRAPS[0][1], TRAPS[0][2],
                             "Báo cáo kết quả theo dõi xã Hiền Lương năm 2024", "")]
    code, doc = imported(office, xlsx(tmp_path / "so-den-2.xlsx", book(changed)), "--dry-run")
    assert doc["counts"]["known"] == 1 and [r["decision"] for r in doc["rows"]][1] == "filing"
    said = office("import", "filings", xlsx(tmp_path / "so-den-2.xlsx", book(changed)))
    assert said.exit_code == 0 and "1 row(s) changed in the book" in said.stdout and "(rows 4)" in said.stdout
    office.ok("undo")  # the second import: its filing and what it remembered are gone
    items = office.json("check", "--year", "2024", "--as-of", "31/12/2024", "--kind", "report", "--all")["items"]
    assert not [i for i in items if i["filed"]]
    code, doc = imported(office, xlsx(tmp_path / "so-den-3.xlsx", book(changed)), "--dry-run")
    assert [r["decision"] for r in doc["rows"]] == ["known", "filing"]  # the changed row is asked about anew
    code, doc = imported(office, path, "--dry-run")
    assert [r["decision"] for r in doc["rows"]] == ["known", "known"]  # as the first import left them
    office.ok("undo")
    code, doc = imported(office, path, "--dry-run")
    assert doc["counts"]["known"] == 0  # the first import forgotten too


def test_a_book_over_two_years_keys_each_year_apart(office, tmp_path):
    """Số đến starts again each January: the 1st of 2025 is not the 1st of 2024."""
    rows = [["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"], HEADER,
            [D(2024, 12, 5), 1, "Sở Y tế", "42-BC/SYT", "Báo cáo kết quả theo dõi phường Tân Hòa năm 2024"],
            [D(2025, 1, 8), 1, "Sở Tài chính", "01-CTr/STC", "Chương trình theo dõi địa bàn xã Hiền Lương năm 2025"]]
    code, doc = imported(office, xlsx(tmp_path / "so-den.xlsx", rows))
    assert [(r["decision"], r["year"]) for r in doc["rows"]] == [("filing", 2024), ("filing", 2025)]
    code, doc = imported(office, xlsx(tmp_path / "so-den.xlsx", rows))
    assert doc["counts"]["known"] == 2


def test_import_filings_replace_supersedes_a_different_filing(office, tmp_path):
    office.ok("record", "report", "--year", "2024", "--date", "20/12/2024", "--commune", "Tân Hòa")
    listing = xlsx(tmp_path / "list.xlsx", [
        ["Ngày đến", "Số, ký hiệu", "Loại", "Năm", "Xã, phường, thị trấn"],
        [D(2024, 12, 5), "42-BC/SYT", "Báo cáo năm", 2024, "Tân Hòa"],
    ])
    assert "Ghi nhận, thay văn bản đã ghi" in office.refused("import", "filings", listing)
    office.ok("import", "filings", listing, "--replace")
    items = office.json("check", "--year", "2024", "--as-of", "31/12/2024", "--kind", "report", "--all")["items"]
    assert {i["commune"]: i["filed"] for i in items}["Phường Tân Hòa"] == "2024-12-05"
    before = snapshot(office.db)
    office.ok("import", "filings", listing, "--replace")  # the same again: a no-op
    assert snapshot(office.db) == before


def test_an_assignment_list_effective_years_ahead_is_a_typo_unless_allowed(ledger, tmp_path):
    from sheets import HEADER, assignment_rows

    path = xlsx(tmp_path / "list.xlsx", [HEADER] + assignment_rows(PEOPLE[:1]))
    far = (dt.date.today() + dt.timedelta(days=400)).strftime("%d/%m/%Y")
    err = ledger.refused("import", "assignments", path, "--effective", far)
    assert far in err and "--allow-future" in err
    ledger.ok("import", "assignments", path, "--effective", far, "--allow-future")


def test_the_same_command_again_into_the_same_review_file_loses_no_question(office, tmp_path):
    rows = [CONTROLS[0], TRAPS[0], TRAPS[12]]
    path = xlsx(tmp_path / "so-den.xlsx", book(rows))
    review = tmp_path / "can-xem-lai.xlsx"
    first = office("import", "filings", path, "--review", review)
    assert first.exit_code == 1 and len(review_places(review)) == 2
    again = office("import", "filings", path, "--review", review)
    assert again.exit_code == 1  # nothing new is asked, but two questions still wait
    assert len(review_places(review)) == 2  # but the two unanswered questions are still in the workbook
    assert "2 row(s) asked about at an earlier import still await an answer" in again.stdout
    answer(review, {"6 tháng đầu năm": ("Không phải văn bản theo Quy định", {}),
                    "Kế hoạch kiểm tra": ("Không phải văn bản theo Quy định", {})})
    office.ok("import", "filings", review)
    office.ok("import", "filings", path, "--review", review)
    assert review_places(review) == set()  # answered: gone for good
