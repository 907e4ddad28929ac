"""Rows of the Board's register of incoming documents (sổ văn bản đến)."""

from __future__ import annotations

from pathlib import Path

from cadretrack.readers.table import Record, read_records

FIELDS = ("received", "number", "kind", "year", "commune", "district", "code", "cadre", "rating", "score", "note",
          "action", "place", "summary", "sender")  # the last four: a review workbook's, when it is one

FilingRow = Record


def classify_register_header(key: str) -> str | None:
    words = key.split()
    if not words:
        return None
    if key.startswith("ngay den") or key in ("ngay nhan", "ngay nop", "ngay") or (
        words[0] == "ngay" and ("den" in words or "nhan" in words)
    ):
        return "received"
    if key.startswith(("so ky hieu", "so va ky hieu", "ky hieu", "so hieu")) or key == "so van ban":
        return "number"
    if words[0] == "loai" or key.startswith("loai van ban"):
        return "kind"
    if key in ("nam", "nam theo doi", "nam bao cao", "cua nam"):
        return "year"
    if words[0] == "ma" and ("xa" in words or "dvhc" in words):
        return "code"
    if key.startswith(("xep loai", "muc xep loai", "ket qua xep loai", "muc do hoan thanh")):
        return "rating"
    if words[0] == "diem":
        return "score"
    if key.startswith("ghi chu"):
        return "note"
    if key.startswith("xu ly") and key != "xu ly chinh":  # not e-office's "Xử lý chính" (who handles it)
        return "action"
    if key.startswith(("vi tri trong so", "khoa so")):
        return "place"
    if "trich yeu" in key:
        return "summary"
    if key.startswith(("tac gia", "noi gui", "co quan gui", "co quan ban hanh")):
        return "sender"
    if key.startswith(("can bo", "ho va ten", "ho ten", "nguoi theo doi")):
        return "cadre"
    if words[0] == "huyen":
        return "district"
    if (words[0] in ("xa", "dia", "ten", "don") and ("xa" in words or "dia ban" in key)) or key.startswith(
        ("thi tran", "phuong")
    ):
        return "commune"
    return None


def read_filing_rows(path: Path, sheet: str | None, grids: list | None = None) -> list[Record]:
    return read_records(
        path, sheet, classify_register_header,
        [{"received", "kind", "commune"}, {"received", "kind", "code"}],
        FIELDS, ("received", "kind", "commune", "code"), "register_header_missing", grids,
    )
