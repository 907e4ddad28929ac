"""(Second set, from branch review2, kept beside main's test_review_round_trip.py.) The review workbook filled in as a clerk would (openpyxl: blank answers, deleted rows,
districts that contradict the commune) and imported: what is answered is applied, what is
not stays waiting and is said so, and the exit code says rows await review."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
import sqlite3

import pytest
from openpyxl import load_workbook

from sheets import assign, xlsx
from test_register_loop import CONTROLS, PEOPLE, TRAPS, answer, book, imported, review_places

SHEET = "Cần xem lại"


@pytest.fixture
def office(ledger, tmp_path):
    return assign(ledger, tmp_path, PEOPLE)


def recorded(cli) -> int:
    conn = sqlite3.connect(cli.db)
    try:
        return conn.execute("SELECT COUNT(*) FROM filings WHERE voided_in IS NULL").fetchone()[0]
    finally:
        conn.close()


def columns(ws) -> dict[str, int]:
    for r in range(1, 12):
        header = [c.value for c in ws[r]]
        if "Xử lý" in header:
            return {name: i + 1 for i, name in enumerate(header) if name}, r
    raise AssertionError("no header")


def rows_about(ws, words: str) -> list[int]:
    col, head = columns(ws)
    return [r for r in range(head + 1, ws.max_row + 1)
            if words in (ws.cell(r, col["Tên loại và trích yếu nội dung"]).value or "")]


# TRAPS[7]: a commune's own report, the workbook prefills Loại, Năm and Xã: left blank it
# must not become a filing. TRAPS[12]: a plan, answered "not a filing".
COMES_FROM, PLAN = TRAPS[7], TRAPS[12]


def first_review(office, tmp_path, rows):
    path = xlsx(tmp_path / "so-den.xlsx", book(rows))
    review = tmp_path / "can-xem-lai.xlsx"
    code, doc = imported(office, path, "--review", review)
    assert code == 1
    return path, review


def test_a_blank_answer_is_not_yet_answered_and_does_not_block_the_others(office, tmp_path):
    path, review = first_review(office, tmp_path, [CONTROLS[0], COMES_FROM, PLAN])
    before = recorded(office)
    assert answer(review, {"Kế hoạch kiểm tra": ("Không phải văn bản theo Quy định", {})}) == 1
    wb = load_workbook(review)
    ws = wb[SHEET]
    col, _ = columns(ws)
    (r,) = rows_about(ws, COMES_FROM[3])
    ws.cell(r, col["Năm"], "20x4")  # an unfinished row may hold anything: it is not read yet
    wb.save(review)
    result = office("import", "filings", review)
    assert result.exit_code == 1, result.output + result.stderr  # a row still awaits an answer
    assert recorded(office) == before  # the blank row recorded nothing
    assert "1" in result.stdout and "chờ" not in result.stdout  # English mode
    assert "await" in result.stdout
    # The answered row is remembered, the blank one asked again.
    again = tmp_path / "can-xem-lai-2.xlsx"
    code, doc = imported(office, path, "--review", again)
    assert code == 1
    assert len(review_places(again)) == 1
    (r,) = rows_about(load_workbook(again)[SHEET], COMES_FROM[3])


def test_a_record_answer_whose_district_contradicts_its_commune_is_refused(office, tmp_path):
    path, review = first_review(office, tmp_path, [CONTROLS[0], COMES_FROM])
    answer(review, {COMES_FROM[3]: ("Ghi nhận", {"Xã, phường, thị trấn": "Hiền Lương",
                                                  "Huyện, thành phố": "Mai Châu"})})
    before = recorded(office)
    err = office.refused("import", "filings", review)
    assert recorded(office) == before
    assert "Huyện, thành phố" in err and "Mai Châu" in err and "Hiền Lương" in err, err
    assert "Xã, phường, thị trấn" in err, err
    assert "│ 5 " in err, err  # the row, as the spreadsheet numbers it
    vi = office("import", "filings", review, lang="vi")
    assert vi.exit_code == 2 and "Mai Châu" in vi.stderr and "Hiền Lương" in vi.stderr, vi.stderr


@pytest.mark.parametrize("commune, district", [("Hiền Lương", ""), ("", "Đà Bắc"), ("Xã Mông Hóa", "Mai Châu")])
def test_a_code_beside_another_communes_name_or_district_is_refused(office, tmp_path, commune, district):
    """Mã xã 4912 is Xã Mông Hóa (Thành phố Hòa Bình): a name or a district of another place
    beside it is a contradiction, not a filing for whichever the code says."""
    path, review = first_review(office, tmp_path, [CONTROLS[0], COMES_FROM])
    answer(review, {COMES_FROM[3]: ("Ghi nhận", {"Xã, phường, thị trấn": commune, "Huyện, thành phố": district,
                                                  "Mã xã": "04912", "Loại": "Báo cáo", "Năm": 2024})})
    before = recorded(office)
    err = office.refused("import", "filings", review)
    assert recorded(office) == before
    assert "Mã xã" in err and "4912" in err and (commune or district) in err, err


def test_a_second_import_exits_1_while_rows_still_await(office, tmp_path):
    rows = [CONTROLS[0], TRAPS[0], PLAN]
    path = xlsx(tmp_path / "so-den.xlsx", book(rows))
    code, _ = imported(office, path)
    assert code == 1
    code, doc = imported(office, path)  # nothing new, but two rows still unanswered
    assert code == 1 and doc["counts"]["known"] == 3
    result = office("import", "filings", path)
    assert result.exit_code == 1
    review = tmp_path / "can-xem-lai.xlsx"
    assert office("import", "filings", path, "--review", review).exit_code == 1
    answer(review, {"6 tháng đầu năm": ("Không phải văn bản theo Quy định", {}),
                    "Kế hoạch kiểm tra": ("Không phải văn bản theo Quy định", {})})
    assert office("import", "filings", review).exit_code == 0
    code, _ = imported(office, path)
    assert code == 0  # all answered


def test_the_review_workbook_says_what_each_answer_does(office, tmp_path):
    _, review = first_review(office, tmp_path, [CONTROLS[0], COMES_FROM])
    ws = load_workbook(review)[SHEET]
    _, head = columns(ws)
    above = " ".join(str(c.value) for r in range(1, head) for c in ws[r] if c.value)
    for words in ("Ghi nhận", "Ghi khó khăn, vướng mắc", "Không phải văn bản theo Quy định", "blank"):
        assert words in above, above
    vi = tmp_path / "vi.xlsx"
    assert office("import", "filings", tmp_path / "so-den.xlsx", "--review", vi, lang="vi").exit_code == 1
    ws_vi = load_workbook(vi)[SHEET]
    assert "trống" in " ".join(str(c.value) for r in range(1, head) for c in ws_vi[r] if c.value)
    assert "delete the rows" not in above  # deleting a row no longer answers it
    (r,) = rows_about(ws, COMES_FROM[3])
    col, _ = columns(ws)
    cell = ws.cell(r, col["Ngày đến"])
    assert cell.is_date and "dd/mm/yyyy" in cell.number_format


def test_a_row_deleted_from_the_review_workbook_is_still_waiting_and_said_so(office, tmp_path):
    path, review = first_review(office, tmp_path, [CONTROLS[0], COMES_FROM, PLAN])
    answer(review, {"Kế hoạch kiểm tra": ("Không phải văn bản theo Quy định", {})})
    wb = load_workbook(review)
    ws = wb[SHEET]
    (r,) = rows_about(ws, COMES_FROM[3])
    ws.delete_rows(r)
    wb.save(review)
    result = office("import", "filings", review, lang="vi")
    assert result.exit_code == 1, result.output + result.stderr
    assert "xóa" in result.stdout and "chờ" in result.stdout and "--review" in result.stdout, result.stdout
    again = tmp_path / "can-xem-lai-2.xlsx"
    assert office("import", "filings", path, "--review", again).exit_code == 1
    assert len(review_places(again)) == 1  # the deleted row is asked again, the answered one is not


def test_the_summary_counts_every_answer(office, tmp_path):
    path, review = first_review(office, tmp_path, [CONTROLS[0], COMES_FROM, PLAN, TRAPS[6], TRAPS[0]])
    answer(review, {
        "Kế hoạch kiểm tra": ("Không phải văn bản theo Quy định", {}),
        "khó khăn, vướng mắc của xã Hiền Lương": ("Ghi khó khăn, vướng mắc", {"Xã, phường, thị trấn": "Hiền Lương"}),
        COMES_FROM[3]: ("Ghi nhận", {"Loại": "Báo cáo", "Năm": 2024, "Xã, phường, thị trấn": "Mông Hóa"}),
    })
    result = office("import", "filings", review)
    assert result.exit_code == 1, result.output + result.stderr  # the 6-month report is left blank
    said = " ".join(result.stdout.split())
    assert "1 new filing" in said and "1 difficult" in said and "still await" in said, said
    vi = office("import", "filings", review, lang="vi")  # the same again: nothing new, the row still waits
    assert vi.exit_code == 1 and "0 văn bản mới" in vi.stdout


def test_a_replacement_is_not_counted_as_new(office, tmp_path):
    office.ok("record", "report", "--year", "2024", "--date", "20/12/2024", "--commune", "Tân Hòa")
    listing = xlsx(tmp_path / "list.xlsx", [
        ["Ngày đến", "Số, ký hiệu", "Loại", "Năm", "Xã, phường, thị trấn"],
        [dt.date(2024, 12, 5), "42-BC/SYT", "Báo cáo năm", 2024, "Tân Hòa"],
        [dt.date(2024, 12, 1), "15-BC/SXD", "Báo cáo năm", 2024, "Tú Lý"],
    ])
    result = office("import", "filings", listing, "--replace")
    assert result.exit_code == 0, result.output + result.stderr
    assert "1 new filings" in " ".join(result.stdout.split()) and "1 filing(s) replacing one recorded earlier" in " ".join(result.stdout.split()), result.stdout


def test_rows_to_review_are_never_written_over_a_review_file_the_clerk_has_answered(tmp_path):
    """--review OUT where OUT already holds the clerk's answers: exit 2, the file untouched; a
    review file with no answer yet is written again as before."""
    import subprocess
    import sys

    from openpyxl import load_workbook

    sample = Path(__file__).resolve().parents[1] / "src" / "cadretrack" / "data" / "sample"
    db = tmp_path / "so.db"

    def run(*args):
        return subprocess.run([sys.executable, "-m", "cadretrack", "--db", str(db), "--lang", "en", *map(str, args)],
                              capture_output=True, text=True, timeout=300)

    assert run("init").returncode == 0
    assert run("import", "assignments", sample / "718-QD-TU-phan-cong.xlsx", "--effective", "14/12/2022").returncode == 0
    register, review = sample / "so-dang-ky-van-ban-den-2024.xlsx", tmp_path / "xem-lai.xlsx"
    assert run("import", "filings", register, "--review", review).returncode == 1
    assert run("import", "filings", register, "--review", review).returncode == 1  # no answer yet: written again
    wb = load_workbook(review)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[4]]
    ws.cell(5, header.index("Xử lý") + 1, "Không phải văn bản theo Quy định")
    wb.save(review)
    before = review.read_bytes()
    refused = run("import", "filings", register, "--review", review)
    assert refused.returncode == 2 and "would lose those answers" in refused.stderr, refused.stderr
    assert review.read_bytes() == before
    # Imported, its answers are in the ledger: the rows still waiting may be written over it.
    assert run("import", "filings", review).returncode == 1
    assert run("import", "filings", register, "--review", review).returncode == 1
    assert review.read_bytes() != before


def test_a_difficulty_sent_by_another_body_is_not_logged_as_the_cadres(tmp_path):
    """A letter of the provincial Women's Union marked "Ghi khó khăn, vướng mắc" is neither the
    commune's nor its cadre's: refused naming the sender and who follows the commune, nothing logged."""
    import subprocess
    import sys

    from openpyxl import load_workbook

    sample = Path(__file__).resolve().parents[1] / "src" / "cadretrack" / "data" / "sample"
    db = tmp_path / "so.db"

    def run(*args):
        return subprocess.run([sys.executable, "-m", "cadretrack", "--db", str(db), "--lang", "en", *map(str, args)],
                              capture_output=True, text=True, timeout=300)

    assert run("init").returncode == 0
    assert run("import", "assignments", sample / "718-QD-TU-phan-cong.xlsx", "--effective", "14/12/2022").returncode == 0
    review = tmp_path / "xem-lai.xlsx"
    assert run("import", "filings", sample / "so-dang-ky-van-ban-den-2024.xlsx", "--review", review).returncode == 1
    wb = load_workbook(review)
    ws = wb.worksheets[0]
    action = [c.value for c in ws[4]].index("Xử lý") + 1
    marked = 0
    for r in range(5, ws.max_row + 1):
        if any(isinstance(c.value, str) and "Phụ nữ" in c.value for c in ws[r]):
            ws.cell(r, action, "Ghi khó khăn, vướng mắc")
            marked += 1
    assert marked
    wb.save(review)
    before = db.read_bytes()
    refused = run("import", "filings", review)
    assert refused.returncode == 2 and "difficulties log holds what the cadre or the commune raised" in refused.stdout \
        + refused.stderr
    assert db.read_bytes() == before and run("difficulties", "--format", "json").stdout.strip() == "[]"
