"""cadretrack's own error types. The CLI maps them to exit codes; nothing else prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from cadretrack.i18n import get_lang, t


def capitalized(text: str) -> str:
    """A sentence begins with a capital letter ("xã Cao Sơn có ở 2 nơi" -> "Xã Cao Sơn …")."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def sentence(key: str, fields: dict) -> str:
    """The message `key` as a sentence: its own first word capitalised, never what a field
    put first (a file name "th.xlsx", a value the user typed stays as it was written)."""
    from cadretrack.messages import MESSAGES

    vi, en = MESSAGES[key]
    template = en if get_lang() == "en" else vi
    first = template[1:].split("}", 1)[0].split(":", 1)[0] if template.startswith("{") else ""
    if first in AS_WRITTEN:
        return t(key, **fields)
    return capitalized(t(key, **fields))


# Fields whose text is the user's own, shown as written even at the start of a sentence.
AS_WRITTEN = ("path", "file", "folder", "name", "value", "key", "sentence", "source", "sheet")


class Label(NamedTuple):
    """A word a message holds in both languages (a kind's label from the rules), said in
    the language of whoever reads the message, when it is read."""

    vi: str
    en: str

    def __str__(self) -> str:
        return self.en if get_lang() == "en" else self.vi

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


class CadretrackError(Exception):
    """Bad usage or bad input: one clear sentence, exit code 2, nothing written.

    `column` (keyword only, never a message field) names the input field the error is
    about, so that a reader can place it in a row (readers/table `Record.problem_of`)."""

    exit_code = 2

    def __init__(self, key: str, /, *, column: str = "", **fields: object) -> None:
        super().__init__(key)
        self.key = key
        self.column = column
        self.fields = fields

    def message(self, debug: bool = False) -> str:
        """One sentence in the user's language. What a library said (`reason`) is added only
        for --debug: its words are English and name its own insides."""
        text = sentence(self.key, self.fields)
        if self.fields.get("suggestion"):
            text += " " + t("suggest", suggestion=self.fields["suggestion"])
        if debug and self.fields.get("reason"):
            text += f" [{self.fields['reason']}]"
        return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong, located so a clerk can find and fix it: in an input file (sheet,
    row, column; or line, for a rules file), in a register row awaiting review, or in the
    ledger (`verify`: a stable `code` and a `level`). Every reader, the rules parser,
    the register classifier and `verify` report with it; render/problems.py draws it."""

    key: str  # message key
    fields: dict = field(default_factory=dict)
    sheet: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""
    suggestion: str = ""
    file: str = ""
    line: int | None = None
    code: str = ""  # a stable code for scripts (verify's "unfollowed-commune"); "" for input problems
    level: str = "error"  # "error" or "warning"

    def message(self) -> str:
        return sentence(self.key, self.fields)


class InputProblems(CadretrackError):
    """Every problem found in one input file; the ledger was left untouched."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        super().__init__("input_problems", path=path, count=len(problems))
        self.path = path
        self.problems = problems
