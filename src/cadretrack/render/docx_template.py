"""Word documents from docxtpl templates: the bundled ones, or a Board's own copy."""

from __future__ import annotations

from pathlib import Path

from cadretrack.errors import CadretrackError
from cadretrack.readers.bundled import bundled_path
from cadretrack.readers.source import check_input


def template_path(template: Path | None, bundled: str) -> Path:
    """The template to use (the bundled one by default); refused when it is missing or is
    no Word document, before anything is written."""
    source = template or bundled_path("templates", bundled)
    check_input(source)
    if source.suffix.lower() != ".docx":
        raise CadretrackError("template_not_docx", path=str(source))
    return source


def write_docx(source: Path, context: dict, path: Path) -> None:
    """The template filled in with `context`, written whole to `path`."""
    from docxtpl import DocxTemplate

    from cadretrack.render.files import write_atomically

    try:
        doc = DocxTemplate(str(source))
        doc.render(context, autoescape=True)
    except Exception as exc:  # a template a Board edited may be broken in many ways
        raise CadretrackError("template_broken", path=str(source), reason=str(exc).splitlines()[0][:200]) from None
    write_atomically(path, lambda tmp: doc.save(str(tmp)))
