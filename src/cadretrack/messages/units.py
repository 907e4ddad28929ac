"""Texts of the generations of units: init --province, gazetteer add, show and verify."""

MESSAGES: dict[str, tuple[str, str]] = {
    "help_province": (
        "Chỉ giữ một tỉnh của danh mục toàn quốc (tên hoặc mã tỉnh).",
        "Keep one province of a national list (name or province code).",
    ),
    "help_gazetteer_group": (
        "Danh mục đơn vị hành chính của sổ (sắp xếp 2025).",
        "The ledger's administrative units (the 2025 reform).",
    ),
    "help_gazetteer_add": (
        "Thêm danh mục đơn vị hành chính mới có hiệu lực từ một ngày (ví dụ sau sắp xếp 01/07/2025); "
        "đơn vị cũ vẫn dùng cho các ngày trước đó.",
        "Add a new generation of units in force from a date (e.g. after the reform of 01/07/2025); "
        "the old units stay for earlier dates.",
    ),
    "help_gazetteer_file": (
        "Danh mục đơn vị mới (CSV, cột như data/gazetteer/vn-2025.csv).",
        "The new units (CSV, columns as data/gazetteer/vn-2025.csv).",
    ),
    "help_gazetteer_effective": (
        "Ngày đơn vị mới có hiệu lực (dd/mm/yyyy), ví dụ 01/07/2025.",
        "The day the new units take effect (dd/mm/yyyy), e.g. 01/07/2025.",
    ),
    "help_mapping": (
        "Bảng chuyển đổi cũ–mới (CSV: old_code, new_code, part); mặc định: bảng sắp xếp 2025 kèm theo.",
        "The old→new table (CSV: old_code, new_code, part); default: the bundled 2025 table.",
    ),
    "gazetteer_added": (
        "Đã thêm {communes} đơn vị ({provinces}) có hiệu lực từ {date}; {links} liên kết đơn vị cũ – mới.",
        "Added {communes} units ({provinces}) in force from {date}; {links} links from old units to new.",
    ),
    "gazetteer_unlinked": (
        "Lưu ý: {count} đơn vị cũ không có trong bảng chuyển đổi: {names}.",
        "Note: {count} old units are not in the old→new table: {names}.",
    ),
    "gazetteer_still_in_force": (
        "Lưu ý: {count} phân công trên đơn vị cũ vẫn còn hiệu lực sau {date}; "
        "hãy nhập danh sách phân công mới có hiệu lực từ ngày đó.",
        "Note: {count} assignments on old units run past {date}; import the new assignment list effective that day.",
    ),
    "show_became": ("Sau sắp xếp ({date}) thành", "After the reform ({date}) it became"),
    "show_formed_from": ("Hình thành từ", "Formed from"),
    "part_whole": ("toàn bộ", "whole"),
    "part_part": ("một phần", "part"),
    "verify_abolished_in_force": (
        "Phân công {cadre} theo dõi {commune} vẫn còn hiệu lực từ {date}, ngày đơn vị được sắp xếp thành {became}.",
        "{cadre}'s assignment to {commune} is still in force on {date}, when the unit became {became}.",
    ),
}
