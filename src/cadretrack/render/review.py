"""The rows of an office register that await review, as a workbook in the purpose-built
register's layout: the clerk completes Loại, Năm and Xã and imports it with
`import filings`. The original sender, number and summary and the reason stand beside."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cadretrack.domain.book import ANSWERS as BOOK_ANSWERS
from cadretrack.domain.book import STAMP_SHEET, stamp_rows
from cadretrack.i18n import t
from cadretrack.render.files import write_atomically
from cadretrack.render.xlsx_print import plan_pages, print_setup
from cadretrack.render.xlsx_style import Styles, data_row, date, new_workbook, number, text

# What the purpose-built import reads, then what the clerk reads to decide.
COLUMNS = [
    ("Ngày đến", 12), ("Số, ký hiệu", 14), ("Loại", 16), ("Năm", 7), ("Xã, phường, thị trấn", 22),
    ("Huyện, thành phố", 18), ("Mã xã", 8), ("Cán bộ theo dõi", 20), ("Xếp loại", 12), ("Ghi chú", 14),
    ("Tác giả", 24), ("Tên loại và trích yếu nội dung", 48), ("Lý do cần xem lại", 40), ("Dòng trong sổ", 9),
    ("Xử lý", 26), ("Số đến", 8), ("Vị trí trong sổ", 18),
]
ANSWERS = tuple(BOOK_ANSWERS.values())  # the column Xử lý: the clerk's answer for each row


def write_review(output: Path, source: str, decisions: list, today: dt.date,
                 labels: dict[str, tuple[str, str]], ledger: str) -> None:
    """`labels`: the rule set's kinds (key -> (vi, en)), offered in the Loại column's list
    (without commas, which a list of choices cannot hold; the import reads them either way).
    `ledger`: the ledger's identity, stamped on a very hidden sheet with the places the
    workbook asks about (domain/book `STAMP`): its answers are taken by this ledger only."""
    from cadretrack.render.register import reason_text

    choices = {key: vi.replace(",", "") for key, (vi, _) in labels.items()}

    def write(tmp: Path) -> None:
        wb = new_workbook(tmp)
        styles = Styles(wb)
        ws = wb.add_worksheet("Cần xem lại")
        width = len(COLUMNS)
        ws.merge_range(0, 0, 0, width - 1, f"{t('review_sheet_title')} — {source}", styles.title)
        wrapped = wb.add_format({"text_wrap": True, "valign": "top", "align": "left", "font_name": "Times New Roman",
                                 "font_size": 12})
        ws.set_row(1, 32)
        ws.merge_range(1, 0, 1, width - 1, t("review_sheet_help"), wrapped)
        # What each answer of Xử lý does, a line each, above the header.
        explained = [f"• {answer}: {t(f'review_answer_{key}')}" for key, answer in BOOK_ANSWERS.items()]
        ws.set_row(2, 16 * (len(explained) + 1))
        ws.merge_range(2, 0, 2, width - 1, "\n".join([*explained, f"• {t('review_answer_blank')}"]), wrapped)
        head = 3
        for c, (label, chars) in enumerate(COLUMNS):
            ws.set_column(c, c, chars)
            ws.write_string(head, c, label, styles.header)
        for r, d in enumerate(decisions, start=head + 1):
            commune, district, code, cadre = _place(d)
            reason = reason_text(d, labels)
            data_row(ws, r, [(d.summary, 48), (reason, 40), (d.sender, 24)], styles.text)
            date(ws, r, 0, d.filed, styles.date)
            text(ws, r, 1, d.number, styles.text)
            text(ws, r, 2, choices.get(d.kind or "", ""), styles.text)
            number(ws, r, 3, d.year, styles.number)
            text(ws, r, 4, commune, styles.text)
            text(ws, r, 5, district, styles.text)
            text(ws, r, 6, code, styles.center)
            text(ws, r, 7, cadre, styles.text)
            text(ws, r, 9, d.note, styles.text)
            text(ws, r, 10, d.sender, styles.text)
            text(ws, r, 11, d.summary, styles.text)
            text(ws, r, 12, reason, styles.text)
            number(ws, r, 13, d.row, styles.number)
            text(ws, r, 14, ANSWERS[1] if d.problem is not None and d.problem.key == "review_difficulties" else "",
                 styles.text)
            text(ws, r, 15, d.arrival, styles.center)
            text(ws, r, 16, d.book, styles.text)
        last = head + max(1, len(decisions))
        ws.data_validation(head + 1, 2, last, 2, {"validate": "list", "source": list(choices.values()),
                                                  "ignore_blank": True})
        # A list whose items hold commas is read from cells (a sheet of choices), not typed in.
        choices_sheet = wb.add_worksheet("Danh mục")
        for i, answer in enumerate(ANSWERS):
            choices_sheet.write_string(i, 0, answer)
        choices_sheet.hide()
        ws.data_validation(head + 1, 14, last, 14, {"validate": "list", "ignore_blank": True,
                                                    "source": f"='Danh mục'!$A$1:$A${len(ANSWERS)}"})
        stamp = wb.add_worksheet(STAMP_SHEET)
        for r, cells in enumerate(stamp_rows(ledger, [d.book for d in decisions])):
            for c, value in enumerate(cells):
                stamp.write_string(r, c, value)
        stamp.very_hidden()
        ws.freeze_panes(head + 1, 0)
        ws.autofilter(head, 0, last, width - 1)
        print_setup(ws, (head, head), plan_pages([chars for _, chars in COLUMNS]))
        wb.close()

    write_atomically(output, write)


def _place(d) -> tuple[str, str, str, str]:
    """Commune, district, code and cadre as far as the row tells them."""
    if d.assignment is not None:
        a = d.assignment
        return a.commune, a.district, a.official_code, a.cadre
    if len(d.communes) == 1:
        c = d.communes[0]
        return c.name, c.district, c.official, ""
    return d.place, "", "", ""
