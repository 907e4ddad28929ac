"""`init` and `demo`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cadretrack.cli.localized import LocalizedCommand

from cadretrack.cli.common import date_option, echo, guarded, open_db, run_of, state
from cadretrack.i18n import t

def register(app: typer.Typer, gazetteer_app: typer.Typer) -> None:
    app.command("init", cls=LocalizedCommand, help=t("help_init"))(init)
    app.command("demo", cls=LocalizedCommand, help=t("help_demo"))(demo)
    gazetteer_app.command("add", cls=LocalizedCommand, help=t("help_gazetteer_add"))(gazetteer_add)


@guarded
def init(
    ctx: typer.Context,
    rules: Annotated[Optional[Path], typer.Option("--rules", help=t("help_rules"))] = None,
    gazetteer: Annotated[Optional[Path], typer.Option("--gazetteer", help=t("help_gazetteer"))] = None,
    province: Annotated[str, typer.Option("--province", help=t("help_province"))] = "",
) -> None:
    from cadretrack.ops.setup import init_ledger

    path = state(ctx).db
    result = init_ledger(path, run_of(ctx), gazetteer=gazetteer, rules=rules, province=province)
    if not result.created:
        echo(t("ledger_exists", path=str(path)))
        return
    echo(t("ledger_created", path=str(path), communes=result.communes, gazetteer=result.gazetteer, rules=result.rules))


@guarded
def gazetteer_add(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=t("help_gazetteer_file"))],
    effective: Annotated[str, typer.Option("--effective", help=t("help_gazetteer_effective"))],
    province: Annotated[str, typer.Option("--province", help=t("help_province"))] = "",
    mapping: Annotated[Optional[Path], typer.Option("--mapping", help=t("help_mapping"))] = None,
) -> None:
    from cadretrack.domain.dates import format_date
    from cadretrack.ops.gazetteer import add_units

    day = date_option(effective)
    result = add_units(open_db(ctx), file, day, run_of(ctx), province=province, mapping=mapping)
    echo(t("gazetteer_added", communes=result.communes, provinces=", ".join(result.provinces),
           date=format_date(day), links=result.links))
    if result.unlinked:
        names = "; ".join(c.label() for c in result.unlinked[:8])
        more = f"; … (+{len(result.unlinked) - 8})" if len(result.unlinked) > 8 else ""
        echo(t("gazetteer_unlinked", count=len(result.unlinked), names=names + more))
    if result.still_in_force:
        echo(t("gazetteer_still_in_force", count=result.still_in_force, date=format_date(day)))


@guarded
def demo(
    ctx: typer.Context,
    dir: Annotated[Path, typer.Option("--dir", help=t("help_demo_dir"))] = Path("cadretrack-demo"),
) -> None:
    """A fresh ledger from the sample data, then what a clerk would look at."""
    from cadretrack.domain.dates import format_date
    from cadretrack.ops.demo import run_demo
    from cadretrack.render import check as render
    from cadretrack.render.terminal import console

    result = run_demo(dir, run_of(ctx), lambda key, **fields: echo(t(key, **fields)))
    out = console()
    echo(t("demo_check", district=result.district, as_of=format_date(result.as_of)))
    for table in render.check_tables(result.district_check):
        out.print(table)
    out.print(render.summary_line(result.district_check))
    out.print(t("demo_province") + " " + render.summary_line(result.province_check))
    echo(t("demo_ledger", path=str(result.ledger)))
    echo(t("demo_workbook", path=str(result.workbook.resolve())))
    echo(t("demo_report", path=str(result.report.resolve())))
    echo(t("letters_written", count=result.letters, path=str(result.letters_folder.resolve())))
