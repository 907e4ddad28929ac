"""Problems, drawn one way wherever they come from: an input file's (sheet, row, column;
or line and key of a rules file), a register row's reason for review, or `verify`'s
findings (a stable code and a level)."""

from __future__ import annotations

from rich.table import Table

from cadretrack.errors import InputProblems, Problem, capitalized
from cadretrack.i18n import get_lang, t
from cadretrack.messages import MESSAGES
from cadretrack.render.streams import write_data
from cadretrack.render.terminal import console, table
from cadretrack.render.text import to_json

def kind_label(kind: str, labels: dict[str, tuple[str, str]] | None = None) -> str:
    """A kind by its label in the user's language: from the rule set's `labels` (key ->
    (vi, en)), else the catalogue's word for a built-in kind, else its key."""
    if labels and kind in labels:
        vi, en = labels[kind]
        return en if get_lang() == "en" else vi
    return t(f"kind_{kind}") if f"kind_{kind}" in MESSAGES else kind


def message(p: Problem, labels: dict[str, tuple[str, str]] | None = None, **defaults) -> str:
    """The problem in the user's language; kinds named by their labels, not their keys."""
    fields = {**defaults, **p.fields}
    if isinstance(fields.get("kind"), str):
        fields["kind"] = kind_label(fields["kind"], labels)
    return capitalized(t(p.key, **fields))


def _column(p: Problem) -> str:
    return t(f"field_{p.column}") if f"field_{p.column}" in MESSAGES else p.column


def problems_table(problems: InputProblems | list[Problem]) -> Table:
    """The problems of a file (or a list of warnings), located as the clerk finds them."""
    items = problems.problems if isinstance(problems, InputProblems) else problems
    if items and all(p.line is not None for p in items):  # a text file: line and key
        headers = [t(k) for k in ("col_line", "col_key", "col_value", "col_why")]
        rows = [[str(p.line), p.column, p.value, p.message()] for p in items]
        return table("", headers, rows)
    headers = [t(k) for k in ("col_sheet", "col_row", "col_column", "col_value", "col_why", "col_suggestion")]
    rows = [[p.sheet, "" if p.row is None else str(p.row), _column(p), p.value, p.message(), p.suggestion]
            for p in items]
    return table("", headers, rows)


def print_findings(findings: list[Problem], format: str) -> None:
    """`verify`'s findings: a table with their codes and levels, or JSON for scripts."""
    errors = sum(f.level == "error" for f in findings)
    if format == "json":
        doc = {
            "ok": errors == 0,
            "errors": errors,
            "warnings": len(findings) - errors,
            "findings": [{**f.fields, "code": f.code, "level": f.level, "message": message(f)} for f in findings],
        }
        write_data(to_json(doc) + "\n")
        return
    out = console()
    if not findings:
        out.print(t("verify_ok"))
        return
    rows = [[t(f"check_{f.code}") if f"check_{f.code}" in MESSAGES else f.code, t("level_" + f.level), message(f)]
            for f in findings]
    out.print(table("", [t("col_code_check"), t("col_level"), t("col_message")], rows,
                    ["red" if f.level == "error" else "yellow" for f in findings]))
    out.print(t("verify_summary", errors=errors, warnings=len(findings) - errors))
