"""`export summary`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cadretrack.cli.localized import LocalizedCommand, LocalizedGroup

from cadretrack.cli.common import date_option, echo, guarded, open_known, output_of, today
from cadretrack.i18n import t

export_app = typer.Typer(cls=LocalizedGroup, help=t("help_export"), no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(export_app, name="export")
    export_app.command("summary", cls=LocalizedCommand, help=t("help_export_summary"))(summary)
    export_app.command("report", cls=LocalizedCommand, help=t("help_export_report"))(report)


@guarded
def summary(
    ctx: typer.Context,
    year: Annotated[int, typer.Option("--year", help=t("help_year"))],
    output: Annotated[Path, typer.Option("--output", help=t("help_export_output"))],
    as_of: Annotated[Optional[str], typer.Option("--as-of", help=t("help_as_of"))] = None,
    known_on: Annotated[Optional[str], typer.Option("--known-on", help=t("help_known_on"))] = None,
) -> None:
    from cadretrack.domain.dates import format_date
    from cadretrack.ops.export import export_summary

    out = output_of(ctx, output)
    day = date_option(as_of) or today()
    db, moment = open_known(ctx, known_on)
    report = export_summary(db, year, day, out, today(), moment=moment)
    echo(t("exported", path=str(output.resolve()), year=year, as_of=format_date(day), **report.counts))


@guarded
def report(
    ctx: typer.Context,
    year: Annotated[int, typer.Option("--year", help=t("help_year"))],
    output: Annotated[Path, typer.Option("--output", help=t("help_report_output"))],
    as_of: Annotated[Optional[str], typer.Option("--as-of", help=t("help_as_of"))] = None,
    template: Annotated[Optional[Path], typer.Option("--template", help=t("help_report_template"))] = None,
    known_on: Annotated[Optional[str], typer.Option("--known-on", help=t("help_known_on"))] = None,
) -> None:
    from cadretrack.domain.dates import format_date
    from cadretrack.ops.export import export_report

    out = output_of(ctx, output, template)
    day = date_option(as_of) or today()
    db, moment = open_known(ctx, known_on)
    done = export_report(db, year, day, out, today(), template, moment)
    echo(t("reported", path=str(output.resolve()), year=year, as_of=format_date(day), **done.counts))
