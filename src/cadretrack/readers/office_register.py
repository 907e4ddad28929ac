"""The office's own incoming-document register (sổ đăng ký văn bản đến, Nghị định
30/2020/NĐ-CP, Phụ lục IV), hand-kept or exported from an e-office system.

Columns: Ngày đến | Số đến | Tác giả | Số, ký hiệu | Ngày tháng văn bản | Tên loại và
trích yếu nội dung | Đơn vị hoặc người nhận | Ngày chuyển | Ký nhận | Ghi chú; an e-office
export adds Loại văn bản, Độ khẩn, Lĩnh vực, Xử lý chính … (read: Loại văn bản).
"""

from __future__ import annotations

from pathlib import Path

from cadretrack.readers.table import Record, read_records

FIELDS = ("received", "arrival", "sender", "number", "summary", "doc_type")  # what deciding a row reads


def classify_office_header(key: str) -> str | None:
    words = key.split()
    if not words:
        return None
    if key.startswith(("ngay den", "ngay nhan")):
        return "received"
    if key.startswith(("so den", "so thu tu den")):
        return "arrival"
    if key.startswith(("tac gia", "noi gui", "co quan ban hanh", "don vi ban hanh", "noi ban hanh",
                       "co quan gui", "don vi gui", "noi phat hanh", "co quan, don vi gui")):
        return "sender"
    if key.startswith(("so ky hieu", "so va ky hieu", "ky hieu", "so hieu")):
        return "number"
    if key.startswith(("ngay thang", "ngay van ban", "ngay ban hanh", "ngay ky")):
        return "doc_date"
    if "trich yeu" in key or key in ("noi dung", "noi dung van ban"):
        return "summary"
    if key.startswith(("loai van ban", "hinh thuc van ban", "the loai")) or key == "loai":
        return "doc_type"
    if key.startswith("ghi chu"):
        return "note"
    return None


def read_office_rows(path: Path, sheet: str | None, grids: list | None = None) -> list[Record]:
    return read_records(
        path, sheet, classify_office_header, [{"received", "summary"}],
        FIELDS, ("received", "summary", "number"), "register_header_missing", grids,
    )
