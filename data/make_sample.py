"""Writes the bundled sample data (fictional people, real Hòa Bình communes).

    python data/make_sample.py

Output: src/cadretrack/data/sample/ (shipped in the package so that
`cadretrack demo` works anywhere; data/sample links to it).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "cadretrack" / "data" / "sample"
GAZETTEER = ROOT / "src" / "cadretrack" / "data" / "hoa-binh-2024.csv"

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Bùi", "Đinh", "Quách", "Xa", "Hà", "Đặng", "Vũ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Thanh", "Hữu", "Ngọc", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hòa", "Khánh", "Lan", "Long",
         "Mai", "Nam", "Nga", "Phong", "Quân", "Sơn", "Tâm", "Thủy", "Trung", "Tuấn", "Vân", "Yến"]
AGENCIES = [
    ("Ban Tổ chức Tỉnh ủy", "Trưởng ban", "Phó Trưởng ban"),
    ("Ban Tuyên giáo Tỉnh ủy", "Trưởng ban", "Phó Trưởng ban"),
    ("Ủy ban Kiểm tra Tỉnh ủy", "Chủ nhiệm", "Phó Chủ nhiệm"),
    ("Ban Dân vận Tỉnh ủy", "Trưởng ban", "Phó Trưởng ban"),
    ("Văn phòng Tỉnh ủy", "Chánh Văn phòng", "Phó Chánh Văn phòng"),
    ("Sở Tài chính", "Giám đốc", "Phó Giám đốc"),
    ("Sở Kế hoạch và Đầu tư", "Giám đốc", "Phó Giám đốc"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Giám đốc", "Phó Giám đốc"),
    ("Sở Giáo dục và Đào tạo", "Giám đốc", "Phó Giám đốc"),
    ("Sở Y tế", "Giám đốc", "Phó Giám đốc"),
    ("Sở Giao thông vận tải", "Giám đốc", "Phó Giám đốc"),
    ("Sở Xây dựng", "Giám đốc", "Phó Giám đốc"),
    ("Sở Nội vụ", "Giám đốc", "Phó Giám đốc"),
    ("Sở Tư pháp", "Giám đốc", "Phó Giám đốc"),
    ("Sở Tài nguyên và Môi trường", "Giám đốc", "Phó Giám đốc"),
    ("Sở Lao động - Thương binh và Xã hội", "Giám đốc", "Phó Giám đốc"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Giám đốc", "Phó Giám đốc"),
    ("Sở Công Thương", "Giám đốc", "Phó Giám đốc"),
    ("Công an tỉnh", "Giám đốc", "Phó Giám đốc"),
    ("Bộ Chỉ huy Quân sự tỉnh", "Chỉ huy trưởng", "Phó Chỉ huy trưởng"),
    ("Ủy ban Mặt trận Tổ quốc tỉnh", "Chủ tịch", "Phó Chủ tịch"),
    ("Hội Nông dân tỉnh", "Chủ tịch", "Phó Chủ tịch"),
    ("Tỉnh đoàn", "Bí thư", "Phó Bí thư"),
    ("Liên đoàn Lao động tỉnh", "Chủ tịch", "Phó Chủ tịch"),
    ("Hội Liên hiệp Phụ nữ tỉnh", "Chủ tịch", "Phó Chủ tịch"),
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def people(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """(name, position, agency) for `count` fictional leaders, names unique."""
    seen, out = set(), []
    while len(out) < count:
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        if name in seen:
            continue
        seen.add(name)
        agency, head, deputy = AGENCIES[len(out) % len(AGENCIES)]
        position = head if len(out) < len(AGENCIES) else deputy
        out.append((name, f"{position} {agency}" if len(out) % 3 == 0 else position, agency))
    return out


def communes() -> list[dict]:
    with GAZETTEER.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def annex(path: Path, title: str, basis: str, rows_by_district: list[tuple[str, list]], total_label: str) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    font = Font(name="Times New Roman", size=12)
    bold = Font(name="Times New Roman", size=12, bold=True)
    ws["A1"], ws["E1"] = "TỈNH ỦY HÒA BÌNH", "ĐẢNG CỘNG SẢN VIỆT NAM"
    ws["A2"] = "*"
    ws.merge_cells("A1:C1")
    ws.merge_cells("E1:F1")
    ws["A4"] = "PHỤ LỤC"
    ws["A5"] = title
    ws["A6"] = basis
    for r in (4, 5, 6):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        ws.cell(r, 1).font = bold
        ws.cell(r, 1).alignment = Alignment(horizontal="center", wrap_text=True)
    headers = ["STT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị\ncông tác", "Địa bàn theo dõi\n(xã, phường, thị trấn)", "Ghi chú"]
    for c, text in enumerate(headers, start=1):
        cell = ws.cell(8, c, text)
        cell.font, cell.border = bold, BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.cell(9, c, f"({c})").alignment = Alignment(horizontal="center")
    r = 10
    number = 0
    for index, (district, rows) in enumerate(rows_by_district):
        ws.cell(r, 1, f"{ROMAN[index]}. {district.upper()}").font = bold
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        r += 1
        for name, position, agency, commune, note in rows:
            number += 1
            for c, value in enumerate([number, name, position, agency, commune, note], start=1):
                cell = ws.cell(r, c, value)
                cell.font, cell.border = font, BOX
            r += 1
    ws.cell(r, 1, total_label).font = bold
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    ws.cell(r + 2, 5, "T/M BAN THƯỜNG VỤ").font = bold
    ws.cell(r + 3, 5, "BÍ THƯ").font = bold
    for col, width in zip("ABCDEF", (6, 24, 28, 34, 28, 14)):
        ws.column_dimensions[col].width = width
    wb.save(path)


def main() -> None:
    rng = random.Random(26)
    units = communes()
    leaders = people(rng, 120)
    assigned = [leaders[i % len(leaders)] for i in range(len(units))]
    by_district: dict[str, list] = {}
    for unit, (name, position, agency) in zip(units, assigned):
        by_district.setdefault(unit["district"], []).append((name, position, agency, unit["commune"], ""))
    OUT.mkdir(parents=True, exist_ok=True)
    annex(
        OUT / "718-QD-TU-phan-cong.xlsx",
        "DANH SÁCH PHÂN CÔNG CÁN BỘ LÃNH ĐẠO CÁC CƠ QUAN, ĐƠN VỊ CẤP TỈNH THEO DÕI CÁC XÃ, PHƯỜNG, THỊ TRẤN",
        "(Kèm theo Quyết định số 718-QĐ/TU, ngày 14/12/2022 của Ban Thường vụ Tỉnh ủy)",
        list(by_district.items()),
        f"Tổng cộng: {len(units)} xã, phường, thị trấn",
    )
    # An amending decision: three communes change hands on 15/10/2023.
    newcomers = people(random.Random(2023), 125)[-3:]
    changed = [units[3], units[40], units[100]]
    amend_rows: dict[str, list] = {}
    for unit, (name, position, agency) in zip(changed, newcomers):
        amend_rows.setdefault(unit["district"], []).append(
            (name, position, agency, unit["commune"], "Thay đổi cán bộ theo dõi")
        )
    annex(
        OUT / "bo-sung-2023-10-15.xlsx",
        "DANH SÁCH ĐIỀU CHỈNH PHÂN CÔNG CÁN BỘ THEO DÕI XÃ, PHƯỜNG, THỊ TRẤN",
        "(Kèm theo Quyết định số 1032-QĐ/TU, ngày 15/10/2023 của Ban Thường vụ Tỉnh ủy)",
        list(amend_rows.items()),
        f"Tổng cộng: {len(changed)} xã, phường, thị trấn",
    )
    register(units, assigned, changed, newcomers)
    meetings(units)
    office_register(units, assigned, changed, newcomers)


def register(units: list[dict], assigned: list, changed: list[dict], newcomers: list) -> None:
    """The Board's register of incoming documents for 2023: on time, late and missing."""
    import datetime as dt

    rng = random.Random(2097)
    wb = Workbook()
    ws = wb.active
    ws.title = "Sổ văn bản đến"
    ws.append(["BAN TỔ CHỨC TỈNH ỦY HÒA BÌNH"])
    ws.append(["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM 2023 (Quy định 26-QĐ/TU)"])
    ws.append([])
    ws.append(["Số đến", "Ngày đến", "Số, ký hiệu", "Loại", "Năm", "Xã, phường, thị trấn",
               "Huyện, thành phố", "Cán bộ theo dõi", "Xếp loại", "Ghi chú"])
    successor = {u["commune"]: person for u, person in zip(changed, newcomers)}
    entries = []

    def spell(name: str) -> str:
        roll = rng.random()
        if roll < 0.2:
            return name.split(" ", 1)[1] if not name.startswith("Thị trấn") else name[9:]
        if roll < 0.3:
            return name.lower()
        return name

    def day(start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=rng.randint(0, (end - start).days))

    for unit, (name, _position, _agency) in zip(units, assigned):
        commune = unit["commune"]
        district = unit["district"] if rng.random() < 0.5 or commune in ("Xã Cao Sơn", "Xã Đoàn Kết") else ""
        later = successor.get(commune)
        roll = rng.random()
        if roll < 0.7:
            entries.append((day(dt.date(2023, 3, 1), dt.date(2023, 5, 31)), "Chương trình", commune, district, name, ""))
        elif roll < 0.85:
            entries.append((day(dt.date(2023, 6, 1), dt.date(2023, 8, 31)), "Chương trình", commune, district, name, ""))
        reporter = later[0] if later else name
        if later:
            entries.append((dt.date(2023, 11, 2), "Chương trình", commune, district, later[0], ""))
        for kind, ratings in (("Báo cáo", ("",)), ("Nhận xét, đánh giá", ("HTXSNV", "Hoàn thành tốt nhiệm vụ", "tot", "HTNV"))):
            roll = rng.random()
            if roll < 0.45:
                when = day(dt.date(2023, 11, 20), dt.date(2023, 12, 4))
            elif roll < 0.6:
                when = day(dt.date(2023, 12, 5), dt.date(2023, 12, 9))
            elif roll < 0.8:
                when = day(dt.date(2023, 12, 10), dt.date(2023, 12, 22))
            else:
                continue
            entries.append((when, kind, commune, district, reporter, rng.choice(ratings)))
    entries.sort(key=lambda e: e[0])
    for number, (when, kind, commune, district, cadre, rating) in enumerate(entries, start=1):
        prefix = {"Chương trình": "CTr", "Báo cáo": "BC", "Nhận xét, đánh giá": "NX"}[kind]
        received = when if number % 3 else when.strftime("%d/%m/%Y")  # date cells and typed text
        ws.append([number, received, f"{number:02d}-{prefix}", kind, 2023, spell(commune), district, cadre, rating, ""])
        if not isinstance(received, str):
            ws.cell(ws.max_row, 2).number_format = "DD/MM/YYYY"
    wb.save(OUT / "so-van-ban-den-2023.xlsx")


def meetings(units: list[dict]) -> None:
    """Commune party committee meetings of 2023 to which the cadre was invited."""
    import datetime as dt

    rng = random.Random(1032)
    wb = Workbook()
    ws = wb.active
    ws.title = "Cuộc họp"
    ws.append(["DANH SÁCH CUỘC HỌP CỦA ĐẢNG ỦY XÃ CÓ MỜI CÁN BỘ THEO DÕI ĐỊA BÀN NĂM 2023"])
    ws.append([])
    ws.append(["STT", "Ngày họp", "Xã, phường, thị trấn", "Huyện, thành phố", "Loại cuộc họp", "Nội dung", "Cán bộ tham dự"])
    topics = ["Sơ kết công tác xây dựng Đảng 6 tháng", "Phát triển kinh tế - xã hội", "Quốc phòng - an ninh",
              "Chuẩn bị đại hội chi bộ", "Phòng chống thiên tai", "Xây dựng nông thôn mới"]
    number = 0
    for unit in units:
        for _ in range(rng.randint(0, 4)):
            number += 1
            day = dt.date(2023, 1, 15) + dt.timedelta(days=rng.randint(0, 320))
            kind = "Thường kỳ" if rng.random() < 0.75 else "Đột xuất"
            ws.append([number, day, unit["commune"], unit["district"], kind, rng.choice(topics),
                       "Có" if rng.random() < 0.7 else "Không"])
            ws.cell(ws.max_row, 2).number_format = "DD/MM/YYYY"
    wb.save(OUT / "cuoc-hop-2023.xlsx")


ABBREVIATIONS = {"Sở": "S", "Ban": "B", "Ủy": "UB", "Văn": "VP", "Công": "CA", "Bộ": "BCH", "Hội": "H",
                 "Tỉnh": "TĐ", "Liên": "LĐLĐ"}
UNRELATED = [
    "Báo cáo tình hình kinh tế - xã hội tháng {m} năm 2024",
    "Báo cáo kết quả công tác xây dựng Đảng quý {q} năm 2024",
    "Chương trình công tác năm 2024",
    "Kế hoạch tổ chức Hội nghị sơ kết 6 tháng đầu năm 2024",
    "V/v đề nghị cử cán bộ tham gia đoàn kiểm tra",
    "V/v theo dõi, đánh giá bộ chỉ số cải cách hành chính (PAR INDEX) năm 2024",
    "Báo cáo kết quả nhận xét, đánh giá cán bộ, công chức năm 2023",
    "Báo cáo công tác theo dõi thi hành pháp luật năm 2024",
    "Báo cáo kết quả theo dõi xã hội hóa công tác y tế",
    "Thông báo kết luận của Ban Thường vụ Tỉnh ủy tại buổi làm việc",
    "Giấy mời dự Hội nghị triển khai nhiệm vụ năm 2024",
    "Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "Báo cáo tổng kết công tác năm 2024 và phương hướng nhiệm vụ năm 2025",
    "Tờ trình đề nghị phê duyệt kế hoạch đào tạo, bồi dưỡng cán bộ",
    "V/v cung cấp thông tin phục vụ công tác quy hoạch cán bộ",
]


def office_register(units: list[dict], assigned: list, changed: list[dict], newcomers: list) -> None:
    """The Board's own register of every incoming document in 2024 (sổ đăng ký văn bản
    đến, Nghị định 30/2020): the filings of Regulation 26 among many unrelated rows,
    written as offices write them, and a few that only the clerk can attribute."""
    import datetime as dt

    rng = random.Random(3020)
    successor = {u["commune"]: person for u, person in zip(changed, newcomers)}
    entries = []

    def day(start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=rng.randint(0, (end - start).days))

    def code(agency: str) -> str:
        return ABBREVIATIONS.get(agency.split()[0], "S") + "".join(w[0] for w in agency.split()[1:3]).upper()

    def place(unit: dict) -> str:
        commune, district = unit["commune"], unit["district"]
        type_word = commune[: len(unit["commune_type"])].lower()
        bare = commune[len(unit["commune_type"]) + 1:]
        roll = rng.random()
        if commune in ("Xã Cao Sơn", "Xã Đoàn Kết") or roll < 0.2:
            return f"{type_word} {bare}, {district[0].lower()}{district[1:]}"
        return f"{type_word} {bare}" if roll < 0.9 else bare

    for unit, (name, _position, agency) in zip(units, assigned):
        if unit["commune"] in successor:
            name, _position, agency = successor[unit["commune"]]
        where = place(unit)
        if rng.random() < 0.9:
            summary = rng.choice(["Chương trình theo dõi địa bàn {p} năm 2024", "Chương trình theo dõi {p} năm 2024",
                                  "Chương trình công tác của cán bộ theo dõi {p} năm 2024"]).format(p=where)
            entries.append((day(dt.date(2024, 1, 3), dt.date(2024, 2, 20)), agency, "CTr", summary))
        if rng.random() < 0.8:
            summary = rng.choice(["Báo cáo kết quả theo dõi {p} năm 2024",
                                  "Báo cáo kết quả thực hiện nhiệm vụ theo dõi {p} năm 2024"]).format(p=where)
            entries.append((day(dt.date(2024, 11, 25), dt.date(2024, 12, 16)), agency, "BC", summary))
        if rng.random() < 0.85:
            bare = unit["commune"][len(unit["commune_type"]) + 1:]
            sender = rng.choice(["Đảng ủy {t} {b}", "ĐU {t} {b}", "Đảng uỷ {t} {b}"]).format(
                t=unit["commune_type"], b=bare)
            if unit["commune"] in ("Xã Đoàn Kết",):
                sender += ", huyện " + unit["district"].split(" ", 1)[1]
            summary = rng.choice(["Nhận xét, đánh giá cán bộ theo dõi địa bàn năm 2024",
                                  f"Phiếu nhận xét, đánh giá đồng chí {name}, cán bộ theo dõi {unit['commune_type']} năm 2024"])
            entries.append((day(dt.date(2024, 11, 28), dt.date(2024, 12, 14)), sender, "BC", summary))
    # Rows only the clerk can attribute: no commune named, a commune not in the list.
    entries.append((dt.date(2024, 1, 25), AGENCIES[5][0], "CTr", "Chương trình của cán bộ theo dõi địa bàn năm 2024"))
    entries.append((dt.date(2024, 12, 12), AGENCIES[9][0], "BC", "Báo cáo kết quả theo dõi xã Tràng An năm 2024"))
    senders = [a[0] for a in AGENCIES] + ["Văn phòng UBND tỉnh", "Huyện ủy Đà Bắc", "Thành ủy Hòa Bình",
                                          "Ủy ban nhân dân tỉnh"] + [f"Đảng ủy {u['commune']}" for u in units[:40]]
    for _ in range(1400):
        summary = rng.choice(UNRELATED).format(m=rng.randint(1, 12), q=rng.randint(1, 4))
        kind = {"Báo": "BC", "Chư": "CTr", "Kế ": "KH", "Thô": "TB", "Giấ": "GM", "Tờ ": "TTr"}.get(summary[:3], "CV")
        entries.append((day(dt.date(2024, 1, 2), dt.date(2024, 12, 30)), rng.choice(senders), kind, summary))
    entries.sort(key=lambda e: e[0])

    wb = Workbook()
    ws = wb.active
    ws.title = "Sổ đăng ký văn bản đến"
    ws.append(["BAN TỔ CHỨC TỈNH ỦY HÒA BÌNH"])
    ws.append(["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"])
    ws.append(["Năm 2024"])
    ws.append([])
    header = ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Ngày tháng văn bản",
              "Tên loại và trích yếu nội dung văn bản", "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú"]
    ws.append(header)
    ws.append([f"({i})" for i in range(1, len(header) + 1)])
    counters: dict = {}
    for arrival, (received, sender, kind, summary) in enumerate(entries, start=1):
        counters[sender, kind] = counters.get((sender, kind), 0) + rng.randint(1, 4)
        n = counters[sender, kind]
        party = sender.startswith(("Ban", "Văn phòng Tỉnh", "Ủy ban Kiểm", "Đảng", "ĐU", "Huyện ủy", "Thành ủy"))
        number = f"{n:02d}-{kind}/{'ĐU' if sender.startswith(('Đảng', 'ĐU')) else code(sender)}" if party else (
            f"{n}/{kind}-{code(sender)}")
        written = received - dt.timedelta(days=rng.randint(1, 5))
        ws.append([received, arrival, sender, number, written, summary, rng.choice(["Văn phòng", "Phòng Tổ chức"]),
                   received, "", ""])
        for col in (1, 5, 8):
            ws.cell(ws.max_row, col).number_format = "DD/MM/YYYY"
    for col, width in zip("ABCDEFGHIJ", (11, 7, 28, 16, 11, 60, 16, 11, 10, 10)):
        ws.column_dimensions[col].width = width
    wb.save(OUT / "so-dang-ky-van-ban-den-2024.xlsx")


def members_division() -> None:
    """The Standing Committee's division of work (fictional members): districts in one cell,
    a district alone, and communes listed under a district heading, as offices write it."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Phân công"
    rows = [
        ["TỈNH ỦY HÒA BÌNH", None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
        [],
        ["PHÂN CÔNG NHIỆM VỤ CÁC ĐỒNG CHÍ ỦY VIÊN BAN THƯỜNG VỤ TỈNH ỦY PHỤ TRÁCH ĐỊA BÀN"],
        ["(Kèm theo Quyết định số 05-QĐ/TU ngày 01/01/2023 của Ban Thường vụ Tỉnh ủy)"],
        [],
        ["STT", "Họ và tên", "Chức vụ", "Địa bàn phụ trách"],
        [1, "Bùi Đức Tĩnh", "Bí thư Tỉnh ủy", "Đảng bộ thành phố Hòa Bình"],
        [2, "Nguyễn Phi Lâm", "Phó Bí thư Thường trực Tỉnh ủy", "Đảng bộ huyện Đà Bắc và huyện Mai Châu"],
        [3, "Trần Thị Hòa", "Trưởng Ban Tổ chức Tỉnh ủy", "Huyện Lương Sơn;\nhuyện Kim Bôi;\nhuyện Cao Phong"],
        [4, "Lê Quang Mạnh", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "Huyện Tân Lạc, huyện Lạc Sơn"],
        [5, "Đinh Văn Sứ", "Trưởng Ban Tuyên giáo Tỉnh ủy", "Huyện Yên Thủy, huyện Lạc Thủy"],
        [],
        [None, None, None, "T/M BAN THƯỜNG VỤ"],
    ]
    for row in rows:
        ws.append(row)
    for column, width in zip("ABCD", (6, 24, 34, 48)):
        ws.column_dimensions[column].width = width
    for cells in ws.iter_rows(min_row=6, max_row=11):
        for c in cells:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    for c in ws[6]:
        c.font = Font(bold=True)
    wb.save(OUT / "phan-cong-uvbtv-2023.xlsx")


if __name__ == "__main__":
    main()
    members_division()
