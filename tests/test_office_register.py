"""`import filings` of the office's own incoming-document register, through the real CLI.

The register holds every incoming document; each row is decided `filing`, `unrelated`
or `review`, and the expected decision of every row is asserted, in the hand-kept
shape and the e-office export, written by openpyxl, xlwt, as CSV and by LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import pytest
from openpyxl import load_workbook

from conftest import libreoffice_has, snapshot
from sheets import HEADER, csv_file, xls, xlsx

ROSTER = [
    # name, position, agency, commune, district
    ("Nguyễn Văn An", "Phó Giám đốc", "Sở Tài chính", "Xã Hiền Lương", ""),
    ("Trần Thị Bình", "Giám đốc", "Sở Y tế", "Phường Tân Hòa", ""),
    ("Lê Đức Cường", "Trưởng ban", "Ban Tổ chức Tỉnh ủy", "Xã Mông Hóa", ""),
    ("Phạm Minh Dũng", "Giám đốc", "Sở Xây dựng", "Xã Cao Sơn", "Đà Bắc"),
    ("Hoàng Văn Em", "Giám đốc", "Sở Tài chính", "Phương Lâm", ""),
    ("Đinh Thị Giang", "Giám đốc", "Sở Nội vụ", "Xã Cao Sơn", "Lương Sơn"),
    ("Bùi Văn Hải", "Giám đốc", "Sở Công Thương", "Xã Tú Lý", ""),
]

D = dt.date
# received, sender, number, summary, expected decision, a word of the reason (English)
ROWS = [
    (D(2024, 1, 10), "Sở Tài chính", "05-CTr/STC", "Chương trình theo dõi địa bàn xã Hiền Lương năm 2024",
     ("filing", "program", "Nguyễn Văn An")),
    (D(2024, 1, 11), "Sở Tài chính", "06-CTr/STC", "Chương trình theo dõi địa bàn năm 2024",
     ("review", "2 cadres")),
    (D(2024, 1, 12), "Sở Nội vụ", "12/BC-SNV", "Báo cáo kết quả nhận xét, đánh giá cán bộ, công chức năm 2023",
     ("unrelated",)),
    (D(2024, 1, 12), "Đảng ủy xã Mông Hóa", "01-CTr/ĐU", "Chương trình công tác năm 2024", ("unrelated",)),
    (D(2024, 1, 15), "Sở Nội vụ", "20/CV-SNV", "V/v theo dõi, đánh giá bộ chỉ số cải cách hành chính cấp xã",
     ("unrelated",)),
    (D(2024, 2, 1), "Sở Lao động - Thương binh và Xã hội", "33/BC-SLĐTBXH",
     "Báo cáo kết quả theo dõi xã hội hóa công tác giảm nghèo", ("unrelated",)),
    (D(2024, 12, 5), "Sở Xây dựng", "15-BC/SXD", "Báo cáo kết quả theo dõi xã Cao Sơn năm 2024",
     ("filing", "report", "Phạm Minh Dũng")),
    (D(2024, 12, 6), "Đảng ủy xã Cao Sơn", "21-BC/ĐU", "Nhận xét, đánh giá cán bộ theo dõi địa bàn năm 2024",
     ("review", "2 places")),
    (D(2024, 12, 6), "Đảng ủy xã Cao Sơn, huyện Lương Sơn", "22-BC/ĐU",
     "Báo cáo nhận xét, đánh giá đồng chí Đinh Thị Giang, cán bộ theo dõi xã năm 2024",
     ("filing", "evaluation", "Đinh Thị Giang")),
    (D(2024, 12, 7), "Sở Y tế", "40-BC/SYT", "Báo cáo kết quả theo dõi xã Tân Pheo năm 2024",
     ("review", "no cadre owing")),
    (D(2024, 12, 7), "Sở Y tế", "41-BC/SYT", "Báo cáo kết quả theo dõi xã Tràng Thi Mới năm 2024",
     ("review", "not in the list")),
    (D(2024, 12, 8), "Sở Công Thương", "09-BC/SCT", "Báo cáo kết quả theo dõi xã Hiền Lương và xã Mông Hóa năm 2024",
     ("review", "several communes")),
    (D(2024, 12, 8), "Sở Y tế", "42-BC/SYT", "Báo cáo kết quả theo dõi P. Tân Hoà năm 2024",
     ("filing", "report", "Trần Thị Bình")),
    (D(2024, 12, 9), "Đảng uỷ phường Phương Lâm", "07-BC/ĐU", "Phiếu nhận xét, đánh giá cán bộ theo dõi phường năm 2024",
     ("filing", "evaluation", "Hoàng Văn Em")),
    (D(2024, 3, 1), "Ban Tổ chức Tỉnh ủy", "12-KH/BTCTU", "Kế hoạch kiểm tra việc thực hiện Quy định số 26-QĐ/TU",
     ("review", "of type")),
    (D(2024, 12, 10), "Văn phòng UBND tỉnh", "100/BC-VPUBND", "Báo cáo tổng hợp kết quả cán bộ theo dõi địa bàn",
     ("review", "names no commune")),
    (D(2024, 12, 9), "ĐU xã Hiền Lương", "", "Nhận xét, đánh giá đồng chí Nguyễn Văn An theo Quy định số 26-QĐ/TU",
     ("filing", "evaluation", "Nguyễn Văn An")),
    (D(2024, 1, 20), "Sở Tài chính", "05-CTr/STC", "Chương trình theo dõi địa bàn xã Hiền Lương năm 2024",
     ("review", "same filing as row")),
    (D(2024, 1, 22), "Ban Tổ chức Tỉnh ủy", "02-CTr/BTCTU", "Chương trình theo dõi xã Mông Hóa năm 2024",
     ("review", "already recorded")),
    (D(2024, 6, 3), "Sở Công Thương", "18-CV/SCT", "V/v cử cán bộ theo dõi xã Tú Lý dự hội nghị",
     ("review", "does not say")),
]
HAND_HEADER = ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Ngày tháng văn bản",
               "Tên loại và trích yếu nội dung văn bản", "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú"]
EOFFICE_HEADER = ["STT", "Số đến", "Ngày đến", "Số ký hiệu", "Ngày văn bản", "Loại văn bản", "Trích yếu",
                  "Cơ quan ban hành", "Độ khẩn", "Lĩnh vực", "Xử lý chính"]
FIRST = 6  # the sheet row of the first entry in both shapes


def hand_kept() -> list[list]:
    rows = [["BAN TỔ CHỨC TỈNH ỦY"], ["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"], ["Năm 2024"], HAND_HEADER,
            [f"({i})" for i in range(1, 11)]]
    for n, (received, sender, number, summary, _) in enumerate(ROWS, start=1):
        rows.append([received, n, sender, number, received - dt.timedelta(days=2), summary, "Văn phòng",
                     received, "", ""])
    return rows


def eoffice() -> list[list]:
    rows = [["DANH SÁCH VĂN BẢN ĐẾN (xuất từ hệ thống quản lý văn bản)"], ["Từ ngày 01/01/2024 đến ngày 31/12/2024"],
            [], EOFFICE_HEADER, ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)"]]
    for n, (received, sender, number, summary, _) in enumerate(ROWS, start=1):
        kind = summary.split(" ")[0] if summary.startswith(("Báo", "Chương", "Kế")) else "Công văn"
        kind = {"Báo": "Báo cáo", "Chương": "Chương trình", "Kế": "Kế hoạch"}.get(kind, kind)
        rows.append([n, n, received.strftime("%d/%m/%Y"), number, (received - dt.timedelta(days=2)).strftime("%d/%m/%Y"),
                     kind, summary, sender, "Thường", "Tổ chức", "Phòng Tổ chức"])
    return rows


@pytest.fixture
def office(ledger, tmp_path):
    rows = [[i, name, position, agency, commune, district, ""]
            for i, (name, position, agency, commune, district) in enumerate(ROSTER, start=1)]
    path = xlsx(tmp_path / "list.xlsx", [HEADER] + rows)
    result = ledger("import", "assignments", path, "--effective", "14/12/2022")
    assert result.exit_code == 0, result.output
    result = ledger("record", "program", "--year", "2024", "--date", "20/01/2024", "--commune", "Mông Hóa")
    assert result.exit_code == 0, result.output
    return ledger


def run_json(cli, path, *more):
    result = cli("import", "filings", path, "--format", "json", *more)
    assert result.exit_code in (0, 1), result.output + result.stderr
    return result.exit_code, json.loads(result.stdout)


def assert_decisions(doc: dict, rows_from: int = FIRST) -> None:
    got = {r["row"]: r for r in doc["rows"]}
    assert len(got) == len(ROWS)
    for n, (received, _, _, summary, expected) in enumerate(ROWS):
        row = got[rows_from + n]
        assert row["decision"] == expected[0], (summary, row)
        if expected[0] == "filing":
            assert (row["kind"], row["cadre"], row["filed"]) == (expected[1], expected[2], received.isoformat()), row
            assert row["year"] == 2024 and row["commune_code"]
        elif expected[0] == "review":
            assert expected[1] in row["reason"], (summary, row["reason"])
        else:
            assert row["reason"] is None and row["kind"] is None
    filings = sum(1 for r in ROWS if r[4][0] == "filing")
    assert doc["counts"] == {"filing": filings, "unrelated": 4, "review": len(ROWS) - filings - 4, "known": 0, "withdrawn": 0, "replaced": 0}


@pytest.mark.parametrize("shape", ["hand-kept", "e-office"])
@pytest.mark.parametrize("writer", ["xlsx", "xls", "csv"])
def test_every_row_is_decided(office, tmp_path, shape, writer):
    rows = hand_kept() if shape == "hand-kept" else eoffice()
    if writer == "xlsx":
        path = xlsx(tmp_path / "so-den.xlsx", rows)
    elif writer == "xls":
        path = xls(tmp_path / "so-den.xls", rows)
    else:
        text = [[v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else v for v in r] for r in rows]
        path = csv_file(tmp_path / "so-den.csv", text, bom=True, delimiter=";")
    code, doc = run_json(office, path, "--lang", "en") if False else run_json(office, path)
    assert code == 1  # rows await review
    assert doc["file"] == path.name
    assert_decisions(doc)
    # The filings are recorded on their Ngày đến; check sees them.
    items = office.json("check", "--year", "2024", "--as-of", "31/12/2024", "--all")["items"]
    filed = {(i["commune"], i["kind"]): i["filed"] for i in items if i["filed"]}
    assert filed[("Xã Hiền Lương", "program")] == "2024-01-10"
    assert filed[("Xã Cao Sơn", "report")] == "2024-12-05"
    assert filed[("Phường Phương Lâm", "evaluation")] == "2024-12-09"
    assert filed[("Xã Mông Hóa", "program")] == "2024-01-20"  # recorded by hand, not replaced


def test_the_same_register_again_asks_nothing_again_and_changes_nothing(office, tmp_path):
    path = xlsx(tmp_path / "so-den.xlsx", hand_kept())
    first = office("import", "filings", path)
    assert first.exit_code == 1, first.output
    reviews = sum(1 for r in ROWS if r[4][0] == "review")
    assert f"{reviews} to review" in first.stdout and "0 rows decided at an earlier import" in first.stdout
    before = snapshot(office.db)
    again = office("import", "filings", path)
    # No question asked twice, nothing written; exit 1: the questions still await an answer.
    assert again.exit_code == 1 and snapshot(office.db) == before
    assert f"{reviews} row(s) asked about at an earlier import still await an answer" in again.stdout
    assert "0 new" in again.stdout and "0 to review" in again.stdout
    assert f"{len(ROWS)} rows decided at an earlier import" in again.stdout
    code, doc = run_json(office, path)
    assert code == 1 and doc["counts"]["known"] == len(ROWS)
    earlier = [r["reason"] for r in sorted(doc["rows"], key=lambda r: r["row"])]
    assert earlier == [spec[4][0] for spec in ROWS]  # each row's earlier decision


def test_dry_run_shows_the_decisions_and_writes_nothing(office, tmp_path):
    path = xlsx(tmp_path / "so-den.xlsx", hand_kept())
    before = snapshot(office.db)
    result = office("import", "filings", path, "--dry-run", lang="vi")
    assert result.exit_code == 1
    assert snapshot(office.db) == before
    assert "Văn bản theo Quy định 26 sẽ được ghi nhận" in result.stdout
    assert "Văn bản cần xem lại" in result.stdout and "Chưa ghi gì" in result.stdout
    assert "Sở Tài chính có 2 cán bộ theo dõi" in result.stdout


def test_no_review_rows_exit_zero(office, tmp_path):
    rows = hand_kept()[:5] + [r for r, spec in zip(hand_kept()[5:], ROWS) if spec[4][0] != "review"]
    code, doc = run_json(office, xlsx(tmp_path / "clean.xlsx", rows))
    assert code == 0 and doc["counts"]["review"] == 0
    assert doc["counts"]["filing"] == sum(1 for r in ROWS if r[4][0] == "filing")


def test_a_bad_file_exits_two_and_writes_nothing(office, tmp_path):
    before = snapshot(office.db)
    bad = xlsx(tmp_path / "x.xlsx", [["Sổ công văn"], ["Ngày", "Nội dung gì đó"], [1, 2]])
    result = office("import", "filings", bad)
    assert result.exit_code == 2 and snapshot(office.db) == before
    assert "Tên loại và trích yếu" in result.stderr or "trích yếu" in result.stderr.lower()
    result = office("import", "filings", xlsx(tmp_path / "ok.xlsx", hand_kept()), "--review", tmp_path / "r.csv")
    assert result.exit_code == 2 and snapshot(office.db) == before


def test_the_review_workbook_round_trips(office, tmp_path):
    path = xlsx(tmp_path / "so-den.xlsx", hand_kept())
    review = tmp_path / "can-xem-lai.xlsx"
    result = office("import", "filings", path, "--review", review)
    assert result.exit_code == 1 and review.exists()
    wb = load_workbook(review)
    ws = wb.active
    header = [c.value for c in ws[4]]
    assert header[:6] == ["Ngày đến", "Số, ký hiệu", "Loại", "Năm", "Xã, phường, thị trấn", "Huyện, thành phố"]
    body = [list(r) for r in ws.iter_rows(min_row=5, values_only=True)]
    assert len(body) == 10
    by_row = {r[13]: r for r in body}
    # What the register told is filled in; the reason stands beside.
    agency_row = by_row[FIRST + 1]
    assert agency_row[2] == "Chương trình theo dõi" and agency_row[3] == 2024 and agency_row[4] is None
    assert "Sở Tài chính" in agency_row[12] and agency_row[10] == "Sở Tài chính"
    cao_son = by_row[FIRST + 7]
    assert cao_son[2] == "Nhận xét đánh giá" and cao_son[4] == "xã Cao Sơn"
    assert isinstance(agency_row[0], dt.datetime) and agency_row[0].date() == dt.date(2024, 1, 11)
    # The clerk completes two rows and deletes the others, then imports the workbook.
    ws.cell(5 + body.index(agency_row), 5, "Phường Phương Lâm")
    ws.cell(5 + body.index(cao_son), 6, "Đà Bắc")
    for kept in (agency_row, cao_son):
        ws.cell(5 + body.index(kept), header.index("Xử lý") + 1, "Ghi nhận")
    keep = {5 + body.index(agency_row), 5 + body.index(cao_son)}
    for r in sorted(set(range(5, 5 + len(body))) - keep, reverse=True):
        ws.delete_rows(r)
    wb.save(review)
    result = office("import", "filings", review)
    assert result.exit_code == 1, result.output + result.stderr  # the deleted rows still wait, and are said to
    assert "8 row(s) were deleted from the review file but still await an answer" in result.stdout
    items = office.json("check", "--year", "2024", "--as-of", "31/12/2024", "--all")["items"]
    filed = {(i["commune"], i["district"], i["kind"]): i for i in items if i["filed"]}
    assert filed[("Phường Phương Lâm", "Thành phố Hòa Bình", "program")]["filed"] == "2024-01-11"
    assert filed[("Xã Cao Sơn", "Huyện Đà Bắc", "evaluation")]["filed"] == "2024-12-06"
    # The register imported again asks nothing: every row is known, and the two the clerk
    # answered are remembered with the clerk's answers.
    code, doc = run_json(office, path)
    got = {r["row"]: r for r in doc["rows"]}
    assert code == 1 and {r["decision"] for r in doc["rows"]} == {"known"}  # 8 still wait
    assert got[FIRST + 7]["reason"] == "filing" and got[FIRST + 1]["reason"] == "filing"


@pytest.mark.skipif(not libreoffice_has("calc"), reason="LibreOffice Calc is not installed (.ci/run installs it)")
@pytest.mark.parametrize("target", ["xlsx", "ods", "xls"])
def test_a_register_saved_by_libreoffice(office, tmp_path, target):
    source = xlsx(tmp_path / "nguon.xlsx", eoffice())
    out = tmp_path / "lo"
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to", target,
         "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    code, doc = run_json(office, out / f"nguon.{target}")
    assert code == 1
    assert_decisions(doc)


def test_an_export_with_a_commune_column_but_no_year_is_the_office_register(office, tmp_path):
    """Loại văn bản and Địa bàn look like the purpose-built list's Loại and Xã; without Năm
    it is the office register, every row decided."""
    rows = [["Ngày đến", "Số ký hiệu", "Loại văn bản", "Địa bàn", "Trích yếu", "Cơ quan ban hành"]]
    for received, sender, number, summary, _ in ROWS:
        rows.append([received.strftime("%d/%m/%Y"), number, "Công văn", "", summary, sender])
    code, doc = run_json(office, xlsx(tmp_path / "eoffice.xlsx", rows))
    assert code == 1 and doc["counts"]["unrelated"] == 4
    assert doc["counts"]["filing"] == sum(1 for r in ROWS if r[4][0] == "filing")


@pytest.mark.parametrize("sender, expected", [
    ("Hội Liên hiệp Phụ nữ tỉnh", "review"),  # a body that is not the cadre's agency, known to nobody
    ("Hội LHPN tỉnh", "review"),
    ("Sở Y tế", "review"),  # a known agency, not Tú Lý's cadre's
    ("Sở Công Thương", "filing"),  # Bùi Văn Hải's agency
    ("Sở Công thương tỉnh Hòa Bình", "filing"),
    ("Đồng chí Bùi Văn Hải", "filing"),  # the cadre himself
    ("", "filing"),  # the register does not say
])
def test_a_report_is_credited_to_the_cadre_only_when_his_agency_or_he_sent_it(office, tmp_path, sender, expected):
    """A report on Tú Lý (followed by Bùi Văn Hải, Sở Công Thương) sent by the provincial Women's
    Union is not his report: it waits for the clerk, saying who sent it and who follows the commune."""
    rows = hand_kept()[:5] + [[D(2024, 12, 2), 1, sender, "15-BC", D(2024, 11, 30),
                               "Báo cáo kết quả theo dõi xã Tú Lý năm 2024", "Văn phòng", None, "", ""]]
    code, doc = run_json(office, xlsx(tmp_path / "so.xlsx", rows))
    row = doc["rows"][0]
    assert row["decision"] == expected, row
    if expected == "review":
        assert code == 1 and sender in row["reason"]
        assert "Bùi Văn Hải" in row["reason"] or "has no cadre owing" in row["reason"]  # a known agency's sentence
    else:
        assert row["cadre"] == "Bùi Văn Hải" and row["kind"] == "report"
