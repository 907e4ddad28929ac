"""Writes the chasing letter template (công văn đôn đốc) shipped in the package.

    python data/make_letter_template.py

The result, src/cadretrack/data/templates/cong-van-don-doc.docx, is an ordinary
Word document with Jinja tags (docxtpl): a Board can open it in Word or
LibreOffice, change the wording and layout, and use it with
`cadretrack remind --template FILE`. The fields it may use are listed in
src/cadretrack/data/templates/README.md.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parent.parent / "src" / "cadretrack" / "data" / "templates" / "cong-van-don-doc.docx"


def font(run, size=14, bold=False, italic=False, underline=False):
    run.font.name = "Times New Roman"
    run._element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline
    return run


def para(container, text="", size=14, bold=False, italic=False, align=None, space_after=0, indent=None):
    p = container.add_paragraph()
    if text:
        font(p.add_run(text), size, bold, italic)
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_after = Pt(space_after)
    if indent is not None:
        p.paragraph_format.first_line_indent = indent
    return p


def widths(table, sizes) -> None:
    """Fixed column widths: Word and LibreOffice read them from every cell, not the column."""
    table.autofit = False
    for row in table.rows:
        for cell, size in zip(row.cells, sizes):
            cell.width = size
    for column, size in zip(table.columns, sizes):
        column.width = size


TABLE_PT = 11  # table text: dates, "Quá hạn 184 ngày" and names whole in a 16.5 cm text width


def tight(table) -> None:
    """Cell margins of 0.08 cm left and right (Word's default is 0.19 cm): the room goes to
    the text, so that a date or "Còn 8 ngày" keeps to one line even in the wider serif
    (DejaVu Serif) a machine without Times New Roman prints with."""
    props = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "45")  # twentieths of a point: 0.08 cm
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    props.append(margins)


def loop_table(doc, headers, fields, sizes, loop, empty: bool = False, centered=()):
    """A bordered table: a header row, then one row per item of `loop` (a docxtpl row loop);
    with `empty`, one row saying "Không có" when there is none. `centered`: the columns whose
    values are centered."""
    t = doc.add_table(rows=7 if empty else 4, cols=len(headers))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    tight(t)
    widths(t, sizes)
    for cell, text in zip(t.rows[0].cells, headers):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        font(cell.paragraphs[0].add_run(text), TABLE_PT, bold=True)
    font(t.rows[1].cells[0].paragraphs[0].add_run("{%tr for item in " + loop + " %}"), TABLE_PT)
    for index, (cell, text) in enumerate(zip(t.rows[2].cells, fields)):
        if index in centered:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        font(cell.paragraphs[0].add_run(text), TABLE_PT)
    font(t.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}"), TABLE_PT)
    if empty:
        font(t.rows[4].cells[0].paragraphs[0].add_run("{%tr if not " + loop + " %}"), TABLE_PT)
        merged = t.rows[5].cells[0].merge(t.rows[5].cells[-1])
        merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        font(merged.paragraphs[0].add_run("Không có"), TABLE_PT, italic=True)
        font(t.rows[6].cells[0].paragraphs[0].add_run("{%tr endif %}"), TABLE_PT)
    return t


def keep_together(table) -> None:
    """No row of the table is split over two pages (the signature block stays whole)."""
    for row in table.rows:
        props = row._tr.get_or_add_trPr()
        props.append(OxmlElement("w:cantSplit"))


def header(doc, number: str, subject: str | None = None) -> None:
    """The header block of a Party document: the committee and board, "*", the number line
    (and a letter's subject) on the left; the Party's name and the place and date on the
    right, wide enough for "Thành phố Hồ Chí Minh, ngày 01 tháng 12 năm 2026" on one line."""
    head = doc.add_table(rows=1, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths(head, [Cm(6.0), Cm(10.5)])
    left, right = head.rows[0].cells
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(left.paragraphs[0].add_run("{{ party_committee }}"), 13)
    para(left, "{{ board }}", 13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(left, "*", 13, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(left, number, 13, align=WD_ALIGN_PARAGRAPH.CENTER)
    if subject:
        para(left, subject, 12, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(right.paragraphs[0].add_run("ĐẢNG CỘNG SẢN VIỆT NAM"), 13, bold=True, underline=True)
    para(right, "")
    para(right, "{{ place_date }}", 13, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)


def signature(doc, recipients: list[str]) -> None:
    """Nơi nhận on the left; the signer's title, five lines to sign in and the name on the right."""
    sign = doc.add_table(rows=1, cols=2)
    widths(sign, [Cm(8), Cm(8.5)])
    keep_together(sign)
    left, right = sign.rows[0].cells
    p = left.paragraphs[0]
    font(p.add_run("Nơi nhận:"), 12, bold=True, italic=True)
    for line in recipients:
        para(left, line, 11)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(right.paragraphs[0].add_run("{{ signer_title }}"), 14, bold=True)
    for _ in range(5):
        para(right, "")
    para(right, "{{ signer_name }}", 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)


def a4_document():
    """An A4 document with the margins of Party documents and Times New Roman 14 throughout."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    return doc


def main() -> None:
    doc = a4_document()

    header(doc, "Số {{ number }}", "V/v đôn đốc thực hiện {{ regulation_short }}")

    para(doc, "")
    p = para(doc, "", align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)
    font(p.add_run("Kính gửi: "), 14)
    font(p.add_run("{{ recipient }}"), 14, bold=True)

    body = (
        "Thực hiện {{ regulation }} về cán bộ lãnh đạo các cơ quan, đơn vị cấp tỉnh theo dõi các "
        "{{ units }} và {{ guidance }} hướng dẫn thực hiện, Ban Tổ chức Tỉnh ủy đã tổng hợp tình hình "
        "gửi chương trình theo dõi, báo cáo năm và nhận xét, đánh giá cán bộ theo dõi địa bàn. Tính đến ngày "
        "{{ as_of }}, {{ recipient }} còn {{ items|length }} văn bản chưa gửi về Ban Tổ chức Tỉnh ủy, cụ thể như sau:"
    )
    para(doc, body, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=Cm(1), space_after=6)

    headers = ["STT", "Văn bản", "Cán bộ theo dõi", "{{ units|capitalize }}", "Hạn nộp", "Tình trạng"]
    # Widths measured for DejaVu Serif 11 pt, wider than Times New Roman: "STT", a date,
    # "Quá hạn 184 ngày" on one line; names break only between words. 16.5 cm, the text width.
    sizes = [Cm(1.1), Cm(2.6), Cm(3.2), Cm(3.0), Cm(2.5), Cm(4.1)]
    fields = ["{{ loop.index }}", "{{ item.kind }}", "{{ item.cadre }}", "{{ item.commune }}", "{{ item.due }}",
              "{{ item.state }}"]
    loop_table(doc, headers, fields, sizes, "items")

    para(doc, "")
    para(doc, "Ban Tổ chức Tỉnh ủy đề nghị {{ recipient }} khẩn trương hoàn thành và gửi các văn bản trên về "
              "Ban Tổ chức Tỉnh ủy{% if deadline %} trước ngày {{ deadline }}{% endif %} để tổng hợp, báo cáo "
              "Ban Thường vụ Tỉnh ủy theo quy định./.",
         align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=Cm(1), space_after=12)

    # The members in charge of the communes the letter concerns (none before `import members`).
    signature(doc, ["- Như trên,", "{%p for m in members %}", "- {{ m }} (để biết, chỉ đạo),", "{%p endfor %}",
                    "- Thường trực Tỉnh ủy (để b/c),", "- Lưu Ban Tổ chức Tỉnh ủy."])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(OUT)
    members_letter()


def members_letter() -> None:
    """`remind --to members`: to a Standing Committee member, the overdue and late filings of the
    area in his or her charge, "để đồng chí biết, chỉ đạo"."""
    doc = a4_document()
    header(doc, "Số {{ number }}", "V/v tình hình thực hiện {{ regulation_short }} trên địa bàn đồng chí phụ trách")
    para(doc, "")
    p = para(doc, "", align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)
    font(p.add_run("Kính gửi: "), 14)
    font(p.add_run("Đồng chí {{ recipient }}, Ủy viên Ban Thường vụ {{ committee }}"
                   "{% if member_position %}, {{ member_position }}{% endif %}"), 14, bold=True)
    body = (
        "Thực hiện {{ regulation }} về cán bộ lãnh đạo các cơ quan, đơn vị cấp tỉnh theo dõi các "
        "{{ units }} và {{ guidance }} hướng dẫn thực hiện, Ban Tổ chức {{ committee }} báo cáo đồng chí "
        "tình hình gửi văn bản của cán bộ theo dõi trên địa bàn đồng chí phụ trách"
        "{% if member_area %} ({{ member_area }}){% endif %}. Tính đến ngày {{ as_of }}, còn {{ overdue }} văn bản "
        "quá hạn chưa gửi và {{ late }} văn bản gửi quá hạn, cụ thể như sau:"
    )
    para(doc, body, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=Cm(1), space_after=6)
    headers = ["STT", "Văn bản", "Cán bộ theo dõi", "{{ units|capitalize }}", "Hạn nộp", "Tình trạng"]
    sizes = [Cm(1.1), Cm(2.6), Cm(3.2), Cm(3.0), Cm(2.5), Cm(4.1)]
    fields = ["{{ loop.index }}", "{{ item.kind }}", "{{ item.cadre }}", "{{ item.commune }}", "{{ item.due }}",
              "{{ item.state }}"]
    loop_table(doc, headers, fields, sizes, "items")
    para(doc, "")
    para(doc, "Ban Tổ chức {{ committee }} kính báo cáo để đồng chí biết, chỉ đạo cán bộ theo dõi và các "
              "cấp ủy trên địa bàn hoàn thành, gửi các văn bản trên theo quy định./.",
         align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=Cm(1), space_after=12)
    signature(doc, ["- Như trên,", "- Lưu Ban Tổ chức {{ committee }}."])
    doc.save(OUT.parent / "cong-van-uvbtv.docx")


if __name__ == "__main__":
    main()
