"""National-scale data for the benchmark, from the gazetteer of 2024 (10,051 communes).

    python bench/generate.py OUT_DIR [--scale K] [--seed N]

Writes, for K = 1, 2, 4 …:
* lists/list-0.csv … list-(K-1).csv: full assignment lists. List 0 takes effect on
  14/12/2022; list i on 15/06/(2022+i) hands a quarter of the communes to new cadres.
* filings.csv: the register of incoming documents for the K years 2023 … 2022+K, with
  a realistic mix: about 60 % on time, 25 % late, 15 % never filed; each filed by the
  cadre who owes it (late starters file their program within or after the grace).
* office/list.csv and office/register.csv (office_registers): the same filings twice,
  as the purpose-built list and inside the office's own register of 10,000 rows, among
  unrelated documents, as `import filings` of both is compared.
Everything is fictional but the communes.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "data" / "gazetteer" / "vn-2024.csv"
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Thanh", "Hữu", "Ngọc", "Xuân", "Hoài", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hòa", "Khánh", "Lan", "Long", "Mai",
         "Nam", "Nga", "Phong", "Quân", "Sơn", "Tâm", "Thủy", "Trung", "Tuấn", "Vân", "Yến", "Thảo"]
AGENCIES = ["Sở Tài chính", "Sở Y tế", "Sở Nội vụ", "Sở Xây dựng", "Sở Tư pháp", "Sở Công Thương",
            "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Văn phòng Tỉnh ủy"]
LIST_HEADER = ["STT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị công tác", "Xã, phường, thị trấn",
               "Huyện, thành phố", "Tỉnh, thành phố", "Mã xã", "Ghi chú"]
REGISTER_HEADER = ["Ngày đến", "Số, ký hiệu", "Loại", "Năm", "Xã, phường, thị trấn", "Mã xã", "Cán bộ theo dõi", "Xếp loại"]


def effective(index: int) -> dt.date:
    return dt.date(2022, 12, 14) if index == 0 else dt.date(2022 + index, 6, 15)


def generate(out: Path, scale: int, today: dt.date, seed: int = 26) -> dict:
    rng = random.Random(seed)
    with GAZETTEER.open(encoding="utf-8") as fh:
        units = list(csv.DictReader(fh))
    (out / "lists").mkdir(parents=True, exist_ok=True)
    counter = 0

    def person() -> tuple[str, str]:
        nonlocal counter
        counter += 1
        return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {counter}", rng.choice(AGENCIES)

    # timeline[commune index] = [(start, name, agency), …]
    timeline = [[(effective(0), *person())] for _ in units]
    for index in range(1, scale):
        for t in timeline:
            if rng.random() < 0.25:
                t.append((effective(index), *person()))
    for index in range(scale):
        day = effective(index)
        with (out / "lists" / f"list-{index}.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(LIST_HEADER)
            for i, (u, t) in enumerate(zip(units, timeline), start=1):
                _, name, agency = [x for x in t if x[0] <= day][-1]
                w.writerow([i, name, "Phó Giám đốc", agency, u["commune"], u["district"], u["province"], u["commune_code"], ""])
    rows = 0
    with (out / "filings.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(REGISTER_HEADER)
        for year in range(2023, 2023 + scale):
            program = dt.date(2023, 5, 31) if year == 2023 else dt.date(year, 1, 31)
            for u, t in zip(units, timeline):
                owed = []
                for kind, due in (("Chương trình", program), ("Báo cáo", dt.date(year, 12, 9)),
                                  ("Nhận xét, đánh giá", dt.date(year, 12, 9))):
                    owed.append((kind, due, [x for x in t if x[0] <= due][-1][1]))
                for start, name, _ in t:
                    if start.year == year and start > program:
                        owed.append(("Chương trình", start + dt.timedelta(days=30), name))
                for kind, due, name in owed:
                    roll = rng.random()
                    if roll < 0.15:
                        continue
                    offset = rng.randint(-40, 0) if roll < 0.75 else rng.randint(1, 25)
                    filed = due + dt.timedelta(days=offset)
                    if filed > today:
                        continue  # not received yet
                    rating = rng.choice(["HTXSNV", "HTTNV", "HTNV"]) if kind.startswith("Nhận") else ""
                    code = "CTr" if kind == "Chương trình" else "BC"
                    w.writerow([filed.strftime("%d/%m/%Y"), f"{rng.randint(1, 999)}-{code}", kind, year,
                                u["commune"], u["commune_code"], name, rating])
                    rows += 1
    return {"communes": len(units), "lists": scale, "filings": rows,
            "assignments": sum(len(t) for t in timeline), "last_year": 2022 + scale}


UNRELATED = [
    "Báo cáo tình hình kinh tế - xã hội tháng {n}", "Kế hoạch tổ chức Hội nghị sơ kết công tác năm",
    "V/v theo dõi, đánh giá bộ chỉ số cải cách hành chính", "Chương trình công tác năm {y}",
    "Báo cáo kết quả nhận xét, đánh giá cán bộ, công chức năm {y}", "Giấy mời dự họp ngày {n}",
    "Báo cáo kết quả theo dõi xã hội hóa công tác y tế", "Thông báo kết luận của Thường trực Tỉnh ủy",
]


def office_registers(out: Path, rows: int = 10_000, share: float = 0.3, seed: int = 30, name: str = "office") -> dict:
    """The filings of the last year in filings.csv, as the purpose-built list and inside an
    office register of `rows` rows (a `share` of them filings, the rest unrelated)."""
    rng = random.Random(seed)
    with GAZETTEER.open(encoding="utf-8") as fh:
        units = {u["commune_code"]: u for u in csv.DictReader(fh)}
    with (out / "filings.csv").open(encoding="utf-8") as fh:
        filings = list(csv.reader(fh))[1:]
    last = max(int(r[3]) for r in filings)
    agency_of = {}
    for path in sorted((out / "lists").glob("list-*.csv")):
        with path.open(encoding="utf-8") as fh:
            for r in list(csv.reader(fh))[1:]:
                agency_of[r[1]] = r[3]
    chosen = [r for r in filings if int(r[3]) == last][: int(rows * share)]
    (out / name).mkdir(exist_ok=True)
    with (out / name / "list.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(REGISTER_HEADER)
        w.writerows(chosen)
    entries = []
    for received, number, kind, year, commune, code, cadre, _rating in chosen:
        u = units[code]
        where = f"{u['commune_type']} {commune[len(u['commune_type']) + 1:]}, {u['district'][0].lower()}{u['district'][1:]}"
        if kind.startswith("Nhận"):
            sender, summary = f"Đảng ủy {where}", f"Nhận xét, đánh giá đồng chí {cadre}, cán bộ theo dõi địa bàn năm {year}"
        elif kind == "Báo cáo":
            sender, summary = agency_of[cadre], f"Báo cáo kết quả theo dõi {where} năm {year} của đồng chí {cadre}"
        else:
            sender, summary = agency_of[cadre], f"Chương trình theo dõi địa bàn {where} năm {year} của đồng chí {cadre}"
        entries.append([received, sender, number, summary])
    for _ in range(rows - len(chosen)):
        day = dt.date(last, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        entries.append([day.strftime("%d/%m/%Y"), rng.choice(AGENCIES), f"{rng.randint(1, 999)}/CV-UBND",
                        rng.choice(UNRELATED).format(n=rng.randint(1, 12), y=last)])
    rng.shuffle(entries)
    with (out / name / "register.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"])
        w.writerow(["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Ngày tháng văn bản",
                    "Tên loại và trích yếu nội dung văn bản", "Đơn vị hoặc người nhận", "Ghi chú"])
        for n, (received, sender, number, summary) in enumerate(entries, start=1):
            w.writerow([received, n, sender, number, received, summary, "Văn phòng", ""])
    return {"register_rows": rows, "register_filings": len(chosen)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--seed", type=int, default=26)
    args = parser.parse_args()
    print(generate(args.out, args.scale, dt.date.today(), args.seed))


if __name__ == "__main__":
    main()
