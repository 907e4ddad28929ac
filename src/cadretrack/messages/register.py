"""The office's incoming-document register: decisions, reasons for review, results."""

MESSAGES: dict[str, tuple[str, str]] = {
    "office_title_filing": ("Văn bản theo Quy định 26 được ghi nhận", "Filings of Regulation 26 recorded"),
    "office_title_filing_dry": ("Văn bản theo Quy định 26 sẽ được ghi nhận", "Filings of Regulation 26 to record"),
    "office_title_review": ("Văn bản cần xem lại", "Rows to review"),
    "office_done": (
        "Đã nhập sổ {path}: {filing} văn bản theo Quy định 26 ({added} mới ghi nhận, {unchanged} đã có), "
        "{unrelated} văn bản khác, {review} cần xem lại; {known} dòng đã quyết định ở lần nhập trước.",
        "Imported the register {path}: {filing} filings of Regulation 26 ({added} newly recorded, {unchanged} already recorded), "
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
        "Các dòng cần xem lại đã ghi vào {path}: chọn Xử lý cho từng dòng (với Ghi nhận, điền Loại, Năm, Xã) rồi "
        "nhập lại bằng cadretrack import filings {path}.",
        "The rows to review are in {path}: choose Xử lý for each row (for Ghi nhận, fill in Loại, Năm and Xã), "
        "then import it with cadretrack import filings {path}.",
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
    "difficulty_sender_other": (
        "văn bản do {sender} gửi, không phải của Đảng ủy {commune} hay của đồng chí {cadre} ({agency}), người theo dõi xã: "
        "sổ khó khăn, vướng mắc chỉ ghi những gì cán bộ theo dõi hoặc xã nêu. Nếu đúng là của họ, hãy sửa cột Tác giả; "
        "nếu không, chọn \"Không phải văn bản theo Quy định\".",
        "sent by {sender}, neither the Party committee of {commune} nor {cadre} ({agency}), who follows it: the "
        "difficulties log holds what the cadre or the commune raised. If it is theirs, correct the Tác giả column; "
        "if not, choose \"Không phải văn bản theo Quy định\".",
    ),
    "review_out_answered": (
        "{path} là tệp xem lại có {count} dòng đã chọn Xử lý mà chưa nhập: ghi đè sẽ mất các câu trả lời đó. "
        "Hãy nhập tệp này trước (cadretrack import filings {path}), rồi ghi lại các dòng còn chờ.",
        "{path} is a review file with {count} row(s) answered in Xử lý and not imported yet: writing over it "
        "would lose those answers. Import it first (cadretrack import filings {path}), then write the rows still "
        "waiting again.",
    ),
    "review_sender_not_cadre": (
        "Văn bản do {sender} gửi, nhưng {place} do đồng chí {cadre} ({agency}) theo dõi: hãy xem ai là người nộp.",
        "Sent by {sender}, but {place} is followed by {cadre} ({agency}): check who filed it.",
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
        "Đã ghi nhận {kind} năm {year} của {commune} ngày {date}; nếu văn bản này thay văn bản đó, chọn Xử lý "
        "\"Ghi nhận, thay văn bản đã ghi\".",
        "The {kind} of {year} for {commune} is already recorded on {date}; if this one supersedes it, answer "
        "\"Ghi nhận, thay văn bản đã ghi\" in Xử lý.",
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
    "answers_summary": (
        "Đã nhập tệp xem lại {path}: {new} văn bản mới, {replaced} văn bản thay văn bản đã ghi, {unchanged} đã có; "
        "{difficulties} khó khăn, vướng mắc ghi vào sổ khó khăn; {unrelated} dòng ghi nhớ không phải văn bản theo "
        "Quy định; {withdrawn} văn bản rút lại; {waiting} dòng còn chờ trả lời.",
        "Imported the review file {path}: {new} new filing(s), {replaced} replacing one on file, {unchanged} already "
        "recorded; {difficulties} difficulties entered in the log; {unrelated} row(s) remembered as no filing of the "
        "regulation; {withdrawn} filing(s) withdrawn; {waiting} row(s) still awaiting an answer.",
    ),
    "answers_summary_dry": (
        "Chạy thử tệp xem lại {path}: sẽ thêm {new} văn bản mới, thay {replaced} văn bản đã ghi, {unchanged} đã có; "
        "sẽ ghi {difficulties} khó khăn, vướng mắc vào sổ khó khăn; ghi nhớ {unrelated} dòng không phải văn bản theo "
        "Quy định; rút lại {withdrawn} văn bản; {waiting} dòng còn chờ trả lời. Chưa ghi gì vào sổ theo dõi.",
        "Dry run of the review file {path}: {new} new filing(s) to add, {replaced} to replace one on file, "
        "{unchanged} already recorded; {difficulties} difficulties to enter; {unrelated} row(s) to remember as no "
        "filing of the regulation; {withdrawn} filing(s) to withdraw; {waiting} row(s) still awaiting an answer. "
        "Nothing written to the ledger.",
    ),
    "row_needs_who": (
        "Chưa biết văn bản của ai: ghi tên xã vào cột {commune_col} (hoặc mã vào cột {code_col}), hoặc tên cán bộ "
        "vào cột {cadre_col}.",
        "Whose filing is unknown: write the commune in the column {commune_col} (or its code in {code_col}), or the "
        "cadre's name in {cadre_col}.",
    ),
    "row_ambiguous": (
        "{who} có nhiều phân công trong năm {year}: {candidates}; ghi rõ cán bộ ở cột {cadre_col} hoặc xã ở cột "
        "{commune_col}.",
        "{who} has several assignments during {year}: {candidates}; write the cadre in the column {cadre_col} or "
        "the commune in {commune_col}.",
    ),
    "row_commune_not_in_district": (
        "Cột {commune_col} ghi \"{commune_value}\" nhưng cột {district_col} ghi \"{district_value}\": không có "
        "\"{name}\" trong \"{district}\". Sửa một trong hai cột (hoặc xóa cột {district_col}).",
        "The column {commune_col} says \"{commune_value}\" but {district_col} says \"{district_value}\": there is "
        "no \"{name}\" in \"{district}\". Correct one of them (or clear {district_col}).",
    ),
    "row_code_district_mismatch": (
        "Cột {code_col} ghi {code} ({name}, thuộc {actual}) nhưng cột {district_col} ghi \"{district_value}\". "
        "Sửa một trong hai cột.",
        "The column {code_col} says {code} ({name}, in {actual}) but {district_col} says \"{district_value}\". "
        "Correct one of them.",
    ),
    "row_code_name_mismatch": (
        "Cột {code_col} ghi {code} ({actual}) nhưng cột {commune_col} ghi \"{commune_value}\". Sửa một trong hai "
        "cột (hoặc xóa cột {code_col}).",
        "The column {code_col} says {code} ({actual}) but {commune_col} says \"{commune_value}\". Correct one of "
        "them (or clear {code_col}).",
    ),
    "row_duplicate": (
        "Văn bản đến ngày {received}: đã ghi nhận {kind} (năm {year}) của {commune} ngày {date}. Nếu văn bản "
        "này thay văn bản đó, ghi \"{replace}\" vào cột {action}.",
        "The document received on {received}: the {kind} of {year} for {commune} is already recorded ({date}). If "
        "this one supersedes it, write \"{replace}\" in the column {action}.",
    ),
    "answered_difficulty": (
        "Đã trả lời \"{answer}\": ghi vào sổ khó khăn, vướng mắc; không phải văn bản phải nộp.",
        "Answered \"{answer}\": entered in the difficulties log; no filing owed.",
    ),
    "answered_unrelated": (
        "Đã trả lời \"{answer}\": ghi nhớ để không hỏi lại; không ghi gì vào sổ theo dõi.",
        "Answered \"{answer}\": remembered so it is not asked again; nothing recorded.",
    ),
    "review_of_review": (
        "{path} là tệp xem lại: các dòng chưa trả lời vẫn nằm trong chính tệp đó, không ghi tệp {review}. "
        "Bỏ --review, hoặc nhập lại sổ văn bản đến với --review để có tệp xem lại mới.",
        "{path} is a review workbook: the rows not yet answered stay in it, so {review} is not written. Leave "
        "out --review, or import the register again with --review for a new review workbook.",
    ),
    "answer_blank": (
        "Chưa chọn {column}: dòng này chưa được trả lời, chưa ghi gì, vẫn chờ lần nhập sau.",
        "No answer in {column} yet: the row is not answered, nothing was recorded, it waits for the next import.",
    ),
    "answers_blank": (
        "{count} dòng để trống cột Xử lý (dòng {rows}): chưa ghi gì cho các dòng này, chúng vẫn chờ trả lời. Chọn "
        "Xử lý cho từng dòng rồi nhập lại tệp này.",
        "{count} row(s) leave the column Xử lý blank (rows {rows}): nothing was recorded for them, they still await "
        "an answer. Choose an answer in Xử lý for each and import this file again.",
    ),
    "answers_deleted": (
        "{count} dòng đã bị xóa khỏi tệp xem lại nhưng vẫn chờ trả lời (Vị trí trong sổ {places}): xóa dòng không "
        "phải là trả lời. Ghi lại tệp xem lại bằng cadretrack import filings SỔ.xlsx --review TỆP.xlsx, rồi ở cột "
        "Xử lý chọn Ghi nhận, Ghi khó khăn, vướng mắc hoặc Không phải văn bản theo Quy định cho từng dòng.",
        "{count} row(s) were deleted from the review file but still await an answer (Vị trí trong sổ {places}): "
        "deleting a row does not answer it. Write the review file again with cadretrack import filings BOOK.xlsx "
        "--review FILE.xlsx, then choose Ghi nhận, Ghi khó khăn, vướng mắc or Không phải văn bản theo Quy định in "
        "the column Xử lý of each row.",
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
        "Chọn ở cột Xử lý một câu trả lời cho từng dòng, rồi nhập tệp này: cadretrack import filings <tệp>. Dòng "
        "để trống Xử lý là chưa trả lời: không ghi gì, vẫn chờ lần sau. Đừng xóa dòng; đừng sửa cột Vị trí trong sổ.",
        "Choose an answer in the column Xử lý for each row, then import this file: cadretrack import filings <file>. "
        "A row whose Xử lý is blank is not answered: nothing is recorded, it waits for next time. Do not delete "
        "rows; do not edit the column Vị trí trong sổ.",
    ),
    "review_answer_record": (
        "ghi nhận văn bản phải nộp, theo Loại, Năm, Xã, phường, thị trấn (hoặc Mã xã; thêm Huyện khi tên trùng) "
        "và Cán bộ theo dõi đã điền; ghi vào sổ theo dõi vào Ngày đến.",
        "record the filing owed, as Loại, Năm, Xã, phường, thị trấn (or Mã xã; Huyện where names repeat) and Cán "
        "bộ theo dõi say; recorded on its Ngày đến.",
    ),
    "review_answer_difficulty": (
        "báo cáo khó khăn, vướng mắc: ghi vào sổ khó khăn của xã ở cột Xã, phường, thị trấn, nêu vào ngày ở cột Ngày đến; "
        "không phải văn bản phải nộp.",
        "a report of difficulties: entered in the difficulties log of the commune in Xã, phường, thị trấn, raised "
        "on its Ngày đến; no filing owed.",
    ),
    "review_answer_unrelated": (
        "không phải văn bản phải nộp theo Quy định: ghi nhớ để không hỏi lại, không ghi gì vào sổ theo dõi.",
        "no filing the regulation owes: remembered so it is not asked again, nothing recorded.",
    ),
    "review_answer_replace": (
        "như Ghi nhận, khi văn bản cùng loại, cùng năm của xã đó đã được ghi nhận: văn bản này thay văn bản đã "
        "ghi (bản cũ vẫn lưu trong lịch sử).",
        "as Ghi nhận, when the same kind and year of that commune is already recorded: this one supersedes it "
        "(the earlier one stays in history).",
    ),
    "review_answer_blank": ("(để trống) chưa trả lời: không ghi gì, dòng vẫn chờ.",
                            "(blank) not answered yet: nothing recorded, the row waits."),
    "help_review": (
        "Ghi các dòng cần xem lại ra tệp .xlsx để điền và nhập lại.",
        "Write the rows to review to this .xlsx, to complete and import.",
    ),
    "help_import_format": ("table hoặc json.", "table or json."),
    "filings_superseded": (
        "Và {count} văn bản thay cho văn bản đã ghi nhận trước đây (--replace), không tính là văn bản mới.",
        "And {count} filing(s) replacing one recorded earlier (--replace), not counted as new.",
    ),
}
