"""The ledger as known at a moment, the provenance stamp of documents, `verify FILE`, `diff`."""

MESSAGES: dict[str, tuple[str, str]] = {
    "help_known_on": (
        "Theo sổ theo dõi như đã biết vào lúc này (dd/mm/yyyy hoặc dd/mm/yyyy HH:MM, giờ máy; chỉ ngày: "
        "cuối ngày đó): chỉ tính các thay đổi đã ghi đến lúc đó.",
        "As the ledger stood at this moment (dd/mm/yyyy or dd/mm/yyyy HH:MM, local time; a date alone: the "
        "end of that day): only the change sets committed by then count.",
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
