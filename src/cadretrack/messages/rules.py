"""The rules file's keys, what each means (domain/rule_keys.py names them), and the
comments `rules --format toml` writes around them."""

MESSAGES: dict[str, tuple[str, str]] = {
    "rulekey_regulation_name": (
        "tên đầy đủ của quy định, như các văn bản ghi",
        "the regulation's full name, as documents give it",
    ),
    "rulekey_regulation_short_name": (
        "tên ngắn dùng trong tiêu đề (\"Quy định số 26-QĐ/TU\")",
        "its short name for titles (\"Quy định số 26-QĐ/TU\")",
    ),
    "rulekey_regulation_guidance": (
        "văn bản hướng dẫn thực hiện",
        "the guidance it is applied by",
    ),
    "rulekey_regulation_effective": (
        "ngày có hiệu lực: không có nghĩa vụ nào có hạn trước ngày này",
        "the day it took effect: nothing due before it is owed",
    ),
    "rulekey_regulation_grace_days": (
        "số ngày cán bộ nhận nhiệm vụ sau hạn nộp vẫn phải nộp (loại có late_start_grace)",
        "days after starting within which a cadre who starts after the deadline still owes it",
    ),
    "rulekey_regulation_next_working_day": (
        "hạn rơi vào thứ Bảy, Chủ nhật, ngày lễ thì lùi sang ngày làm việc kế tiếp",
        "a deadline on a weekend or public holiday moves to the next working day",
    ),
    "rulekey_regulation_holiday_country": (
        "nước có ngày lễ được tính (mã nước)",
        "the country whose public holidays count",
    ),
    "rulekey_organization_any": (
        "phần đầu và khối chữ ký của văn bản xuất ra (party_committee, board, place, letter_number, " "report_number, signer_title, signer_name, preparer_name)",
        "the header and signature block of exported documents (party_committee, board, place, letter_number, " "report_number, signer_title, signer_name, preparer_name)",
    ),
    "rulekey_kind_label_vi": (
        "tên loại văn bản bằng tiếng Việt, như văn bản và thông báo ghi (không ghi: khóa của loại)",
        "the kind's Vietnamese name (when absent: its key)",
    ),
    "rulekey_kind_label_en": (
        "tên loại văn bản bằng tiếng Anh (không ghi: như label_vi)",
        "the kind's English name, as English messages give it (when absent: label_vi)",
    ),
    "rulekey_kind_filer": (
        "ai nộp: \"cadre\" (cơ quan của cán bộ theo dõi) hoặc \"commune\" (đảng ủy xã)",
        "who files it: \"cadre\" (the cadre's agency) or \"commune\" (the commune's party committee)",
    ),
    "rulekey_kind_due": (
        "hạn nộp: ngày cuối cùng còn đúng hạn",
        "its deadline: the last on-time day",
    ),
    "rulekey_kind_before": (
        "hạn nộp kiểu \"trước ngày\": ngày đầu tiên bị muộn",
        "its deadline as \"before\": the first late day",
    ),
    "rulekey_kind_overrides": (
        "hạn riêng của từng năm",
        "a year's own deadline",
    ),
    "rulekey_kind_late_start_grace": (
        "cán bộ nhận nhiệm vụ sau hạn vẫn phải nộp, trong grace_days ngày",
        "owed, grace_days after starting, by a cadre who starts after the deadline",
    ),
    "rulekey_kind_rating": (
        "có xếp loại và điểm",
        "it carries a rating (xếp loại) and a score",
    ),
    "rulekey_kind_earliest": (
        "ngày sớm nhất có thể nhận văn bản của năm",
        "the first day a filing of the year could arrive",
    ),
    "rulekey_kind_earliest_year": (
        "năm của ngày đó so với năm của văn bản (-1: năm trước)",
        "that day's year against the filing's (-1: the year before)",
    ),
    "rulekey_kind_order": (
        "thứ tự trong các bảng (không ghi: thứ tự trong tệp này)",
        "its place in tables (when absent: its place in this file)",
    ),
    "rulekey_kind_types": (
        "tên loại văn bản mang nó trong sổ văn bản đến (\"Báo cáo\")",
        "the document types that carry it in a register",
    ),
    "rulekey_kind_codes": (
        "ký hiệu loại trong số văn bản (\"BC\" của 123-BC/STC)",
        "number codes that carry it (\"BC\" of 123-BC/STC)",
    ),
    "rulekey_kind_words": (
        "chữ nói lên loại này dù văn bản thuộc loại gì (\"nhận xét\")",
        "words that say it whatever the type",
    ),
    "rulekey_kind_hints": (
        "chữ gợi ý loại này khi tên loại văn bản không nói gì",
        "words that suggest it when the type says nothing",
    ),
    "rulekey_kind_not_words": (
        "chữ loại trừ: báo cáo sáu tháng không phải báo cáo năm",
        "words that rule it out: a six-month report",
    ),
    # The type of a key and the check its value must pass, as the comments and the README say them.
    "ruletype_text": ("chữ trong dấu nháy", "a text in quotes"),
    "ruletype_date": ("ngày, 2022-12-14 hoặc \"dd/mm/yyyy\"", "a date, 2022-12-14 or \"dd/mm/yyyy\""),
    "ruletype_month_day": ("ngày trong năm \"dd/mm\"", "a day of the year, \"dd/mm\""),
    "ruletype_integer": ("số nguyên", "a whole number"),
    "ruletype_boolean": ("true hoặc false", "true or false"),
    "ruletype_words": ("danh sách cụm từ [\"…\", \"…\"]", "a list of words [\"…\", \"…\"]"),
    "ruletype_table": ("bảng năm = ngày { \"2023\" = 2023-05-31 }", "a table year = date { \"2023\" = 2023-05-31 }"),
    "rulecheck_between": ("từ {low} đến {high}", "from {low} to {high}"),
    "rulecheck_one_of": ("một trong: {values}", "one of: {values}"),
    "rulecheck_either": ("ghi {name} hoặc {other}, không ghi cả hai", "{name} or {other}, not both"),
    "rulecheck_required": ("bắt buộc", "required"),
    "ruledoc_table": ("Bảng / table", "Table"),
    "ruledoc_key": ("Khóa / key", "Key"),
    "ruledoc_type": ("Kiểu, điều kiện / type, check", "Type, check"),
    "ruledoc_default": ("Mặc định / default", "Default"),
    "ruledoc_meaning": ("Ý nghĩa", "Meaning"),
    "rules_toml_intro": (
        "# Quy định theo dõi của cadretrack. Sửa rồi nạp bằng: cadretrack init --rules TỆP (sổ mới)\n"
        "# hoặc cadretrack rules set TỆP --effective NGÀY (sổ đang dùng). Ngày viết 2023-05-31 hoặc\n"
        "# \"dd/mm/yyyy\"; ngày trong năm viết \"dd/mm\". Mỗi mục [kinds.KHÓA] là một loại văn bản phải nộp.",
        "# cadretrack's rules. Edit, then load with: cadretrack init --rules FILE (a new ledger)\n"
        "# or cadretrack rules set FILE --effective DATE (a ledger in use). Dates are 2023-05-31 or\n"
        "# \"dd/mm/yyyy\"; month-days are \"dd/mm\". Each [kinds.KEY] is a kind of filing owed.",
    ),
    "rules_toml_key": ("# {name}: {help} — {type}", "# {name}: {help} — {type}"),
    "rules_toml_key_default": ("# {name}: {help} — {type}; mặc định: {default}", "# {name}: {help} — {type}; default: {default}"),
}
