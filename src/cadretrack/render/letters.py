"""Chasing letters as Word documents from a docxtpl template, and their index workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cadretrack.domain.dates import format_date
from cadretrack.errors import CadretrackError
from cadretrack.readers.bundled import bundled_path
from cadretrack.render.xlsx_style import Styles, data_row, header_block, new_workbook, number, print_setup, text

TEMPLATE = "cong-van-don-doc.docx"
DEFAULT_SIGNER = "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN"


def state(item, as_of: dt.date) -> str:
    if item.status == "overdue":
        return f"Quá hạn {item.days_late} ngày"
    days = (item.owed.due - as_of).days
    return "Đến hạn hôm nay" if days == 0 else f"Còn {days} ngày"


def context(reminders, recipient, today: dt.date) -> dict:
    """Every field a template may use (see data/templates/README.md)."""
    from cadretrack.render.xlsx_style import place_and_date

    rules = reminders.rules
    org = rules.organization
    return {
        "party_committee": org.get("party_committee", ""),
        "board": org.get("board", ""),
        "place_date": place_and_date(org.get("place", ""), today),
        "number": org.get("letter_number", "       -CV/BTCTU"),
        "recipient": recipient.name,
        "recipient_kind": recipient.kind,
        "regulation": rules.name,
        "regulation_short": rules.title_name,
        "guidance": rules.guidance,
        "as_of": format_date(reminders.as_of),
        "deadline": "",
        "signer_title": org.get("signer_title", DEFAULT_SIGNER),
        "signer_name": org.get("signer_name", ""),
        "items": [
            {
                "kind": rules.kinds[i.owed.kind].label_vi,
                "year": i.owed.year,
                "cadre": i.owed.assignment.cadre,
                "position": i.owed.assignment.position,
                "agency": i.owed.assignment.agency,
                "commune": i.owed.assignment.commune,
                "district": i.owed.assignment.district,
                "due": format_date(i.owed.due),
                "status": i.status,
                "state": state(i, reminders.as_of),
            }
            for i in recipient.items
        ],
    }


def write_letter(reminders, recipient, path: Path, template: Path | None, today: dt.date) -> None:
    from docxtpl import DocxTemplate

    source = template or bundled_path("templates", TEMPLATE)
    if not source.is_file():
        raise CadretrackError("file_missing", path=str(source))
    try:
        doc = DocxTemplate(str(source))
        doc.render(context(reminders, recipient, today), autoescape=True)
    except CadretrackError:
        raise
    except Exception as exc:  # a template a Board edited may be broken in many ways
        raise CadretrackError("template_broken", path=str(source), reason=str(exc).splitlines()[0][:200]) from None
    doc.save(str(path))


def write_index(reminders, written: list, path: Path, today: dt.date) -> None:
    wb = new_workbook(path)
    styles = Styles(wb)
    ws = wb.add_worksheet("Công văn đôn đốc")
    headers = ["STT", "Nơi nhận", "Tệp công văn", "Số văn bản", "Quá hạn", "Sắp đến hạn"]
    sizes = [5, 40, 40, 10, 10, 12]
    for col, size in enumerate(sizes):
        ws.set_column(col, col, size)
    start = header_block(ws, styles, len(headers), reminders.rules.organization, today,
                         "DANH SÁCH CÔNG VĂN ĐÔN ĐỐC THỰC HIỆN " + reminders.rules.title_name.upper(),
                         f"Số liệu tính đến ngày {format_date(reminders.as_of)}")
    for col, label in enumerate(headers):
        ws.write_string(start, col, label, styles.header)
    for index, (recipient, letter) in enumerate(written, start=1):
        r = start + index
        data_row(ws, r, [(recipient.name, 40), (letter.name, 40)], styles.text)
        text(ws, r, 0, str(index), styles.center)
        text(ws, r, 1, recipient.name, styles.text)
        text(ws, r, 2, letter.name, styles.text)
        number(ws, r, 3, len(recipient.items), styles.number)
        number(ws, r, 4, recipient.overdue, styles.number)
        number(ws, r, 5, len(recipient.items) - recipient.overdue, styles.number)
    ws.freeze_panes(start + 1, 0)
    ws.autofilter(start, 0, start + max(len(written), 1), len(headers) - 1)
    print_setup(ws, (start, start))
    wb.close()
