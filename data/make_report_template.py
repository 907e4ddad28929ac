"""Writes the Board's draft report template (báo cáo) shipped in the package.

    python data/make_report_template.py

The result, src/cadretrack/data/templates/bao-cao-ket-qua.docx, is an ordinary Word
document with Jinja tags (docxtpl), laid out as a Party document (Hướng dẫn 36-HD/VPTW):
header block, number line, title, body in Times New Roman 14, tables in 11, Nơi nhận
and the signature block. A Board can restyle it in Word or LibreOffice and use it with
`cadretrack export report --template FILE`. Its fields are listed in
src/cadretrack/data/templates/README.md.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.shared import Cm

from make_letter_template import a4_document, font, header, loop_table, para, signature

OUT = Path(__file__).resolve().parent.parent / "src" / "cadretrack" / "data" / "templates" / "bao-cao-ket-qua.docx"
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY


def body(doc, text, bold=False, italic=False):
    return para(doc, text, 14, bold=bold, italic=italic, align=JUSTIFY, space_after=6, indent=Cm(1))


def table(doc, headers, fields, sizes, loop):
    """A table of `loop`, "Không có" when empty; every value centered but the first and names."""
    centered = [i for i, f in enumerate(fields) if i and not f.startswith("{{ item.name")]
    return loop_table(doc, headers, fields, sizes, loop, empty=True, centered=centered)


def blank(doc, text):
    """A place the clerk writes in: highlighted so that it is not printed unnoticed."""
    p = para(doc, "", 14, align=JUSTIFY, space_after=6, indent=Cm(1))
    run = font(p.add_run(text), 14, italic=True)
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return p


def main() -> None:
    doc = a4_document()

    header(doc, "Số {{ number }}")

    para(doc, "")
    para(doc, "BÁO CÁO", 15, bold=True, align=CENTER)
    para(doc, "kết quả thực hiện {{ regulation_short }} năm {{ year }}", 14, bold=True, align=CENTER)
    para(doc, "-----", 14, align=CENTER, space_after=12)

    body(doc, "Thực hiện {{ regulation }} về cán bộ lãnh đạo các cơ quan, đơn vị cấp tỉnh theo dõi "
              "{{ units }} và {{ guidance }}, Ban Tổ chức {{ committee }} báo cáo kết quả thực hiện "
              "năm {{ year }} (số liệu tính đến ngày {{ as_of }}) như sau:")
    body(doc, "I. KẾT QUẢ THỰC HIỆN", bold=True)
    body(doc, "1. Việc phân công cán bộ theo dõi", bold=True)
    body(doc, "Trong năm {{ year }}, có {{ assignments }} lượt phân công {{ cadres }} đồng chí cán bộ lãnh đạo "
              "các cơ quan, đơn vị cấp tỉnh theo dõi {{ communes }} {{ units }}.")
    body(doc, "2. Việc gửi văn bản theo quy định", bold=True)
    body(doc, "{%p for kind in kinds %}")
    body(doc, "- {{ kind.label }}: phải nộp {{ kind.owed }}; nộp đúng hạn {{ kind.on_time }} ({{ kind.on_time_pct }}); "
              "nộp muộn {{ kind.late }} ({{ kind.late_pct }}); chưa nộp {{ kind.not_filed }} ({{ kind.not_filed_pct }})"
              "{% if kind.pending %}, trong đó {{ kind.pending }} chưa đến hạn{% endif %}.")
    body(doc, "{%p endfor %}")
    table(doc, ["Văn bản", "Phải nộp", "Đúng hạn", "Tỷ lệ", "Nộp muộn", "Tỷ lệ", "Chưa nộp", "Tỷ lệ"],
          ["{{ item.label }}", "{{ item.owed }}", "{{ item.on_time }}", "{{ item.on_time_pct }}", "{{ item.late }}",
           "{{ item.late_pct }}", "{{ item.not_filed }}", "{{ item.not_filed_pct }}"],
          [Cm(3.4), Cm(1.8), Cm(1.8), Cm(1.9), Cm(1.8), Cm(1.9), Cm(1.8), Cm(2.1)], "kinds")
    para(doc, "")
    body(doc, "{%p if members %}")
    body(doc, "Kết quả theo địa bàn các đồng chí Ủy viên Ban Thường vụ {{ committee }} phụ trách:")
    table(doc, ["STT", "Đồng chí phụ trách", "Địa bàn", "Văn bản", "Phải nộp", "Đúng hạn", "Quá hạn", "Chưa nộp",
                "Tỷ lệ đã nộp"],
          ["{{ item.n }}", "{{ item.member }}", "{{ item.area }}", "{{ item.kind }}", "{{ item.owed }}",
           "{{ item.on_time }}", "{{ item.late }}", "{{ item.not_filed }}", "{{ item.filed_pct }}"],
          [Cm(0.9), Cm(3.0), Cm(3.2), Cm(2.4), Cm(1.3), Cm(1.3), Cm(1.3), Cm(1.3), Cm(1.6)], "members")
    body(doc, "{%p for m in members_missing %}")
    body(doc, "- Địa bàn đồng chí {{ m.member }} phụ trách: {{ m.count }} văn bản quá hạn chưa gửi "
              "({{ m.places }}).")
    body(doc, "{%p endfor %}")
    body(doc, "{%p endif %}")
    body(doc, "3. Cán bộ, đảng ủy chưa gửi văn bản", bold=True)
    body(doc, "{% if missing %}Đến ngày {{ as_of }}, còn {{ missing|length }} văn bản quá hạn chưa gửi về "
              "Ban Tổ chức {{ committee }}:{% else %}Đến ngày {{ as_of }}, không có văn bản quá hạn chưa gửi."
              "{% endif %}")
    table(doc, ["STT", "Cán bộ theo dõi", "Cơ quan, đơn vị", "Địa bàn", "Văn bản", "Hạn nộp"],
          ["{{ item.n }}", "{{ item.name }}", "{{ item.agency }}", "{{ item.commune }}", "{{ item.kind }}",
           "{{ item.due }}"],
          [Cm(1.1), Cm(3.2), Cm(3.4), Cm(3.0), Cm(3.2), Cm(2.6)], "missing")
    para(doc, "")
    body(doc, "4. Văn bản nộp muộn", bold=True)
    body(doc, "{% if late %}Có {{ late|length }} văn bản nộp muộn (đã nộp, sau hạn nộp):{% else %}Không có văn bản nộp muộn."
              "{% endif %}")
    table(doc, ["STT", "Cán bộ theo dõi", "Địa bàn", "Văn bản", "Hạn nộp", "Ngày nộp", "Số ngày chậm"],
          ["{{ item.n }}", "{{ item.name }}", "{{ item.commune }}", "{{ item.kind }}", "{{ item.due }}",
           "{{ item.filed }}", "{{ item.days_late }}"],
          [Cm(1.1), Cm(3.1), Cm(2.9), Cm(2.6), Cm(2.5), Cm(2.5), Cm(1.8)], "late")
    para(doc, "")
    body(doc, "5. Kết quả nhận xét, đánh giá cán bộ", bold=True)
    body(doc, "{%p for kind in ratings %}")
    body(doc, "- {{ kind.label }}: {{ kind.rated }} cán bộ được xếp loại{% for r in kind.levels %}; "
              "{{ r.label|lower }} {{ r.count }} ({{ r.pct }}){% endfor %}"
              "{% if kind.unrated %}; {{ kind.unrated }} văn bản chưa xếp loại{% endif %}.")
    body(doc, "{%p endfor %}")
    body(doc, "6. Khó khăn, vướng mắc của cơ sở", bold=True)
    body(doc, "Trong năm, các {{ units }} và cán bộ theo dõi nêu {{ difficulties|length }} khó khăn, vướng mắc; "
              "đã giải quyết {{ resolved }}, chuyển cấp có thẩm quyền {{ referred }}, còn {{ open }} chưa giải quyết.")
    table(doc, ["STT", "Địa bàn", "Nội dung", "Ngày nêu", "Kết quả giải quyết"],
          ["{{ item.n }}", "{{ item.commune }}", "{{ item.text }}", "{{ item.raised }}", "{{ item.result }}"],
          [Cm(1.1), Cm(2.9), Cm(5.6), Cm(2.5), Cm(4.4)], "difficulties")
    para(doc, "")
    body(doc, "II. ĐÁNH GIÁ CHUNG", bold=True)
    blank(doc, "[Ban Tổ chức đánh giá ưu điểm, hạn chế và nguyên nhân]")
    body(doc, "III. ĐỀ XUẤT, KIẾN NGHỊ", bold=True)
    blank(doc, "[Ban Tổ chức đề xuất, kiến nghị với Ban Thường vụ {{ committee }}]")
    body(doc, "Trên đây là báo cáo kết quả thực hiện {{ regulation_short }} năm {{ year }}, Ban Tổ chức "
              "{{ committee }} báo cáo Ban Thường vụ {{ committee }} xem xét, chỉ đạo./.")

    signature(doc, ["- Thường trực {{ committee }},", "- Các đồng chí Ủy viên Ban Thường vụ {{ committee }}",
                    "  (để báo cáo),", "- Lưu Ban Tổ chức {{ committee }}."])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(OUT)


if __name__ == "__main__":
    main()
