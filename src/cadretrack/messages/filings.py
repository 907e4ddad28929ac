"""Filings, the check, the rules and the year-end workbook."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Filings
    "suggest": ("Gợi ý: {suggestion}.", "Did you mean: {suggestion}?"),
    "kind_program": ("chương trình theo dõi", "monitoring program"),
    "kind_report": ("báo cáo năm", "annual report"),
    "kind_evaluation": ("nhận xét, đánh giá", "evaluation"),
    "kind_unknown": (
        "Loại văn bản \"{kind}\" không rõ; dùng: {kinds}.",
        "Unknown filing kind \"{kind}\"; use: {kinds}.",
    ),
    "check_before_rules": (
        "Năm {year} không có văn bản phải nộp: quy định áp dụng từ năm {first}.",
        "Nothing is owed in {year}: the rules apply from {first}.",
    ),
    "kind_list_invalid": ("Loại \"{value}\" không có; chọn trong: {choices}.", "Unknown kind \"{value}\"; choose from: {choices}."),
    "status_invalid": ("Trạng thái \"{value}\" không có; chọn trong: {choices}.", "Unknown status \"{value}\"; choose from: {choices}."),
    "year_out_of_range": (
        "Năm {year} không có nghĩa vụ nộp: quy định áp dụng từ năm {first} (đến năm {last}).",
        "Nothing is owed for {year}: the rules apply from {first} (up to {last}).",
    ),
    "date_future": ("Ngày {date} chưa tới; không thể ghi nhận văn bản đến vào ngày tương lai.", "{date} is in the future; a filing cannot be received then."),
    "rating_unknown": (
        "Xếp loại \"{rating}\" không rõ; dùng {codes} (hoặc {abbreviations}).",
        "Unknown rating \"{rating}\"; use {codes} (or {abbreviations}).",
    ),
    "score_invalid": ("Điểm \"{score}\" phải từ 0 đến 100.", "The score \"{score}\" must be between 0 and 100."),
    "filing_needs_who": ("Hãy ghi --commune hoặc --cadre.", "Give --commune or --cadre."),
    "filing_no_assignment": (
        "Không có phân công nào của {who} trong năm {year}.",
        "No assignment of {who} during {year}.",
    ),
    "filing_ambiguous": (
        "{who} có nhiều phân công trong năm {year}: {candidates}; hãy ghi rõ --cadre hoặc --commune.",
        "{who} has several assignments during {year}: {candidates}; give --cadre or --commune.",
    ),
    "filing_duplicate": (
        "Đã ghi nhận {kind} (năm {year}) của {commune} (ngày {date}); dùng --replace để thay.",
        "The {kind} of {year} for {commune} is already recorded ({date}); use --replace to supersede it.",
    ),
    "filing_wrong_cadre": (
        "{cadre} không theo dõi {commune} trong năm {year}; người theo dõi: {followers}.",
        "{cadre} did not follow {commune} during {year}; it was followed by: {followers}.",
    ),
    "recorded_not_owed": (
        "Lưu ý: theo quy định, {cadre} không phải nộp {kind} năm {year} (người phụ trách vào ngày hạn nộp là người khác).",
        "Note: under the rules {cadre} owes no {kind} for {year} (someone else held the assignment on the due date).",
    ),
    "filing_repeated": ("Văn bản này đã có ở dòng {first} của tệp.", "The same filing is already at row {first} of the file."),
    "recorded": (
        "Đã ghi nhận {kind} (năm {year}): {commune}, {cadre}, ngày {date}.",
        "Recorded the {kind} of {year}: {commune}, {cadre}, on {date}.",
    ),
    "recorded_replaced": (
        "Đã thay {kind} (năm {year}): {commune}, {cadre}, ngày {date} (bản cũ vẫn lưu trong lịch sử).",
        "Replaced the {kind} of {year}: {commune}, {cadre}, on {date} (the earlier entry stays in history).",
    ),
    "recorded_same": (
        "{kind} (năm {year}) của {commune} đã được ghi nhận đúng như vậy; không thay đổi gì.",
        "The {kind} of {year} for {commune} is already recorded just so; nothing changed.",
    ),
    "register_header_missing": (
        "Không tìm thấy dòng tiêu đề sổ văn bản đến trong {path}: cần cột Ngày đến và Tên loại và trích yếu "
        "(sổ đăng ký văn bản đến), hoặc Ngày đến, Loại và Xã, phường, thị trấn (hoặc Mã xã).",
        "No register header found in {path}: it needs the columns Ngày đến and Tên loại và trích yếu (the "
        "incoming-document register), or Ngày đến, Loại and Xã, phường, thị trấn (or Mã xã).",
    ),
    "file_no_filings": ("Tệp {path} không có dòng văn bản nào.", "{path} has no filing rows."),
    "filings_done": ("Đã nhập {path}: {added} văn bản mới, {unchanged} đã có.", "Imported {path}: {added} new filings, {unchanged} already recorded."),
    "filings_dry": (
        "Chạy thử {path}: sẽ thêm {added} văn bản, {unchanged} đã có. Chưa ghi gì.",
        "Dry run of {path}: {added} filings would be added, {unchanged} already recorded. Nothing written.",
    ),
    "agency_unknown": ("Không có cơ quan \"{name}\" trong sổ.", "No agency named \"{name}\" in the ledger."),
    "written": ("Đã ghi {path}.", "Wrote {path}."),
    # Check
    "status_overdue": ("Chưa nộp, đã quá hạn", "Overdue"),
    "status_late": ("Nộp muộn", "Filed late"),
    "status_pending": ("Chưa nộp, còn trong hạn", "Pending"),
    "status_on_time": ("Nộp đúng hạn", "On time"),
    "check_summary": (
        "Năm {year}, tính đến ngày {as_of}: {total} văn bản phải nộp — {on_time} đúng hạn, {late} nộp muộn, {overdue} chưa nộp đã quá hạn, {pending} chưa đến hạn.",
        "{year}, as of {as_of}: {total} filings owed — {on_time} on time, {late} late, {overdue} overdue, {pending} pending.",
    ),
    "table_more": (
        "… và {count} dòng nữa: xem đủ bằng --output TỆP.xlsx hoặc --format csv.",
        "… and {count} more: see them all with --output FILE.xlsx or --format csv.",
    ),
    "col_kind": ("Loại", "Kind"),
    "col_due": ("Hạn nộp", "Due"),
    "col_filed": ("Ngày nộp", "Filed"),
    "col_days_late": ("Số ngày chậm", "Days late"),
    "col_rule": ("Căn cứ hạn", "Due by rule"),
    "col_filer": ("Người nộp", "Filed by"),
    "col_due_rule": ("Hạn", "Deadline"),
    "col_overrides": ("Riêng từng năm", "Year exceptions"),
    "col_late_start": ("Nhận nhiệm vụ sau hạn", "Starting after the deadline"),
    "filer_cadre": ("Cán bộ theo dõi", "The cadre"),
    "filer_commune": ("Đảng ủy xã", "The commune party committee"),
    "rule_by": ("chậm nhất {day} hằng năm", "by {day} each year"),
    "rule_before": ("trước ngày {day} hằng năm", "before {day} each year"),
    "rule_override": ("riêng năm {year}: chậm nhất {date}", "for {year} only: by {date}"),
    "rule_grace": ("{days} ngày sau khi nhận nhiệm vụ ({start})", "{days} days after taking up the assignment ({start})"),
    "rule_grace_short": ("hạn {days} ngày sau khi nhận nhiệm vụ", "due {days} days after starting"),
    "rule_moved": ("(lùi từ {date} sang ngày làm việc kế tiếp)", "(moved from {date} to the next working day)"),
    "rules_effective": ("Quy định có hiệu lực từ {date}; không có nghĩa vụ nào có hạn trước ngày đó.", "In force from {date}; nothing due before that day is owed."),
    "rules_weekend_on": (
        "Hạn rơi vào thứ Bảy, Chủ nhật hoặc ngày lễ được lùi sang ngày làm việc kế tiếp.",
        "A deadline on a weekend or public holiday moves to the next working day.",
    ),
    "rules_weekend_off": (
        "Hạn tính theo ngày lịch, không lùi khi rơi vào ngày nghỉ.",
        "Deadlines are calendar days; they do not move off weekends or holidays.",
    ),
    # Help for filings
    "help_record": ("Ghi nhận văn bản đã nhận.", "Record a filing received."),
    "help_date_received": ("Ngày Ban Tổ chức nhận (dd/mm/yyyy).", "Date the Board received it (dd/mm/yyyy)."),
    "help_number": ("Số, ký hiệu văn bản.", "Document number."),
    "help_note": ("Ghi chú.", "Note."),
    "help_rating": (
        "Xếp loại, chỉ cho loại có xếp loại (nhận xét, đánh giá): {codes}.",
        "Rating, only for a kind that carries one (the evaluation): {codes}.",
    ),
    "help_score": ("Điểm (thang 100), chỉ cho loại có xếp loại.", "Score (out of 100), only for a kind rated."),
    "help_replace": ("Thay văn bản đã ghi (bản cũ vẫn lưu).", "Supersede the recorded filing (kept in history)."),
    "help_import_filings": ("Nhập sổ văn bản đến (.xlsx, .xls, .ods, .csv, .docx).", "Import the register of incoming documents (.xlsx, .xls, .ods, .csv, .docx)."),
    "help_check": ("Ai chưa nộp, ai nộp muộn: trạng thái từng văn bản phải nộp.", "Who is missing or late: the status of every filing owed."),
    "help_check_year": ("Năm (mặc định: năm của --as-of).", "Year (default: the --as-of year)."),
    "help_as_of": ("Tính đến ngày (mặc định: hôm nay).", "As of this date (default: today)."),
    "help_status": (
        "Chỉ các trạng thái, cách nhau dấu phẩy: quá hạn (chưa nộp, đã quá hạn), nộp muộn (đã nộp, sau hạn), "
        "còn hạn (chưa nộp, còn trong hạn), đúng hạn; hoặc đúng tên cột của bảng.",
        "Only these statuses, comma-separated: overdue, late, pending, on_time (the Vietnamese words work too).",
    ),
    "help_all": ("Liệt kê cả văn bản nộp đúng hạn.", "List on-time filings too."),
    "help_kind": (
        "Chỉ các loại, cách nhau dấu phẩy: khóa (program, report, evaluation …) hoặc tên loại trong quy định.",
        "Only these kinds, comma-separated: their keys (program, report, evaluation …) or labels in the rules.",
    ),
    "help_agency": ("Chỉ cán bộ của cơ quan này.", "Only cadres of this agency."),
    "help_output": ("Ghi ra tệp thay vì màn hình.", "Write to this file instead of the screen."),
    "help_rules_cmd": ("Các quy định của sổ, mỗi quy định với thời gian áp dụng.", "The ledger's rule sets, each with the period it governs."),
    "help_rules_on": ("Quy định áp dụng vào ngày này (dd/mm/yyyy).", "The rule set in force on this day (dd/mm/yyyy)."),
    "help_rules_set": (
        "Thêm quy định mới áp dụng từ một ngày (quy định kế tiếp, của tỉnh mới sau sáp nhập …).",
        "Add a rule set in force from a day (a successor regulation, a merged province's own …).",
    ),
    "help_rules_set_file": ("Tệp quy định (TOML), như `rules --format toml` in ra.", "A rules file (TOML), as `rules --format toml` prints."),
    "help_rules_effective": (
        "Ngày bắt đầu áp dụng (mặc định: ngày hiệu lực ghi trong tệp).",
        "The first day it governs (default: the effective date the file states).",
    ),
    "rules_period": ("Áp dụng từ {start} đến {end}", "In force from {start} to {end}"),
    "rules_period_open": ("Áp dụng từ {start}", "In force from {start}"),
    "rules_set_dry": (
        "{name} sẽ áp dụng từ {start}; {previous} còn hiệu lực đến {end}. Chưa ghi gì (--dry-run).",
        "{name} would govern from {start}; {previous} until {end}. Nothing written (--dry-run).",
    ),
    "rules_set_done": (
        "Đã thêm {name}, áp dụng từ {start}; {previous} còn hiệu lực đến {end}.",
        "Added {name}, in force from {start}; {previous} governs until {end}.",
    ),
    "rules_previous_same": ("bản đang áp dụng", "the set in force"),
    "rules_not_after": (
        "Ngày {date} không sau ngày bắt đầu của quy định mới nhất ({name}, từ {latest}).",
        "{date} is not after the start of the latest rule set ({name}, from {latest}).",
    ),
    "date_outside_window": (
        "Ngày nhận {date} không thể là của {kind} năm {year}: chỉ nhận từ {start} đến hôm nay ({end}).",
        "{date} cannot be the date a {kind} of {year} was received: only from {start} to today ({end}).",
    ),
    "kind_not_owed": (
        "Năm {year} không phải nộp \"{kind}\"; các loại phải nộp năm đó: {kinds}.",
        "\"{kind}\" is not owed in {year}; that year owes: {kinds}.",
    ),
    "rating_not_rated": (
        "{kind} không có xếp loại hay điểm; chỉ ghi --rating, --score cho loại có xếp loại.",
        "{kind} carries no rating or score; --rating and --score are for kinds that do.",
    ),
    "help_record_kind": (
        "Ghi nhận văn bản của một LOẠI mà quy định của năm yêu cầu: tên loại (\"chương trình\", \"báo cáo\", "
        "\"nhận xét\" hoặc đầy đủ) hay khóa của loại (program, report, evaluation); `cadretrack rules` liệt kê các loại.",
        "Record a filing of kind KIND the year's rules owe: its key (program, report, evaluation in the "
        "built-in rules) or its label; `cadretrack rules` lists them.",
    ),
    "help_rules_format": ("table hoặc toml (tệp dùng được cho init --rules).", "table, or toml (a file init --rules accepts)."),
    # Export
    "export_suffix": ("Tệp xuất {path} phải có đuôi .xlsx.", "The export {path} must end in .xlsx."),
    "folder_missing": ("Không có thư mục {path}.", "The folder {path} does not exist."),
    "file_locked": (
        "Không ghi được {path}: tệp đang mở trong chương trình khác hoặc không có quyền ghi.",
        "Cannot write {path}: it is open in another program or not writable.",
    ),
    "output_is_input": (
        "Không ghi được {path}: đó chính là một tệp lệnh này đọc vào (hoặc sổ theo dõi); hãy chọn tên khác.",
        "Cannot write {path}: it is one of the files this command reads (or the ledger); choose another name.",
    ),
    "output_is_folder": (
        "Không ghi được {path}: đó là một thư mục; hãy ghi tên tệp.",
        "Cannot write {path}: it is a folder; give a file name.",
    ),
    "output_not_file": (
        "Không ghi được {path}: đó không phải là tệp thông thường.",
        "Cannot write {path}: it is not a regular file.",
    ),
    "output_is_link": (
        "Không ghi được {path}: đó là một liên kết (symlink); cadretrack không ghi qua liên kết, hãy ghi đường dẫn "
        "thật của tệp hoặc thư mục.",
        "Cannot write {path}: it is a symbolic link, and cadretrack never writes through a link; give the real path "
        "of the file or folder.",
    ),
    "output_read_only": (
        "Không ghi được {path}: thư mục hoặc tệp chỉ cho đọc.",
        "Cannot write {path}: the folder or the file is read-only.",
    ),
    "disk_full": (
        "Không ghi được {path}: ổ đĩa đã đầy; không có tệp nào ghi dở.",
        "Cannot write {path}: the disk is full; no file was left half-written.",
    ),
    "output_changed": (
        "Không ghi được {path}: tệp tạm bị thay thế trong lúc ghi; không có tệp nào thay đổi.",
        "Cannot write {path}: its staged file was replaced while it was written; nothing was changed.",
    ),
    "output_name_too_long": (
        "Không ghi được {path}: tên tệp dài quá (tối đa {limit} ký tự); hãy đặt tên ngắn hơn.",
        "Cannot write {path}: the name is too long (at most {limit} characters); choose a shorter one.",
    ),
    "output_not_here": (
        "Không ghi được {path}: nơi này không cho tạo tệp (một thư mục của hệ thống, hoặc đã bị xóa); hãy chọn "
        "thư mục khác. Không có tệp nào ghi dở.",
        "Cannot write {path}: files cannot be made there (a system folder, or one removed meanwhile); choose "
        "another folder. No file was left half-written.",
    ),
    "output_failed": (
        "Không ghi được {path}; không có tệp nào ghi dở.",
        "Cannot write {path}; no file was left half-written.",
    ),
    "exporting": ("Đang lập bảng tổng hợp", "Writing the workbook"),
    "exported": (
        "Đã lập bảng tổng hợp năm {year} (số liệu đến {as_of}): {path} — {on_time} đúng hạn, {late} nộp muộn, {overdue} chưa nộp đã quá hạn, {pending} chưa đến hạn.",
        "Wrote the {year} workbook (as of {as_of}): {path} — {on_time} on time, {late} late, {overdue} overdue, {pending} pending.",
    ),
    "help_export": ("Xuất báo cáo.", "Export reports."),
    "help_export_summary": (
        "Bảng tổng hợp cuối năm (Excel) báo cáo Ban Thường vụ.",
        "The year-end workbook (Excel) for the Standing Committee.",
    ),
    "help_export_output": ("Tệp .xlsx sẽ ghi.", "The .xlsx file to write."),
    "demo_workbook": ("Bảng tổng hợp mẫu: {path}", "Sample workbook: {path}"),
    "demo_report": ("Dự thảo báo cáo mẫu: {path}", "Sample draft report: {path}"),
    "report_suffix": ("Tệp báo cáo {path} phải có đuôi .docx.", "The report {path} must end in .docx."),
    "reported": (
        "Đã soạn dự thảo báo cáo năm {year} (số liệu đến {as_of}): {path} — {on_time} đúng hạn, {late} nộp muộn, {overdue} chưa nộp đã quá hạn, {pending} chưa đến hạn. Phần đánh giá và kiến nghị để trống (tô vàng) cho Ban Tổ chức viết.",
        "Wrote the {year} draft report (as of {as_of}): {path} — {on_time} on time, {late} late, {overdue} overdue, {pending} pending. The assessment and proposals are left blank (highlighted) for the Board to write.",
    ),
    "help_export_report": (
        "Dự thảo báo cáo Ban Thường vụ (Word) về kết quả thực hiện trong năm.",
        "The Board's draft report (Word) to the Standing Committee on the year.",
    ),
    "help_report_output": ("Tệp .docx sẽ ghi.", "The .docx file to write."),
    "help_report_template": ("Mẫu báo cáo khác (.docx, docxtpl).", "Another report template (.docx, docxtpl)."),
}
