"""Sổ văn bản đến: the office's register uploaded, every row's decision shown (a dry run of
`import filings`), recorded only when the clerk confirms. The rows left for review come back
as the review workbook `import filings --review` writes; the clerk completes its column Xử lý
and uploads it here, and its answers are applied and remembered as from the command line.

An upload is kept, until the server stops, in a folder of its own (mode 700) under a random
name; the page refers to it by that name only, never by a path."""

from __future__ import annotations

import re
import secrets
import tempfile
from pathlib import Path

from flask import Flask, abort, make_response, request

from cadretrack.errors import CadretrackError
from cadretrack.i18n import t
from cadretrack.web.common import ledger, page, settings, writes

UPLOAD_ID = re.compile(r"^[0-9a-f]{16}$")
REVIEW = "so-den-can-xem-lai.xlsx"


def _safe_name(sent: str) -> str:
    """The name the file was sent by, as a plain name in our folder: no folders, no control
    characters, no leading dot, at most 120 characters (its extension kept)."""
    name = Path(sent.replace("\\", "/")).name
    name = re.sub(r"[\x00-\x1f\x7f/:*?\"<>|]", "_", name).lstrip(". ") or "so-den"
    stem, suffix = Path(name).stem, Path(name).suffix[:10]
    return (stem[: 120 - len(suffix)] or "so-den") + suffix


def register(app: Flask) -> None:
    app.add_url_rule("/register", "register", upload, methods=["GET", "POST"])
    app.add_url_rule("/register/confirm", "register_confirm", confirm, methods=["POST"])
    app.add_url_rule("/register/review", "register_review", review_file, methods=["POST"])
    app.add_url_rule("/register/answers", "register_answers", answers, methods=["POST"])


def _folder() -> Path:
    s = settings()
    if s.uploads is None:
        s.uploads = Path(tempfile.mkdtemp(prefix="cadretrack-serve-"))  # mode 700
    return s.uploads


def _uploaded(upload_id: str) -> tuple[Path, str]:
    if not UPLOAD_ID.match(upload_id or "") or upload_id not in settings().uploaded:
        abort(404)
    return settings().uploaded[upload_id]


def upload():
    if request.method == "GET":
        return page("register.html", result=None, active="register")
    from cadretrack.output import write_file

    sent = request.files.get("file")
    if sent is None or not sent.filename:
        raise CadretrackError("web_file_missing")
    name = _safe_name(sent.filename)
    upload_id = secrets.token_hex(8)
    folder = _folder() / upload_id
    folder.mkdir(mode=0o700)
    path = folder / name  # errors name the file as it was sent
    write_file(path, lambda tmp: sent.save(str(tmp)))
    settings().uploaded[upload_id] = (path, name)
    return _run(upload_id, dry_run=True)


@writes
def confirm():
    return _run(request.form.get("upload", ""), dry_run=False)


def _run(upload_id: str, dry_run: bool):
    from cadretrack.ops.register import import_filings
    from cadretrack.output import Output

    path, name = _uploaded(upload_id)
    review = path.parent / "xem-lai" / REVIEW
    review.parent.mkdir(mode=0o700, exist_ok=True)
    # A review workbook's questions still waiting stay in it (import filings refuses --review
    # for one): only a register's confirmation writes the rows left for review.
    asks = not dry_run and upload_id not in settings().answered
    command = ["cadretrack", "import", "filings", name] + (["--review", review.name] if asks else [])
    try:
        with ledger(command) as (db, run):
            result = import_filings(db, path, run, dry_run=dry_run,
                                    review=Output.check(review, inputs=[settings().db, path]) if asks else None)
    except CadretrackError as exc:  # the file as the clerk sent it, not where we keep it
        for key, value in exc.fields.items():
            if isinstance(value, str) and str(path) in value:
                exc.fields[key] = value.replace(str(path), name)
        raise
    if result.answers:
        settings().answered.add(upload_id)
    asked = []
    if review.exists() and not dry_run:
        from cadretrack.ops.review_form import review_rows

        asked = review_rows(review)
    return page("register.html", result=result, upload=upload_id, name=name, active="register",
                has_review=bool(asked), summary=_summary(result, name, dry_run), rows=_rows(result),
                asked=asked, answer_words=ANSWER_KEYS)


DECISION_WORDS = ("filing", "review", "unrelated", "known")  # web_decision_* in messages/web.py
ANSWER_KEYS = ("record", "difficulty", "unrelated")  # the review workbook's three answers (domain/book)
MAX_ROWS = 20_000


def answers():
    """The rows left for review, answered in the page: the review workbook completed with
    those answers, then read as a dry run like any upload; recorded once confirmed."""
    from cadretrack.ops.review_form import FORM_FIELDS, complete_review
    from cadretrack.output import Output

    upload_id = request.form.get("upload", "")
    path, _ = _uploaded(upload_id)
    review = path.parent / "xem-lai" / REVIEW
    if not review.exists():
        abort(404)
    given = {}
    for i in range(min(_count(request.form.get("count")), MAX_ROWS)):
        place = (request.form.get(f"place-{i}") or "").strip()
        if place:
            given[place] = {f: (request.form.get(f"{f}-{i}") or "")[:500] for f in FORM_FIELDS}
    new_id = secrets.token_hex(8)
    folder = _folder() / new_id
    folder.mkdir(mode=0o700)
    filled = folder / REVIEW
    complete_review(review, Output.check(filled, inputs=[settings().db, review]), given)
    settings().uploaded[new_id] = (filled, REVIEW)
    return _run(new_id, dry_run=True)


def _count(text) -> int:
    try:
        return max(0, int(text or 0))
    except ValueError:
        return 0


def _summary(result, name: str, dry_run: bool) -> str:
    if result.office:  # as the command says it, without its words for --review (the page offers the file)
        from cadretrack.render.register import office_lines

        return " ".join(office_lines(result, name, hints=False))
    if result.answers:  # a review workbook: what each answer did, and what still waits
        from cadretrack.render.register import answer_lines

        return " ".join(answer_lines(result, Path(name)))
    return t("filings_dry" if dry_run else "filings_done", path=name, added=result.added, unchanged=result.unchanged)


def _rows(result) -> list[dict]:
    """Every row's decision, as `import filings --format json` gives it, with the words of
    the tables."""
    from cadretrack.render.register import row_dict

    out = []
    for d in result.decisions:
        row = row_dict(d, result.labels)
        row["sender"], row["summary"] = d.sender, d.summary
        row["commune"] = d.assignment.commune if d.assignment is not None else d.place
        if d.decision == "known" and d.earlier:  # the earlier decision in words, not its code
            row["reason"] = t("web_decision_" + d.earlier) if d.earlier in DECISION_WORDS else d.earlier
        out.append(row)
    return out


def review_file():
    upload_id = request.form.get("upload", "")
    path, _ = _uploaded(upload_id)
    review = path.parent / "xem-lai" / REVIEW
    if not review.exists():
        abort(404)
    response = make_response(review.read_bytes())
    response.headers["Content-Type"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response.headers["Content-Disposition"] = 'attachment; filename="so-den-can-xem-lai.xlsx"'
    return response
