"""The framework's own words (help headings, the help option, usage errors) in the clerk's
language, and in English with --lang en."""

import pytest

ENGLISH = ("Usage:", "Options", "Commands", "Show this message", "No such option", "Invalid value",
           "Missing option", "Error:", "Try '", "No such command", "Got unexpected")


@pytest.mark.parametrize("args", [[], ["check"], ["import", "filings"], ["record", "report"]])
def test_help_in_vietnamese(cli, args):
    result = cli(*args, "--help", lang="vi")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("Cách dùng: ") and "Tùy chọn" in text and "Xem hướng dẫn này rồi thoát." in text
    assert not any(word in text for word in ENGLISH), text
    english = cli(*args, "--help", lang="en").stdout
    assert english.startswith("Usage: ") and "Options" in english and "Show this message and exit." in english
    if not args:
        assert "Lệnh" in text and "Commands" in english


MISTAKES = [
    (["check", "--bogus"], "Không có tùy chọn --bogus", "No such option: --bogus"),
    (["check", "--year", "abc"], "không phải số nguyên", "is not a whole number"),
    (["record", "report", "--year", "2023", "--commune", "Tú Lý"], "Thiếu tùy chọn '--date'", "Missing option '--date'"),
    (["record", "report", "--year"], "cần một giá trị", "needs a value"),
    (["chek"], "Không có lệnh \"chek\"", "No such command \"chek\""),
    (["check", "a", "b"], "Thừa tham số", "Unexpected extra arguments"),
    (["import", "filings"], "Thiếu tham số", "Missing argument"),
]


@pytest.mark.parametrize("args, vi, en", MISTAKES)
def test_common_mistakes_in_both_languages(ledger, args, vi, en):
    result = ledger(*args, lang="vi")
    assert result.exit_code == 2
    assert vi in result.stderr and result.stderr.count("Lỗi:") == 1, result.stderr
    assert not any(word in result.stderr for word in ENGLISH), result.stderr
    result = ledger(*args, lang="en")
    assert result.exit_code == 2 and en in result.stderr and "Error:" in result.stderr
    assert "Traceback" not in result.output


def test_a_group_without_its_command_shows_its_help(ledger):
    result = ledger("import", lang="vi")
    assert result.exit_code == 2 and result.stderr.startswith("Cách dùng:") and "Lỗi" not in result.stderr
    assert "assignments" in result.stderr and "Lệnh" in result.stderr
