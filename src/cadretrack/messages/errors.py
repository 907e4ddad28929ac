"""Errors and the problem table: one sentence each, naming the file, row and value."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Errors: one sentence each, naming the file, row and value where there is one.
    "error": ("Lỗi", "Error"),
    # Ctrl-C or SIGTERM: one sentence saying what was committed and which files were written.
    "interrupted": ("Đã dừng theo yêu cầu: {done}.", "Stopped on request: {done}."),
    "interrupted_ledger_unchanged": ("sổ theo dõi không thay đổi", "the ledger is unchanged"),
    "interrupted_ledger_written": (
        "đã ghi vào sổ theo dõi thay đổi {changes}, phần còn lại chưa làm (xem cadretrack history)",
        "the ledger was written: change set {changes}, the rest was not done (see cadretrack history)",
    ),
    "interrupted_restored": ("sổ theo dõi đã được khôi phục từ {source}", "the ledger was restored from {source}"),
    "interrupted_change": ("số {id} ({summary})", "{id} ({summary})"),
    "interrupted_files_written": ("đã ghi tệp {files}", "written: {files}"),
    "interrupted_files_not_written": ("chưa ghi tệp {files}", "not written: {files}"),
    "interrupted_folders_not_written": ("chưa ghi xong thư mục {folders}", "not written: the folder {folders}"),
    "interrupted_more_files": ("và {count} tệp khác", "and {count} more"),
    "interrupted_no_half_file": ("không có tệp nào ghi dở", "no file was left half-written"),
    "input_problems": (
        "Tệp {path} có {count} lỗi; sổ theo dõi không thay đổi.",
        "{path} has {count} problem(s); the ledger was not changed.",
    ),
    # The bundled vocabulary (data/vocabulary.toml) of a damaged installation: {problem} is one of vocabulary_*.
    "vocabulary_broken": (
        "Tệp từ vựng {path} của cadretrack bị hỏng: {key} {problem}. Hãy sửa tệp đó hoặc cài lại cadretrack.",
        "cadretrack's vocabulary file {path} is damaged: {key} {problem}. Fix that file or reinstall cadretrack.",
    ),
    "vocabulary_broken_file": (
        "Không dùng được tệp từ vựng {path} của cadretrack: {problem}. Hãy sửa tệp đó hoặc cài lại cadretrack.",
        "cadretrack's vocabulary file {path} cannot be used: {problem}. Fix that file or reinstall cadretrack.",
    ),
    "vocabulary_not_table": ("phải là một bảng", "must be a table"),
    "vocabulary_missing": ("bị thiếu", "is missing"),
    "vocabulary_not_text": ("phải là một chữ, không để trống", "must be a text, not empty"),
    "vocabulary_spaces": ("(\"{value}\") phải là các từ cách nhau một dấu cách", "(\"{value}\") must be words separated by one space"),
    "vocabulary_case": ("(\"{value}\") phải viết chữ thường, không dấu", "(\"{value}\") must be written in lower case, without diacritics"),
    "vocabulary_not_list": ("phải là một danh sách, không để trống", "must be a list, not empty"),
    "vocabulary_forms": ("phải là [chữ đầy đủ, chữ viết tắt]", "must be [full word, short form]"),
    "vocabulary_pair": ("phải là hai từ [trước, sau]", "must be two words [first, then]"),
    "vocabulary_unknown_name": ("không có trong tệp từ vựng (các khóa ở đây: {value})",
                                "is not a name of the vocabulary (the names here: {value})"),
    "vocabulary_unknown_key": ("không phải khóa của một mức xếp loại", "is not a key of a rating"),
    "vocabulary_twice": ("có mã \"{value}\" hai lần", "gives the code \"{value}\" twice"),
    "vocabulary_phrase": (
        "(\"{value}\") phải là các từ, từ có thể bỏ trong [ngoặc vuông], không lồng nhau",
        "(\"{value}\") must be words, those that may be left out in [brackets], not nested",
    ),
    "vocabulary_first_look": (
        "(\"{value}\") không chứa từ nào của register.first_look nên không bao giờ được xét",
        "(\"{value}\") holds no word of register.first_look, so it would never be tried",
    ),
    "vocabulary_not_toml": ("tệp không đúng dạng TOML (lỗi ở dòng {value})", "it is not valid TOML (at line {value})"),
    "vocabulary_absent": ("không có tệp này", "the file is not there"),
    "vocabulary_not_utf8": ("tệp không phải văn bản UTF-8", "it is not UTF-8 text"),
    "vocabulary_not_file": ("đó không phải là một tệp", "it is not a file"),
    "vocabulary_too_big": ("tệp lớn quá 1 MB", "it is larger than 1 MB"),
    "vocabulary_unreadable": ("không đọc được tệp ({value})", "it cannot be read ({value})"),
    "file_missing": ("Không tìm thấy tệp {path}.", "File {path} does not exist."),
    "file_save_first": (
        "Tệp {path} ({suffix}) không đọc được trực tiếp: hãy mở và lưu thành .docx (hoặc .xlsx) rồi nhập lại.",
        "{path} ({suffix}) cannot be read as it is: open it and save it as .docx (or .xlsx), then import that.",
    ),
    "file_type": (
        "Tệp {path} có đuôi {suffix}: chỉ nhận .xlsx, .xls, .ods, .csv hoặc .docx.",
        "{path} has the extension {suffix}: only .xlsx, .xls, .ods, .csv or .docx are read.",
    ),
    "csv_encoding": (
        "Tệp {path} không phải văn bản UTF-8 (có thể là mã cũ như TCVN3/VNI/Windows-1258); hãy lưu lại dạng CSV UTF-8.",
        "{path} is not UTF-8 text (perhaps a legacy encoding such as TCVN3, VNI or Windows-1258); save it again as CSV UTF-8.",
    ),
    "file_unreadable": (
        "Không đọc được tệp {path}: tệp hỏng hoặc không đúng định dạng.",
        "Cannot read {path}: the file is broken or not what its name says.",
    ),
    "file_not_excel": (
        "Tệp {path} có đuôi {suffix} nhưng không phải bảng tính (Excel hay LibreOffice).",
        "{path} has the extension {suffix} but is not a spreadsheet (Excel or LibreOffice).",
    ),
    "text_encoding": (
        "Tệp {path} không phải văn bản UTF-8 (có thể là mã cũ như TCVN3/VNI/Windows-1258); hãy lưu lại với mã UTF-8.",
        "{path} is not UTF-8 text (perhaps a legacy encoding such as TCVN3, VNI or Windows-1258); save it again as UTF-8.",
    ),
    "file_password": (
        "Tệp {path} được đặt mật khẩu; hãy bỏ mật khẩu rồi nhập lại.",
        "{path} is password-protected; remove the password and import it again.",
    ),
    "sheet_missing": (
        "Tệp {path} không có trang tính \"{sheet}\"; các trang có: {sheets}.",
        "{path} has no sheet \"{sheet}\"; its sheets are: {sheets}.",
    ),
    "file_too_big": (
        "Tệp {path} nặng {size} MB, vượt giới hạn {limit} MB (đặt CADRETRACK_MAX_INPUT_MB để đổi).",
        "{path} is {size} MB, over the {limit} MB limit (set CADRETRACK_MAX_INPUT_MB to change it).",
    ),
    "file_unzipped_too_big": (
        "Bảng tính {path} giải nén ra {size} MB, vượt giới hạn {limit} MB (CADRETRACK_MAX_UNZIPPED_MB).",
        "Workbook {path} unpacks to {size} MB, over the {limit} MB limit (CADRETRACK_MAX_UNZIPPED_MB).",
    ),
    "file_zip_ratio": (
        "Bảng tính {path} có phần {member} nén {ratio} lần, vượt giới hạn {limit} (CADRETRACK_MAX_ZIP_RATIO); có thể là tệp độc hại.",
        "Workbook {path} has a member {member} compressed {ratio} times, over the limit of {limit} (CADRETRACK_MAX_ZIP_RATIO); it may be hostile.",
    ),
    "file_too_many_rows": (
        "Trang {sheet} của {path} có {rows} dòng, vượt giới hạn {limit} (CADRETRACK_MAX_ROWS).",
        "Sheet {sheet} of {path} has {rows} rows, over the {limit} limit (CADRETRACK_MAX_ROWS).",
    ),
    "file_empty": ("Tệp {path} không có dữ liệu.", "{path} holds no data."),
    "input_is_folder": (
        "Không đọc được {path}: đó là một thư mục, không phải tệp; hãy chỉ đúng tệp cần đọc.",
        "Cannot read {path}: it is a folder, not a file; point at the file to read.",
    ),
    "input_not_regular": (
        "Không đọc {path}: đó là {kind}, không phải tệp thường; cadretrack chỉ đọc tệp thường.",
        "Cannot read {path}: it is {kind}, not a regular file; cadretrack reads regular files only.",
    ),
    "input_no_access": (
        "Không có quyền đọc tệp {path}.",
        "You have no permission to read {path}.",
    ),
    "file_reaches_too_far": (
        "Trang {sheet} của {path} có {rows} dòng, vượt giới hạn {limit} (CADRETRACK_MAX_ROWS); nếu phần lớn là "
        "dòng trống, hãy xóa các ô thừa ở xa bên dưới bảng rồi lưu lại.",
        "Sheet {sheet} of {path} has {rows} rows, over the {limit} limit (CADRETRACK_MAX_ROWS); if most are "
        "empty, delete the stray cells far below the table and save it again.",
    ),
    "file_too_many_columns": (
        "Trang {sheet} của {path} trải tới cột thứ {columns}, vượt giới hạn {limit} cột (CADRETRACK_MAX_COLUMNS); "
        "hãy xóa các ô thừa ở xa bảng rồi lưu lại.",
        "Sheet {sheet} of {path} reaches column {columns}, over the {limit}-column limit (CADRETRACK_MAX_COLUMNS); "
        "delete the stray cells far from the table and save it again.",
    ),
    "file_too_many_cells": (
        "Trang {sheet} của {path} trải {rows} dòng × {columns} cột, vượt giới hạn {limit} ô (CADRETRACK_MAX_CELLS); "
        "hãy xóa các ô thừa ở xa bảng rồi lưu lại.",
        "Sheet {sheet} of {path} spans {rows} rows × {columns} columns, over the {limit}-cell limit "
        "(CADRETRACK_MAX_CELLS); delete the stray cells far from the table and save it again.",
    ),
    "file_cell_too_long": (
        "Ô {cell} (trang {sheet}) của {path} dài {chars} ký tự, vượt giới hạn {limit} ký tự của một ô bảng tính.",
        "Cell {cell} (sheet {sheet}) of {path} holds {chars} characters, over the {limit}-character limit "
        "of a spreadsheet cell.",
    ),
    "file_cell_too_long_line": (
        "Một ô ở dòng {line} của {path} dài hơn {limit} ký tự, giới hạn của một ô bảng tính.",
        "A cell on line {line} of {path} holds more than {limit} characters, the limit of a spreadsheet cell.",
    ),
    "file_xml_dtd": (
        "Tệp {path} có khai báo DTD/thực thể trong {member}, điều tệp Office không bao giờ có; có thể là tệp độc hại, "
        "không đọc.",
        "Cannot read {path}: it holds a DTD or entity declaration in {member}, which no Office file has; it may "
        "be hostile.",
    ),
    "file_xml_too_deep": (
        "Tệp {path} có nội dung lồng nhau quá {depth} tầng trong {member} (ví dụ bảng trong bảng không dứt); không đọc.",
        "Cannot read {path}: it nests its content more than {depth} levels deep in {member} (tables inside "
        "tables without end).",
    ),
    "header_missing": (
        "Không tìm thấy dòng tiêu đề bảng trong {path} (cần ít nhất cột Họ và tên và cột Xã, phường, thị trấn hoặc Mã xã).",
        "No table header found in {path} (it needs at least a name column, Họ và tên, and a commune column, Xã, phường, thị trấn, or Mã xã).",
    ),
    "file_no_rows": (
        "Tệp {path} không có dòng phân công nào; không nhập danh sách rỗng vì sẽ kết thúc mọi phân công.",
        "{path} has no assignment rows; an empty full list would end every assignment, so it is refused.",
    ),
    "gazetteer_columns": (
        "Tệp danh mục {path} thiếu cột: {columns}.",
        "Gazetteer {path} lacks the column(s): {columns}.",
    ),
    "gazetteer_duplicate": ("Mã xã {code} lặp lại.", "Commune code {code} appears twice."),
    "ledger_missing": (
        "Không có sổ theo dõi tại {path}; chạy \"cadretrack init\" để tạo, hoặc chỉ đúng tệp bằng --db.",
        "There is no ledger at {path}; run \"cadretrack init\" to create one, or point --db at the right file.",
    ),
    "ledger_foreign": (
        "Tệp {path} đã có nhưng không phải sổ theo dõi của cadretrack; không ghi đè.",
        "{path} exists but is not a cadretrack ledger; it was left alone.",
    ),
    "ledger_busy": (
        "Sổ theo dõi đang được một cửa sổ khác ghi; hãy thử lại sau ít phút.",
        "The ledger is busy with another writer; try again in a moment.",
    ),
    "ledger_exists": ("Sổ theo dõi {path} đã có; không thay đổi gì.", "Ledger {path} already exists; nothing changed."),
    "ledger_created": (
        "Đã tạo sổ theo dõi {path}: {communes} đơn vị hành chính cấp xã ({gazetteer}), quy định {rules}.",
        "Created ledger {path}: {communes} communes ({gazetteer}), rules {rules}.",
    ),
    "rules_syntax": (
        "Tệp quy định {path} sai cú pháp TOML ở dòng {line} (xem lại dấu ngoặc, dấu nháy, dấu =).",
        "Rules file {path} has a TOML syntax error at line {line} (look at brackets, quotes and =).",
    ),
    "rules_too_deep": (
        "Tệp quy định {path} lồng ngoặc quá {depth} tầng ở dòng {line}; không đọc.",
        "Rules file {path} nests brackets more than {depth} levels deep at line {line}; it was not read.",
    ),
    "rules_regulation_missing": ("Thiếu bảng [regulation].", "The [regulation] table is missing."),
    "rules_effective_invalid": (
        "{key} phải là một ngày, ví dụ 2022-12-14.",
        "{key} must be a date such as 2022-12-14.",
    ),
    "rules_grace_invalid": (
        "{key} phải là số ngày nguyên từ {low} đến {high}.",
        "{key} must be a whole number of days from {low} to {high}.",
    ),
    "rules_boolean_invalid": ("{key} phải là true hoặc false.", "{key} must be true or false."),
    "rules_text_invalid": (
        "{key} phải là chữ trong dấu nháy, ví dụ \"Báo cáo năm\".",
        "{key} must be a text in quotes, e.g. \"Annual report\".",
    ),
    "rules_date_invalid": (
        "{key} phải là một ngày, ví dụ 2022-12-14.",
        "{key} must be a date such as 2022-12-14.",
    ),
    "rules_integer_invalid": ("{key} phải là số nguyên.", "{key} must be a whole number."),
    "rules_kinds_missing": ("Thiếu các bảng [kinds.*].", "The [kinds.*] tables are missing."),
    "rules_not_table": ("{key} phải là một bảng.", "{key} must be a table."),
    "rules_unknown_key": (
        "Không có mục \"{key}\"; có phải ý là \"{nearest}\"?",
        "No such key \"{key}\"; did you mean \"{nearest}\"?",
    ),
    "rules_kind_key": (
        "Tên loại văn bản \"{kind}\" chỉ gồm chữ thường không dấu, số và _ (tối đa 40 ký tự), ví dụ "
        "half_year, và không trùng lệnh difficulty, meeting.",
        "A kind's key \"{kind}\" holds lower-case ASCII letters, digits and _ only (at most 40), e.g. "
        "half_year, and is not difficulty or meeting (commands of record).",
    ),
    "rules_earliest_year_invalid": (
        "{key} là -1 (năm trước), 0 (cùng năm) hoặc 1 (năm sau).",
        "{key} is -1 (the year before), 0 (the same year) or 1 (the year after).",
    ),
    "rules_order_invalid": ("{key} phải là số nguyên.", "{key} must be a whole number."),
    "rules_words_invalid": (
        "{key} phải là danh sách các cụm từ, ví dụ [\"6 tháng\", \"quý\"].",
        "{key} must be a list of words, e.g. [\"6 tháng\", \"quý\"].",
    ),
    "rules_filer_invalid": ("Giá trị của {key} (người nộp) phải là một trong: {known} (cadre: cán bộ theo dõi, commune: đảng ủy xã).", "{key} must be one of: {known}."),
    "rules_due_or_before": (
        "Ghi đúng một trong hai: due (ngày cuối còn đúng hạn) hoặc before (ngày đầu tiên bị muộn).",
        "Give exactly one of due (last on-time day) or before (first late day).",
    ),
    "rules_month_day_invalid": (
        "Cần ngày/tháng như \"31/01\".",
        "A day/month such as \"31/01\" is expected.",
    ),
    "rules_override_invalid": (
        "{key} ghi năm và ngày của chính năm đó (hoặc năm liền kề), ví dụ \"2023\" = 2023-05-31.",
        "{key} map a year to a date in that year (or the next to it): \"2023\" = 2023-05-31.",
    ),
    "date_invalid": (
        "\"{value}\" không phải ngày hợp lệ (dùng dd/mm/yyyy, ví dụ 09/12/2023).",
        "\"{value}\" is not a valid date (use dd/mm/yyyy, e.g. 09/12/2023).",
    ),
    "year_invalid": ("Năm \"{value}\" không hợp lệ.", "\"{value}\" is not a valid year."),
    # Matching
    "code_invalid": ("Mã xã \"{code}\" không phải dãy số.", "Commune code \"{code}\" is not a number."),
    "code_unknown": ("Không có xã mang mã {code} trong danh mục.", "No commune has the code {code}."),
    "code_name_mismatch": (
        "Mã {code} là {actual}, không phải \"{name}\".",
        "Code {code} is {actual}, not \"{name}\".",
    ),
    "code_district_mismatch": (
        "Mã {code} ({name}) thuộc {actual}, không thuộc huyện đã ghi.",
        "Code {code} ({name}) lies in {actual}, not in the district given.",
    ),
    "commune_missing": ("Thiếu tên xã, phường, thị trấn.", "The commune is missing."),
    "commune_unknown": (
        "Không tìm thấy xã, phường, thị trấn \"{name}\".",
        "No commune named \"{name}\".",
    ),
    "commune_not_in_district": (
        "Không có \"{name}\" trong \"{district}\".",
        "There is no \"{name}\" in \"{district}\".",
    ),
    "commune_ambiguous": (
        "Tên \"{name}\" trùng nhiều đơn vị: {labels}; hãy ghi rõ huyện hoặc mã xã.",
        "\"{name}\" names several communes: {labels}; give the district or the code.",
    ),
    "commune_ambiguous_place": (
        "Tên \"{name}\" trùng nhiều đơn vị: {labels}; hãy ghi rõ huyện và tỉnh, hoặc mã xã.",
        "\"{name}\" names several communes: {labels}; give the district and the province, or the code.",
    ),
    "commune_ambiguous_province": (
        "Tên \"{name}\" trùng nhiều đơn vị: {labels}; hãy ghi rõ tỉnh, thành phố hoặc mã xã.",
        "\"{name}\" names several communes: {labels}; give the province or the code.",
    ),
    "commune_ambiguous_code": (
        "Tên \"{name}\" trùng nhiều đơn vị cùng địa bàn: {labels}; hãy ghi mã xã (số cuối trong ngoặc).",
        "\"{name}\" names several communes of the same place: {labels}; give the code (the last number in brackets).",
    ),
    "unit_mismatch": (
        "\"{name}\": không có {unit} nào mang tên này; đơn vị cùng tên thuộc loại khác.",
        "\"{name}\": no {unit_en} has this name; the unit of that name is of another type.",
    ),
    "district_unit_mismatch": (
        "\"{name}\": không có {unit} nào mang tên này; huyện cùng tên thuộc loại khác.",
        "\"{name}\": no {unit_en} has this name; the district of that name is of another type.",
    ),
    "district_unknown": ("Không tìm thấy huyện, quận, thị xã, thành phố \"{name}\".", "No district named \"{name}\"."),
    "province_ambiguous": (
        "Tên tỉnh \"{name}\" trùng nhiều tỉnh: {labels}; hãy ghi mã tỉnh.",
        "\"{name}\" names several provinces: {labels}; give the province code.",
    ),
    "commune_abolished": (
        "{name} không còn từ {date} (sau sắp xếp là {became}); hãy dùng đơn vị mới.",
        "{name} was abolished on {date} (it became {became}); use the new unit.",
    ),
    "commune_not_yet": (
        "{name} chỉ có từ {date} (sau sắp xếp); trước ngày đó hãy dùng đơn vị cũ.",
        "{name} exists only from {date} (after the reform); before that date use the old unit.",
    ),
    "mapping_part": (
        "Cột part phải là whole (toàn bộ) hoặc part (một phần).",
        "The part column must be whole or part.",
    ),
    "generation_not_after": (
        "Ngày hiệu lực {date} phải sau ngày hiệu lực của danh mục đơn vị mới nhất trong sổ ({latest}).",
        "The effective date {date} must be after that of the ledger's latest units ({latest}).",
    ),
    "province_unknown": ("Không tìm thấy tỉnh \"{name}\".", "No province named \"{name}\"."),
    "cadre_unknown": (
        "Không có cán bộ \"{name}\" trong sổ.",
        "No cadre named \"{name}\" in the ledger.",
    ),
    "name_missing": ("Thiếu họ và tên cán bộ.", "The cadre's name is missing."),
    "commune_repeated": (
        "{name} đã có ở dòng {first}; mỗi xã chỉ một cán bộ theo dõi.",
        "{name} is already listed at row {first}; one cadre follows each commune.",
    ),
    "assignment_later": (
        "Sổ đã có phân công cho {commune} từ {start}, sau ngày hiệu lực {effective}; hãy nhập các quyết định theo thứ tự ngày.",
        "The ledger already has an assignment for {commune} from {start}, after the effective date {effective}; import decisions in date order.",
    ),
    "assignment_void_has_filings": (
        "Phân công {commune} – {cadre} từ {start} đã có văn bản nộp; không thể hủy.",
        "The assignment {commune} – {cadre} from {start} has filings; it cannot be voided.",
    ),
    # Problem table
    "col_sheet": ("Trang", "Sheet"),
    "col_row": ("Dòng", "Row"),
    "col_line": ("Dòng", "Line"),
    "output_suffix": (
        "Không ghi được {path}: chỉ ghi tệp {accepted}.",
        "Cannot write {path}: the file must end in {accepted}.",
    ),
    "col_key": ("Khóa", "Key"),
    "col_column": ("Cột", "Column"),
    "col_value": ("Giá trị", "Value"),
    "col_why": ("Lỗi", "Problem"),
    "col_suggestion": ("Gợi ý", "Suggestion"),
    "field_name": ("Họ và tên", "Name"),
    "field_commune": ("Xã, phường, thị trấn", "Commune"),
    "field_district": ("Huyện, thành phố", "District"),
    "field_code": ("Mã xã", "Commune code"),
    "field_date": ("Ngày", "Date"),
    "field_kind": ("Loại", "Kind"),
    "field_year": ("Năm", "Year"),
    "field_rating": ("Xếp loại", "Rating"),
    "field_score": ("Điểm", "Score"),
    "field_cadre": ("Cán bộ theo dõi", "Cadre"),
}
