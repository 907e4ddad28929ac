"""The assignment import and listings."""

MESSAGES: dict[str, tuple[str, str]] = {
    "effective_far_future": (
        "Ngày hiệu lực {date} là hơn một năm sau hôm nay ({today}): có nhầm năm không? Nếu đúng, thêm --allow-future.",
        "The effective date {date} is more than a year after today ({today}): the wrong year? If it is right, "
        "add --allow-future.",
    ),
    "help_allow_future": (
        "Cho phép ngày hiệu lực hơn một năm sau hôm nay.",
        "Accept an effective date more than a year after today.",
    ),
    # A list imported as complete that may not be (domain.full_list)
    "full_list_amendment": (
        "Tệp {path} có tiêu đề \"{title}\" là danh sách điều chỉnh, bổ sung, nhưng nhập không có --amend thì "
        "được coi là danh sách đầy đủ và sẽ kết thúc {ending} trong {in_force} phân công đang có hiệu lực "
        "ngày {effective}: nếu là quyết định điều chỉnh, thêm --amend (chỉ các xã trong tệp đổi người theo dõi); "
        "nếu đúng là danh sách đầy đủ mới (nhiệm kỳ mới, sau sắp xếp đơn vị hành chính 2025), thêm --complete.",
        "{path} is titled \"{title}\", an amendment, but without --amend it is read as the complete list and "
        "would end {ending} of the {in_force} assignments in force on {effective}: if it is an amending decision, "
        "add --amend (only the communes it lists change hands); if it really is a complete new list (a new "
        "term, the 2025 reform of units), add --complete.",
    ),
    "full_list_ends_most": (
        "Nhập {path} như danh sách đầy đủ sẽ kết thúc {ending} trong {in_force} phân công đang có hiệu lực ngày "
        "{effective}: nếu là quyết định điều chỉnh, thêm --amend (chỉ các xã trong "
        "tệp đổi người theo dõi); nếu đúng là danh sách đầy đủ mới (nhiệm kỳ mới, sau sắp xếp đơn vị hành chính "
        "2025), thêm --complete.",
        "Imported as the complete list, {path} would end {ending} of the {in_force} assignments in force on "
        "{effective}: if it is an amending decision, add --amend (only the "
        "communes it lists change hands); if it really is a complete new list (a new term, the 2025 reform "
        "of units), add --complete.",
    ),
    "amend_and_complete": (
        "Chỉ dùng một trong --amend (quyết định điều chỉnh) hoặc --complete (danh sách đầy đủ mới).",
        "Use only one of --amend (an amending decision) and --complete (a complete new list).",
    ),
    # Import results
    "import_done": (
        "Đã nhập {path} (hiệu lực {effective}): {created} phân công mới, {ended} kết thúc, {updated} cập nhật chức vụ, {unchanged} giữ nguyên.",
        "Imported {path} (effective {effective}): {created} new, {ended} ended, {updated} position updated, {unchanged} unchanged.",
    ),
    "import_dry": (
        "Chạy thử {path} (hiệu lực {effective}): sẽ có {created} phân công mới, {ended} kết thúc, {updated} cập nhật chức vụ, {unchanged} giữ nguyên. Chưa ghi gì.",
        "Dry run of {path} (effective {effective}): {created} new, {ended} ended, {updated} position updated, {unchanged} unchanged would result. Nothing written.",
    ),
    "import_nothing": (
        "Không có gì thay đổi: sổ đã khớp với {path} từ {effective}.",
        "Nothing to change: the ledger already matches {path} from {effective}.",
    ),
    "change_new": ("mới", "new"),
    "change_end": ("kết thúc", "ends"),
    "change_void": ("hủy (chưa có hiệu lực)", "voided (never in force)"),
    "change_position": ("đổi chức vụ", "new position"),
    "col_change": ("Thay đổi", "Change"),
    # Assignment listing
    "col_cadre": ("Cán bộ theo dõi", "Cadre"),
    "col_position": ("Chức vụ", "Position"),
    "col_agency": ("Cơ quan, đơn vị", "Agency"),
    "col_commune": ("Xã, phường, thị trấn", "Commune"),
    "col_code": ("Mã xã", "Code"),
    "col_district": ("Huyện, thành phố", "District"),
    "col_start": ("Từ ngày", "From"),
    "col_end": ("Đến ngày", "To"),
    "col_decision": ("Quyết định", "Decision"),
    "list_title": ("Phân công theo dõi địa bàn", "Assignments"),
    "list_count": ("{count} phân công.", "{count} assignment(s)."),
    "in_force": ("đang theo dõi", "in force"),
    "show_nothing": ("Chưa có phân công nào.", "No assignments yet."),
    "show_need": (
        "Hãy ghi --commune hoặc --cadre.",
        "Give --commune or --cadre.",
    ),
    "on_and_year": ("Chỉ dùng một trong --on hoặc --year.", "Use only one of --on and --year."),
    "format_invalid": (
        "Định dạng \"{value}\" không hỗ trợ; chọn: {choices}.",
        "Format \"{value}\" is not supported; choose: {choices}.",
    ),
    "title_unsplit": (
        "Không tách được cơ quan khỏi chức vụ: chức danh không có trong danh sách chức danh; cơ quan để trống.",
        "The agency could not be split from the position: no known title; the agency is left empty.",
    ),
    "title_unsplit_count": (
        "Lưu ý: {count} dòng chưa có cơ quan, đơn vị (xem bảng trên); thêm chức danh bằng --titles TỆP rồi nhập lại.",
        "Note: {count} rows have no agency (see the table above); add titles with --titles FILE and import again.",
    ),
    "help_titles": (
        "Tệp chức danh bổ sung (mỗi dòng một chức danh, ví dụ \"Trưởng [Ban]\") để tách chức vụ và cơ quan.",
        "Extra titles (one a line, e.g. \"Trưởng [Ban]\") for splitting a position from its agency.",
    ),
}
