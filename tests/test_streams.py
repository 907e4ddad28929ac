"""Output on a console or redirect that is not UTF-8 (Windows code pages): JSON and CSV
are UTF-8 whatever the stream; tables and messages degrade, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    done = subprocess.run([sys.executable, "-m", "cadretrack", "demo", "--dir", str(folder)],
                          capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return folder / "cadretrack-demo.db"


def run(db, encoding: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "CADRETRACK_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "cadretrack", *args], capture_output=True, env=env)


@pytest.mark.parametrize("encoding", ["cp1252", "cp1258"])
def test_json_and_csv_are_utf8_whatever_the_stream(demo, encoding):
    done = run(demo, encoding, "check", "--year", "2023", "--as-of", "31/12/2023", "--all", "--format", "json")
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
    doc = json.loads(done.stdout.decode("utf-8"))
    assert any(i["commune"] == "Xã Hiền Lương" for i in doc["items"])
    done = run(demo, encoding, "check", "--year", "2023", "--as-of", "31/12/2023", "--format", "csv")
    assert done.returncode in (0, 1) and b"Traceback" not in done.stderr
    assert "Đà Bắc" in done.stdout.decode("utf-8")
    done = run(demo, encoding, "list", "assignments", "--format", "csv")
    assert done.returncode == 0 and "Phường Phương Lâm" in done.stdout.decode("utf-8")


@pytest.mark.parametrize("encoding", ["cp1252", "cp1258", "ascii"])
def test_tables_and_messages_degrade_gracefully(demo, encoding):
    done = run(demo, encoding, "check", "--year", "2023", "--as-of", "31/12/2023")
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
    text = done.stdout.decode(encoding)
    assert "Traceback" not in text and b"Traceback" not in done.stderr
    # Every letter is there in some form: cp1258 keeps the tones as combining marks.
    assert "Hi" in text and "n L" in text
    if encoding == "cp1258":
        import unicodedata

        assert "Hiền Lương" in unicodedata.normalize("NFC", text)
    done = run(demo, encoding, "record", "report", "--year", "2023", "--date", "05/12/2023", "--commune", "Phường Hòa Bình")
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert "Xa" in done.stderr.decode(encoding) or "Xã" in done.stderr.decode(encoding)


@pytest.mark.parametrize("encoding", ["cp1252", "cp1258"])
def test_help_on_a_legacy_console(demo, encoding):
    done = run(demo, encoding, "--help")
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert "cadretrack" in done.stdout.decode(encoding)
