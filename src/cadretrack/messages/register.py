"""The office's incoming-document register: decisions, reasons for review, results."""

MESSAGES: dict[str, tuple[str, str]] = {
    "office_title_filing": ("Văn bản theo Quy định 26 được ghi nhận", "Filings of Regulation 26 recorded"),
    "office_title_filing_dry": ("Văn bản theo Quy định 26 sẽ được ghi nhận", "Filings of Regulation 26 to record"),
    "office_title_review": ("Văn bản cần xem lại", "Rows to review"),
    "office_done": (
        "Đã đọc sổ {path}: {filing} văn bản theo Quy định 26 ({added} mới, {unchanged} đã có), "
        "{unrelated} văn bản khác, {review} cần xem lại; {known} dòng đã quyết định ở lần nhập trước.",
        "Read the register {path}: {filing} filings of Regulation 26 ({added} new, {unchanged} already recorded), "
        "{unrelated} other documents, {review} to review; {known} rows decided at an earlier import.",
    ),
    "office_still_awaiting": (
        "{count} dòng đã hỏi ở lần nhập trước vẫn chờ trả lời (cột Xử lý của tệp xem lại).",
        "{count} row(s) asked about at an earlier import still await an answer (column Xử lý of the review file).",
    ),
    "office_changed": (
        "{count} dòng đã sửa trong sổ từ lần nhập trước, được xem xét lại (dòng {rows}).",
        "{count} row(s) changed in the book since an earlier import, decided again (rows {rows}).",
    ),
    "office_withdrawn": (
        "{withdrawn} văn bản đã ghi nhận trước đây được rút lại và {replaced} được thay thế, vì dòng trong sổ đã "
        "sửa không còn là văn bản đó (dòng {rows}); hoàn tác bằng cadretrack undo.",
        "{withdrawn} filing(s) recorded earlier withdrawn and {replaced} replaced, because the row corrected in the "
        "book is no longer that filing (rows {rows}); cadretrack undo reverts it.",
    ),
    "office_withdrawn_dry": (
        "{withdrawn} văn bản đã ghi nhận trước đây sẽ được rút lại và {replaced} sẽ được thay thế, vì dòng trong "
        "sổ đã sửa không còn là văn bản đó (dòng {rows}).",
        "{withdrawn} filing(s) recorded earlier would be withdrawn and {replaced} replaced, because the row "
        "corrected in the book is no longer that filing (rows {rows}).",
    ),
    "office_dry": (
        "Chạy thử sổ {path}: {filing} văn bản theo Quy định 26 ({added} sẽ thêm, {unchanged} đã có), "
        "{unrelated} văn bản khác, {review} cần xem lại; {known} dòng đã quyết định ở lần nhập trước. "
        "Chưa ghi gì vào sổ theo dõi.",
        "Dry run of the register {path}: {filing} filings of Regulation 26 ({added} to add, {unchanged} already "
        "recorded), {unrelated} other documents, {review} to review; {known} rows decided at an earlier import. "
        "Nothing written to the ledger.",
    ),
    "office_review_written": (
        "Các dòng cần xem lại đã ghi vào {path}: điền Loại, Năm, Xã rồi nhập lại bằng cadretrack import filings.",
        "The rows to review are in {path}: fill in Loại, Năm and Xã, then import it with cadretrack import filings.",
    ),
    "office_review_hint": (
        "Dùng --review TỆP.xlsx để lấy các dòng này ra bảng tính, điền đủ rồi nhập lại.",
        "Use --review FILE.xlsx to get these rows as a workbook to complete and import.",
    ),
    "office_more": (
        "… và {count} dòng nữa: xem đủ bằng --format json (hoặc --review TỆP.xlsx cho các dòng cần xem lại).",
        "… and {count} more: see them all with --format json (or --review FILE.xlsx for the rows to review).",
    ),
    "col_year": ("Năm", "Year"),
    "col_sender": ("Tác giả", "Sender"),
    "col_doc_summary": ("Trích yếu", "Summary"),
    "col_reason": ("Lý do", "Reason"),
    # Why a row awaits review
    "review_date": ("Không đọc được ngày đến \"{value}\".", "The date received \"{value}\" cannot be read."),
    "review_kind_unknown": (
        "Trích yếu không cho biết là chương trình, báo cáo hay nhận xét, đánh giá.",
        "The summary does not say whether it is a program, a report or an evaluation.",
    ),
    "answer_unknown": (
        "Xử lý \"{value}\" không rõ; chọn một trong: {answers}.",
        "Unknown answer \"{value}\"; choose one of: {answers}.",
    ),
    "review_difficulties": (
        "Báo cáo khó khăn, vướng mắc: ghi vào sổ khó khăn của xã (Xử lý: Ghi khó khăn, vướng mắc), không phải "
        "văn bản phải nộp.",
        "A report of difficulties: for the commune's difficulties log (answer: Ghi khó khăn, vướng mắc), not a "
        "filing owed.",
    ),
    "review_sender_district": (
        "Do {sender} gửi: văn bản tổng hợp của cấp huyện, không phải văn bản của một cán bộ hay một xã.",
        "Sent by {sender}: a district's summary, not a filing of one cadre or one commune.",
    ),
    "review_sender_not_filer": (
        "{kind} do {filer} gửi, nhưng văn bản này do {sender} gửi.",
        "A {kind} is sent by {filer}, but this one comes from {sender}.",
    ),
    "review_ruled_out": (
        "Có cụm từ \"{words}\": không phải {kind} theo Quy định (báo cáo một phần năm, đột xuất hay sơ kết).",
        "It says \"{words}\": not the {kind} the regulation owes (a report of part of the year, ad hoc or interim).",
    ),
    "review_other_type": (
        "Văn bản loại {type}, không phải chương trình, báo cáo hay nhận xét, đánh giá.",
        "A document of type {type}: not a program, a report or an evaluation.",
    ),
    "review_two_communes": ("Trích yếu nêu nhiều xã: {places}.", "The summary names several communes: {places}."),
    "review_sender_other_commune": (
        "Nơi gửi ({sender}) và trích yếu ({place}) nêu hai xã khác nhau.",
        "The sender ({sender}) and the summary ({place}) name different communes.",
    ),
    "review_place_unknown": (
        "Không tìm thấy \"{place}\" trong danh mục xã, phường, thị trấn.",
        "\"{place}\" is not in the list of communes.",
    ),
    "review_no_clue": (
        "Trích yếu không nêu xã; nơi gửi ({sender}) không phải cơ quan có cán bộ theo dõi.",
        "The summary names no commune and the sender ({sender}) is no agency with a cadre assigned.",
    ),
    "review_agency_other_commune": (
        "{agency} không có cán bộ phải nộp {kind} năm {year} cho {place}.",
        "{agency} has no cadre owing the {kind} of {year} for {place}.",
    ),
    "review_nobody_owes": (
        "Không có cán bộ nào phải nộp {kind} năm {year} cho {place}.",
        "Nobody owes the {kind} of {year} for {place}.",
    ),
    "review_place_ambiguous": (
        "{place} có ở {count} nơi ({labels}); hãy ghi rõ huyện hoặc mã xã.",
        "{place} exists in {count} places ({labels}); give the district or the code.",
    ),
    "review_agency_several": (
        "{agency} có {count} cán bộ theo dõi ({cadres}), trích yếu không nêu xã.",
        "{agency} has {count} cadres assigned ({cadres}) and the summary names no commune.",
    ),
    "review_several": ("Có nhiều cán bộ phù hợp: {cadres}.", "Several cadres fit: {cadres}."),
    "review_recorded": (
        "Đã ghi nhận {kind} năm {year} của {commune} ngày {date}; nếu cần thay, dùng record --replace.",
        "The {kind} of {year} for {commune} is already recorded on {date}; use record --replace to supersede it.",
    ),
    "review_repeated": ("Trùng với văn bản ở dòng {row}.", "The same filing as row {row}."),
    # A review workbook read back: tied to its ledger and its book
    "answers_not_stamped": (
        "Bảng {sheet} có cột Vị trí trong sổ nhưng không mang dấu của sổ theo dõi này: không phải tệp xem lại do "
        "cadretrack ghi (hoặc đã chép sang tệp khác). Ghi lại tệp xem lại bằng cadretrack import filings SỔ.xlsx "
        "--review TỆP.xlsx rồi điền vào tệp đó.",
        "Sheet {sheet} has the column Vị trí trong sổ but no stamp of this ledger: it is not a review file "
        "cadretrack wrote (or it was copied into another file). Write the review file again with cadretrack import "
        "filings BOOK.xlsx --review FILE.xlsx and fill that one in.",
    ),
    "answers_other_ledger": (
        "Tệp xem lại này do một sổ theo dõi khác ghi (mã {value}), không phải sổ này: các câu trả lời của nó không "
        "nhập vào đây.",
        "This review file was written by another ledger (identity {value}), not this one: its answers are not "
        "taken here.",
    ),
    "answers_done": (
        "Các câu trả lời khác: {difficulties} khó khăn, vướng mắc ghi vào sổ khó khăn; {unrelated} dòng ghi nhớ "
        "không phải văn bản theo Quy định; {replaced} văn bản thay cho câu trả lời trước, {withdrawn} văn bản rút "
        "lại.",
        "The other answers: {difficulties} difficulties entered in the log; {unrelated} row(s) remembered as no "
        "filing of the regulation; {replaced} filing(s) replacing an earlier answer, {withdrawn} withdrawn.",
    ),
    "answers_dry": (
        "Các câu trả lời khác sẽ: ghi {difficulties} khó khăn, vướng mắc; ghi nhớ {unrelated} dòng không phải văn "
        "bản theo Quy định; thay {replaced} văn bản của câu trả lời trước, rút lại {withdrawn} văn bản.",
        "The other answers would: enter {difficulties} difficulties; remember {unrelated} row(s) as no filing of "
        "the regulation; replace {replaced} filing(s) of an earlier answer, withdraw {withdrawn}.",
    ),
    "answer_place_missing": (
        "Dòng không có Vị trí trong sổ: không biết là dòng nào của sổ văn bản đến.",
        "The row has no Vị trí trong sổ: which row of the register it answers is unknown.",
    ),
    "answer_place_twice": (
        "Vị trí trong sổ {place} đã được trả lời ở dòng {first}: mỗi văn bản đến chỉ trả lời một lần.",
        "Vị trí trong sổ {place} is answered already at row {first}: each incoming document is answered once.",
    ),
    "answer_place_unknown": (
        "Vị trí trong sổ {place} không phải một dòng tệp này hỏi và sổ theo dõi đang chờ trả lời (hoặc đã trả lời "
        "trước đây); đừng sửa cột này.",
        "Vị trí trong sổ {place} is no row this file asks about that the ledger awaits an answer for (or had "
        "answered); do not edit this column.",
    ),
    "review_sheet_title": ("VĂN BẢN CẦN XEM LẠI", "ROWS TO REVIEW"),
    "review_sheet_help": (
        "Điền Loại, Năm và Xã, phường, thị trấn (hoặc Mã xã; thêm Huyện khi tên trùng), xóa các dòng không phải "
        "văn bản theo Quy định 26, rồi nhập tệp này: cadretrack import filings <tệp>.",
        "Fill in Loại, Năm and Xã, phường, thị trấn (or Mã xã; add Huyện where names repeat), delete the rows that "
        "are no filing of Regulation 26, then import this file: cadretrack import filings <file>.",
    ),
    "help_review": (
        "Ghi các dòng cần xem lại ra tệp .xlsx để điền và nhập lại.",
        "Write the rows to review to this .xlsx, to complete and import.",
    ),
    "help_import_format": ("table hoặc json.", "table or json."),
}
