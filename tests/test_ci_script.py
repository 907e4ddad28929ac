"""`.ci/run` is what lands a change: a syntax error in it fails every landing in one
second, before a single test runs (a comment once swallowed a line break and left a
backtick open). Parse it with bash itself, and check it still ends by running the tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / ".ci" / "run"


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_the_ci_script_parses():
    done = subprocess.run(["bash", "-n", str(SCRIPT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_ci_script_runs_the_tests_as_its_last_step():
    lines = [ln.strip() for ln in SCRIPT.read_text("utf-8").splitlines()]
    commands = [ln for ln in lines if ln and not ln.startswith("#")]
    assert commands[-1] == "make test"
    assert any(ln.startswith("set -euo pipefail") for ln in commands)
