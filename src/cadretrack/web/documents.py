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
from cadretrack.web.common import day_and_year, ledger, page, settings

KINDS = ("workbook", "report", "letters")
TYPES = {".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ".zip": "application/zip"}


def register(app: Flask) -> None:
    app.add_url_rule("/documents", "documents", documents, methods=["GET", "POST"])


def documents():
    values = request.form if request.method == "POST" else request.args
    year, day = day_and_year(values)
    if request.method == "GET":
        return page("documents.html", year=year, as_of_text=format_date(day), active="documents")
    kind = request.form.get("document", "")
    if kind not in KINDS:
        abort(404)
    name, data = _written(kind, year, day)
    response = make_response(data)
    response.headers["Content-Type"] = TYPES[Path(name).suffix]
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _written(kind: str, year: int, day: dt.date) -> tuple[str, bytes]:
    """The document as its command writes it: its file name and its bytes."""
    from cadretrack.output import Output

    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="cadretrack-") as folder, ledger() as (db, _):
        inputs = [settings().db]
        if kind == "workbook":
            from cadretrack.ops.export import export_summary

            path = Path(folder) / f"tong-hop-{year}.xlsx"
            export_summary(db, year, day, Output.check(path, inputs=inputs), today)
            return path.name, path.read_bytes()
        if kind == "report":
            from cadretrack.ops.export import export_report

            path = Path(folder) / f"bao-cao-{year}.docx"
            export_report(db, year, day, Output.check(path, inputs=inputs), today)
            return path.name, path.read_bytes()
        from cadretrack.ops.remind import reminders, write_letters

        letters = Path(folder) / "cong-van-don-doc"
        letters.mkdir()
        write_letters(reminders(db, day, 14), letters, None, today, inputs)
        return f"cong-van-don-doc-{day.isoformat()}.zip", _zipped(letters)


def _zipped(folder: Path) -> bytes:
    """The letters' folder as one .zip, in memory (every file the run wrote, by name)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            if path.is_file():
                archive.writestr(path.name, path.read_bytes())
    return buffer.getvalue()
