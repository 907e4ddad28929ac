"""The Standing Committee members in charge (Ủy viên Ban Thường vụ phụ trách) and their areas."""

MESSAGES: dict[str, tuple[str, str]] = {
    "help_import_members": (
        "Nhập phân công nhiệm vụ các đồng chí Ủy viên Ban Thường vụ phụ trách địa bàn (.xlsx, .xls, .ods, "
        ".csv, .docx): địa bàn là đảng bộ huyện, hoặc các xã, phường ghi trong một ô, hoặc mỗi dòng một xã.",
        "Import the Standing Committee's division of work (.xlsx, .xls, .ods, .csv, .docx): an area is a "
        "district party organisation, communes listed in one cell, or one commune a row.",
    ),
    "help_list_members": (
        "Liệt kê các đồng chí Ủy viên Ban Thường vụ phụ trách, mỗi dòng một xã.",
        "List the Standing Committee members in charge, one commune a row.",
    ),
    "help_member": (
        "Họ và tên đồng chí Ủy viên Ban Thường vụ phụ trách.",
        "The name of the Standing Committee member in charge.",
    ),
    "members_header_missing": (
        "Không tìm thấy dòng tiêu đề bảng trong {path} (cần ít nhất cột Họ và tên và cột Địa bàn phụ trách).",
        "No table header found in {path} (it needs at least a name column, Họ và tên, and an area column, "
        "Địa bàn phụ trách).",
    ),
    "member_name_missing": (
        "Thiếu họ và tên đồng chí Ủy viên Ban Thường vụ phụ trách.",
        "The Standing Committee member's name is missing.",
    ),
    "member_overlap": (
        "{commune} đã giao đồng chí {first} (dòng {first_row}), nay lại giao đồng chí {second}: mỗi xã chỉ "
        "một đồng chí Ủy viên Ban Thường vụ phụ trách.",
        "{commune} is already in the charge of {first} (row {first_row}) and is given to {second} too: one "
        "Standing Committee member is in charge of each commune.",
    ),
    "member_later": (
        "{commune} có đồng chí {member} phụ trách từ {start}, sau ngày hiệu lực {effective}: nhập các "
        "quyết định theo thứ tự ngày.",
        "{commune} has {member} in charge from {start}, after the effective date {effective}: import the "
        "decisions in date order.",
    ),
    "member_unknown": (
        "Không có đồng chí Ủy viên Ban Thường vụ \"{name}\" trong sổ.",
        "No Standing Committee member named \"{name}\" in the ledger.",
    ),
    "members_done": (
        "Đã nhập {path} (hiệu lực {effective}): {members} đồng chí phụ trách; {created} xã giao mới, "
        "{ended} kết thúc, {updated} cập nhật chức vụ, {unchanged} giữ nguyên.",
        "Imported {path} (effective {effective}): {members} member(s) in charge; {created} commune(s) newly "
        "assigned, {ended} ended, {updated} position updated, {unchanged} unchanged.",
    ),
    "members_dry": (
        "Chạy thử {path} (hiệu lực {effective}): {members} đồng chí phụ trách; sẽ có {created} xã giao mới, "
        "{ended} kết thúc, {updated} cập nhật chức vụ, {unchanged} giữ nguyên. Chưa ghi gì.",
        "Dry run of {path} (effective {effective}): {members} member(s) in charge; {created} new, {ended} "
        "ended, {updated} position updated, {unchanged} unchanged would result. Nothing written.",
    ),
    "members_nothing": (
        "Không có gì thay đổi: sổ đã khớp với {path} từ {effective}.",
        "Nothing to change: the ledger already matches {path} from {effective}.",
    ),
    "col_member": ("UVBTV phụ trách", "Member in charge"),
    "members_title": ("Ủy viên Ban Thường vụ phụ trách địa bàn", "Standing Committee members in charge"),
    "members_count": ("{count} xã có đồng chí phụ trách, {members} đồng chí.",
                      "{count} commune(s) with a member in charge, {members} member(s)."),
    "members_nothing_listed": ("Chưa có đồng chí Ủy viên Ban Thường vụ phụ trách nào.",
                               "No Standing Committee member in charge yet."),
    "help_remind_to": (
        "\"members\": viết mỗi đồng chí Ủy viên Ban Thường vụ phụ trách một công văn về các văn bản quá hạn, "
        "nộp muộn trên địa bàn đồng chí phụ trách (để đồng chí biết, chỉ đạo).",
        "\"members\": one letter per Standing Committee member in charge, listing the overdue and late "
        "filings of his or her area (to inform and direct).",
    ),
    "remind_to_invalid": (
        "--to chỉ nhận \"members\" (gửi các đồng chí Ủy viên Ban Thường vụ phụ trách), không nhận \"{value}\".",
        "--to accepts only \"members\" (the Standing Committee members in charge), not \"{value}\".",
    ),
    "verify_member_overlap": (
        "{commune}: đồng chí {first} và đồng chí {second} cùng phụ trách từ {start}.",
        "{commune}: {first} and {second} are both in charge from {start}.",
    ),
    "verify_without_member": (
        "{commune} (mã {commune_code}) có cán bộ theo dõi nhưng hiện chưa có đồng chí Ủy viên Ban Thường vụ "
        "phụ trách.",
        "{commune} (code {commune_code}) is followed but has no Standing Committee member in charge today.",
    ),
    "show_members": ("Ủy viên Ban Thường vụ phụ trách", "Standing Committee member in charge"),
    "member_in_force": ("đang phụ trách", "in charge"),
    "difficulty_goes_to": ("Báo cáo đồng chí {member}, Ủy viên Ban Thường vụ phụ trách địa bàn.",
                           "To be reported to {member}, the Standing Committee member in charge."),
}
