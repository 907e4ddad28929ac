"""Rows of a list of commune meetings to which the cadre was invited."""

from __future__ import annotations

from pathlib import Path

from cadretrack.readers.table import Record, read_records

FIELDS = ("date", "commune", "district", "code", "kind", "topic", "attended", "note")


def classify_meeting_header(key: str) -> str | None:
    words = key.split()
    if not words:
        return None
    if key.startswith(("ngay hop", "ngay to chuc", "thoi gian")) or key == "ngay":
        return "date"
    if words[0] == "ma" and ("xa" in words or "dvhc" in words):
        return "code"
    if key.startswith(("loai", "hinh thuc", "ky hop")):
        return "kind"
    if key.startswith(("noi dung", "chu de", "trich yeu")):
        return "topic"
    if key.startswith(("tham du", "co mat", "du hop", "can bo tham du", "can bo du")):
        return "attended"
    if key.startswith("ghi chu"):
        return "note"
    if words[0] == "huyen":
        return "district"
    if (words[0] in ("xa", "dia", "ten", "don") and ("xa" in words or "dia ban" in key)) or key.startswith(
        ("thi tran", "phuong", "dang uy")
    ):
        return "commune"
    return None


def read_meeting_rows(path: Path, sheet: str | None) -> list[Record]:
    return read_records(
        path, sheet, classify_meeting_header,
        [{"date", "kind", "commune"}, {"date", "kind", "code"}],
        FIELDS, ("date", "commune", "code"), "meetings_header_missing",
    )
