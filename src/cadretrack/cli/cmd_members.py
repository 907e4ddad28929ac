"""`import members` and `list members`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cadretrack.cli.common import check_format, date_option, echo, guarded, open_db, run_of
from cadretrack.cli.localized import LocalizedCommand
from cadretrack.errors import CadretrackError
from cadretrack.i18n import t


def register(import_app: typer.Typer, list_app: typer.Typer) -> None:
    import_app.command("members", cls=LocalizedCommand, help=t("help_import_members"))(import_members)
    list_app.command("members", cls=LocalizedCommand, help=t("help_list_members"))(list_members)


@guarded
def import_members(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=t("help_file"))],
    effective: Annotated[str, typer.Option("--effective", help=t("help_effective"))],
    decision: Annotated[str, typer.Option("--decision", help=t("help_decision"))] = "",
    amend: Annotated[bool, typer.Option("--amend", help=t("help_amend"))] = False,
    complete: Annotated[bool, typer.Option("--complete", help=t("help_complete"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("help_dry_run"))] = False,
) -> None:
    from cadretrack.domain.dates import format_date
    from cadretrack.ops.members import import_members as run
    from cadretrack.render.assignments import plan_table
    from cadretrack.render.terminal import console

    day = date_option(effective)
    result = run(open_db(ctx), file, day, run_of(ctx), decision=decision, amend=amend, dry_run=dry_run,
                 complete=complete)
    fields = dict(path=str(file), effective=format_date(day), members=result.members, **result.plan.counts())
    if dry_run:
        if result.plan.changes:
            console().print(plan_table(result.plan))
        if result.refusal is not None:
            raise result.refusal
        echo(t("members_dry", **fields))
    elif not result.plan.changes:
        echo(t("members_nothing", **fields))
    else:
        echo(t("members_done", **fields))


@guarded
def list_members(
    ctx: typer.Context,
    on: Annotated[Optional[str], typer.Option("--on", help=t("help_on"))] = None,
    year: Annotated[Optional[int], typer.Option("--year", help=t("help_year"))] = None,
    format: Annotated[str, typer.Option("--format", help=t("help_format"))] = "table",
) -> None:
    from cadretrack.ops.members import list_members as run
    from cadretrack.render.members import print_members

    check_format(format)
    if on is not None and year is not None:
        raise CadretrackError("on_and_year")
    print_members(run(open_db(ctx), on=date_option(on), year=year), format)
