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


MORE_MISTAKES = [  # (arguments, Vietnamese, English)
    (["check", "--all=yes"], "Tùy chọn --all không nhận giá trị", "The option --all takes no value"),
    (["--debug"], "Thiếu tên lệnh", "A command is missing"),
    (["chek"], "Có phải: 'check'?", "Did you mean: 'check'?"),
    (["check", "--yearr", "2023"], "Có phải: --year?", "Did you mean: --year?"),  # --yaer, --yer: --cadre, --member too
    (["check", "--year", "2023", "x", "y"], "Thừa tham số: x y", "Unexpected extra arguments: x y"),
    (["check", "--year", "hai nghìn"], "\"hai nghìn\" không phải số nguyên", "\"hai nghìn\" is not a whole number"),
]


@pytest.mark.parametrize("args, vi, en", MORE_MISTAKES)
def test_usage_errors_are_said_from_their_types_and_parameters(ledger, args, vi, en):
    for lang, words in (("vi", vi), ("en", en)):
        result = ledger(*args, lang=lang)
        assert result.exit_code == 2 and words in result.stderr, result.stderr
        assert "Traceback" not in result.output
    assert not any(word in ledger(*args, lang="vi").stderr for word in ENGLISH)


def test_the_words_come_from_the_error_not_from_its_english_text():
    """An error whose framework text is anything at all is said the same way: from its type,
    the option it names and the parameter's type."""
    import typer

    from cadretrack.cli.app import app
    from cadretrack.cli.localized import BadOptionUsage, InvalidValue, NoSuchOption, usage_message
    from cadretrack.i18n import set_lang

    set_lang("en")
    check = typer.main.get_command(app).get_command(None, "check")
    ctx = check.make_context("check", [], resilient_parsing=True)
    assert usage_message(BadOptionUsage("--all", "Ceci n'est pas un message.", ctx)) == \
        "The option --all takes no value."
    assert usage_message(BadOptionUsage("--year", "???", ctx)) == "The option --year needs a value."
    assert usage_message(NoSuchOption("--yaer", "!!!", possibilities=["--year"], ctx=ctx)) == \
        "No such option: --yaer. Did you mean: --year?"
    year = next(p for p in check.params if p.name == "year")
    bad = InvalidValue(typer.BadParameter("n'importe quoi", ctx=ctx, param=year), "abc")
    assert usage_message(bad) == "Invalid value for '--year': \"abc\" is not a whole number."


def test_no_private_module_of_the_framework_is_imported():
    import ast
    from pathlib import Path

    import cadretrack

    for path in Path(cadretrack.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                parts = name.split(".")
                if parts[0] in ("typer", "click"):
                    assert not any(p.startswith("_") for p in parts[1:]), f"{path}: {name}"
