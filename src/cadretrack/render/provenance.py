"""The provenance stamp on a document: its properties (workbook and Word) and its printed line."""

from __future__ import annotations

from cadretrack.domain.dates import format_date
from cadretrack.domain.provenance import PROPERTY, Stamp
from cadretrack.i18n import in_lang
from cadretrack.render.text import local_time




def stamp_line(stamp: Stamp, lang: str = "vi") -> str:
    """The one printed line (in Vietnamese on documents)."""
    return in_lang(lang, "stamp_line", ledger=stamp.ledger[:8], year=stamp.year, as_of=format_date(stamp.as_of),
                   changeset=stamp.changeset, at=local_time(stamp.at), rule_set=stamp.rule_set,
                   digest=stamp.digest[:16])


def stamp_workbook(wb, stamp: Stamp | None) -> None:
    """The stamp in an XlsxWriter workbook's properties (custom property and comments)."""
    if stamp is None:
        return
    wb.set_properties({"title": in_lang("vi", "stamp_title"), "comments": stamp.text(), "keywords": "cadretrack"})
    wb.set_custom_property(PROPERTY, stamp.text())


def stamp_docx(doc, stamp: Stamp | None) -> None:
    """The stamp in a Word document's core properties and as its last paragraph."""
    if stamp is None:
        return
    props = doc.core_properties
    props.identifier = stamp.text()
    props.comments = stamp.text()
    paragraph = doc.add_paragraph(stamp_line(stamp))
    for run in paragraph.runs:
        from docx.shared import Pt

        run.font.size = Pt(9)
        run.italic = True
