"""The office's incoming-document register: decisions, reasons for review, results."""

MESSAGES: dict[str, tuple[str, str]] = {
    "decision_filing": ("Ghi nhận", "Filing"),
    "decision_review": ("Cần xem lại", "Review"),
    "decision_unrelated": ("Không liên quan", "Unrelated"),
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
    "place_columns_not_in_district": (
        "Các cột không khớp nhau: {given} — không có \"{name}\" trong \"{district}\". Sửa cột {district_heading} "
        "cho đúng huyện của xã (hoặc ghi Mã xã).",
        "The columns disagree: {given} — there is no \"{name}\" in \"{district}\". Correct the column "
        "{district_heading} to the commune's district (or give Mã xã).",
    ),
    "place_columns_disagree": (
        "Các cột không khớp nhau: {given} — Mã xã {code} là {commune} ({where}). Sửa các cột này cho cùng một xã, "
        "hoặc xóa cột ghi sai.",
        "The columns disagree: {given} — Mã xã {code} is {commune} ({where}). Make these columns name one commune, "
        "or clear the wrong one.",
    ),
    "answers_summary": (
        "Đã nhập tệp xem lại {path}: {added} văn bản mới, {replaced} văn bản thay thế, {unchanged} đã có; "
        "{difficulties} khó khăn, vướng mắc ghi vào sổ; {unrelated} dòng không phải văn bản theo Quy định; "
        "{withdrawn} văn bản rút lại; {waiting} dòng còn chờ trả lời.",
        "Imported the review file {path}: {added} new filing(s), {replaced} replacing one on file, {unchanged} "
        "already recorded; {difficulties} difficulties entered in the log; {unrelated} row(s) remembered as no "
        "filing of the regulation; {withdrawn} withdrawn; {waiting} row(s) still await an answer.",
    ),
    "answers_summary_dry": (
        "Chạy thử tệp xem lại {path}: {added} văn bản mới, {replaced} văn bản thay thế, {unchanged} đã có; "
        "{difficulties} khó khăn, vướng mắc sẽ ghi vào sổ; {unrelated} dòng không phải văn bản theo Quy định; "
        "{withdrawn} văn bản sẽ rút lại; {waiting} dòng còn chờ trả lời. Chưa ghi gì vào sổ theo dõi.",
        "Dry run of the review file {path}: {added} new filing(s), {replaced} replacing one on file, {unchanged} "
        "already recorded; {difficulties} difficulties to enter; {unrelated} row(s) to remember as no filing of "
        "the regulation; {withdrawn} to withdraw; {waiting} row(s) still await an answer. Nothing written.",
    ),
    "filings_superseded": (
        "Trong đó {count} văn bản thay cho văn bản đã ghi nhận trước đây (không phải văn bản mới).",
        "Of these, {count} replace a filing recorded earlier (they are not new).",
    ),
    "answers_waiting_blank": (
        "{count} dòng chưa chọn Xử lý (dòng {rows}) vẫn chờ trả lời, chưa ghi gì: chọn Xử lý cho các dòng đó rồi "
        "nhập lại tệp này.",
        "{count} row(s) with no answer in Xử lý (rows {rows}) still await an answer, nothing taken from them: choose "
        "Xử lý for them and import this file again.",
    ),
    "answers_waiting_deleted": (
        "{count} dòng đã xóa khỏi tệp này vẫn chờ trả lời (Vị trí trong sổ {places}): ghi lại tệp xem lại bằng "
        "cadretrack import filings SỔ.xlsx --review TỆP.xlsx, rồi chọn Xử lý cho từng dòng (Không phải văn bản "
        "theo Quy định cho dòng không phải văn bản phải nộp).",
        "{count} row(s) deleted from this file still await an answer (Vị trí trong sổ {places}): write the review "
        "file again with cadretrack import filings BOOK.xlsx --review FILE.xlsx and choose Xử lý for each row "
        "(Không phải văn bản theo Quy định for a row that is no filing owed).",
    ),
    "review_sheet_title": ("VĂN BẢN CẦN XEM LẠI", "ROWS TO REVIEW"),
    "review_sheet_help": (
        "Mỗi dòng là một văn bản đến cần anh/chị quyết định: chọn Xử lý cho dòng đó (xem dưới đây), điền Loại, Năm "
        "và Xã, phường, thị trấn (hoặc Mã xã; thêm Huyện khi tên trùng) cho dòng Ghi nhận, rồi nhập tệp này: "
        "cadretrack import filings <tệp>. Đừng xóa dòng và đừng sửa cột Vị trí trong sổ.",
        "Each row is an incoming document for you to decide: choose its Xử lý (below), fill in Loại, Năm and Xã, "
        "phường, thị trấn (or Mã xã; add Huyện where names repeat) for a Ghi nhận row, then import this file: "
        "cadretrack import filings <file>. Do not delete rows, do not edit the column Vị trí trong sổ.",
    ),
    "review_sheet_answers": (
        "Xử lý — Ghi nhận: ghi văn bản phải nộp theo Loại, Năm, Xã đã điền. Ghi khó khăn, vướng mắc: ghi vào sổ khó "
        "khăn, vướng mắc của xã, nêu ngày đến. Không phải văn bản theo Quy định: ghi nhớ, không hỏi lại. Để trống: "
        "chưa trả lời, dòng còn chờ và sẽ hỏi lại ở lần sau.",
        "Xử lý — Ghi nhận: record the filing by the Loại, Năm and Xã filled in. Ghi khó khăn, vướng mắc: enter it in "
        "the commune's difficulties log, raised on Ngày đến. Không phải văn bản theo Quy định: remembered, never "
        "asked again. Left blank: not yet answered, the row keeps waiting and is asked again next time.",
    ),
    "help_review": (
        "Ghi các dòng cần xem lại ra tệp .xlsx để điền và nhập lại.",
        "Write the rows to review to this .xlsx, to complete and import.",
    ),
    "help_import_format": ("table hoặc json.", "table or json."),
}
