"""One ledger across the 2025 reform: generations of units, resolution by date, the
old→new table, years that straddle the reform, and ledgers that start after it."""

from __future__ import annotations

import csv
import shutil
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import GAZETTEERS, REPO, Cli, snapshot, succeeded
from sheets import csv_file

SAMPLE_LIST = REPO / "data" / "sample" / "718-QD-TU-phan-cong.xlsx"
VN_2025 = GAZETTEERS / "vn-2025.csv"
HEADER = ["STT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị công tác", "Xã, phường, đặc khu"]


def rows_of(name: str) -> list[dict]:
    with open(GAZETTEERS / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


REFORM = list(csv.DictReader(open(REPO / "src" / "cadretrack" / "data" / "reform-2025.csv", encoding="utf-8", newline="")))
HOA_BINH = {r["commune_code"]: r for r in rows_of("hoa-binh-2024.csv")}
NEW = {r["commune_code"]: r for r in rows_of("vn-2025.csv")}
OLD = {r["commune_code"]: r for r in rows_of("vn-2024.csv")}
# The new units that Hòa Bình's communes went into, in code order.
HB_NEW = sorted({r["new_code"] for r in REFORM if r["old_code"] in HOA_BINH}, key=int)


def list_2025(path: Path, codes: list[str] = HB_NEW) -> Path:
    """A full assignment list of the new units (names as the new list writes them)."""
    rows = [[i + 1, f"Cán Bộ Mới {i + 1}", "Giám đốc", f"Sở Số {i + 1}", NEW[c]["commune"]] for i, c in enumerate(codes)]
    return csv_file(path, [HEADER, *rows])




@pytest.fixture
def reformed(ledger, tmp_path):
    """A ledger of 2022–2025: Hòa Bình's list of 2022, Phú Thọ's units from 01/07/2025, its list."""
    succeeded(ledger("import", "assignments", SAMPLE_LIST, "--effective", "14/12/2022"))
    succeeded(ledger("gazetteer", "add", VN_2025, "--effective", "01/07/2025"))
    # The new list ends all 151 assignments of the old units: a complete new list, said so.
    succeeded(ledger("import", "assignments", list_2025(tmp_path / "2025.csv"), "--effective", "01/07/2025",
                     "--complete"))
    return ledger


# --- the bundled table -------------------------------------------------------------------


def test_reform_table_joins_our_gazetteers():
    old_codes = {r["old_code"] for r in REFORM}
    new_codes = {r["new_code"] for r in REFORM}
    assert old_codes <= OLD.keys() and new_codes <= NEW.keys()
    assert set(HOA_BINH) <= old_codes, "every Hòa Bình commune has a successor"
    # Every unit of 2025 comes from old communes, but the special zones made of island
    # districts that had no communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo).
    missing = [NEW[c] for c in NEW.keys() - new_codes]
    assert len(missing) == 5 and all(r["commune_type"] == "đặc khu" for r in missing)
    phu_tho = {c for c, r in NEW.items() if r["province_code"] == "25"}
    assert len(phu_tho) == 148 and phu_tho <= new_codes
    # A few units of vn-2024 changed in 2025 before the reform and are unknown to the source.
    assert len(OLD.keys() - old_codes) < 0.003 * len(OLD)
    parts = defaultdict(list)
    for r in REFORM:
        parts[r["old_code"]].append(r["part"])
    for old, kinds in parts.items():  # whole: one successor; split: each part named
        assert kinds == ["whole"] or (len(kinds) >= 2 and set(kinds) == {"part"}), old
    split = {HOA_BINH[c]["commune"] for c, kinds in parts.items() if c in HOA_BINH and kinds[0] == "part"}
    assert split == {"Xã Vầy Nưa", "Xã Cao Sơn", "Xã Đồng Tân"}
    assert len(HB_NEW) == 46
    hoa_binh = [r["old_code"] for r in REFORM if r["new_code"] == "4795"]
    assert sorted(HOA_BINH[c]["commune"] for c in hoa_binh) == sorted(
        ["Phường Phương Lâm", "Phường Thịnh Lang", "Phường Hữu Nghị", "Phường Tân Thịnh",
         "Phường Đồng Tiến", "Phường Quỳnh Lâm", "Phường Trung Minh"])


# --- a ledger across the reform ----------------------------------------------------------


def test_a_2025_list_needs_the_new_units(ledger, tmp_path):
    succeeded(ledger("import", "assignments", SAMPLE_LIST, "--effective", "14/12/2022"))
    before = snapshot(ledger.db)
    result = ledger("import", "assignments", list_2025(tmp_path / "l.csv"), "--effective", "01/07/2025")
    assert result.exit_code == 2 and snapshot(ledger.db) == before


def test_the_2025_list_ends_every_old_assignment_only_when_it_says_it_is_complete(ledger, tmp_path):
    succeeded(ledger("import", "assignments", SAMPLE_LIST, "--effective", "14/12/2022"))
    succeeded(ledger("gazetteer", "add", VN_2025, "--effective", "01/07/2025"))
    err = ledger.refused("import", "assignments", list_2025(tmp_path / "l.csv"), "--effective", "01/07/2025")
    assert "151 of the 151" in err and "--complete" in err and "--amend" in err
    succeeded(ledger("import", "assignments", list_2025(tmp_path / "l.csv"), "--effective", "01/07/2025", "--complete"))
    assert len(ledger.json("list", "assignments", "--on", "01/07/2025")) == 46


def test_gazetteer_add_keeps_the_province_the_units_went_into(ledger):
    succeeded(ledger("import", "assignments", SAMPLE_LIST, "--effective", "14/12/2022"))
    result = succeeded(ledger("gazetteer", "add", VN_2025, "--effective", "01/07/2025"))
    assert "148" in result.output and "Phú Thọ" in result.output
    assert "151" in result.output  # the assignments still on old units are pointed out


def test_statuses_of_2025_item_by_item(reformed):
    cli = reformed
    succeeded(cli("record", "program", "--year", "2025", "--date", "20/01/2025", "--commune", "Phường Tân Hòa"))
    # A late program of an old unit, received after the reform under its old name.
    succeeded(cli("record", "program", "--year", "2025", "--date", "10/07/2025", "--commune", "Phương Lâm"))
    # The new units' programs (late starters: 30 days) and the December filings.
    succeeded(cli("record", "program", "--year", "2025", "--date", "20/07/2025", "--commune", "Phường Tân Hòa"))
    succeeded(cli("record", "program", "--year", "2025", "--date", "05/08/2025", "--commune", "Phường Hòa Bình"))
    succeeded(cli("record", "report", "--year", "2025", "--date", "05/12/2025", "--commune", "Phường Hòa Bình"))
    succeeded(cli("record", "evaluation", "--year", "2025", "--date", "15/12/2025", "--commune", "Phường Hòa Bình",
           "--rating", "tot"))
    data = cli.json("check", "--year", "2025", "--as-of", "31/12/2025", "--all")
    items = data["items"]
    assert len(items) == 151 + 46 * 3
    by = Counter((i["kind"], i["due"], i["district"] is None) for i in items)
    assert by == {("program", "2025-01-31", False): 151, ("program", "2025-07-31", True): 46,
                  ("report", "2025-12-09", True): 46, ("evaluation", "2025-12-09", True): 46}

    def item(commune, kind, new):
        found = [i for i in items if i["commune"] == commune and i["kind"] == kind and (i["district"] is None) == new]
        assert len(found) == 1, (commune, kind, found)
        return found[0]

    assert item("Phường Tân Hòa", "program", False)["status"] == "on_time"
    assert item("Phường Tân Hòa", "program", False)["commune_code"] == "4792"
    assert item("Phường Phương Lâm", "program", False) | {} == {
        **item("Phường Phương Lâm", "program", False), "status": "late", "filed": "2025-07-10", "days_late": 160}
    assert item("Phường Thịnh Lang", "program", False)["status"] == "overdue"
    assert item("Phường Tân Hòa", "program", True)["status"] == "on_time"
    assert item("Phường Tân Hòa", "program", True)["commune_code"] == "4792"
    hb = {k: item("Phường Hòa Bình", k, True) for k in ("program", "report", "evaluation")}
    assert [hb[k]["status"] for k in hb] == ["late", "on_time", "late"]
    assert [hb[k]["days_late"] for k in hb] == [5, None, 6]
    assert {hb[k]["commune_code"] for k in hb} == {"4795"}
    assert item("Phường Tân Hòa", "report", True)["status"] == "overdue"
    assert data["counts"] == {"on_time": 3, "late": 3, "overdue": 151 + 46 * 3 - 6, "pending": 0}


def test_the_same_name_before_and_after(reformed):
    cli = reformed
    before = cli.json("list", "assignments", "--on", "30/06/2025")
    after = cli.json("list", "assignments", "--on", "01/07/2025")
    assert len(before) == 151 and len(after) == 46
    old = [a for a in before if a["commune"] == "Phường Tân Hòa"]
    new = [a for a in after if a["commune"] == "Phường Tân Hòa"]
    assert [a["commune_code"] for a in old + new] == ["4792", "4792"]
    assert old[0]["cadre"] != new[0]["cadre"] and old[0]["end"] == "2025-06-30" and new[0]["district"] is None
    # The date decides: a filing of 2024 received in January goes to the old unit.
    succeeded(cli("record", "report", "--year", "2024", "--date", "05/01/2025", "--commune", "Tân Hòa"))
    report = cli.json("check", "--year", "2024", "--as-of", "31/01/2025", "--all")
    filed = [i for i in report["items"] if i["filed"]]
    assert [(i["commune"], i["cadre"]) for i in filed] == [("Phường Tân Hòa", old[0]["cadre"])]


def test_an_old_name_after_the_reform_names_what_it_became(reformed, tmp_path):
    before = snapshot(reformed.db)
    path = csv_file(tmp_path / "old.csv", [HEADER, [1, "Lê Văn Mới", "Giám đốc", "Sở Y tế", "Phường Phương Lâm"]])
    result = reformed("import", "assignments", path, "--effective", "01/09/2025", "--amend")
    assert result.exit_code == 2 and snapshot(reformed.db) == before
    assert "Phường Hòa Bình (Phú Thọ)" in result.output and "01/07/2025" in result.output


def test_a_split_commune_both_ways(reformed):
    became = reformed("show", "--commune", "Vầy Nưa")
    succeeded(became)
    text = " ".join(became.output.split())
    assert "Phường Thống Nhất (Phú Thọ, part)" in text and "Xã Tiền Phong (Phú Thọ, part)" in text
    for new in ("Phường Thống Nhất", "Xã Tiền Phong"):
        shown = reformed.json("show", "--commune", new)
        communes = [a["commune"] for a in shown]
        assert "Xã Vầy Nưa" in communes and communes[-1] == new
        assert succeeded(reformed("show", "--commune", new)).output.count("Vầy Nưa") >= 2  # the link and the assignment


def test_verify_warns_until_the_new_list_is_imported(ledger, tmp_path):
    succeeded(ledger("import", "assignments", SAMPLE_LIST, "--effective", "14/12/2022"))
    succeeded(ledger("gazetteer", "add", VN_2025, "--effective", "01/07/2025"))
    findings = ledger.json("verify")["findings"]
    warned = [f for f in findings if f["code"] == "assignment-on-abolished-unit"]
    assert len(warned) == 151 and all(f["level"] == "warning" for f in warned)
    lam = next(f for f in warned if f["commune"] == "Phường Phương Lâm")
    assert lam["became"] == "Phường Hòa Bình (Phú Thọ)" and lam["date"] == "01/07/2025"
    succeeded(ledger("import", "assignments", list_2025(tmp_path / "l.csv"), "--effective", "01/07/2025", "--complete"))
    assert not [f for f in ledger.json("verify")["findings"] if f["code"] == "assignment-on-abolished-unit"]


def test_the_workbook_of_2025(reformed, tmp_path):
    out = tmp_path / "2025.xlsx"
    succeeded(reformed("export", "summary", "--year", "2025", "--as-of", "31/12/2025", "--output", out))
    ws = load_workbook(out).worksheets[0]
    rows = [r for r in ws.iter_rows(values_only=True) if r[1]]
    labels = [r[1] for r in rows]
    assert labels[labels.index("Địa bàn") + 1:] == [
        "Thành phố Hòa Bình", "Huyện Đà Bắc", "Huyện Lương Sơn", "Huyện Kim Bôi", "Huyện Cao Phong",
        "Huyện Tân Lạc", "Huyện Mai Châu", "Huyện Lạc Sơn", "Huyện Yên Thủy", "Huyện Lạc Thủy",
        "Các phường", "Các xã", "Tổng cộng"]
    body = rows[labels.index("Địa bàn") + 1:-1]
    total = rows[-1]
    assert total[2] == sum(r[2] for r in body) == 151 + 46
    new_types = Counter(NEW[c]["commune_type"] for c in HB_NEW)
    assert [r[2] for r in body[-2:]] == [new_types["phường"], new_types["xã"]]


def test_undo_takes_the_new_units_back(ledger, tmp_path):
    succeeded(ledger("gazetteer", "add", VN_2025, "--effective", "01/07/2025"))
    succeeded(ledger("undo"))
    result = ledger("import", "assignments", list_2025(tmp_path / "l.csv"), "--effective", "01/07/2025")
    assert result.exit_code == 2
    succeeded(ledger("gazetteer", "add", VN_2025, "--effective", "01/07/2025"))
    succeeded(ledger("import", "assignments", list_2025(tmp_path / "l.csv"), "--effective", "01/07/2025", "--complete"))
    assert len(ledger.json("list", "assignments", "--on", "01/07/2025")) == 46


def test_a_generation_must_come_after_the_last(ledger):
    succeeded(ledger("gazetteer", "add", VN_2025, "--effective", "01/07/2025"))
    before = snapshot(ledger.db)
    assert ledger("gazetteer", "add", VN_2025, "--effective", "01/07/2025").exit_code == 2
    assert snapshot(ledger.db) == before


def test_an_own_mapping_and_a_bad_one(ledger, tmp_path):
    mapping = csv_file(tmp_path / "m.csv", [["old_code", "new_code", "part"], ["4807", "4795", "whole"],
                                            ["4891", "4828", "part"], ["4891", "4891", "part"]])
    succeeded(ledger("gazetteer", "add", VN_2025, "--effective", "01/07/2025", "--province", "Phú Thọ",
              "--mapping", mapping))
    shown = " ".join(succeeded(ledger("show", "--commune", "Phương Lâm")).output.split())
    assert "Phường Hòa Bình (Phú Thọ, whole)" in shown
    bad = csv_file(tmp_path / "bad.csv", [["old_code", "new_code", "part"], ["4807", "4795", "most"]])
    fresh = Cli(tmp_path / "fresh.db")
    succeeded(fresh("init"))
    before = snapshot(fresh.db)
    result = fresh("gazetteer", "add", VN_2025, "--effective", "01/07/2025", "--mapping", bad)
    assert result.exit_code == 2 and "most" in result.output and snapshot(fresh.db) == before


def test_a_ledger_of_before_the_change_goes_on_as_the_first_generation(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(REPO / "tests" / "fixtures" / "ledger-schema-4.db", db)
    cli = Cli(db)
    before = cli.json("list", "assignments")
    succeeded(cli("gazetteer", "add", VN_2025, "--effective", "01/07/2025"))
    assert cli.json("list", "assignments") == before
    assert succeeded(cli("show", "--commune", "Phường Hòa Bình")).exit_code == 0


# --- a ledger that starts after the reform -----------------------------------------------


def test_init_province_makes_a_nationally_ambiguous_name_plain(cli, tmp_path):
    whole = Cli(tmp_path / "national.db")
    succeeded(whole("init", "--gazetteer", VN_2025))
    path = csv_file(tmp_path / "l.csv", [HEADER, [1, "Nguyễn Văn An", "Giám đốc", "Sở Tài chính", "Phường Hòa Bình"]])
    refused = whole("import", "assignments", path, "--effective", "01/07/2025")
    assert refused.exit_code == 2
    text = " ".join(refused.output.split())
    assert "Phú Thọ" in text and "Hải Phòng" in text and "province" in text
    succeeded(cli("init", "--gazetteer", VN_2025, "--province", "phu tho"))
    succeeded(cli("import", "assignments", path, "--effective", "01/07/2025"))
    [a] = cli.json("list", "assignments")
    assert (a["commune"], a["commune_code"], a["district"]) == ("Phường Hòa Bình", "4795", None)
    out = tmp_path / "s.xlsx"
    succeeded(cli("export", "summary", "--year", "2025", "--as-of", "31/12/2025", "--output", out))
    labels = [r[1] for r in load_workbook(out).worksheets[0].iter_rows(values_only=True) if r[1]]
    assert labels[-2:] == ["Các phường", "Tổng cộng"]


@pytest.mark.parametrize("province", ["25", "Tỉnh Phú Thọ", "PHÚ THỌ"])
def test_init_province_by_code_or_name(cli, province):
    result = succeeded(cli("init", "--gazetteer", VN_2025, "--province", province))
    assert "148" in result.output


def test_init_unknown_province_writes_nothing(cli):
    result = cli("init", "--gazetteer", VN_2025, "--province", "Hòa Bình")
    assert result.exit_code == 2 and not cli.db.exists()
    assert "Hòa Bình" in result.output


def test_the_office_register_of_2025_goes_by_the_day_received(reformed, tmp_path):
    import datetime as dt
    import json

    from sheets import xlsx

    header = ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Ngày tháng văn bản",
              "Tên loại và trích yếu nội dung văn bản", "Đơn vị hoặc người nhận", "Ghi chú"]
    entries = [
        (dt.date(2025, 1, 20), "Chương trình theo dõi phường Tân Hòa năm 2025"),  # the old unit
        (dt.date(2025, 7, 20), "Chương trình theo dõi phường Tân Hòa năm 2025"),  # the new one
        (dt.date(2025, 7, 22), "Chương trình theo dõi phường Phương Lâm năm 2025"),  # old name, late
        (dt.date(2025, 7, 23), "Chương trình theo dõi phường Hòa Bình năm 2025"),
        (dt.date(2025, 7, 24), "Giấy mời họp giao ban tháng 7"),
    ]
    rows = [["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"], header]
    rows += [[day, n, "", f"{n}-CTr", day, text, "Văn phòng", ""] for n, (day, text) in enumerate(entries, 1)]
    path = xlsx(tmp_path / "so-den-2025.xlsx", rows)
    result = reformed("import", "filings", path, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["counts"] == {"filing": 4, "unrelated": 1, "review": 0, "known": 0, "withdrawn": 0, "replaced": 0}
    check = reformed.json("check", "--year", "2025", "--as-of", "31/12/2025", "--all")
    filed = sorted((i["filed"], i["commune"], i["district"] is None) for i in check["items"] if i["filed"])
    assert filed == [("2025-01-20", "Phường Tân Hòa", False), ("2025-07-20", "Phường Tân Hòa", True),
                     ("2025-07-22", "Phường Phương Lâm", False), ("2025-07-23", "Phường Hòa Bình", True)]


def test_every_unit_of_both_generations_resolves_on_its_side_of_the_reform():
    """The whole of Hòa Bình before and the whole of Phú Thọ after, as Units answers them."""
    import datetime as dt

    from cadretrack.domain.gazetteer import Gazetteer, MatchError
    from cadretrack.domain.generations import Generation, Link, unit_key
    from cadretrack.domain.unitset import Units
    from cadretrack.readers.gazetteer_csv import read_gazetteer

    _, old = read_gazetteer(GAZETTEERS / "hoa-binh-2024.csv")
    _, national = read_gazetteer(VN_2025)
    new = Gazetteer(national).province_units("Phú Thọ")
    keyed = [c.__class__(**{**c.__dict__, "code": unit_key(c.code, 2)}) for c in new]
    links = [Link(r["old_code"], unit_key(r["new_code"], 2), r["part"]) for r in REFORM if r["old_code"] in HOA_BINH]
    units = Units([Generation(1, None), Generation(2, dt.date(2025, 7, 1))], Gazetteer(old + keyed), links)
    before, after = dt.date(2025, 6, 30), dt.date(2025, 7, 1)
    for c in old:
        assert units.resolve_on(before, c.name, c.district).code == c.code
    for c in keyed:
        assert units.resolve_on(after, c.name).code == c.code
        assert units.resolve_on(after, "", code=c.official).code == c.code
    new_names = {c.name for c in keyed}
    abolished = 0
    for c in old:
        if c.name in new_names:
            continue
        with pytest.raises(MatchError) as caught:
            units.resolve_on(after, c.name, c.district)
        assert caught.value.key == "commune_abolished"
        assert all(n.name in caught.value.fields["became"] for n, _ in units.became(c.code))
        abolished += 1
    assert abolished > 100


def test_evaluations_owed_by_abolished_communes_are_chased_through_their_successors(reformed, tmp_path):
    # 2024's evaluations, overdue since 9/12/2024: remind chases an earlier year when it is named.
    succeeded(reformed("remind", "--as-of", "15/08/2025", "--year", "2024", "--output", tmp_path / "letters"))
    names = {p.name.split("-", 1)[1] for p in (tmp_path / "letters").glob("*.docx")}
    committees = {n for n in names if n.startswith("dang-uy-")}
    assert "dang-uy-phuong-hoa-binh-phu-tho.docx" in committees
    assert not [n for n in committees if "phuong-lam" in n or "thanh-pho-hoa-binh" in n]
    assert len(committees) <= len(HB_NEW)
