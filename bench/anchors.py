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
WITH kinds(kind, rank, due) AS (
  VALUES ('program', 0, CASE WHEN :year = 2023 THEN '2023-05-31' ELSE :year || '-01-31' END),
         ('report', 1, :year || '-12-09'), ('evaluation', 2, :year || '-12-09')),
live AS (SELECT * FROM assignments WHERE voided_in IS NULL),
owed AS (
  SELECT l.id AS aid, k.kind, k.rank, k.due, 0 AS grace FROM live l JOIN kinds k
    ON l.start <= k.due AND (l."end" IS NULL OR l."end" >= k.due)
  WHERE k.due >= '2022-12-14'
  UNION ALL
  SELECT l.id, 'program', 0, date(l.start, '+30 days'), 1 FROM live l JOIN kinds k ON k.kind = 'program'
  WHERE l.start > k.due AND substr(l.start, 1, 4) = CAST(:year AS TEXT) AND k.due >= '2022-12-14'),
f AS (SELECT assignment_id, kind, filed, number, rating, score, note FROM filings
      WHERE year = :year AND superseded_by IS NULL AND voided_in IS NULL AND filed <= :as_of),
s AS (
  SELECT o.*, f.filed, f.number, f.rating, f.score, f.note,
    CASE WHEN f.filed IS NOT NULL AND f.filed <= o.due THEN 'on_time'
         WHEN f.filed IS NOT NULL THEN 'late'
         WHEN :as_of > o.due THEN 'overdue' ELSE 'pending' END AS status
  FROM owed o LEFT JOIN f ON f.assignment_id = o.aid AND f.kind = o.kind)
SELECT s.kind, :year, s.due, s.filed, s.status,
  CASE s.status WHEN 'late' THEN CAST(julianday(s.filed) - julianday(s.due) AS INTEGER)
                WHEN 'overdue' THEN CAST(julianday(:as_of) - julianday(s.due) AS INTEGER) END,
  k.name, a.position, k.agency, c.name, c.code, NULLIF(c.district, ''), m.name, NULLIF(ma.position, ''),
  NULLIF(s.number, ''), NULLIF(s.rating, ''), s.score, NULLIF(s.note, ''),
  CASE WHEN s.grace THEN '30 ngày sau khi nhận nhiệm vụ (' || strftime('%d/%m/%Y', a.start) || ')'
       WHEN s.kind = 'program' AND :year = 2023 THEN 'riêng năm 2023: chậm nhất 31/05/2023'
       WHEN s.kind = 'program' THEN 'chậm nhất 31/01 hằng năm'
       ELSE 'trước ngày 10/12 hằng năm' END
FROM s JOIN assignments a ON a.id = s.aid JOIN cadres k ON k.id = a.cadre_id
JOIN communes c ON c.code = a.commune_code
LEFT JOIN member_areas ma ON ma.commune_code = a.commune_code AND ma.voided_in IS NULL AND ma.start <= s.due
  AND (ma."end" IS NULL OR ma."end" >= s.due)
LEFT JOIN members m ON m.id = ma.member_id
ORDER BY CAST(c.province_code AS INTEGER), CAST(c.district_code AS INTEGER), CAST(a.commune_code AS INTEGER),
  s.rank, s.due, a.start
"""
FIELDS = ("kind", "year", "due", "filed", "status", "days_late", "cadre", "position", "agency",
          "commune", "commune_code", "district", "member", "member_position", "number", "rating", "score", "note", "rule")
STATUS = 4


def statuses(ledger: str, year: int, as_of: str) -> list[tuple]:
    conn = sqlite3.connect(ledger)
    try:
        return conn.execute(STATUS_SQL, {"year": year, "as_of": as_of}).fetchall()
    finally:
        conn.close()


def check(ledger: str, year: str, as_of: str) -> None:
    """The same JSON document as `cadretrack check --all --format json`."""
    rows = statuses(ledger, int(year), as_of)
    counts = {"on_time": 0, "late": 0, "overdue": 0, "pending": 0}
    for row in rows:
        counts[row[STATUS]] += 1
    document = {"year": int(year), "as_of": as_of, "counts": counts, "items": [dict(zip(FIELDS, r)) for r in rows]}
    sys.stdout.write(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n")


def export(ledger: str, year: str, as_of: str, out: str) -> None:
    import xlsxwriter

    rows = statuses(ledger, int(year), as_of)
    wb = xlsxwriter.Workbook(out, {"strings_to_formulas": False, "strings_to_urls": False})
    detail = wb.add_worksheet("Chi tiết")
    chase = wb.add_worksheet("Chưa nộp, nộp muộn")
    per_assignment: dict[tuple, list] = {}
    for row in rows:  # kind, year, due, filed, status, days, cadre, position, agency, commune, code, district
        per_assignment.setdefault((row[10], row[6], row[8]), []).append(row)
    r = 0
    for index, items in enumerate(per_assignment.values()):
        first = items[0]
        cells = [index + 1, first[6], first[7], first[8], first[9], first[11] or ""]
        for item in items:
            cells += [item[2], item[3] or "", "", item[4], ""]
        cells += ["", ""]
        detail.write_row(r, 0, cells)
        r += 1
    r = 0
    for row in rows:
        if row[4] in ("late", "overdue"):
            chase.write_row(r, 0, [r + 1, row[0], row[6], row[7], row[8], row[9], row[11] or "", row[2], row[3] or "",
                                   "", row[4]])
            r += 1
    wb.close()


if __name__ == "__main__":
    {"check": check, "export": export}[sys.argv[1]](*sys.argv[2:])
