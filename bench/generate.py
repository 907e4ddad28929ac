"""National-scale data for the benchmark, from the gazetteer of 2024 (10,051 communes).

    python bench/generate.py OUT_DIR [--scale K] [--seed N]

Writes, for K = 1, 2, 4 …:
* lists/list-0.csv … list-(K-1).csv: full assignment lists. List 0 takes effect on
  14/12/2022; list i on 15/06/(2022+i) hands a quarter of the communes to new cadres.
* filings.csv: the register of incoming documents for the K years 2023 … 2022+K, with
  a realistic mix: about 60 % on time, 25 % late, 15 % never filed; each filed by the
  cadre who owes it (late starters file their program within or after the grace).
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
                    w.writerow([filed.strftime("%d/%m/%Y"), f"{rng.randint(1, 999)}-BC", kind, year,
                                u["commune"], u["commune_code"], name, rating])
                    rows += 1
    return {"communes": len(units), "lists": scale, "filings": rows,
            "assignments": sum(len(t) for t in timeline), "last_year": 2022 + scale}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--seed", type=int, default=26)
    args = parser.parse_args()
    print(generate(args.out, args.scale, dt.date.today(), args.seed))


if __name__ == "__main__":
    main()
