"""The anchors: what each cadretrack command is measured against, run as its own process.

    python bench/anchors.py check LEDGER YEAR AS_OF       one hand-written SQL query
    python bench/anchors.py export LEDGER YEAR AS_OF OUT  a bare XlsxWriter dump of the same cells

The check query restates the built-in rules (26-QĐ/TU) in SQL; the benchmark
checks that it gives the same counts as `cadretrack check`.
"""

from __future__ import annotations

import json
import sqlite3
import sys

STATUS_SQL = """
WITH kinds(kind, due) AS (
  VALUES ('program', CASE WHEN :year = 2023 THEN '2023-05-31' ELSE :year || '-01-31' END),
         ('report', :year || '-12-09'), ('evaluation', :year || '-12-09')),
live AS (SELECT * FROM assignments WHERE voided_in IS NULL),
owed AS (
  SELECT l.id AS aid, k.kind, k.due FROM live l JOIN kinds k
    ON l.start <= k.due AND (l."end" IS NULL OR l."end" >= k.due)
  WHERE k.due >= '2022-12-14'
  UNION ALL
  SELECT l.id, 'program', date(l.start, '+30 days') FROM live l JOIN kinds k ON k.kind = 'program'
  WHERE l.start > k.due AND substr(l.start, 1, 4) = CAST(:year AS TEXT) AND k.due >= '2022-12-14'),
f AS (SELECT assignment_id, kind, filed FROM filings
      WHERE year = :year AND superseded_by IS NULL AND voided_in IS NULL AND filed <= :as_of)
SELECT c.district, c.name, o.aid, o.kind, o.due, f.filed,
  CASE WHEN f.filed IS NOT NULL AND f.filed <= o.due THEN 'on_time'
       WHEN f.filed IS NOT NULL THEN 'late'
       WHEN :as_of > o.due THEN 'overdue' ELSE 'pending' END AS status,
  k.name AS cadre, a.position, k.agency
FROM owed o JOIN assignments a ON a.id = o.aid JOIN cadres k ON k.id = a.cadre_id
JOIN communes c ON c.code = a.commune_code
LEFT JOIN f ON f.assignment_id = o.aid AND f.kind = o.kind
ORDER BY c.province_code, c.district_code, CAST(a.commune_code AS INTEGER), o.kind
"""


def statuses(ledger: str, year: int, as_of: str) -> list[tuple]:
    conn = sqlite3.connect(ledger)
    try:
        return conn.execute(STATUS_SQL, {"year": year, "as_of": as_of}).fetchall()
    finally:
        conn.close()


def check(ledger: str, year: str, as_of: str) -> None:
    rows = statuses(ledger, int(year), as_of)
    counts = {"on_time": 0, "late": 0, "overdue": 0, "pending": 0}
    for row in rows:
        counts[row[6]] += 1
    sys.stdout.write(json.dumps({"counts": counts, "items": rows}, ensure_ascii=False) + "\n")


def export(ledger: str, year: str, as_of: str, out: str) -> None:
    import xlsxwriter

    rows = statuses(ledger, int(year), as_of)
    wb = xlsxwriter.Workbook(out, {"strings_to_formulas": False, "strings_to_urls": False})
    detail = wb.add_worksheet("Chi tiết")
    chase = wb.add_worksheet("Chưa nộp, nộp muộn")
    per_assignment: dict[int, list] = {}
    for row in rows:
        per_assignment.setdefault(row[2], []).append(row)
    r = 0
    for index, items in enumerate(per_assignment.values()):
        district, commune, _, _, _, _, _, cadre, position, agency = items[0]
        cells = [index + 1, cadre, position, agency, commune, district]
        for item in items:
            cells += [item[4], item[5] or "", "", item[6], ""]
        cells += ["", ""]
        detail.write_row(r, 0, cells)
        r += 1
    r = 0
    for row in rows:
        if row[6] in ("late", "overdue"):
            chase.write_row(r, 0, [r + 1, row[3], row[7], row[8], row[9], row[1], row[0], row[4], row[5] or "", "", row[6]])
            r += 1
    wb.close()


if __name__ == "__main__":
    {"check": check, "export": export}[sys.argv[1]](*sys.argv[2:])
