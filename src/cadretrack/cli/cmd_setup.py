"""`init` and `demo`."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer

from cadretrack.cli.common import command_line, echo, guarded, now, state, today
from cadretrack.i18n import t

SAMPLE_LIST = ("718-QD-TU-phan-cong.xlsx", dt.date(2022, 12, 14), "718-QĐ/TU")
SAMPLE_AMENDMENT = ("bo-sung-2023-10-15.xlsx", dt.date(2023, 10, 15), "1032-QĐ/TU")


def register(app: typer.Typer) -> None:
    app.command("init", help=t("help_init"))(init)
    app.command("demo", help=t("help_demo"))(demo)


@guarded
def init(
    ctx: typer.Context,
    rules: Annotated[Optional[Path], typer.Option("--rules", help=t("help_rules"))] = None,
    gazetteer: Annotated[Optional[Path], typer.Option("--gazetteer", help=t("help_gazetteer"))] = None,
) -> None:
    from cadretrack.ops.setup import init_ledger

    path = state(ctx).db
    result = init_ledger(path, now(), command_line(), gazetteer=gazetteer, rules=rules)
    if not result.created:
        echo(t("ledger_exists", path=str(path)))
        return
    echo(t("ledger_created", path=str(path), communes=result.communes, gazetteer=result.gazetteer, rules=result.rules))


def sample_path(name: str) -> Path:
    return Path(str(resources.files("cadretrack").joinpath("data", "sample", name)))


@guarded
def demo(
    ctx: typer.Context,
    dir: Annotated[Path, typer.Option("--dir", help=t("help_demo_dir"))] = Path("cadretrack-demo"),
) -> None:
    """A fresh ledger from the sample data, then what a clerk would look at."""
    from cadretrack.domain.dates import format_date
    from cadretrack.ops.assignments import import_assignments, list_assignments
    from cadretrack.ops.setup import init_ledger
    from cadretrack.render.assignments import print_assignments
    from cadretrack.store.ledger import open_ledger

    dir.mkdir(parents=True, exist_ok=True)
    path = dir / "cadretrack-demo.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    result = init_ledger(path, now(), command_line())
    echo(t("ledger_created", path=str(path), communes=result.communes, gazetteer=result.gazetteer, rules=result.rules))
    db = open_ledger(path)
    for name, effective, decision in (SAMPLE_LIST, SAMPLE_AMENDMENT):
        done = import_assignments(
            db, sample_path(name), effective, now(), command_line(), decision=decision,
            amend=name == SAMPLE_AMENDMENT[0],
        )
        echo(t("import_done", path=name, effective=format_date(effective), **done.plan.counts()))
    print_assignments(list_assignments(db, on=dt.date(2023, 12, 31), district="Đà Bắc"), "table")
    echo(t("demo_ledger", path=str(path)))
