"""`import assignments`, `list assignments` and `show`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cadretrack.cli.localized import LocalizedCommand

from cadretrack.cli.common import check_format, date_option, echo, guarded, open_db, open_known, run_of
from cadretrack.errors import CadretrackError
from cadretrack.i18n import t


def register(app: typer.Typer, import_app: typer.Typer, list_app: typer.Typer) -> None:
    import_app.command("assignments", cls=LocalizedCommand, help=t("help_import_assignments"))(import_assignments)
    list_app.command("assignments", cls=LocalizedCommand, help=t("help_list_assignments"))(list_assignments)
    list_app.command("filings", cls=LocalizedCommand, help=t("help_list_filings"))(list_filings)
    app.command("show", cls=LocalizedCommand, help=t("help_show"))(show)


@guarded
def import_assignments(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=t("help_file"))],
    effective: Annotated[str, typer.Option("--effective", help=t("help_effective"))],
    decision: Annotated[str, typer.Option("--decision", help=t("help_decision"))] = "",
    sheet: Annotated[Optional[str], typer.Option("--sheet", help=t("help_sheet"))] = None,
    amend: Annotated[bool, typer.Option("--amend", help=t("help_amend"))] = False,
    complete: Annotated[bool, typer.Option("--complete", help=t("help_complete"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("help_dry_run"))] = False,
    titles: Annotated[Optional[Path], typer.Option("--titles", help=t("help_titles"))] = None,
    allow_future: Annotated[bool, typer.Option("--allow-future", help=t("help_allow_future"))] = False,
) -> None:
    from cadretrack.domain.dates import format_date
    from cadretrack.ops.assignments import import_assignments as run
    from cadretrack.render.assignments import plan_table
    from cadretrack.render.terminal import console

    day = date_option(effective)
    db = open_db(ctx)
    result = run(db, file, day, run_of(ctx), decision=decision, sheet=sheet, amend=amend, dry_run=dry_run,
                 titles=titles, allow_future=allow_future, complete=complete)
    fields = dict(path=str(file), effective=format_date(day), **result.plan.counts())
    if dry_run:
        if result.plan.changes:
            console().print(plan_table(result.plan))
        if result.refusal is not None:  # what it would change, then why the import would not
            raise result.refusal
        echo(t("import_dry", **fields))
    elif not result.plan.changes:
        echo(t("import_nothing", **fields))
    else:
        echo(t("import_done", **fields))
    if result.warnings:
        from cadretrack.render.problems import problems_table

        console().print(problems_table(result.warnings))
        echo(t("title_unsplit_count", count=len(result.warnings)))


@guarded
def list_assignments(
    ctx: typer.Context,
    on: Annotated[Optional[str], typer.Option("--on", help=t("help_on"))] = None,
    year: Annotated[Optional[int], typer.Option("--year", help=t("help_year"))] = None,
    district: Annotated[str, typer.Option("--district", help=t("help_district"))] = "",
    format: Annotated[str, typer.Option("--format", help=t("help_format"))] = "table",
    known_on: Annotated[Optional[str], typer.Option("--known-on", help=t("help_known_on"))] = None,
) -> None:
    from cadretrack.ops.assignments import list_assignments as run
    from cadretrack.render.assignments import print_assignments

    check_format(format)
    if on is not None and year is not None:
        raise CadretrackError("on_and_year")
    items = run(open_known(ctx, known_on)[0], on=date_option(on), year=year, district=district)
    print_assignments(items, format)


@guarded
def list_filings(
    ctx: typer.Context,
    year: Annotated[Optional[int], typer.Option("--year", help=t("help_list_filings_year"))] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help=t("help_kind"))] = None,
    commune: Annotated[str, typer.Option("--commune", help=t("help_check_commune"))] = "",
    district: Annotated[str, typer.Option("--district", help=t("help_district"))] = "",
    cadre: Annotated[str, typer.Option("--cadre", help=t("help_check_cadre"))] = "",
    agency: Annotated[str, typer.Option("--agency", help=t("help_agency"))] = "",
    number: Annotated[str, typer.Option("--number", help=t("help_number_search"))] = "",
    text: Annotated[str, typer.Option("--text", help=t("help_text_search"))] = "",
    format: Annotated[str, typer.Option("--format", help=t("help_format"))] = "table",
) -> None:
    from cadretrack.domain.criteria import FilingCriteria
    from cadretrack.ops.listing import list_filings as run
    from cadretrack.render.listing import print_filings

    check_format(format)
    criteria = FilingCriteria(kinds=kind or "", district=district, agency=agency, commune=commune, cadre=cadre,
                              year=year, number=number, text=text)
    print_filings(run(open_db(ctx), criteria), format)


@guarded
def show(
    ctx: typer.Context,
    commune: Annotated[str, typer.Option("--commune", help=t("help_commune"))] = "",
    district: Annotated[str, typer.Option("--district", help=t("help_district"))] = "",
    cadre: Annotated[str, typer.Option("--cadre", help=t("help_cadre"))] = "",
    format: Annotated[str, typer.Option("--format", help=t("help_format"))] = "table",
    known_on: Annotated[Optional[str], typer.Option("--known-on", help=t("help_known_on"))] = None,
) -> None:
    from cadretrack.ops.assignments import cadre_history, commune_history
    from cadretrack.render.assignments import print_assignments, print_lineage

    check_format(format)
    if not commune and not cadre:
        raise CadretrackError("show_need")
    if not commune:
        print_assignments(cadre_history(open_known(ctx, known_on)[0], cadre), format)
        return
    items, lineage = commune_history(open_known(ctx, known_on)[0], commune, district)
    if format != "table":  # one list: the units it was formed from, then its own
        print_assignments(lineage.earlier + items, format)
        return
    print_lineage(lineage)
    print_assignments(items, format)
    from cadretrack.ops.members import commune_members
    from cadretrack.render.members import print_commune_members

    print_commune_members(commune_members(open_db(ctx), commune, district))
