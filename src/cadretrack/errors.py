"""cadretrack's own error types. The CLI maps them to exit codes; nothing else prints."""

from __future__ import annotations

from dataclasses import dataclass, field

from cadretrack.i18n import t


class CadretrackError(Exception):
    """Bad usage or bad input: one clear sentence, exit code 2, nothing written."""

    exit_code = 2

    def __init__(self, key: str, /, **fields: object) -> None:
        super().__init__(key)
        self.key = key
        self.fields = fields

    def message(self) -> str:
        text = t(self.key, **self.fields)
        if self.fields.get("suggestion"):
            text += " " + t("suggest", suggestion=self.fields["suggestion"])
        return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file, located so a clerk can find and fix it."""

    key: str
    fields: dict = field(default_factory=dict)
    sheet: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""
    suggestion: str = ""

    def message(self) -> str:
        return t(self.key, **self.fields)

    def as_dict(self) -> dict:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message(),
            "suggestion": self.suggestion,
        }


class InputProblems(CadretrackError):
    """Every problem found in one input file; the ledger was left untouched."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        super().__init__("input_problems", path=path, count=len(problems))
        self.path = path
        self.problems = problems
