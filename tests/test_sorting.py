"""Names in the order a Vietnamese reader expects: Đ after D, Ư after U, numbers by value."""

from cadretrack.domain.names import sort_key


def test_vietnamese_letters_and_tones():
    names = ["Sở Y tế", "Ban Dân vận", "Ban Đối ngoại", "Ban Dân chủ", "Hội Ưu tú", "Hội Uy tín", "Đoàn", "Dân"]
    assert sorted(names, key=sort_key) == [
        "Ban Dân chủ", "Ban Dân vận", "Ban Đối ngoại", "Dân", "Đoàn", "Hội Uy tín", "Hội Ưu tú", "Sở Y tế"]
    assert sorted(["Hóa", "Hòa", "Hoa", "Hỏa", "Họa", "Hõa"], key=sort_key) == [
        "Hoa", "Hòa", "Hóa", "Hỏa", "Hõa", "Họa"]
    assert sorted(["Anh", "An Bình"], key=sort_key) == ["An Bình", "Anh"]


def test_numbers_by_value_and_case_ignored():
    names = [f"Cán Bộ Số {n}" for n in (1, 10, 100, 101, 2, 20, 3)] + ["cán bộ số 4"]
    assert sorted(names, key=sort_key) == [
        "Cán Bộ Số 1", "Cán Bộ Số 2", "Cán Bộ Số 3", "cán bộ số 4", "Cán Bộ Số 10", "Cán Bộ Số 20",
        "Cán Bộ Số 100", "Cán Bộ Số 101"]
    assert sorted(["Phường 10", "Phường 9", "Phường 1"], key=sort_key) == ["Phường 1", "Phường 9", "Phường 10"]


def test_reminders_go_to_agencies_in_natural_order(ledger, tmp_path):
    from sheets import HEADER, xlsx

    import csv

    from conftest import GAZETTEERS

    with (GAZETTEERS / "hoa-binh-2024.csv").open(encoding="utf-8") as fh:
        communes = [r["commune"] for r in csv.DictReader(fh) if r["district"] == "Huyện Đà Bắc"][:12]
    rows = [[n, f"Người {n}", "Giám đốc", f"Sở Số {n}", commune, "Đà Bắc", ""]
            for n, commune in enumerate(communes, start=1)]
    assert ledger("import", "assignments", xlsx(tmp_path / "a.xlsx", [HEADER] + rows),
                  "--effective", "14/12/2022").exit_code == 0
    out = tmp_path / "letters"
    assert ledger("remind", "--as-of", "01/07/2023", "--output", out).exit_code == 0
    letters = sorted(p.name for p in out.glob("*.docx"))
    assert letters[:3] == ["001-so-so-1.docx", "002-so-so-2.docx", "003-so-so-3.docx"]
    assert letters[9:12] == ["010-so-so-10.docx", "011-so-so-11.docx", "012-so-so-12.docx"]
