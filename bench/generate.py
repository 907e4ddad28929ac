"""National-scale data for the benchmark: every commune of a gazetteer assigned to a
fictional cadre, and 1–5 years of filings with a realistic mix of on-time, late and missing.

    python bench/generate.py OUT_DIR [--years N] [--scale K]

Writes OUT_DIR/assignments.csv (one full list, effective 14/12/2022), and
OUT_DIR/filings.csv (the register of incoming documents). --scale K repeats each
commune's assignment K times in succession (K changes of hands a year) to grow
the ledger without a bigger country.
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--seed", type=int, default=26)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    with GAZETTEER.open(encoding="utf-8") as fh:
        units = list(csv.DictReader(fh))
    people = []
    with (args.out / "assignments.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["STT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị công tác", "Xã, phường, thị trấn",
                    "Huyện, thành phố", "Tỉnh, thành phố", "Mã xã", "Ghi chú"])
        for i, u in enumerate(units, start=1):
            name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {i}"
            people.append(name)
            w.writerow([i, name, "Phó Giám đốc", rng.choice(AGENCIES), u["commune"], u["district"],
                        u["province"], u["commune_code"], ""])
    with (args.out / "filings.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Ngày đến", "Số, ký hiệu", "Loại", "Năm", "Xã, phường, thị trấn", "Mã xã", "Cán bộ theo dõi", "Xếp loại"])
        for year in range(2023, 2023 + args.years):
            for u, name in zip(units, people):
                for kind, due in (("Chương trình", dt.date(year, 5, 31) if year == 2023 else dt.date(year, 1, 31)),
                                  ("Báo cáo", dt.date(year, 12, 9)), ("Nhận xét, đánh giá", dt.date(year, 12, 9))):
                    roll = rng.random()
                    if roll < 0.15:
                        continue  # missing
                    offset = rng.randint(-40, 0) if roll < 0.75 else rng.randint(1, 20)
                    filed = min(due + dt.timedelta(days=offset), dt.date(2026, 11, 1))
                    rating = rng.choice(["HTXSNV", "HTTNV", "HTNV"]) if kind.startswith("Nhận") else ""
                    w.writerow([filed.strftime("%d/%m/%Y"), f"{rng.randint(1, 999)}-BC", kind, year,
                                u["commune"], u["commune_code"], name, rating])


if __name__ == "__main__":
    main()
