"""Unit names through the real CLI: names that begin with a unit word, unit words that
must agree, ambiguity that says what tells units apart, and ledgers re-keyed on open."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from conftest import GAZETTEERS, Cli, snapshot
from sheets import HEADER, xlsx

FIXTURES = Path(__file__).parent / "fixtures"


def _assign(cli: Cli, tmp_path: Path, rows: list[list], effective: str = "14/12/2022"):
    path = xlsx(tmp_path / "list.xlsx", [HEADER] + rows)
    return cli("import", "assignments", path, "--effective", effective)


def test_a_ward_named_with_a_unit_like_word_is_recorded_bare(ledger, tmp_path):
    result = _assign(ledger, tmp_path, [
        [1, "Nguyễn Văn An", "Phó Giám đốc", "Sở Tài chính", "Phương Lâm", "", ""],
        [2, "Trần Thị Bình", "Giám đốc", "Sở Y tế", "Xã Hòa Bình", "Thành phố Hòa Bình", ""],
    ])
    assert result.exit_code == 0, result.output
    result = ledger("record", "report", "--year", "2023", "--date", "05/12/2023", "--commune", "Phương Lâm")
    assert result.exit_code == 0, result.output
    items = ledger.json("check", "--year", "2023", "--as-of", "31/12/2023", "--all")["items"]
    filed = [(i["commune"], i["kind"]) for i in items if i["filed"]]
    assert filed == [("Phường Phương Lâm", "report")]
    # A unit word the clerk wrote is part of what they meant: no ward is called Hòa Bình.
    before = snapshot(ledger.db)
    result = ledger("record", "report", "--year", "2023", "--date", "05/12/2023", "--commune", "Phường Hòa Bình",
                    lang="vi")
    assert result.exit_code == 2 and snapshot(ledger.db) == before
    assert "Phường Hòa Bình" in result.stderr and "Xã Hòa Bình" in result.stderr
    assert "Traceback" not in result.output


def test_a_register_that_writes_the_ward_bare_imports(ledger, tmp_path):
    assert _assign(ledger, tmp_path, [[1, "Nguyễn Văn An", "Phó Giám đốc", "Sở Tài chính", "P. Phương Lâm", "", ""]]
                   ).exit_code == 0
    register = xlsx(tmp_path / "so-den.xlsx", [
        ["Ngày đến", "Số, ký hiệu", "Loại", "Năm", "Xã, phường, thị trấn"],
        ["20/01/2024", "01-CTr/STC", "Chương trình", 2024, "Phương Lâm"],
        ["05/12/2024", "09-BC/STC", "Báo cáo", 2024, "phuong lam"],
    ])
    result = ledger("import", "filings", register)
    assert result.exit_code == 0, result.output
    items = ledger.json("check", "--year", "2024", "--as-of", "31/12/2024", "--all")["items"]
    assert sorted(i["kind"] for i in items if i["filed"]) == ["program", "report"]


def test_a_national_list_whose_district_column_begins_with_a_unit_like_word(tmp_path):
    cli = Cli(tmp_path / "vn.db")
    assert cli("init", "--gazetteer", GAZETTEERS / "vn-2024.csv").exit_code == 0
    result = _assign(cli, tmp_path, [
        [1, "Lê Văn Cường", "Phó Giám đốc", "Sở Nội vụ", "Xã Trung Sơn", "Quan Hóa", ""],
        [2, "Phạm Thị Dung", "Giám đốc", "Sở Tư pháp", "Thị trấn Tam Sơn", "Quản Bạ", ""],
        [3, "Đỗ Văn Em", "Giám đốc", "Sở Công Thương", "Phường Đúc", "Quận Thuận Hóa", ""],
    ])
    assert result.exit_code == 0, result.output + result.stderr
    got = {a["commune"]: a["district"] for a in cli.json("list", "assignments")}
    assert got == {"Xã Trung Sơn": "Huyện Quan Hóa", "Thị trấn Tam Sơn": "Huyện Quản Bạ",
                   "Phường Phường Đúc": "Quận Thuận Hóa"}


def test_ambiguity_in_a_ledger_without_districts_asks_for_the_province(tmp_path):
    cli = Cli(tmp_path / "vn2025.db")
    assert cli("init", "--gazetteer", GAZETTEERS / "vn-2025.csv").exit_code == 0
    result = _assign(cli, tmp_path, [[1, "Lê Văn Cường", "Phó Giám đốc", "Sở Nội vụ", "Phường Hòa Bình", "", ""]],
                     effective="01/07/2025")
    assert result.exit_code == 2
    text = result.stdout + result.stderr
    assert "province" in text and "district" not in text.split("Phường Hòa Bình", 1)[1]


def test_a_ledger_made_with_older_keys_is_read_as_is_and_rekeyed_by_the_next_writer(tmp_path):
    db = tmp_path / "v4.db"
    shutil.copy(FIXTURES / "ledger-schema-4.db", db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'name_key_version'").fetchone() == ("1",)
        # A key the old rules stored differently (as they would for "Phường Phường Đúc").
        conn.execute("UPDATE communes SET name_key = 'lâm', name_loose = 'lam' WHERE code = '4807'")
    conn.close()
    cli = Cli(db)
    assert cli("verify").exit_code == 0  # the schema upgrade, once
    before = db.read_bytes()
    result = cli("show", "--commune", "Phương Lâm")
    assert result.exit_code == 0, result.output
    assert "Phương Lâm" in result.stdout  # found with keys computed in memory
    assert db.read_bytes() == before  # a read-only command wrote nothing, stale keys included
    result = cli("record", "difficulty", "--commune", "Phương Lâm", "--date", "05/03/2023", "--text", "Thiếu kinh phí")
    assert result.exit_code == 0, result.output
    fresh = Cli(tmp_path / "fresh.db")
    assert fresh("init").exit_code == 0
    keys = "SELECT code, name_key, name_loose FROM communes ORDER BY code"
    with sqlite3.connect(db) as old, sqlite3.connect(fresh.db) as new:
        assert old.execute("SELECT value FROM meta WHERE key = 'name_key_version'").fetchone() == ("2",)
        assert old.execute(keys).fetchall() == new.execute(keys).fetchall()
        assert ("4807", "phương lâm", "phuong lam") in old.execute(keys).fetchall()
    old.close()
    new.close()


def test_a_commune_typed_as_its_code_is_that_commune_in_every_command(ledger, tmp_path):
    """`--commune 04789` (the code a clerk reads off a table, its leading zero or not) means
    the unit of that code in show, check and record alike; a code no unit has is not found."""
    from sheets import assign

    assign(ledger, tmp_path, [("Nguyễn Văn An", "Sở Tài chính", "Phường Thái Bình")])
    by_name = ledger.json("show", "--commune", "Thái Bình")
    assert by_name and ledger.json("show", "--commune", "04789") == by_name == ledger.json("show", "--commune", "4789")
    ledger.ok("record", "program", "--year", "2024", "--date", "10/01/2024", "--commune", "04789")
    items = ledger.json("check", "--year", "2024", "--as-of", "31/01/2024", "--all", "--commune", "4789")["items"]
    assert [(i["commune"], i["kind"], i["filed"]) for i in items if i["filed"]] == [("Phường Thái Bình", "program", "2024-01-10")]
    assert "99999" in ledger.refused("show", "--commune", "99999", lang="vi")
