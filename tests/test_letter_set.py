"""`remind --output DIR` writes its letters as one set: rendered first, swapped in by
renames, replacing only the files the earlier run's index lists whose content is still
what cadretrack wrote (digests in a manifest); every other file stays and is named."""

import json
import os
import stat
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from conftest import folder_state

AS_OF = ("--as-of", "01/12/2023")


def letters(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.docx"))


def test_an_edited_letter_stays_and_is_named(year, tmp_path):
    out = tmp_path / "cv"
    year.ok("remind", *AS_OF, "--output", out)
    first = letters(out)
    edited = out / first[0]
    doc = Document(edited)
    doc.add_paragraph("Đã ký, gửi ngày 02/12.")  # the clerk finished this one by hand
    doc.save(edited)
    kept = edited.read_bytes()
    again = year.ok("remind", *AS_OF, "--output", out)
    assert edited.read_bytes() == kept
    assert f"Kept 1 file(s)" in again.stdout and first[0] in again.stdout
    stem = first[0].removesuffix(".docx")
    assert (out / f"{stem}-2.docx").exists() and f"{stem}-2.docx" in again.stdout
    assert f"Removed the {len(first) - 1} letters" in again.stdout
    from cadretrack.render.letters import letters_listed

    listed = letters_listed(out / "danh-sach-cong-van.xlsx")
    assert f"{stem}-2.docx" in listed and first[0] not in listed


def test_a_clerks_file_with_a_letters_name_stays(year, tmp_path):
    out = tmp_path / "cv"
    out.mkdir()
    year.ok("remind", *AS_OF, "--output", tmp_path / "probe")
    name = letters(tmp_path / "probe")[0]
    mine = out / name
    mine.write_bytes(b"the clerk's own document")
    result = year.ok("remind", *AS_OF, "--output", out)
    assert mine.read_bytes() == b"the clerk's own document"
    new = name.removesuffix(".docx") + "-2.docx"
    Document(out / new)
    assert name in result.stdout and new in result.stdout


def test_an_index_naming_a_clerks_file_never_deletes_it(year, tmp_path):
    out = tmp_path / "cv"
    year.ok("remind", *AS_OF, "--output", out)
    mine = out / "ghi-chu-cua-toi.docx"
    mine.write_bytes(b"notes")
    # Someone lists the clerk's file in the index and in the manifest (with its real digest
    # even): it was never written by cadretrack here, and the old set's own files stay ours.
    index = out / "danh-sach-cong-van.xlsx"
    wb = load_workbook(index)
    ws = wb.active
    ws.append([99, "Nơi khác", mine.name])
    wb.save(index)
    manifest = out / ".cadretrack-cong-van.json"
    record = json.loads(manifest.read_text("utf-8"))
    import hashlib

    record["letters"][mine.name] = hashlib.sha256(b"other bytes").hexdigest()
    manifest.write_text(json.dumps(record), "utf-8")
    result = year.ok("remind", *AS_OF, "--output", out)
    assert mine.read_bytes() == b"notes"
    # the edited index is the clerk's now: kept, the new one beside it
    assert index.exists() and (out / "danh-sach-cong-van-2.xlsx").exists()
    assert "danh-sach-cong-van.xlsx" in result.stdout


def test_a_template_failing_at_render_leaves_the_old_set_whole(year, tmp_path):
    out = tmp_path / "cv"
    year.ok("remind", *AS_OF, "--output", out)
    before = folder_state(out)
    broken = tmp_path / "broken.docx"
    doc = Document()
    doc.add_paragraph("{{ items[0].kind }} {{ no.such.field }}")  # fails on render, not on parse
    doc.save(broken)
    result = year("remind", *AS_OF, "--output", out, "--template", broken)
    assert result.exit_code == 2 and "broken.docx" in result.stderr
    assert folder_state(out) == before


def test_a_template_failing_in_a_new_folder_leaves_no_folder(year, tmp_path):
    broken = tmp_path / "broken.docx"
    doc = Document()
    doc.add_paragraph("{{ no.such.field }}")
    doc.save(broken)
    result = year("remind", *AS_OF, "--output", tmp_path / "new", "--template", broken)
    assert result.exit_code == 2 and not (tmp_path / "new").exists()


def test_a_killed_runs_staging_folder_is_cleaned(year, tmp_path):
    out = tmp_path / "cv"
    out.mkdir()
    stale = out / ".cadretrack-cong-van-Ab12Cd34.part"
    stale.mkdir()
    (stale / "001-so-tai-chinh.docx").write_bytes(b"half")
    lookalike = out / ".cadretrack-cong-van-mine"  # not ours by name
    lookalike.mkdir()
    year.ok("remind", *AS_OF, "--output", out)
    assert not stale.exists() and lookalike.exists()
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]


def test_a_swap_stopped_midway_puts_the_earlier_set_back(year, tmp_path):
    """A file appears under a new letter's name between the plan and the swap: the swap stops
    and undoes its renames; the folder is as before (with that file)."""
    from cadretrack.errors import CadretrackError
    from cadretrack.render import letter_set as sets
    from cadretrack.render.letters import letters_listed

    out = tmp_path / "cv"
    year.ok("remind", *AS_OF, "--output", out)
    before = folder_state(out)
    earlier = sets.earlier_set(out, letters_listed)
    assert len(earlier.ours) == len(letters(out)) + 1  # every letter and the index
    with pytest.raises(CadretrackError):
        with sets.Staging(out) as staging:
            names = ["a.docx", "b.docx"]
            for name in names:
                staging.write(name, b"new " + name.encode())
            sets.write_manifest(staging, ("b.docx", "0"), {})
            (out / "b.docx").write_bytes(b"appeared")
            sets.swap_in(staging, earlier, names)
    after = folder_state(out)
    assert after.pop("b.docx") == b"appeared" and after == before


def test_letters_are_the_owners_only_and_the_folder_too(year, tmp_path):
    old = os.umask(0o022)
    try:
        out = tmp_path / "cv"
        year.ok("remind", *AS_OF, "--output", out)
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o700
    assert all(stat.S_IMODE(os.stat(p).st_mode) == 0o600 for p in out.iterdir())


def test_a_letters_folder_given_as_a_link_or_under_a_missing_folder_is_refused(year, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    err = year.refused("remind", *AS_OF, "--output", tmp_path / "link")
    assert "symbolic link" in err and not any(real.iterdir())
    err = year.refused("remind", *AS_OF, "--output", tmp_path / "no" / "such" / "cv")
    assert "does not exist" in err and not (tmp_path / "no").exists()
