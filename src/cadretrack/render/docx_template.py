"""Word documents from docxtpl templates: the bundled ones, or a Board's own copy.

A template is an input like any other: checked before use (a regular Word file of bounded
size, a zip that does not unfold into gigabytes, XML without entities or absurd depth), and
rendered in the sandbox (render/sandbox.py), in memory, before anything is written."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from cadretrack.errors import CadretrackError
from cadretrack.readers.bundled import bundled_path
from cadretrack.readers.source import check_input
from cadretrack.readers.xml_guard import guard_archive_xml

MAX_TEMPLATE_BYTES = 10 * 1024 * 1024
MAX_UNZIPPED_BYTES = 64 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, over the whole archive
MAX_MEMBERS = 1_000


def template_path(template: Path | None, bundled: str) -> Path:
    """The template to use (the bundled one by default); refused when it is missing, no Word
    document, or not a template a document can safely be made from, before anything is
    written."""
    source = template or bundled_path("templates", bundled)
    check_input(source)
    if source.suffix.lower() != ".docx":
        raise CadretrackError("template_not_docx", path=str(source))
    check_template(source)
    return source


def check_template(source: Path) -> None:
    """Size, zip and XML limits: a template that would unfold into gigabytes, nest without
    end or define entities is refused, naming it."""
    if os.stat(source).st_size > MAX_TEMPLATE_BYTES:
        raise CadretrackError("template_too_big", path=str(source), limit=MAX_TEMPLATE_BYTES // (1024 * 1024))
    try:
        with zipfile.ZipFile(source) as archive:
            members = archive.infolist()
            if "word/document.xml" not in {m.filename for m in members}:
                # No Word document: refused before any work, even when no letter is to be written.
                raise CadretrackError("template_not_word", path=str(source))
            unzipped = sum(m.file_size for m in members)
            packed = sum(m.compress_size for m in members) or 1
            if len(members) > MAX_MEMBERS or unzipped > MAX_UNZIPPED_BYTES or unzipped / packed > MAX_RATIO:
                raise CadretrackError("template_too_big", path=str(source),
                                      limit=MAX_TEMPLATE_BYTES // (1024 * 1024))
            try:
                guard_archive_xml(archive, str(source))  # the XML check of every Office input
            except CadretrackError as exc:
                raise CadretrackError("template_xml", path=str(source), member=exc.fields.get("member", "")) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError):
        raise CadretrackError("template_not_word", path=str(source)) from None


def render_docx(source: Path, context: dict, env=None):
    """The template filled in with `context` in the sandbox, in memory (a DocxTemplate to
    save); a template that reaches for what the sandbox forbids, works too long or fails is
    refused naming it. `env`: a TemplateEnvironment to reuse (letters from one template
    compile its parts once)."""
    from docxtpl import DocxTemplate
    from jinja2.exceptions import SecurityError

    from cadretrack.render.sandbox import TemplateEnvironment, TemplateLimit

    env = (env or TemplateEnvironment()).begin()
    try:
        doc = DocxTemplate(str(source))
        doc.render(context, jinja_env=env, autoescape=True)
    except TemplateLimit as exc:
        raise CadretrackError("template_too_long", path=str(source), reason=str(exc)) from None
    except SecurityError as exc:
        raise CadretrackError("template_forbidden", path=str(source), reason=str(exc)[:200]) from None
    except (Exception, RecursionError) as exc:  # a template a Board edited may be broken in many ways
        reason = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        raise CadretrackError("template_broken", path=str(source), reason=reason) from None
    return doc


def docx_bytes(source: Path, context: dict, env=None, finish=None) -> bytes:
    """The document made from the template, whole, in memory (nothing written yet: a zip
    half-written to a full disk would fail again when freed)."""
    import io

    buffer = io.BytesIO()
    doc = render_docx(source, context, env)
    if finish is not None:
        finish(doc)  # e.g. the provenance stamp, once the template is filled in
    doc.save(buffer)
    return buffer.getvalue()


def write_docx(source: Path, context: dict, path, finish=None) -> None:
    """The template filled in with `context`, written whole to `path` (a Path or an Output),
    only once it rendered."""
    from cadretrack.render.files import write_atomically

    data = docx_bytes(source, context, finish=finish)
    write_atomically(path, lambda tmp: tmp.write_bytes(data))
