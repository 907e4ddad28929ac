"""History, undo, backups, restore and verify."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Data safety
    "undo_nothing": ("Không có thay đổi nào để hoàn tác.", "There is no change to undo."),
    "undo_already": (
        "Thay đổi số {shown} đã được hoàn tác rồi (bằng thay đổi số {by}); không hoàn tác thêm gì.",
        "Change set {shown} was already undone (by change set {by}); nothing more was undone.",
    ),
    "undo_moved": (
        "Trong lúc đó sổ theo dõi đã có thay đổi mới (số {latest}, không phải số {shown}); chưa hoàn tác gì. "
        "Xem lại lịch sử rồi hoàn tác lần nữa.",
        "The ledger changed meanwhile (change set {latest}, not {shown}); nothing was undone. Look at the "
        "history again, then undo again.",
    ),
    "undone": (
        "Đã hoàn tác thay đổi số {id} ({command}: {what}); sổ theo dõi trở lại như trước thay đổi đó.",
        "Undid change set {id} ({command}: {what}); the ledger is as it was before it.",
    ),
    "undone_by": ("đã hoàn tác ở số {id}", "undone by {id}"),
    "backup_exists": ("Tệp {path} đã có; chọn tên khác.", "{path} already exists; choose another name."),
    "backed_up": ("Đã sao lưu sổ theo dõi vào {path}.", "Backed up the ledger to {path}."),
    "restore_not_ledger": ("Tệp {path} không phải sổ theo dõi cadretrack; không khôi phục.", "{path} is not a cadretrack ledger; nothing restored."),
    "restore_damaged": ("Tệp {path} bị hỏng (không qua kiểm tra toàn vẹn); không khôi phục.", "{path} is damaged (it fails the integrity check); nothing restored."),
    "ledger_damaged": (
        "Sổ theo dõi {path} bị hỏng: SQLite không đọc được (tệp bị cắt cụt hoặc ổ đĩa lỗi). Bản sao lưu mới nhất là "
        "{backup}; khôi phục bằng: cadretrack --db \"{path}\" restore \"{backup}\".",
        "The ledger {path} is damaged: SQLite cannot read it (a copy cut short, or a failing disk). The newest "
        "backup is {backup}; restore it with: cadretrack --db \"{path}\" restore \"{backup}\".",
    ),
    "ledger_damaged_no_backup": (
        "Sổ theo dõi {path} bị hỏng: SQLite không đọc được, và không có bản sao lưu nào trong {folder}; hãy khôi phục "
        "từ một bản sao khác bằng cadretrack restore TỆP.",
        "The ledger {path} is damaged: SQLite cannot read it, and there is no backup in {folder}; restore another "
        "copy with cadretrack restore FILE.",
    ),
    "ledger_locked": (
        "Sổ theo dõi {path} đang bị một chương trình khác giữ riêng (ví dụ một trình xem SQLite đang mở nó); hãy đóng "
        "chương trình đó rồi chạy lại lệnh.",
        "The ledger {path} is held exclusively by another program (a SQLite viewer that has it open, perhaps); close "
        "that program and run the command again.",
    ),
    "ledger_read_only": (
        "Sổ theo dõi {path} chỉ cho đọc (tệp không có quyền ghi): các lệnh xem vẫn chạy, lệnh ghi bị từ chối; "
        "không có gì thay đổi.",
        "The ledger {path} is read-only (the file has no write permission): commands that read it work, commands "
        "that write are refused; nothing was changed.",
    ),
    "ledger_read_only_folder": (
        "Thư mục {folder} chứa sổ theo dõi chỉ cho đọc: các lệnh xem vẫn chạy, lệnh ghi và sao lưu vào backups/ "
        "bị từ chối (sao lưu sang nơi khác bằng backup --output); không có gì thay đổi.",
        "The folder {folder} holding the ledger is read-only: commands that read it work, commands that write "
        "and backups into backups/ are refused (back up elsewhere with backup --output); nothing was changed.",
    ),
    "ledger_read_only_upgrade": (
        "Sổ theo dõi {path} do phiên bản cũ hơn tạo và cần nâng cấp, nhưng chỉ cho đọc; hãy cho phép ghi rồi chạy lại.",
        "The ledger {path} was made by an earlier version and needs upgrading, but it is read-only; allow writing "
        "and run the command again.",
    ),
    "ledger_newer": (
        "Sổ theo dõi {path} do cadretrack phiên bản mới hơn ({version}) ghi (có bước nâng cấp {migration} mà phiên "
        "bản này không biết): chỉ xem được, không ghi; hãy dùng cadretrack {version} trở lên.",
        "The ledger {path} was written by a newer cadretrack ({version}; it has the migration {migration}, which "
        "this version does not know): it can be read, never written here; use cadretrack {version} or later.",
    ),
    "ledger_disk_full": (
        "Ổ đĩa chứa sổ theo dõi {path} đã đầy: không ghi được, sổ theo dõi giữ nguyên như trước; hãy giải phóng "
        "dung lượng rồi chạy lại.",
        "The disk holding the ledger {path} is full: nothing was written, and the ledger is as it was; free some "
        "space and run the command again.",
    ),
    "ledger_unreadable": (
        "Không đọc được sổ theo dõi {path} (SQLite báo lỗi); hãy chạy lại với --debug để xem chi tiết.",
        "Cannot read the ledger {path} (SQLite reported an error); run again with --debug for the details.",
    ),
    "restored": (
        "Đã khôi phục {path} từ {source}; bản trước khi khôi phục lưu tại {saved}.",
        "Restored {path} from {source}; the ledger as it was is saved at {saved}.",
    ),
    # What a change set did, as history says it ("{n}" the count; a zero is left out)
    "sum_created": ("{n} phân công mới", "{n} new assignments"),
    "sum_ended": ("{n} phân công kết thúc", "{n} assignments ended"),
    "sum_unchanged": ("{n} phân công giữ nguyên", "{n} assignments unchanged"),
    "sum_updated": ("{n} phân công cập nhật", "{n} assignments updated"),
    "sum_communes": ("{n} đơn vị hành chính", "{n} communes"),
    "sum_links": ("{n} liên kết đơn vị cũ – mới", "{n} old→new links"),
    "sum_filings": ("{n} văn bản", "{n} filings"),
    "sum_rule_sets": ("{n} quy định", "{n} rule sets"),
    "sum_register_rows": ("{n} dòng sổ văn bản đến", "{n} rows of the register"),
    "sum_difficulties": ("{n} khó khăn, vướng mắc", "{n} difficulties"),
    "sum_resolved": ("{n} khó khăn đã giải quyết", "{n} difficulties resolved"),
    "sum_meetings": ("{n} cuộc họp", "{n} meetings"),
    "sum_replaced": ("{n} thay văn bản đã ghi", "{n} replacing earlier filings"),
    "sum_undoes": ("hoàn tác thay đổi số {n}", "undid change set {n}"),
    "sum_nothing": ("không thay đổi gì", "nothing changed"),
    "history_title": ("Lịch sử thay đổi", "Change history"),
    "col_id": ("Số", "No."),
    "col_at": ("Thời điểm", "When"),
    "col_user": ("Người dùng", "User"),
    "col_command": ("Lệnh", "Command"),
    "col_summary": ("Kết quả", "Summary"),
    "col_state": ("Trạng thái", "State"),
    "col_code_check": ("Kiểm tra", "Check"),
    "col_level": ("Mức", "Level"),
    "col_message": ("Nội dung", "Finding"),
    "level_error": ("lỗi", "error"),
    "level_warning": ("lưu ý", "warning"),
    "check_integrity": ("Tệp hỏng", "Damaged file"),
    "check_foreign-key": ("Liên kết hỏng", "Broken reference"),
    "check_unknown-commune": ("Xã không có trong danh mục", "Commune not in the gazetteer"),
    "check_overlapping-assignments": ("Phân công chồng nhau", "Overlapping assignments"),
    "check_filing-without-assignment": ("Văn bản không gắn phân công", "Filing without assignment"),
    "check_filing-not-owed": ("Văn bản không phải nộp", "Filing not owed"),
    "check_filing-before-assignment": ("Văn bản trước ngày nhận nhiệm vụ", "Filing before the assignment"),
    "check_future-date": ("Ngày tương lai", "Date in the future"),
    "check_filing-outside-window": ("Ngày nhận quá sớm", "Received too early"),
    "check_unfollowed-commune": ("Xã chưa có người theo dõi", "Commune nobody follows"),
    "check_assignment-on-abolished-unit": ("Phân công trên đơn vị đã sắp xếp", "Assignment on an abolished unit"),
    "verify_ok": ("Sổ theo dõi toàn vẹn; không phát hiện vấn đề.", "The ledger is sound; nothing found."),
    "verify_summary": ("{errors} lỗi, {warnings} lưu ý.", "{errors} error(s), {warnings} warning(s)."),
    "verify_damaged": ("{sentence}", "{sentence}"),
    "verify_integrity": ("Tệp SQLite hỏng: {detail}.", "The SQLite file is damaged: {detail}."),
    "verify_foreign_key": ("Bảng {table}, dòng {row} trỏ tới bản ghi không có trong {parent}.", "Table {table}, row {row} points at a missing {parent} record."),
    "verify_overlap": (
        "{commune}: phân công của {first} và {second} chồng lên nhau (từ {start}).",
        "{commune}: the assignments of {first} and {second} overlap (from {start}).",
    ),
    "verify_filing_orphan": ("Văn bản số {id} không gắn với phân công nào.", "Filing {id} belongs to no assignment."),
    "verify_not_owed": (
        "Văn bản {kind} năm {year} ({commune}, {cadre}, {filed}) không thuộc nghĩa vụ của phân công nào năm đó.",
        "The {kind} of {year} ({commune}, {cadre}, {filed}) is owed by no assignment that year.",
    ),
    "verify_before_start": (
        "Văn bản {kind} năm {year} ({commune}, {cadre}) ghi ngày {filed}, trước khi nhận nhiệm vụ ({start}).",
        "The {kind} of {year} ({commune}, {cadre}) is dated {filed}, before the assignment began ({start}).",
    ),
    "verify_future": ("Văn bản {kind} năm {year} ({commune}) ghi ngày tương lai {filed}.", "The {kind} of {year} ({commune}) is dated in the future ({filed})."),
    "verify_outside_window": (
        "Văn bản {kind} năm {year} ({commune}) ghi ngày nhận {filed}, trước {start}: có nhầm năm không?",
        "The {kind} of {year} ({commune}) was received on {filed}, before {start}: the wrong year?",
    ),
    "verify_unknown_commune": ("Mã xã {commune_code} không có trong danh mục.", "Commune code {commune_code} is not in the gazetteer."),
    "verify_unfollowed": ("{commune} (mã {commune_code}) hiện chưa có cán bộ theo dõi.", "{commune} (code {commune_code}) is followed by nobody today."),
    "help_history": ("Lịch sử các thay đổi của sổ theo dõi.", "The ledger's change history."),
    "help_undo": ("Hoàn tác thay đổi gần nhất (có sao lưu trước).", "Undo the latest change (after a backup)."),
    "help_backup": ("Sao lưu sổ theo dõi.", "Back up the ledger."),
    "help_backup_output": ("Tệp sao lưu (mặc định: thư mục backups/ cạnh sổ).", "Backup file (default: backups/ beside the ledger)."),
    "help_restore": ("Khôi phục sổ theo dõi từ bản sao lưu.", "Restore the ledger from a backup."),
    "help_restore_file": ("Tệp sao lưu.", "The backup file."),
    "help_verify": (
        "Kiểm tra toàn vẹn và các mâu thuẫn trong sổ; với TỆP: kiểm tra một văn bản đã xuất có đúng từ sổ này, "
        "số liệu có bị sửa không và sổ đã thay đổi bao nhiêu lần từ đó.",
        "Check the ledger's integrity and consistency; with FILE: whether an exported document comes from this "
        "ledger, whether its figures were edited, and how much the ledger changed since.",
    ),
    "help_limit": ("Số dòng tối đa.", "At most this many."),
    "help_format_table_json": ("Định dạng: table hoặc json.", "Format: table or json."),
}
