"""Every command of the CLI, found from the Typer app (not listed by hand), run in both
languages over the demo ledger (assignments, an amendment, filings of every status, the
office register, meetings, difficulties, letters): its help, the mistake of giving it
nothing, and the examples below (successes and refusals). Nothing a clerk reads in
Vietnamese mode may hold a word of English, nor anything in English mode a word of
Vietnamese, drawn from the word lists kept here. What the ledger itself holds (names of
communes, cadres, agencies, the rule set's Vietnamese title, a difficulty's text) is the
clerk's data and is not counted.

Also: every message key of the catalogue is used by some code path (a key no command can
show is removed), read from the source so that keys added by any branch are covered."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest
import typer.main

from cadretrack.cli.app import app
from conftest import Cli

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "src" / "cadretrack"
SAMPLE = REPO / "data" / "sample"

# English words that a Vietnamese sentence never needs (codes a script reads are not here:
# JSON and CSV are for scripts and are not read by this test).
ENGLISH = {
    "the", "and", "of", "is", "are", "not", "must", "with", "from", "this", "that", "file", "files",
    "filing", "filings", "error", "usage", "options", "option", "arguments", "argument", "commands",
    "default", "required", "missing", "invalid", "found", "written", "ledger", "none", "overdue",
    "pending", "late", "unknown", "no", "such", "got", "unexpected", "try", "help", "show", "exit",
    "message", "value", "values", "expected", "range", "integer", "boolean", "choose", "cannot",
    "wrote", "written", "nothing", "records", "record", "undid", "changes", "year", "date", "kind",
}
# Vietnamese words that an English sentence never needs.
VIETNAMESE = {
    "của", "không", "được", "đã", "chưa", "các", "những", "là", "cho", "tệp", "lỗi", "dùng",
    "hoặc", "trong", "một", "hãy", "phải", "nộp", "ghi", "thay", "đổi", "mới", "giữ", "nguyên",
    "kết", "thúc", "sổ", "xem", "lệnh", "tùy", "chọn", "mặc", "định", "ngày", "năm", "hạn", "muộn",
    "quá", "văn", "bản", "cách", "thư", "mục", "giá", "trị", "đúng", "nhập", "xuất", "hướng", "dẫn",
}

# What each command is given besides its help and nothing: successes and refusals that
# show their messages. A command not named here is still run with --help and with nothing.
EXAMPLES: dict[str, list[list[str]]] = {
    "init": [["--rules", "{missing}"]],
    "show": [["--commune", "Cao Sơn", "--district", "Đà Bắc"], ["--commune", "Zzz"], ["--cadre", "Hà Thanh Mai"]],
    "check": [["--year", "2023", "--as-of", "05/12/2023"], ["--status", "Chưa nộp, đã quá hạn", "--year", "2023"],
              ["--status", "xyz"], ["--kind", "báo cáo", "--year", "2023"], ["--as-of", "31/02/2023"],
              ["--year", "2023", "--output", "{tmp}/kiem-tra.xlsx"], ["--output", "{tmp}/x.txt"]],
    "history": [[], ["--limit", "0"]],
    "undo": [[]],
    "backup": [["--output", "{tmp}/sao-luu.db"], ["--output", "{tmp}"]],
    "restore": [["{missing}"], ["{tmp}"]],
    "verify": [[]],
    "remind": [["--as-of", "05/12/2023"], ["--as-of", "05/12/2023", "--output", "{tmp}/cong-van"],
               ["--output", "{tmp}/sao-luu.db"]],
    "resolve": [["1", "--date", "01/12/2023"], ["999", "--date", "01/12/2023"]],
    "difficulties": [[], ["--open"]],
    "import assignments": [["{sample}/bo-sung-2023-10-15.xlsx", "--effective", "15/10/2023", "--amend", "--dry-run"],
                           ["{sample}/so-van-ban-den-2023.xlsx", "--effective", "15/10/2023"], ["{tmp}", "--effective", "1/1/2024"]],
    "import filings": [["{sample}/so-van-ban-den-2023.xlsx", "--dry-run"], ["{sample}/so-dang-ky-van-ban-den-2024.xlsx", "--dry-run"],
                       ["{sample}/718-QD-TU-phan-cong.xlsx"]],
    "import meetings": [["{sample}/cuoc-hop-2023.xlsx", "--dry-run"], ["{missing}"]],
    "list assignments": [["--on", "31/12/2023", "--district", "Đà Bắc"], ["--district", "Zzz"]],
    "gazetteer add": [["{missing}", "--effective", "01/07/2025"]],
    "record KIND": [["báo cáo", "--year", "2023", "--date", "01/12/2023", "--commune", "Cao Sơn", "--district", "Đà Bắc"],
                    ["nhận xét", "--year", "2023", "--date", "01/12/2023", "--commune", "Tân Pheo", "--rating", "tot"],
                    ["xyz", "--year", "2023", "--date", "01/12/2023", "--commune", "Tân Pheo"],
                    ["chương trình", "--year", "2023", "--date", "01/01/2030", "--commune", "Tân Pheo"]],
    "record difficulty": [["--commune", "Tân Pheo", "--date", "01/12/2023", "--text", "Thiếu kinh phí", "--raised-by", "cán bộ"],
                          ["--commune", "Tân Pheo", "--date", "01/12/2023", "--text", "Thiếu", "--raised-by", "ai đó"]],
    "record meeting": [["--commune", "Tân Pheo", "--date", "01/12/2023", "--kind", "thường kỳ", "--attended", "có"],
                       ["--commune", "Tân Pheo", "--date", "01/12/2023", "--kind", "họp", "--attended", "có lẽ"]],
    "rules": [[], ["--on", "01/01/2024"]],
    "rules set": [["{missing}", "--effective", "01/01/2030"]],
    "export summary": [["--year", "2023", "--as-of", "05/12/2023", "--output", "{tmp}/tong-hop.xlsx"]],
    "export report": [["--year", "2023", "--as-of", "05/12/2023", "--output", "{tmp}/bao-cao.docx"],
                      ["--year", "2023", "--output", "{tmp}/bao-cao.xlsx"]],
}
# Not run with nothing: demo builds in the current folder, undo has its example, serve would
# run until stopped (its --help is still read).
NOTHING_SKIPPED = {"demo", "undo", "serve"}


def commands() -> list[str]:
    """Every command path of the app: its groups too (their help), leaves with their name."""
    found: list[str] = []

    def walk(command, path: list[str]) -> None:
        if path:
            found.append(" ".join(path))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return found


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("words-demo")
    result = Cli(folder / "unused.db")("demo", "--dir", str(folder / "demo"), lang="vi")
    assert result.exit_code == 0, result.output
    return folder / "demo" / "cadretrack-demo.db"


@pytest.fixture(scope="module")
def data_words(demo) -> set[str]:
    """The words of what the ledger holds: the clerk's names and texts, the rule set's own
    Vietnamese titles (data in the rules file), the examples' values."""
    cli = Cli(demo)
    texts: list[str] = []
    for args in (["list", "assignments", "--year", "2023"], ["difficulties"], ["list", "filings"]):  # summaries too
        texts += [str(v) for row in cli.json(*args) for v in row.values() if isinstance(v, str)]
    rules = tomllib.loads((SRC / "data" / "rules-26-QD-TU.toml").read_text("utf-8"))
    for key, value in [*rules.get("regulation", {}).items(), *rules.get("organization", {}).items()]:
        if isinstance(value, str):
            texts.append(value)
    texts += [arg for runs in EXAMPLES.values() for args in runs for arg in args]
    from openpyxl import load_workbook

    for sample in SAMPLE.glob("*.xlsx"):  # the sheets' names, as the clerk named them
        texts += load_workbook(sample, read_only=True).sheetnames
    return {w for text in texts for w in words(text)}


def words(text: str) -> list[str]:
    """The words a reader reads: no paths, file names, option names or placeholders."""
    kept = [token for token in text.split() if not re.search(r"[/\\.]\w|^\W*-{1,2}\w|^\[?<|^\W*cadretrack", token)]
    return re.findall(r"[^\W\d_]+", " ".join(kept).casefold())


def other_language(text: str, lang: str, known: set[str]) -> list[str]:
    forbidden = ENGLISH if lang == "vi" else VIETNAMESE
    return sorted({w for w in words(text) if w in forbidden and w not in known})


# The runs of one language in one process started in that language: the help texts are
# made when the app is imported, in the language of the command line that starts it.
RUNNER = """
import json, sys
from typer.testing import CliRunner
from cadretrack.cli.app import app
runs = json.loads(open(sys.argv[1], encoding="utf-8").read())
out = []
for line in runs:
    r = CliRunner().invoke(app, line)
    crash = r.exception is not None and not isinstance(r.exception, SystemExit)
    out.append({"line": line, "said": r.stdout + r.stderr, "crash": repr(r.exception) if crash else None})
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(out))
"""


def run_all(lines: list[list[str]], lang: str, folder: Path) -> list[dict]:
    import os
    import subprocess
    import sys

    (folder / "runs.json").write_text(json.dumps(lines), "utf-8")
    env = {**os.environ, "CADRETRACK_LANG": lang}
    env.pop("CADRETRACK_DB", None)
    done = subprocess.run([sys.executable, "-c", RUNNER, str(folder / "runs.json"), str(folder / "said.json")],
                          cwd=folder, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads((folder / "said.json").read_text("utf-8"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_command_speaks_one_language(demo, data_words, tmp_path, lang):
    all_commands = commands()
    assert {"check", "record KIND", "import filings", "rules set", "export report"} <= set(all_commands)
    fill = {"tmp": str(tmp_path), "sample": str(SAMPLE), "missing": str(tmp_path / "khong-co.xlsx")}
    db = tmp_path / "ledger.db"
    shutil.copy(demo, db)
    lines = []
    for path in all_commands:
        words_of_path = path.split()
        runs = [["--help"]] + ([[]] if path not in NOTHING_SKIPPED else []) + EXAMPLES.get(path, [])
        for args in runs:
            base = words_of_path[:-1] if words_of_path[-1] == "KIND" and args and args[0] != "--help" else words_of_path
            lines.append(["--db", str(db), "--lang", lang, *base, *[a.format(**fill) for a in args]])
    command_words = {w for path in all_commands for w in words(path)} | {"cadretrack", "root"}
    leaks = []
    for run in run_all(lines, lang, tmp_path):
        assert run["crash"] is None, (run["line"], run["crash"], run["said"][-3000:])
        assert "Traceback" not in run["said"], run["line"]
        found = other_language(run["said"], lang, data_words | command_words)
        if found:
            leaks.append(f"{' '.join(run['line'][4:])} [{lang}]: {found}\n{run['said'][-1500:]}")
    assert not leaks, "\n\n".join(leaks)


def test_every_message_key_is_used():
    from cadretrack.messages import MESSAGES

    # The web app's pages (Jinja templates) show keys too.
    code = "\n".join(p.read_text("utf-8") for p in [*SRC.rglob("*.py"), *SRC.rglob("*.html")]
                     if "messages" not in p.relative_to(SRC).parts)
    # Keys made from a prefix ("status_" + code, f"sum_{key}") count as used by that prefix.
    prefixes = set(re.findall(r'["\']([a-z][a-z_]*_)["\']\s*\+', code)) | set(re.findall(r'f["\']([a-z][a-z_]*_)\{', code))
    literal = set(re.findall(r'["\']([a-z][a-z0-9_\-]*)["\']', code))
    dead = sorted(k for k in MESSAGES if k not in literal and not any(k.startswith(p) for p in prefixes))
    assert dead == [], f"message keys no code can show (remove them): {dead}"


def test_every_message_has_both_languages_with_the_same_fields():
    from string import Formatter

    from cadretrack.messages import MESSAGES

    def fields(text: str) -> set[str]:
        # A field may come in each language's own form ("unit", "unit_en").
        return {name.removesuffix("_en").removesuffix("_vi") for _, name, _, _ in Formatter().parse(text) if name}

    bad = [k for k, (vi, en) in MESSAGES.items() if not vi or not en or fields(vi) != fields(en)]
    assert bad == []
