"""The lists a clerk asks for (list filings, check/history/remind filters), progress and waiting."""

MESSAGES: dict[str, tuple[str, str]] = {
    "filter_nothing_to_find": (
        "{option} \"{value}\" không có chữ hay số nào để tìm: hãy ghi một phần số, ký hiệu hoặc vài chữ của trích yếu.",
        "{option} \"{value}\" has no letter or digit to look for: write part of the number or a few words of the summary.",
    ),
    "help_list_filings": (
        "Liệt kê văn bản đã ghi nhận. Không kể văn bản đã được thay; lọc theo năm, loại, địa bàn, cán bộ, "
        "cơ quan, số ký hiệu hoặc từ trong trích yếu, ghi chú.",
        "List the filings recorded. Superseded ones are left out; filter by year, kind, place, cadre, agency, "
        "number or words of the summary or note.",
    ),
    "help_list_filings_year": ("Chỉ văn bản của năm này.", "Only filings for this year."),
    "help_check_commune": ("Chỉ một xã, phường, thị trấn, theo tên (kèm --district khi tên trùng) hoặc mã xã.",
                           "Only this commune, by name (with --district when the name repeats) or code."),
    "help_check_cadre": ("Chỉ một cán bộ theo dõi.", "Only this cadre."),
    "help_number_search": (
        "Số, ký hiệu văn bản, viết thế nào cũng được: \"05/ctr-stc\" tìm ra \"05-CTr/STC\".",
        "The document's number, however written: \"05/ctr-stc\" finds \"05-CTr/STC\".",
    ),
    "help_text_search": (
        "Các từ có trong trích yếu hoặc ghi chú (đủ mọi từ; gõ không dấu thì khớp cả có dấu).",
        "Words of the summary or the note (all of them; typed without diacritics they match either way).",
    ),
    "filings_title": ("Văn bản đã ghi nhận", "Filings recorded"),
    "filings_count": ("{count} văn bản.", "{count} filings."),
    "filings_more": ("… và {count} văn bản nữa: xem đủ bằng --format csv (hoặc thu hẹp điều kiện).",
                     "… and {count} more: see them all with --format csv (or narrow the criteria)."),
    "filings_none": ("Không có văn bản nào đã ghi nhận khớp với điều kiện.", "No recorded filing matches."),
    "col_number": ("Số, ký hiệu", "Number"),
    "col_rating": ("Xếp loại", "Rating"),
    "col_note": ("Trích yếu, ghi chú", "Summary, note"),
    # history
    "help_since": ("Từ ngày (cả ngày đó, giờ địa phương; có thể kèm giờ: dd/mm/yyyy HH:MM).",
                   "From this day (all of it, local time; a time may follow: dd/mm/yyyy HH:MM)."),
    "help_until": ("Đến hết ngày (giờ địa phương; có thể kèm giờ: dd/mm/yyyy HH:MM).",
                   "To the end of this day (local time; a time may follow: dd/mm/yyyy HH:MM)."),
    "since_after_until": ("--since ({since}) ở sau --until ({until}).", "--since ({since}) is after --until ({until})."),
    "moment_invalid": (
        "\"{value}\" không phải ngày giờ; ghi dd/mm/yyyy hoặc dd/mm/yyyy HH:MM.",
        "\"{value}\" is not a date or time; write dd/mm/yyyy or dd/mm/yyyy HH:MM.",
    ),
    "history_none": ("Không có lần thay đổi nào trong khoảng thời gian này.", "No change in that period."),
    # remind
    "help_remind_year": (
        "Năm cần nhắc (mặc định: năm của --as-of; văn bản các năm trước chỉ được nhắc khi ghi năm đó).",
        "The year to chase (default: the --as-of year; earlier years are chased only when named).",
    ),
    "remind_earlier": (
        "Còn {count} văn bản năm {year} chưa nộp, đã quá hạn, không được nhắc ở đây; thêm --year {year} để nhắc.",
        "{count} filings of {year} are still overdue and not chased here; add --year {year} to chase them.",
    ),
    # progress and waiting
    "progress_letters": ("Đang soạn công văn đôn đốc", "Writing the letters"),
    "progress_assignments": ("Đang nhập danh sách phân công", "Importing the assignment list"),
    "progress_register": ("Đang xét sổ văn bản đến", "Reading the register"),
    "progress_report": ("Đang soạn báo cáo", "Writing the report"),
    "ledger_waiting": (
        "Sổ theo dõi đang bận (một lệnh khác đang ghi); đang chờ tối đa {seconds} giây…",
        "The ledger is busy (another command is writing); waiting up to {seconds} seconds…",
    ),
}
