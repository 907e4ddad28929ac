"""Help texts of the commands and options that every command shares."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Help
    "help_app": (
        "Theo dõi việc thực hiện Quy định 26-QĐ/TU: phân công cán bộ theo dõi xã, phường, thị trấn; chương trình, báo cáo, nhận xét đánh giá; ai chưa nộp, ai nộp muộn.",
        "Track Regulation 26-QĐ/TU: which leader follows which commune; programs, reports and evaluations; who is missing or late.",
    ),
    "help_db": ("Tệp sổ theo dõi (SQLite).", "The ledger file (SQLite)."),
    "help_lang": ("Ngôn ngữ: vi hoặc en.", "Language: vi or en."),
    "help_version": ("In phiên bản rồi thoát.", "Print the version and exit."),
    "help_init": (
        "Tạo sổ theo dõi mới với danh mục đơn vị hành chính và quy định.",
        "Create a new ledger with its gazetteer and rules.",
    ),
    "help_gazetteer": (
        "Danh mục đơn vị hành chính khác (CSV); mặc định: Hòa Bình 2024.",
        "Another gazetteer (CSV); default: Hòa Bình 2024.",
    ),
    "help_rules": ("Tệp quy định khác (TOML).", "Another rules file (TOML)."),
    "help_import": ("Nhập danh sách từ bảng tính.", "Import lists from spreadsheets."),
    "help_import_assignments": (
        "Nhập danh sách phân công (.xlsx, .xls, .ods, .csv, .docx) theo mẫu phụ lục quyết định.",
        "Import an assignment list (.xlsx, .xls, .ods, .csv, .docx) laid out as a decision's annex.",
    ),
    "help_debug": (
        "Khi có lỗi, ghi thêm nguyên văn thông báo của thư viện đọc tệp (tiếng Anh), để báo cho người phát triển.",
        "On an error, add what the library reading the file said, for the developers.",
    ),
    "help_file": (
        "Tệp bảng tính (.xlsx, .xls, .ods, .csv) hoặc văn bản Word (.docx) có bảng.",
        "The spreadsheet (.xlsx, .xls, .ods, .csv) or a Word document (.docx) holding the table.",
    ),
    "help_effective": ("Ngày hiệu lực (dd/mm/yyyy).", "Effective date (dd/mm/yyyy)."),
    "help_decision": ("Số, ký hiệu quyết định, ví dụ 718-QĐ/TU.", "The decision, e.g. 718-QĐ/TU."),
    "help_sheet": ("Chỉ đọc trang tính này.", "Read only this sheet."),
    "help_amend": (
        "Chỉ thay đổi các xã có trong tệp (quyết định bổ sung, điều chỉnh).",
        "Change only the communes the file lists (an amending decision).",
    ),
    "help_complete": (
        "Tệp là danh sách đầy đủ mới (nhiệm kỳ mới, sau sắp xếp 2025): được kết thúc quá nửa số phân công "
        "đang có hiệu lực, kể cả khi tiêu đề ghi điều chỉnh, bổ sung.",
        "The file is a complete new list (a new term, the 2025 reform): it may end more than half of the "
        "assignments in force, even when its title says it amends.",
    ),
    "help_dry_run": ("Chỉ báo trước thay đổi, không ghi.", "Report what would change; write nothing."),
    "help_list": ("Liệt kê dữ liệu trong sổ.", "List what the ledger holds."),
    "help_list_assignments": ("Liệt kê phân công theo dõi.", "List assignments."),
    "help_on": ("Phân công đang có hiệu lực vào ngày này.", "Assignments in force on this date."),
    "help_year": ("Năm.", "Year."),
    "help_district": ("Chỉ một huyện, thành phố.", "Only this district."),
    "help_format": ("Định dạng: table, json hoặc csv.", "Format: table, json or csv."),
    "help_show": (
        "Lịch sử phân công của một xã hoặc một cán bộ.",
        "The assignment history of one commune or one cadre.",
    ),
    "help_commune": ("Tên hoặc mã xã, phường, thị trấn.", "Commune name or code."),
    "help_cadre": ("Họ và tên cán bộ.", "The cadre's name."),
    "help_demo": (
        "Chạy thử trên dữ liệu mẫu, không cần chuẩn bị gì.",
        "Run on the bundled sample data, with no set-up.",
    ),
    "help_demo_dir": ("Thư mục ghi kết quả.", "Folder for the results."),
    "demo_check": (
        "Kiểm tra năm 2023 của {district}, tính đến ngày {as_of}:",
        "The 2023 check for {district}, as of {as_of}:",
    ),
    "demo_province": ("Toàn tỉnh —", "Whole province —"),
    "demo_ledger": ("Sổ theo dõi mẫu: {path}", "Sample ledger: {path}"),
}
