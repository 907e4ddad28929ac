"""Templates fill fields, nothing more: a Board's template runs in Jinja's sandbox with
bounded work, and is checked like any input before use. Each hostile template is refused
(exit 2, one sentence naming it) before any file is written or removed."""

import io
import os
import zipfile
from pathlib import Path

import pytest
from docx import Document

from conftest import folder_state
from sheets import HEADER, assignment_rows, xlsx

BUNDLED = Path(__file__).resolve().parent.parent / "src" / "cadretrack" / "data" / "templates"
LETTER = BUNDLED / "cong-van-don-doc.docx"
REPORT = BUNDLED / "bao-cao-ket-qua.docx"

ATTACKS = {
    "popen": "{{ cycler.__init__.__globals__.os.popen('echo PWNED-BY-TEMPLATE').read() }}",
    "open": "{{ lipsum.__globals__['__builtins__']['open']('/etc/hostname').read() }}",
    "environ": "{{ cycler.__init__.__globals__.os.environ }}",
    "range": "{% for i in range(10**12) %}x{% endfor %}",
    "nested": "{% for i in range(9999) %}{% for j in range(9999) %}{% endfor %}{% endfor %}",
    "multiply": "{{ 'x' * 10**10 }}",
    "power": "{{ 10**10**10 }}",
    "concat": "{% set a = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' %}"
              + "".join("{% set a = a ~ a ~ a ~ a ~ a ~ a ~ a ~ a ~ a ~ a %}" for _ in range(12)) + "{{ a|length }}",
    "center": "{{ 'x'|center(10**10) }}",
    "macro": "{% macro m(n) %}{{ m(n) }}{{ m(n) }}{% endmacro %}{{ m(1) }}",
    "format": "{{ '{:>9999999999}'.format(1) }}",
    "printf": "{{ '%9999999999d' % 1 }}",
    "slice": "{{ [1]|slice(10**9)|list|length }}",
    "self": "{{ self }}",
    "attr": "{{ ''|attr('__class__') }}",
    "dict": "{{ dict(a=1).items() }}",
    "mro": "{{ ''.__class__.__mro__ }}",
    "listed": "{{ [self] }}",
}


def hostile(tmp_path: Path, bundled: Path, text: str, name: str = "hostile.docx") -> Path:
    """A copy of the bundled template whose {{ recipient }} / {{ board }} field says `text`."""
    out = tmp_path / name
    with zipfile.ZipFile(bundled) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8")
                escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                assert "{{ board }}" in xml
                data = xml.replace("{{ board }}", escaped, 1).encode("utf-8")
            dst.writestr(item, data)
    return out


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_a_hostile_template_is_refused_by_remind_and_the_earlier_letters_stay(year, tmp_path, attack):
    out = tmp_path / "cong-van"
    year.ok("remind", "--as-of", "01/12/2023", "--output", out)
    before = folder_state(out)
    assert any(name.endswith(".docx") for name in before)
    template = hostile(tmp_path, LETTER, ATTACKS[attack])
    result = year("remind", "--as-of", "01/12/2023", "--output", out, "--template", template)
    assert result.exit_code == 2, result.output
    assert "hostile.docx" in result.stderr and "Traceback" not in result.output + result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "PWNED" not in result.output
    assert folder_state(out) == before  # the earlier set whole, nothing staged left


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_a_hostile_template_is_refused_by_export_report(year, tmp_path, attack):
    out = tmp_path / "bao-cao.docx"
    template = hostile(tmp_path, REPORT, ATTACKS[attack])
    err = year.refused("export", "report", "--year", "2023", "--as-of", "31/12/2023", "--output", out,
                       "--template", template)
    assert "hostile.docx" in err
    assert not out.exists() and not list(tmp_path.glob(".bao-cao*"))


def test_the_engine_s_helpers_are_no_fields(year, tmp_path):
    """namespace, cycler and joiner are not offered: like any unknown field they print nothing,
    and nothing of the engine reaches the document."""
    template = hostile(tmp_path, REPORT, "[{{ namespace }}{{ cycler }}{{ joiner }}]")
    out = tmp_path / "r.docx"
    year.ok("export", "report", "--year", "2023", "--output", out, "--template", template)
    with zipfile.ZipFile(out) as archive:
        text = archive.read("word/document.xml").decode("utf-8")
    assert "[]" in text and "jinja" not in text.lower() and "class" not in text


def test_the_sandbox_leaves_data_literal_and_fields_filled(year, tmp_path):
    """What a template may do still works: fields, loops, filters, the bundled layout."""
    template = hostile(tmp_path, REPORT, "{{ kinds|length }} {% for k in kinds %}[{{ k.label|upper }}]{% endfor %}"
                       "{{ range(3)|list|join(',') }}", "ok.docx")
    out = tmp_path / "r.docx"
    year.ok("export", "report", "--year", "2023", "--as-of", "31/12/2023", "--output", out, "--template", template)
    doc = Document(out)
    text = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert "3 [CHƯƠNG TRÌNH THEO DÕI][BÁO CÁO NĂM]" in text and "0,1,2" in text


def test_a_letter_escapes_the_data_it_fills_in(ledger, tmp_path):
    """A cadre's name with markup stays literal text (autoescape), as before."""
    rows = assignment_rows([("Lò Văn <b>&Tâm", "Sở Tài chính", "Xã Hiền Lương")])
    ledger.ok("import", "assignments", xlsx(tmp_path / "l.xlsx", [HEADER] + rows), "--effective", "14/12/2022")
    out = tmp_path / "cv"
    ledger.ok("remind", "--as-of", "01/12/2023", "--output", out)
    letter = Document(next(out.glob("001-*.docx")))
    cells = [c.text for t in letter.tables for r in t.rows for c in r.cells]
    assert "Lò Văn <b>&Tâm" in cells


@pytest.mark.parametrize("case", ["fifo", "folder", "huge", "bomb", "entity", "deep", "not_zip"])
def test_a_template_is_checked_like_an_input(year, tmp_path, case):
    path = tmp_path / "t.docx"
    if case == "fifo":
        os.mkfifo(path)
    elif case == "folder":
        path.mkdir()
    elif case == "huge":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
            z.writestr("word/media/pad.bin", os.urandom(11 * 1024 * 1024))
    elif case == "bomb":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("word/media/zeros.bin", b"\0" * (80 * 1024 * 1024))
    elif case in ("entity", "deep"):
        with zipfile.ZipFile(LETTER) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "word/document.xml":
                    data = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
                            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>') if case == "entity" else (
                        b"<d>" + b"<e>" * 5000 + b"</e>" * 5000 + b"</d>")
                dst.writestr(item, data)
    else:
        path.write_bytes(b"not a zip at all")
    out = tmp_path / "cv"
    err = year.refused("remind", "--as-of", "01/12/2023", "--output", out, "--template", path)
    assert "t.docx" in err and not out.exists()
    if case in ("fifo", "folder"):
        assert "not a regular" in err or "is a folder" in err  # not "does not exist": it does
    report = tmp_path / "r.docx"
    err = year.refused("export", "report", "--year", "2023", "--output", report, "--template", path)
    assert "t.docx" in err and not report.exists()


def test_the_sandbox_bounds_range_and_steps_directly():
    """The environment itself, as every document renders in it."""
    from jinja2.exceptions import SecurityError

    from cadretrack.render.sandbox import MAX_RANGE, TemplateEnvironment

    env = TemplateEnvironment()
    assert env.from_string("{{ range(3)|list }}").render() == "[0, 1, 2]"
    with pytest.raises(SecurityError):
        TemplateEnvironment().from_string("{{ range(%d)|list|length }}" % (MAX_RANGE + 1)).render()
    with pytest.raises(SecurityError):
        TemplateEnvironment().from_string("{{ ''.__class__.__mro__ }}").render()
    with pytest.raises(SecurityError):
        TemplateEnvironment().from_string(ATTACKS["nested"]).render()
    assert TemplateEnvironment().from_string("{{ x }}").render(x="<w:t>&") == "&lt;w:t&gt;&amp;"
    buffer = io.StringIO()
    buffer.write(TemplateEnvironment().from_string("{% for i in range(1000) %}{{ i }}{% endfor %}").render())
    assert buffer.getvalue().endswith("999")
