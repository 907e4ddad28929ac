"""The README's quick start works as written: its commands are read from the README itself
and run, in order, by the installed `cadretrack` in a fresh folder holding the bundled
samples where the README says they are (as on a fresh clone after `make demo`)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"


def quick_start() -> list[str]:
    """The lines of the shell block that follows the README's quick-start marker."""
    text = README.read_text("utf-8")
    marker = text.index("<!-- quick-start")
    block = re.search(r"```sh\n(.*?)```", text[marker:], re.DOTALL)
    assert block is not None, "the quick-start marker must be followed by a ```sh block"
    return [line.strip() for line in block.group(1).splitlines() if line.strip() and not line.strip().startswith("#")]


def test_the_quick_start_says_how_to_get_cadretrack_on_path():
    lines = quick_start()
    assert lines[0] == "make demo"
    assert re.search(r"^demo:", (REPO / "Makefile").read_text("utf-8"), re.MULTILINE)
    venv = re.search(r"^VENV := (\S+)", (REPO / "Makefile").read_text("utf-8"), re.MULTILINE).group(1)
    assert lines[1] == f". {venv}/bin/activate"  # the folder make demo creates
    assert all(line.startswith("cadretrack ") for line in lines[2:])


def test_the_quick_start_runs_as_written(tmp_path: Path):
    shutil.copytree(REPO / "data" / "sample", tmp_path / "data" / "sample")
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    env.pop("CADRETRACK_DB", None)
    env.pop("CADRETRACK_LANG", None)
    program = shutil.which("cadretrack", path=env["PATH"])
    command = [program] if program else [sys.executable, "-m", "cadretrack"]
    for line in quick_start()[2:]:
        args = shlex.split(line, comments=True)
        for arg in args:
            if arg.startswith("data/"):
                assert (REPO / arg).is_file(), f"the README names {arg}, which the repository does not hold"
        done = subprocess.run(command + args[1:], cwd=tmp_path, env=env, capture_output=True, text=True,
                              encoding="utf-8", timeout=300)
        allowed = (0, 1) if args[1] == "check" else (0,)  # check: exit 1 while filings are overdue
        assert done.returncode in allowed, f"{line}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        assert "Traceback" not in done.stderr, line
    assert (tmp_path / "cadretrack.db").is_file() and (tmp_path / "tong-hop-2023.xlsx").is_file()
