"""The benchmark: each cadretrack command timed beside an anchor, at 1, 2 and 4 times the data.

    python bench/run.py [--runs 3] [--scales 1,2,4] [--out bench/RESULTS.md]

Every measurement is a whole process (start-up included), run several times;
the table gives medians, the ratio to the anchor and each process's peak memory
(ru_maxrss from wait4). Goals are those of the performance issue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import effective, generate, office_registers  # noqa: E402

BIN = Path(sys.executable).parent
CADRETRACK = [sys.executable, "-m", "cadretrack"]
SQLITE_UTILS = [str(BIN / "sqlite-utils")] if (BIN / "sqlite-utils").exists() else [sys.executable, "-m", "sqlite_utils"]
GAZETTEER = HERE.parent / "data" / "gazetteer" / "vn-2024.csv"


def run(argv: list[str], setup=None) -> tuple[float, float]:
    """(wall seconds, peak MB) of one process, through bench/peak.py; `setup` runs first, untimed."""
    if setup:
        setup()
    out = subprocess.run([sys.executable, str(HERE / "peak.py"), *map(str, argv)], capture_output=True, check=True)
    result = json.loads(out.stdout)
    if result["code"] not in (0, 1):
        raise SystemExit(f"{' '.join(map(str, argv))} failed ({result['code']}): {result['stderr']}")
    return result["wall"], result["peak_mb"]


def measure(argv, runs: int, setup=None) -> dict:
    samples = [run(argv, setup) for _ in range(runs)]
    return {"median": statistics.median(s[0] for s in samples), "peak_mb": max(s[1] for s in samples),
            "runs": [round(s[0], 3) for s in samples]}


def measure_pair(ours, anchor, runs: int, setup=None, anchor_setup=None) -> tuple[dict, dict]:
    """Both commands in turns (ours, anchor, ours, …): load that drifts on a shared machine
    weighs on both alike, so their ratio holds better than with one series after the other."""
    pairs = [(run(ours, setup), run(anchor, anchor_setup or setup)) for _ in range(runs)]

    def summary(samples):
        return {"median": statistics.median(s[0] for s in samples), "peak_mb": max(s[1] for s in samples),
                "runs": [round(s[0], 3) for s in samples]}

    return summary([p[0] for p in pairs]), summary([p[1] for p in pairs])


def cli(db: Path, *args) -> list[str]:
    return [*CADRETRACK, "--db", str(db), *map(str, args)]


def prepare(work: Path, scale: int, today: dt.date) -> dict:
    """A ledger holding every list but the last and all filings; the last list to import."""
    info = generate(work, scale, today)
    base = work / "base.db"
    subprocess.run(cli(base, "init", "--gazetteer", GAZETTEER), check=True, capture_output=True)
    for index in range(scale - 1):
        subprocess.run(cli(base, "import", "assignments", work / "lists" / f"list-{index}.csv",
                           "--effective", effective(index).isoformat()), check=True, capture_output=True)
    full = work / "full.db"
    shutil.copy(base, full)
    last = scale - 1
    subprocess.run(cli(full, "import", "assignments", work / "lists" / f"list-{last}.csv",
                       "--effective", effective(last).isoformat()), check=True, capture_output=True)
    without = work / "no-filings.db"
    shutil.copy(full, without)
    subprocess.run(cli(full, "import", "filings", work / "filings.csv"), check=True, capture_output=True)
    return {**info, "base": base, "full": full, "no_filings": without, "last_list": work / "lists" / f"list-{last}.csv",
            "last_effective": effective(last)}


def same_statuses(full: Path, year: int, as_of: str) -> dict:
    """The check and its anchor write the same JSON document, item by item."""
    ours = json.loads(subprocess.run(cli(full, "check", "--year", year, "--as-of", as_of, "--all", "--format", "json"),
                                     capture_output=True, check=False).stdout)
    anchor = json.loads(subprocess.run([sys.executable, str(HERE / "anchors.py"), "check", str(full), str(year), as_of],
                                       capture_output=True, check=True).stdout)
    if ours != anchor:
        raise SystemExit(f"check and the SQL anchor disagree: {ours['counts']} / {anchor['counts']}")
    return ours["counts"]


def dated_ledger(full: Path, work: Path) -> tuple[Path, str]:
    """A copy of the ledger whose change sets are an hour apart (the generator makes them within
    a minute), and the moment, typed as a clerk would, just before the filings were imported:
    the view then reverts the largest change set (every filing of every year)."""
    dated = work / "dated.db"
    shutil.copy(full, dated)
    conn = sqlite3.connect(dated)
    with conn:
        conn.execute("UPDATE changesets SET at = strftime('%Y-%m-%dT%H:%M:%S+00:00', '2020-01-01', "
                     "'+' || id || ' hours')")
        last = conn.execute("SELECT MAX(id) FROM changesets").fetchone()[0]
    conn.close()
    before_list = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(hours=last - 1, minutes=30)
    return dated, before_list.astimezone().strftime("%d/%m/%Y %H:%M")


def same_filings(empty: Path, folder: Path, office: dict) -> None:
    """Both registers record the same filings (the office register decides them all)."""
    found = []
    for name in ("register.csv", "list.csv"):
        db = folder / f"same-{name}.db"
        shutil.copy(empty, db)
        subprocess.run(cli(db, "import", "filings", folder / name), capture_output=True, check=False)
        conn = sqlite3.connect(db)
        found.append(set(conn.execute("SELECT assignment_id, kind, year, filed FROM filings")))
        conn.close()
    if found[0] != found[1] or len(found[0]) != office["register_filings"]:
        raise SystemExit(f"the office register recorded {len(found[0])} filings, the list {len(found[1])}; "
                         f"{len(found[0] ^ found[1])} differ")


def rules_files(work: Path) -> tuple[Path, Path]:
    """The bundled rules with 20,000 more words for one kind, on one 300 KB line and one
    word a line: the same rules, read line by line (a lookup slow on long lines shows)."""
    text = (HERE.parent / "src" / "cadretrack" / "data" / "rules-26-QD-TU.toml").read_text("utf-8")
    old = 'words = ["nhận xét", "phiếu đánh giá"]'
    words = ['"nhận xét"', '"phiếu đánh giá"'] + [f'"cụm từ {i}"' for i in range(20_000)]
    paths = []
    for name, joiner in (("long.toml", ", "), ("tall.toml", ",\n  ")):
        path = work / name
        path.write_text(text.replace(old, "words = [" + joiner.join(words) + "]"), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def bench_scale(scale: int, runs: int, today: dt.date) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"cadretrack-bench-{scale}-"))
    try:
        data = prepare(work, scale, today)
        year = data["last_year"]
        # A month after the program deadline: programs on time, late or overdue, reports pending.
        as_of = "2023-07-01" if year == 2023 else f"{year}-03-01"
        counts = same_statuses(data["full"], year, as_of)
        target = work / "target.db"
        anchor_db = work / "anchor.db"

        def fresh_target():
            shutil.copy(data["base"], target)
            for extra in (work / "backups",):
                shutil.rmtree(extra, ignore_errors=True)

        def fresh_full():
            """Every list, no filings yet: what both registers add to."""
            shutil.copy(data["no_filings"], target)
            shutil.rmtree(work / "backups", ignore_errors=True)

        def fresh_anchor():
            anchor_db.unlink(missing_ok=True)

        rows = {}
        turns = max(runs, 5)  # the ratios that carry a goal: interleaved, more runs
        rows["import assignments"] = (
            *measure_pair(cli(target, "import", "assignments", data["last_list"], "--effective",
                              data["last_effective"].isoformat()),
                          [*SQLITE_UTILS, "insert", str(anchor_db), "assignments", str(data["last_list"]), "--csv"],
                          turns, fresh_target, fresh_anchor),
            "sqlite-utils insert --csv",
        )
        rows["check (a year, every status)"] = (
            *measure_pair(cli(data["full"], "check", "--year", year, "--as-of", as_of, "--all", "--format", "json"),
                          [sys.executable, str(HERE / "anchors.py"), "check", str(data["full"]), str(year), as_of],
                          turns),
            "one SQL query, the same JSON",
        )
        dated, moment = dated_ledger(data["full"], work)
        rows["check --known-on (before the filings import)"] = (
            *measure_pair(cli(dated, "check", "--year", year, "--as-of", as_of, "--all", "--format", "json",
                              "--known-on", moment),
                          cli(dated, "check", "--year", year, "--as-of", as_of, "--all", "--format", "json"), turns),
            "check on the same ledger, as it is",
        )
        rows["serve: the dashboard of a year"] = (
            *measure_pair([sys.executable, str(HERE / "dashboard.py"), str(data["full"]), str(year), as_of],
                          cli(data["full"], "check", "--year", year, "--as-of", as_of, "--format", "json"), turns),
            "check --format json",
        )
        rows["export summary"] = (
            *measure_pair(cli(data["full"], "export", "summary", "--year", year, "--as-of", as_of, "--output",
                              work / "ours.xlsx"),
                          [sys.executable, str(HERE / "anchors.py"), "export", str(data["full"]), str(year), as_of,
                           str(work / "anchor.xlsx")], turns),
            "bare XlsxWriter dump",
        )
        rows["export report"] = (
            *measure_pair(cli(data["full"], "export", "report", "--year", year, "--as-of", as_of, "--output",
                              work / "ours.docx"),
                          cli(data["full"], "export", "summary", "--year", year, "--as-of", as_of, "--output",
                              work / "ours.xlsx"), turns),
            "export summary",
        )
        letters = work / "letters"

        def fresh_letters():
            shutil.rmtree(letters, ignore_errors=True)
            shutil.rmtree(work / "backups", ignore_errors=True)

        # The letters for every recipient of the year's overdue and late filings: written in
        # about the time of the workbook of the same figures (the goal).
        rows["remind --output: a letter for every recipient"] = (
            *measure_pair(cli(data["full"], "remind", "--as-of", as_of, "--output", letters),
                          cli(data["full"], "export", "summary", "--year", year, "--as-of", as_of, "--output",
                              work / "ours.xlsx"), runs, fresh_letters),
            "export summary",
        )
        data["letters"] = len(list(letters.glob("*.docx")))
        for share, label in ((0.3, "office register, 30 % filings"), (0.1, "office register, 10 % filings")):
            name = f"office-{int(share * 100)}"
            office = office_registers(work, share=share, name=name)
            data[f"register_filings_{name}"] = office["register_filings"]
            same_filings(data["no_filings"], work / name, office)
            rows[f"import filings: {label}"] = (
                *measure_pair(cli(target, "import", "filings", work / name / "register.csv"),
                              cli(target, "import", "filings", work / name / "list.csv"), max(runs, 5), fresh_full),
                f"the purpose-built list of its {office['register_filings']:,} filings",
            )
        # The register of 30 % filings imported again once every row is known: against its first import.
        known_template, again = work / "known-template.db", work / "again.db"
        shutil.copy(data["no_filings"], known_template)
        subprocess.run(cli(known_template, "import", "filings", work / "office-30" / "register.csv"),
                       capture_output=True, check=False)

        def fresh_known():
            shutil.copy(known_template, again)
            shutil.rmtree(work / "backups", ignore_errors=True)

        rows["import filings: the same register again, every row known"] = (
            *measure_pair(cli(again, "import", "filings", work / "office-30" / "register.csv"),
                          cli(target, "import", "filings", work / "office-30" / "register.csv"), max(runs, 5),
                          fresh_known, fresh_full),
            "its first import",
        )
        long_rules, tall_rules = rules_files(work)
        rows["rules set --dry-run: a 300 KB line"] = (
            *measure_pair(cli(data["full"], "rules", "set", long_rules, "--effective", "2100-01-01", "--dry-run"),
                          cli(data["full"], "rules", "set", tall_rules, "--effective", "2100-01-01", "--dry-run"),
                          runs),
            "the same words one a line",
        )
        rows["--version"] = (measure([*CADRETRACK, "--version"], runs),
                             measure([*SQLITE_UTILS, "--version"], runs), "sqlite-utils --version")
        rows["--help"] = (measure([*CADRETRACK, "--help"], runs),
                          measure([*SQLITE_UTILS, "--version"], runs), "sqlite-utils --version")
        size = data["full"].stat().st_size / 2**20
        return {"scale": scale, "data": {k: v for k, v in data.items() if isinstance(v, int)},
                "counts": counts, "ledger_mb": round(size, 1), "rows": rows}
    finally:
        shutil.rmtree(work, ignore_errors=True)


GOALS = {
    "import assignments": ("ratio", 1.5),
    "check (a year, every status)": ("ratio", 1.5),
    "check --known-on (before the filings import)": ("ratio", 1.5),
    "serve: the dashboard of a year": ("ratio", 1.5),
    "export summary": ("ratio", 1.5),
    "export report": ("ratio", 1.1),  # no more than the workbook, within the noise of a shared machine
    "remind --output: a letter for every recipient": ("ratio", 1.5),
    "import filings: office register, 30 % filings": ("ratio", 2.0),
    "import filings: office register, 10 % filings": ("ratio", 2.0),
    "import filings: the same register again, every row known": ("ratio", 0.5),
    "rules set --dry-run: a 300 KB line": ("ratio", 1.2),
    "--version": ("ratio", 1.0),
    "--help": ("ratio", 1.0),
}


def machine() -> str:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    mem = ""
    try:
        mem = f"{int(open('/proc/meminfo').readline().split()[1]) / 2**20:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, {mem}, Python {platform.python_version()}"


def report(results: list[dict], runs: int) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Made by `make bench` (`bench/run.py`) on {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}.",
        f"Machine: {machine()}.",
        f"Each figure is the median of the runs of a whole process (start-up included): {max(runs, 5)} runs",
        "taken in turns with the anchor (ours, anchor, ours, …) for the imports, the check and the export,",
        f"{runs} otherwise. Peak memory is the process's maximum resident set. Data: every commune of",
        "`vn-2024.csv` (10,051) followed by a fictional cadre; scale K means K full lists (a quarter of the",
        "communes changing hands each year) and K years of filings (about 60 % on time, 25 % late, 15 %",
        "missing); the check and the export are of the last year a month after its program deadline, when",
        "every status occurs. Before timing, `check --all --format json` and its anchor must write the same",
        "JSON document, and both registers must record the same filings.",
        "",
    ]
    verdicts: dict[str, list[str]] = {}
    for result in results:
        d = result["data"]
        lines += [
            f"## Scale {result['scale']}×: {d['assignments']:,} assignments, {d['filings']:,} filings, "
            f"ledger {result['ledger_mb']} MB",
            "",
            f"Check counts: {result['counts']}",
            "",
            "| command | cadretrack (s) | anchor | anchor (s) | ratio | peak MB | anchor peak MB | goal | met |",
            "|---|---:|---|---:|---:|---:|---:|---|---|",
        ]
        for name, (ours, anchor, label) in result["rows"].items():
            ratio = ours["median"] / anchor["median"] if anchor["median"] else float("inf")
            kind, limit = GOALS[name]
            value = ratio if kind == "ratio" else ours["median"]
            goal = f"≤ {limit}× anchor" if kind == "ratio" else f"≤ {limit} s"
            if name == "export summary":
                goal += ", < 150 MB"
                ok = value <= limit and ours["peak_mb"] < 150
            else:
                ok = value <= limit
            verdicts.setdefault(name, []).append(f"{ratio:.2f} {'✓' if ok else '✗'}")
            lines.append(
                f"| {name} | {ours['median']:.3f} | {label} | {anchor['median']:.3f} | {ratio:.2f} | "
                f"{ours['peak_mb']:.0f} | {anchor['peak_mb']:.0f} | {goal} | {'yes' if ok else '**no**'} |"
            )
        lines.append("")
    lines[len(lines):] = [
        "## Ratios to the anchors (✓ goal met)", "",
        "| command | goal | " + " | ".join(f"{r['scale']}×" for r in results) + " |",
        "|---|---|" + "---:|" * len(results),
        *[f"| {name} | {GOALS[name][1]}× | " + " | ".join(cells) + " |" for name, cells in verdicts.items()],
        "",
    ]
    if len(results) > 1:
        lines += ["## Growth", "", "| command | " + " | ".join(f"{r['scale']}×" for r in results) + " |",
                  "|---|" + "---:|" * len(results)]
        for name in results[0]["rows"]:
            cells = [f"{r['rows'][name][0]['median']:.2f} s / {r['rows'][name][0]['peak_mb']:.0f} MB" for r in results]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scales", default="1,2,4")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    today = dt.date.today()
    results = []
    for scale in (int(s) for s in args.scales.split(",")):
        print(f"scale {scale}…", flush=True)
        results.append(bench_scale(scale, args.runs, today))
    text = report(results, args.runs)
    from writers import measure as measure_writers

    writers = measure_writers(10_051)
    text += "\n## Writers\n\nThe detail sheet's kind of content, 10,051 rows × 12 styled cells, median of 3 (bench/writers.py):\n\n"
    text += "| library | seconds |\n|---|---:|\n" + "".join(f"| {k} | {v:.2f} |\n" for k, v in writers.items())
    text += "\nHow to read these numbers, and what each gap is made of: `bench/NOTES.md`.\n"
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
