"""Shared fixtures: a real ledger file on disk and the real CLI."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cadretrack.cli.app import app

REPO = Path(__file__).resolve().parent.parent
GAZETTEERS = REPO / "data" / "gazetteer"


class Cli:
    def __init__(self, db: Path) -> None:
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, lang: str = "en"):
        return self.runner.invoke(app, ["--db", str(self.db), "--lang", lang, *map(str, args)])

    def json(self, *args: str):
        result = self(*args, "--format", "json")
        assert result.exit_code in (0, 1), result.output + result.stderr
        return json.loads(result.stdout)

    def ok(self, *args: str, lang: str = "en"):
        """The command, which must succeed (exit 0)."""
        return succeeded(self(*args, lang=lang))

    def refused(self, *args: str, lang: str = "en") -> str:
        """The command, which must be refused: exit 2, one clear message, no traceback and
        the ledger exactly as before. Returns what it printed on stderr."""
        before = snapshot(self.db) if self.db.exists() else None
        result = self(*args, lang=lang)
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output + result.stderr
        assert (snapshot(self.db) if self.db.exists() else None) == before
        return result.stderr


def succeeded(result):
    """A CliRunner result that must have exited 0."""
    assert result.exit_code == 0, result.output + result.stderr
    return result


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "ledger.db")


@pytest.fixture
def ledger(cli: Cli) -> Cli:
    result = cli("init")
    assert result.exit_code == 0, result.output
    return cli


@pytest.fixture
def year(ledger, tmp_path):
    """A ledger of three assignments (two cadres of one agency), one program of 2023 recorded."""
    from sheets import HEADER, SHARED_AGENCY, assignment_rows, xlsx

    path = xlsx(tmp_path / "list.xlsx", [HEADER] + assignment_rows(SHARED_AGENCY))
    ledger.ok("import", "assignments", path, "--effective", "14/12/2022")
    ledger.ok("record", "program", "--year", "2023", "--date", "20/05/2023", "--commune", "Hiền Lương")
    return ledger


def folder_state(folder: Path) -> dict:
    """Every file of `folder` by name with its bytes ({} when the folder is absent)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def snapshot(db: Path) -> dict:
    """Every row of every table: what 'the ledger is unchanged' compares."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    finally:
        conn.close()


# The shared library of each LibreOffice component: a machine may have Calc without Writer.
_COMPONENTS = {"calc": "libsclo.so", "writer": "libswlo.so"}


def libreoffice_has(component: str) -> bool:
    """LibreOffice is installed with this component (calc, writer), not merely `soffice`."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return False
    program = Path(os.path.realpath(soffice)).parent
    return any((d / _COMPONENTS[component]).exists() for d in (program, Path("/usr/lib/libreoffice/program")))


DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def print_env(fonts: str, tmp_path: Path) -> dict[str, str]:
    """The environment LibreOffice prints in: the machine's fonts ("installed"), or only
    DejaVu ("dejavu"), the wide fallback of a machine without Times New Roman."""
    env = dict(os.environ)
    if fonts == "dejavu":
        if not DEJAVU.is_dir():
            pytest.skip("DejaVu fonts are not installed")
        config = tmp_path / "fonts.conf"
        config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{DEJAVU}</dir>'
                          f'<cachedir>{tmp_path}/fontcache</cachedir></fontconfig>', encoding="utf-8")
        env["FONTCONFIG_FILE"] = str(config)
    return env
