"""`record`, `import filings`, `check` and `rules`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cadretrack.cli.localized import KindCommand, KindsGroup, LocalizedCommand, LocalizedGroup

from cadretrack.cli.common import check_format, date_option, echo, guarded, open_db, open_known, output_of, run_of, today
from cadretrack.domain.dates import format_date
from cadretrack.domain.ratings import RATINGS
from cadretrack.i18n import t

record_app = typer.Typer(cls=KindsGroup, help=t("help_record"), no_args_is_help=True)
rules_app = typer.Typer(cls=LocalizedGroup, help=t("help_rules_cmd"), invoke_without_command=True)


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.add_typer(record_app, name="record")
    # `record program`, `record report`, … and any kind a province's rules add: the kind
    # is the name the command is called by (see KindsGroup).
    record_app.command(KindsGroup.ANY, cls=KindCommand, help=t("help_record_kind"))(record)
    import_app.command("filings", cls=LocalizedCommand, help=t("help_import_filings"))(import_filings)
    app.command("check", cls=LocalizedCommand, help=t("help_check"))(check)
    app.add_typer(rules_app, name="rules")
    rules_app.callback()(rules)
    rules_app.command("set", cls=LocalizedCommand, help=t("help_rules_set"))(rules_set)


@guarded
def record(
    ctx: typer.Context,
    year: Annotated[int, typer.Option("--year", help=t("help_year"))],
    date: Annotated[str, typer.Option("--date", help=t("help_date_received"))],
    commune: Annotated[str, typer.Option("--commune", help=t("help_commune"))] = "",
    district: Annotated[str, typer.Option("--district", help=t("help_district"))] = "",
    cadre: Annotated[str, typer.Option("--cadre", help=t("help_cadre"))] = "",
    number: Annotated[str, typer.Option("--number", help=t("help_number"))] = "",
    note: Annotated[str, typer.Option("--note", help=t("help_note"))] = "",
    rating: Annotated[str, typer.Option("--rating", help=t("help_rating", codes=", ".join(RATINGS)))] = "",
    score: Annotated[Optional[float], typer.Option("--score", help=t("help_score"))] = None,
    replace: Annotated[bool, typer.Option("--replace", help=t("help_replace"))] = False,
) -> None:
    from cadretrack.i18n import get_lang
    from cadretrack.ops.filings import FilingInput, normalize_rating, record_filing

    item = FilingInput(
        kind=ctx.info_name, year=year, filed=date_option(date), commune=commune.strip(),
        district=district.strip(), cadre=cadre.strip(), number=number, rating=normalize_rating(rating),
        score=score, note=note,
    )
    done = record_filing(open_db(ctx), item, run_of(ctx), replace=replace)
    a, label = done.assignment, done.rule.label(get_lang())
    key = "recorded_same" if done.same_as_existing and not replace else (
        "recorded_replaced" if done.existing else "recorded")
    echo(t(key, kind=label, year=year, commune=a.commune, cadre=a.cadre, date=format_date(item.filed)))
    if not done.owed:
        echo(t("recorded_not_owed", kind=label, year=year, cadre=a.cadre))


@guarded
def import_filings(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=t("help_file"))],
    sheet: Annotated[Optional[str], typer.Option("--sheet", help=t("help_sheet"))] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("help_dry_run"))] = False,
    format: Annotated[str, typer.Option("--format", help=t("help_import_format"))] = "table",
    review: Annotated[Optional[Path], typer.Option("--review", help=t("help_review"))] = None,
    replace: Annotated[bool, typer.Option("--replace", help=t("help_replace"))] = False,
) -> None:
    from cadretrack.ops.register import import_filings as run
    from cadretrack.render import register as render

    check_format(format, ("table", "json"))
    review_out = output_of(ctx, review, file)  # never the register itself, nor the ledger
    result = run(open_db(ctx), file, run_of(ctx), sheet=sheet, dry_run=dry_run, review=review_out, replace=replace)
    counts = result.counts
    if format == "json":
        render.emit_json(result, file)
    elif result.office:
        render.print_tables(result)
        for line in render.office_lines(result, file, review):
            echo(line)
    elif result.answers:  # a review workbook: what each answer did, and what still waits
        for line in render.answer_lines(result, file):
            echo(line)
    else:
        echo(t("filings_dry" if dry_run else "filings_done", path=str(file), added=result.added,
               unchanged=result.unchanged))
        if result.superseding:  # --replace: not new filings, ones in place of those on file
            echo(t("filings_superseded", count=result.superseding))
    if counts["review"] or result.awaiting:
        raise typer.Exit(1)


@guarded
def check(
    ctx: typer.Context,
    year: Annotated[Optional[int], typer.Option("--year", help=t("help_check_year"))] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help=t("help_as_of"))] = None,
    known_on: Annotated[Optional[str], typer.Option("--known-on", help=t("help_known_on"))] = None,
    status: Annotated[Optional[str], typer.Option("--status", help=t("help_status"))] = None,
    all: Annotated[bool, typer.Option("--all", help=t("help_all"))] = False,
    kind: Annotated[Optional[str], typer.Option("--kind", help=t("help_kind"))] = None,
    district: Annotated[str, typer.Option("--district", help=t("help_district"))] = "",
    agency: Annotated[str, typer.Option("--agency", help=t("help_agency"))] = "",
    commune: Annotated[str, typer.Option("--commune", help=t("help_check_commune"))] = "",
    cadre: Annotated[str, typer.Option("--cadre", help=t("help_check_cadre"))] = "",
    member: Annotated[str, typer.Option("--member", help=t("help_member"))] = "",
    format: Annotated[str, typer.Option("--format", help=t("help_format"))] = "table",
    output: Annotated[Optional[Path], typer.Option("--output", help=t("help_output"))] = None,
) -> None:
    from cadretrack.bulk import collector_paused
    from cadretrack.domain.criteria import Criteria
    from cadretrack.ops.check import parse_statuses, run_check
    from cadretrack.render import check as render

    check_format(format)
    written = render.output_format(format, output)  # an output no one can open is refused first
    out = output_of(ctx, output)
    day = date_option(as_of) or today()
    statuses = parse_statuses(status)
    criteria = Criteria(kinds=kind or "", district=district, agency=agency, commune=commune, cadre=cadre)
    with collector_paused():  # tens of thousands of records, no cycles
        db, _ = open_known(ctx, known_on)
        report = run_check(db, day.year if year is None else year, day, status=statuses, include_all=all,
                           criteria=criteria, member=member)
        render.emit(report, written, out, today())
    if output is not None:
        echo(t("written", path=str(output)))
    if any(i.status == "overdue" for i in report.items):
        raise typer.Exit(1)


@guarded
def rules(
    ctx: typer.Context,
    on: Annotated[Optional[str], typer.Option("--on", help=t("help_rules_on"))] = None,
    format: Annotated[str, typer.Option("--format", help=t("help_rules_format"))] = "table",
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    from cadretrack.ops.rules import rule_sets
    from cadretrack.render.rules import print_rules

    check_format(format, ("table", "toml"))
    day = date_option(on)
    periods = rule_sets(open_db(ctx), day or (today() if format == "toml" else None))
    if format == "toml":
        from cadretrack.domain.rules import BUILTIN
        from cadretrack.readers.bundled import bundled_text
        from cadretrack.render.rules_toml import commented_rules
        from cadretrack.render.streams import write_data

        write_data(commented_rules(periods[-1].rule_set.text, bundled_text(BUILTIN)))
        return
    print_rules(periods)


@guarded
def rules_set(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=t("help_rules_set_file"))],
    effective: Annotated[Optional[str], typer.Option("--effective", help=t("help_rules_effective"))] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("help_dry_run"))] = False,
) -> None:
    import datetime as dt

    from cadretrack.ops.rules import set_rules

    added = set_rules(open_db(ctx), file, run_of(ctx), date_option(effective), dry_run)
    new, old = added.rule_set, added.previous
    name, previous = new.rules.name or new.name, old.rules.name or old.name
    echo(t("rules_set_dry" if dry_run else "rules_set_done", name=name,  # a name said once, not twice
           start=format_date(new.start), previous=t("rules_previous_same") if previous == name else previous,
           end=format_date(new.start - dt.timedelta(days=1))))
