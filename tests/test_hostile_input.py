"""Hostile and broken input: every case a clear exit-2 sentence, or an exact round trip."""

import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sheets import HEADER, assignment_rows, csv_file, xlsx

from cadretrack.domain.gazetteer import Gazetteer, MatchError
from cadretrack.errors import CadretrackError
from cadretrack.readers.gazetteer_csv import read_gazetteer
from cadretrack.readers.grid import read_grids


def refused(cli, path, *extra):
    return cli.refused("import", "assignments", path, "--effective", "14/12/2022", *extra)


def test_zip_bomb_is_refused_unread(ledger, tmp_path):
    good = xlsx(tmp_path / "good.xlsx", [HEADER] + assignment_rows([("A", "B", "Hiền Lương")]))
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/media/padding.bin", b"\0" * (20 * 2**20))
    assert "compressed" in refused(ledger, bomb)


@pytest.mark.parametrize(
    "variable, value, words",
    [
        ("CADRETRACK_MAX_INPUT_MB", "0.001", "MB limit"),
        ("CADRETRACK_MAX_UNZIPPED_MB", "0.001", "unpacks to"),
        ("CADRETRACK_MAX_ROWS", "2", "rows, over"),
    ],
)
def test_configurable_limits(ledger, tmp_path, monkeypatch, variable, value, words):
    path = xlsx(tmp_path / "a.xlsx", [HEADER] + assignment_rows([("A", "B", "Hiền Lương"), ("C", "D", "Tân Hòa")]))
    monkeypatch.setenv(variable, value)
    assert words in refused(ledger, path)


def test_password_protected_workbook(ledger, tmp_path):
    # An encrypted OOXML file is a compound document holding an EncryptionInfo stream.
    fake = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 1024
    path = tmp_path / "locked.xlsx"
    path.write_bytes(fake)
    assert "password" in refused(ledger, path)


def test_empty_sheet_and_truncated_workbook(ledger, tmp_path):
    assert "header" in refused(ledger, xlsx(tmp_path / "empty.xlsx", []))
    good = xlsx(tmp_path / "good.xlsx", [HEADER] + assignment_rows([("A", "B", "Hiền Lương")]))
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert refused(ledger, cut)


def test_entity_expansion_is_not_performed(ledger, tmp_path):
    good = xlsx(tmp_path / "good.xlsx", [HEADER] + assignment_rows([("A", "B", "Hiền Lương")]))
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
              + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
              + "<si><t>&lol9;</t></si></sst>")
    bomb = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = laughs.encode() if item.filename == "xl/sharedStrings.xml" else src.read(item)
            dst.writestr(item, data)
    result = ledger("import", "assignments", bomb, "--effective", "14/12/2022")
    # calamine's XML parser does not expand entities: the file is read or refused, never inflated.
    assert result.exit_code in (0, 2) and "Traceback" not in result.output
    assert "lollollol" not in result.output
    assert "lollollol" not in str(ledger.json("list", "assignments"))


TRICKY_NAMES = [
    "O'Brien \"Nguyễn\" Văn An",
    "Robert'); DROP TABLE assignments;--",
    "=cmd|' /C calc'!A0",
    "Trần " + "Thị " * 2499 + "Bình",  # 10,000 characters
    "Lê\u200bVăn\u00a0C",
]
TRICKY_NOTES = ["line one\nline two\ttab", "\x07bell \x1b[31mred", "=1+1", "'; DELETE FROM filings; --", "x" * 10_000]


def test_tricky_text_survives_a_round_trip(ledger, tmp_path):
    communes = ["Hiền Lương", "Tân Hòa", "Mông Hóa", "Tú Lý", "Thái Bình"]
    rows = [HEADER] + [[i, name, "Chức vụ", "Cơ quan", commune, "", ""] for i, (name, commune) in
                       enumerate(zip(TRICKY_NAMES, communes), start=1)]
    assert ledger("import", "assignments", csv_file(tmp_path / "t.csv", rows), "--effective", "14/12/2022").exit_code == 0
    names = {i["cadre"] for i in ledger.json("list", "assignments")}
    # Names keep every visible character; runs of white space (a no-break space, a
    # zero-width space too) become one space: a clerk's stray spaces are not part of a name.
    assert names == set(TRICKY_NAMES[:4]) | {"Lê Văn C"}
    for note, commune in zip(TRICKY_NOTES, communes):
        result = ledger("record", "report", "--year", "2023", "--date", "01/12/2023", "--commune", commune, "--note", note)
        assert result.exit_code == 0, result.output
    notes = {i["note"] for i in ledger.json("check", "--year", "2023", "--as-of", "31/12/2023", "--all") ["items"] if i["note"]}
    # Control characters are never stored: each is a space, and spaces are collapsed.
    assert notes == {"line one line two tab", "bell [31mred", *TRICKY_NOTES[2:]}
    out = tmp_path / "x.xlsx"
    assert ledger("export", "summary", "--year", "2023", "--as-of", "31/12/2023", "--output", out).exit_code == 0
    import python_calamine as pc

    sheet = pc.CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Chi tiết").to_python()
    values = {v for row in sheet for v in row if isinstance(v, str)}
    assert names <= values and notes <= values


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".xlsx", ".xls", ".csv"]),
       prefix=st.sampled_from([b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf"]))
def test_readers_give_grids_or_a_clear_error(tmp_path, data, suffix, prefix):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(prefix + data)
    try:
        grids = read_grids(path)
        assert all(isinstance(g.rows, list) for g in grids)
    except CadretrackError as exc:
        assert exc.message()


GAZETTEER = Gazetteer(read_gazetteer(None)[1])


@settings(max_examples=300, deadline=None)
@given(name=st.text(max_size=40), district=st.text(max_size=20), code=st.one_of(st.just(""), st.text(max_size=8)))
def test_name_matcher_gives_a_commune_or_a_clear_error(name, district, code):
    try:
        commune = GAZETTEER.resolve(name, district, code)
        assert commune.code in GAZETTEER.by_code
    except MatchError as exc:
        assert exc.key


def test_terminal_tables_show_text_literally(ledger, tmp_path):
    rows = [HEADER, [1, "[bold red]Kẻ[/] \x1b[2J xấu [/]", "C", "D", "Hiền Lương", "", ""]]
    assert ledger("import", "assignments", csv_file(tmp_path / "t.csv", rows), "--effective", "14/12/2022").exit_code == 0
    result = ledger("list", "assignments")
    assert result.exit_code == 0 and "[bold red]Kẻ[/]" in result.stdout and "\x1b[2J" not in result.stdout


UNSEEN = ["\x1b[2J", "\x00", "\x07", "\u202e", "\u200b", "\ufeff", "\x85"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(list("05-CTr/STC ghi chú\n\t") + UNSEEN), min_size=1, max_size=30).map("".join))
def test_clean_never_keeps_a_control_or_invisible_character(text):
    from cadretrack.domain.names import clean, clean_lines

    for tidy in (clean(text), *clean_lines(text).split("\n")):
        assert tidy.isprintable() and tidy == tidy.strip()


def test_control_characters_typed_into_free_text_are_never_stored(year):
    """A document number, a note, a difficulty and its outcome typed (or pasted) with a
    terminal's escape, a NUL or a bidirectional override: stored as the clerk sees them, so no
    later table, workbook or page replays them."""
    year.ok("record", "report", "--year", "2023", "--date", "20/11/2023", "--commune", "Hiền Lương",
            "--number", "05\x1b[2J-BC/\u202eSTC", "--note", "bản\x00 gốc\u200b\x07")
    year.ok("record", "difficulty", "--commune", "Hiền Lương", "--date", "21/11/2023",
            "--text", "thiếu\x1b]0;x\x07 kinh phí\u202e")
    done = year.json("list", "filings", "--year", "2023")
    filed = next(f for f in done if f["number"])
    assert filed["number"] == "05 [2J-BC/STC" and filed["note"] == "bản gốc"
    logged = year.json("difficulties")
    import json

    text = json.dumps(logged, ensure_ascii=False)
    assert "\x1b" not in text and "\u202e" not in text and "thiếu ]0;x kinh phí" in text
    history = year("history", lang="vi")
    assert "\x1b" not in history.stdout and "\x00" not in history.stdout
    undone = year("undo", lang="vi")  # it names the command it undid: as history shows it
    assert undone.exit_code == 0 and "\x1b" not in undone.stdout and "\u202e" not in undone.stdout
    assert "\x07" not in undone.stdout and "thiếu ]0;x kinh phí" in undone.stdout
