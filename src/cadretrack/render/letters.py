"""Chasing letters as Word documents from a docxtpl template, and their index workbook."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from cadretrack.domain.dates import format_date
from cadretrack.domain.units import in_running_text
from cadretrack.render import docx_template
from cadretrack.render.xlsx_print import plan_pages, print_setup, set_widths
from cadretrack.render.xlsx_style import DEFAULT_SIGNER, Styles, data_row, header_block, new_workbook, number, text

TEMPLATE = "cong-van-don-doc.docx"
MEMBERS_TEMPLATE = "cong-van-uvbtv.docx"  # remind --to members: to inform and direct


def state(item, as_of: dt.date) -> str:
    if item.status == "overdue":
        return f"Quá hạn {item.days_late} ngày"
    if item.status == "late":
        return f"Nộp ngày {format_date(item.filing.filed)}, chậm {item.days_late} ngày"
    days = (item.owed.due - as_of).days
    return "Đến hạn hôm nay" if days == 0 else f"Còn {days} ngày"


def context(reminders, recipient, today: dt.date) -> dict:
    """Every field a template may use (see data/templates/README.md)."""
    from cadretrack.render.xlsx_style import place_and_date

    from cadretrack.render.report import committee_word

    rules = reminders.rules
    org = rules.organization
    committee = committee_word(org.get("party_committee", ""))
    return {
        "committee": committee,
        # Nơi nhận: "Đồng chí …, Ủy viên Ban Thường vụ Tỉnh ủy phụ trách huyện Đà Bắc" (to inform and direct)
        "members": [f"Đồng chí {name}, Ủy viên Ban Thường vụ {committee} phụ trách {in_running_text(area)}"
                    for name, _, area in recipient.members],
        "member_position": recipient.position,
        "member_area": in_running_text(recipient.members[0][2]) if recipient.kind == "member" and recipient.members
        else "",
        "overdue": recipient.overdue,
        "late": sum(i.status == "late" for i in recipient.items),
        "party_committee": org.get("party_committee", ""),
        "board": org.get("board", ""),
        "place_date": place_and_date(org.get("place", ""), today),
        "number": org.get("letter_number", "       -CV/BTCTU"),
        "recipient": in_running_text(recipient.name),  # "Đảng ủy xã Hiền Lương, huyện Đà Bắc"
        "recipient_kind": recipient.kind,
        "units": reminders.units,
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


def template_path(template: Path | None, to_members: bool = False) -> Path:
    """The letter template to use; refused before any letter is written when it cannot be."""
    return docx_template.template_path(template, MEMBERS_TEMPLATE if to_members else TEMPLATE)


def letter_bytes(reminders, recipient, source: Path, today: dt.date, env=None) -> bytes:
    """One letter rendered in memory from the checked template at `source` (nothing written)."""
    return docx_template.docx_bytes(source, context(reminders, recipient, today), env)


def letters_listed(index: Path) -> list[str]:
    """The letter files an earlier run's index lists (column "Tệp công văn"); [] if none."""
    if os.path.islink(index) or not index.is_file():
        return []
    from openpyxl import load_workbook

    try:
        ws = load_workbook(index, read_only=True).active
        rows = list(ws.iter_rows(values_only=True))
    except Exception:  # an index the clerk broke: nothing is removed on its word
        return []
    for r, row in enumerate(rows):
        if "Tệp công văn" in row:
            column = row.index("Tệp công văn")
            return [str(v[column]) for v in rows[r + 1:] if len(v) > column and v[column]]
    return []


def write_index(reminders, written: list, path: Path, today: dt.date) -> None:
    from cadretrack.render.files import write_atomically

    write_atomically(path, lambda tmp: _index(reminders, written, tmp, today))


def _index(reminders, written: list, path: Path, today: dt.date) -> None:
    wb = new_workbook(path)
    styles = Styles(wb)
    ws = wb.add_worksheet("Công văn đôn đốc")
    headers = ["STT", "Nơi nhận", "Tệp công văn", "Số văn bản", "Quá hạn", "Sắp đến hạn"]
    sizes = [5, 40, 40, 10, 10, 12]
    set_widths(ws, sizes)
    start = header_block(ws, styles, len(headers), reminders.rules.organization, today,
                         "DANH SÁCH CÔNG VĂN ĐÔN ĐỐC THỰC HIỆN " + reminders.rules.title_name.upper(),
                         f"Số liệu tính đến ngày {format_date(reminders.as_of)}")
    for col, label in enumerate(headers):
        ws.write_string(start, col, label, styles.header)
    for index, (recipient, letter) in enumerate(written, start=1):
        r = start + index
        data_row(ws, r, [(recipient.name, 40), (letter.name, 40)], styles.text)
        number(ws, r, 0, index, styles.center)
        text(ws, r, 1, recipient.name, styles.text)
        text(ws, r, 2, letter.name, styles.text)
        number(ws, r, 3, len(recipient.items), styles.number)
        number(ws, r, 4, recipient.overdue, styles.number)
        number(ws, r, 5, len(recipient.items) - recipient.overdue, styles.number)
    ws.freeze_panes(start + 1, 0)
    ws.autofilter(start, 0, start + max(len(written), 1), len(headers) - 1)
    print_setup(ws, (start, start), plan_pages(sizes))
    if reminders.stamp is not None:
        from cadretrack.render.provenance import stamp_line, stamp_workbook
        from cadretrack.render.xlsx_style import merge

        line = start + max(len(written), 1) + 2
        merge(ws, line, 0, line, len(headers) - 1, stamp_line(reminders.stamp), styles.stamp)
        ws.set_row(line, 36)
        stamp_workbook(wb, reminders.stamp)
    wb.close()
