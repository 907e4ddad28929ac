"""The ledger as known at a moment, the provenance stamp of documents, `verify FILE`, `diff`."""

MESSAGES: dict[str, tuple[str, str]] = {
    "help_known_on": (
        "Theo sổ theo dõi như đã biết vào lúc này (dd/mm/yyyy hoặc dd/mm/yyyy HH:MM, giờ máy; chỉ ngày: "
        "cuối ngày đó): chỉ tính các thay đổi đã ghi đến lúc đó.",
        "As the ledger stood at this moment (dd/mm/yyyy or dd/mm/yyyy HH:MM, local time; a date alone: the "
        "end of that day): only the change sets committed by then count.",
    ),
    "known_on_future": (
        "\"{value}\" là một thời điểm trong tương lai (hôm nay là {today}): sổ theo dõi chỉ biết những gì đã ghi đến nay.",
        "\"{value}\" is in the future (today is {today}): the ledger knows only what has been recorded so far.",
    ),
    "known_on_invalid": (
        "\"{value}\" không phải thời điểm hợp lệ (dùng dd/mm/yyyy hoặc dd/mm/yyyy HH:MM, ví dụ 19/12/2023 16:30).",
        "\"{value}\" is not a valid moment (use dd/mm/yyyy or dd/mm/yyyy HH:MM, e.g. 19/12/2023 16:30).",
    ),
    "known_on_before_ledger": (
        "Vào lúc {value} sổ theo dõi chưa có gì (chưa được tạo); hãy chọn thời điểm muộn hơn (xem cadretrack history).",
        "At {value} the ledger held nothing yet (it had not been created); choose a later moment "
        "(see cadretrack history).",
    ),
    "known_on_read_only": (
        "Sổ theo dõi như đã biết vào một thời điểm trước chỉ để xem, không ghi được.",
        "The ledger as known at an earlier moment can only be read, not written.",
    ),
}
MESSAGES.update({
    "stamp_line": (
        "Nguồn số liệu: sổ theo dõi {ledger}, năm {year}, tính đến ngày {as_of}, số liệu đã ghi đến thay đổi số "
        "{changeset} ({at}), {rule_set}; mã kiểm tra {digest} (kiểm tra lại: cadretrack verify TỆP).",
        "Source of the figures: ledger {ledger}, year {year}, as of {as_of}, as known up to change set "
        "{changeset} ({at}), {rule_set}; check code {digest} (to check it: cadretrack verify FILE).",
    ),
    "stamp_title": ("Nguồn số liệu cadretrack", "cadretrack provenance"),
})
MESSAGES.update({
    "help_verify_file": (
        "Một bảng tính, báo cáo hoặc danh sách công văn do cadretrack xuất ra: kiểm tra nguồn và số liệu của nó.",
        "A workbook, report or letters index cadretrack exported: check where it came from and its figures.",
    ),
    "verify_not_ours": (
        "Tệp {path} không mang dấu nguồn số liệu của cadretrack: chỉ bảng tổng hợp (export summary), dự thảo báo "
        "cáo (export report) và danh sách công văn đôn đốc (remind) mang dấu để kiểm tra.",
        "{path} carries no cadretrack provenance stamp: only the year-end workbook (export summary), the draft "
        "report (export report) and the letters index (remind) carry one to check.",
    ),
    "verify_a_letter": (
        "Tệp {path} là một công văn đôn đốc: công văn không mang dấu riêng, mà được kiểm tra qua danh sách công "
        "văn cùng thư mục: cadretrack verify \"{index}\".",
        "{path} is one of the chasing letters: letters carry no stamp of their own and are checked through "
        "their index in the same folder: cadretrack verify \"{index}\".",
    ),
    "doc_summary": ("bảng tổng hợp", "year-end workbook"),
    "doc_report": ("báo cáo", "report"),
    "doc_letters": ("danh sách công văn đôn đốc", "letters index"),
    "doc_other_ledger": (
        "Tệp {file} ({document} năm {year}) được lập từ một sổ theo dõi khác (mã {ledger}), không phải sổ này: "
        "không thể đối chiếu số liệu.",
        "{file} ({document}, year {year}) was made from another ledger (identity {ledger}), not this one: its "
        "figures cannot be checked here.",
    ),
    "doc_from_here": (
        "Tệp {file} là {document} năm {year} lập từ sổ theo dõi này, tính đến ngày {as_of}, số liệu đến thay đổi "
        "số {changeset} ({at}).",
        "{file} is the {document} of {year} made from this ledger, as of {as_of}, as known up to change set "
        "{changeset} ({at}).",
    ),
    "doc_unedited": (
        "Số liệu trong tệp đúng như sổ theo dõi đã có lúc đó.",
        "Its figures are exactly what the ledger said then.",
    ),
    "doc_edited": (
        "Có {count} chỗ trong tệp khác với sổ theo dõi lúc đó (tệp đã bị sửa hoặc sổ đã bị thay):",
        "{count} place(s) in the file differ from what the ledger said then (the file was edited, or the "
        "ledger replaced):",
    ),
    "doc_more_differences": ("và {count} chỗ khác nữa.", "and {count} more."),
    "doc_changed_since": (
        "Từ đó đến nay sổ theo dõi có {count} thay đổi; xem: cadretrack diff --since \"{file}\".",
        "The ledger has had {count} change set(s) since; see them with: cadretrack diff --since \"{file}\".",
    ),
    "doc_unchanged_since": ("Từ đó đến nay sổ theo dõi không thay đổi.", "The ledger has not changed since."),
    "col_where": ("Vị trí", "Place"),
    "col_in_file": ("Trong tệp", "In the file"),
    "col_in_ledger": ("Theo sổ lúc đó", "In the ledger then"),
    "where_table_cell": ("Bảng {table}, dòng {row}, cột {column}", "Table {table}, row {row}, column {column}"),
    "where_paragraph": ("Đoạn {number}", "Paragraph {number}"),
    "where_stamp": ("dấu nguồn số liệu", "the provenance stamp"),
})
MESSAGES.update({
    "help_diff": (
        "Những gì đã thay đổi từ một thời điểm (hoặc từ lúc lập một văn bản đã xuất) đến nay: văn bản đã nộp, "
        "thay thế, rút lại, trạng thái đổi, phân công đổi.",
        "What changed between a moment (or the moment an exported document states) and now: filings recorded, "
        "replaced and withdrawn, statuses that moved, assignments that changed.",
    ),
    "help_diff_since": (
        "Thời điểm (dd/mm/yyyy hoặc dd/mm/yyyy HH:MM, giờ máy) hoặc tệp do cadretrack xuất ra (.xlsx, .docx).",
        "A moment (dd/mm/yyyy or dd/mm/yyyy HH:MM, local time) or a file cadretrack exported (.xlsx, .docx).",
    ),
    "help_diff_as_of": (
        "Tính trạng thái hiện nay đến ngày này (mặc định: hôm nay); với thời điểm, cả lúc trước cũng vậy.",
        "The date today's statuses are reckoned against (default: today); with a moment, the earlier ones too.",
    ),
    "diff_since_invalid": (
        "\"{value}\" không phải thời điểm (dd/mm/yyyy hoặc dd/mm/yyyy HH:MM) cũng không phải tệp .xlsx/.docx "
        "do cadretrack xuất ra.",
        "\"{value}\" is neither a moment (dd/mm/yyyy or dd/mm/yyyy HH:MM) nor an .xlsx/.docx file cadretrack "
        "exported.",
    ),
    "diff_other_ledger": (
        "Tệp {path} được lập từ một sổ theo dõi khác: không so sánh được với sổ này.",
        "{path} was made from another ledger: it cannot be compared with this one.",
    ),
    "diff_file_year": (
        "Tệp {path} là số liệu năm {stamped}, không phải năm {year}: bỏ --year hoặc dùng năm {stamped}.",
        "{path} holds the figures of {stamped}, not {year}: leave out --year or give {stamped}.",
    ),
    "diff_title": (
        "Thay đổi từ {since} đến {until} (năm {year}, trạng thái lúc trước tính đến {as_of_before}, hiện nay đến {as_of})",
        "Changes from {since} to {until} (year {year}, earlier statuses as of {as_of_before}, now as of {as_of})",
    ),
    "diff_counts_title": ("Số lượng theo trạng thái", "Counts by status"),
    "col_before": ("Lúc trước", "Before"),
    "col_after": ("Hiện nay", "Now"),
    "col_status": ("Trạng thái", "Status"),
    "col_changeset": ("Số thay đổi", "Change set"),
    "col_when": ("Lúc", "When"),
    "change_filed": ("đã nộp", "filed"),
    "change_replaced": ("thay thế", "replaced"),
    "change_withdrawn": ("rút lại", "withdrawn"),
    "change_status": ("đổi trạng thái", "status"),
    "change_assignment": ("phân công", "assignment"),
    "change_member": ("UVBTV phụ trách", "member"),
    "diff_none": ("Không có thay đổi nào.", "Nothing changed."),
    "diff_count": ("{count} thay đổi.", "{count} change(s)."),
})
MESSAGES.update({
    "doc_own_template": (
        "Báo cáo lập theo mẫu riêng của Ban: chỉ đối chiếu được số liệu (mã kiểm tra), không đối chiếu từng đoạn.",
        "The report was made from the Board's own template: only its figures (the check code) can be compared, "
        "not each paragraph.",
    ),
})
