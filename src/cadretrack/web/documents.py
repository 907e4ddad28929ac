"""Tài liệu: the year-end workbook, the draft report and the chasing letters (a .zip), each
written by the op its command runs (`export summary`, `export report`, `remind --output`)
into a private temporary folder, sent, and removed. A download changes nothing in the ledger
(it is allowed in read-only mode), so it needs the CSRF token but not write permission."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path

from flask import Flask, abort, make_response, request

from cadretrack.domain.dates import format_date
from cadretrack.errors import CadretrackError
from cadretrack.i18n import t
from cadretrack.web.common import day_and_year, ledger, page, settings, today

KINDS = ("workbook", "report", "letters")
TYPES = {".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ".zip": "application/zip"}


def register(app: Flask) -> None:
    app.add_url_rule("/documents", "documents", documents, methods=["GET", "POST"])
    app.add_url_rule("/documents/verify", "documents_verify", verify_upload, methods=["POST"])


def documents():
    year, day = day_and_year(request.form if request.method == "POST" else request.args)
    if request.method == "GET":
        return _page(year, day)
    kind = request.form.get("document", "")
    if kind not in KINDS:
        abort(404)
    name, data = _written(kind, year, day, (request.form.get("known_on") or "").strip()[:40])
    response = make_response(data)
    response.headers["Content-Type"] = TYPES[Path(name).suffix]
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _page(year: int, day: dt.date, checked=None):
    """The page: the stamp a workbook exported now carries, and what a document checked said."""
    from cadretrack.ops.export import summary_stamp
    from cadretrack.render.provenance import stamp_line

    with ledger() as (db, _):
        stamp = summary_stamp(db, year, day, today())
    return page("documents.html", year=year, as_of_text=format_date(day), active="documents",
                stamp=stamp_line(stamp, settings().lang), checked=checked)


def _written(kind: str, year: int, day: dt.date, known_text: str = "") -> tuple[str, bytes]:
    """The document as its command writes it (with --known-on when a moment is given): its
    file name and its bytes."""
    from cadretrack.ops.known import known_on
    from cadretrack.output import Output

    made = today()
    moment = _moment(known_text)
    with tempfile.TemporaryDirectory(prefix="cadretrack-") as folder, ledger() as (current, _):
        db, last = known_on(current, moment)
        if moment is not None and last.changeset == 0:
            raise CadretrackError("known_on_before_ledger", value=known_text)
        try:
            inputs = [settings().db]
            if kind == "workbook":
                from cadretrack.ops.export import export_summary

                path = Path(folder) / f"tong-hop-{year}.xlsx"
                export_summary(db, year, day, Output.check(path, inputs=inputs), made, moment=last)
                return path.name, path.read_bytes()
            if kind == "report":
                from cadretrack.ops.export import export_report

                path = Path(folder) / f"bao-cao-{year}.docx"
                export_report(db, year, day, Output.check(path, inputs=inputs), made, moment=last)
                return path.name, path.read_bytes()
            from cadretrack.ops.provenance import letters_stamp
            from cadretrack.ops.remind import reminders, write_letters

            letters = Path(folder) / "cong-van-don-doc"
            letters.mkdir()
            found = reminders(db, day, 14)
            found.stamp = letters_stamp(db, found, last, made)
            write_letters(found, letters, None, made, inputs)
            return f"cong-van-don-doc-{day.isoformat()}.zip", _zipped(letters)
        finally:
            if db is not current:
                db.close()


def verify_upload():
    """A document the clerk holds, checked as `verify FILE` checks it: from this ledger? its
    figures still what the ledger said then (else where they differ)? changed since? The file
    is kept only while it is read, in the launch's private folder; nothing else is written."""
    from cadretrack.ops.verify_document import verify_document
    from cadretrack.output import write_file
    from cadretrack.render.verify_document import document_check_text

    sent = request.files.get("file")
    if sent is None or not sent.filename:
        raise CadretrackError("web_file_missing")
    name = Path(sent.filename.replace("\\", "/")).name
    suffix = Path(name).suffix.lower()[:10]
    with tempfile.TemporaryDirectory(prefix="cadretrack-verify-") as folder:
        path = Path(folder) / ("tep" + suffix)
        write_file(path, lambda tmp: sent.save(str(tmp)))
        try:
            with ledger() as (db, _):
                result = verify_document(db, path)
        except CadretrackError as exc:  # the file as the clerk sent it, not where we kept it
            for key, value in exc.fields.items():
                if isinstance(value, str) and str(path) in value:
                    exc.fields[key] = value.replace(str(path), name)
            raise
    result.file = name
    year, day = day_and_year(request.form)
    return _page(year, day, document_check_text(result))


def _moment(text: str):
    """`--known-on`'s value: dd/mm/yyyy[ HH:MM] in local time (a date alone: its end); None: now."""
    from cadretrack.domain.dates import DateError, parse_moment
    from cadretrack.ops.known import local_moment

    if not text:
        return None
    try:
        return local_moment(parse_moment(text))
    except (DateError, ValueError, OverflowError, OSError):
        raise CadretrackError("known_on_invalid", value=text) from None


def _zipped(folder: Path) -> bytes:
    """The letters' folder as one .zip, in memory (every file the run wrote, by name)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            if path.is_file():
                archive.writestr(path.name, path.read_bytes())
    return buffer.getvalue()
