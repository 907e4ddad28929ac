"""`remind`, `record difficulty`, `resolve`, `difficulties`, `record meeting`, `import meetings`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cadretrack.cli.localized import LocalizedCommand

from cadretrack.cli.common import check_format, date_option, echo, guarded, open_db, open_known, run_of, state, today
from cadretrack.i18n import t


def register(app: typer.Typer, record_app: typer.Typer, import_app: typer.Typer) -> None:
    app.command("remind", cls=LocalizedCommand, help=t("help_remind"))(remind)
    record_app.command("difficulty", cls=LocalizedCommand, help=t("help_record_difficulty"))(record_difficulty)
    record_app.command("meeting", cls=LocalizedCommand, help=t("help_record_meeting"))(record_meeting)
    app.command("resolve", cls=LocalizedCommand, help=t("help_resolve"))(resolve)
    app.command("difficulties", cls=LocalizedCommand, help=t("help_difficulties"))(difficulties)
    import_app.command("meetings", cls=LocalizedCommand, help=t("help_import_meetings"))(import_meetings)


@guarded
def remind(
    ctx: typer.Context,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help=t("help_as_of"))] = None,
    within: Annotated[int, typer.Option("--within", help=t("help_within"))] = 14,
    year: Annotated[Optional[int], typer.Option("--year", help=t("help_remind_year"))] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help=t("help_kind"))] = None,
    district: Annotated[str, typer.Option("--district", help=t("help_district"))] = "",
    member: Annotated[str, typer.Option("--member", help=t("help_member"))] = "",
    output: Annotated[Optional[Path], typer.Option("--output", help=t("help_remind_output"))] = None,
    template: Annotated[Optional[Path], typer.Option("--template", help=t("help_template"))] = None,
    to: Annotated[Optional[str], typer.Option("--to", help=t("help_remind_to"))] = None,
    known_on: Annotated[Optional[str], typer.Option("--known-on", help=t("help_known_on"))] = None,
) -> None:
    from cadretrack.domain.names import loose_key
    from cadretrack.errors import CadretrackError
    from cadretrack.domain.criteria import Criteria
    from cadretrack.ops.remind import check_letters, reminders, write_letters
    from cadretrack.render.followup import print_reminders

    if to is not None and loose_key(to) not in ("members", "uvbtv"):
        raise CadretrackError("remind_to_invalid", value=to)
    to_members = to is not None
    day = date_option(as_of) or today()
    inputs = [state(ctx).db]
    if output is not None:
        check_letters(output, template, inputs, to_members)  # before a thousand lines are printed
    criteria = Criteria(kinds=kind or "", district=district)
    db, moment = open_known(ctx, known_on)
    found = reminders(db, day, within, year, criteria, to_members, member=member)
    print_reminders(found)
    if found.earlier is not None:
        echo(t("remind_earlier", year=found.earlier[0], count=found.earlier[1]))
    if output is not None:
        from cadretrack.ops.provenance import letters_stamp

        found.stamp = letters_stamp(db, found, moment, today())
        done = write_letters(found, output, template, today(), inputs)
        if done.removed:
            echo(t("letters_replaced", count=done.removed))
        for taken, name in done.renamed:
            echo(t("letters_renamed", taken=taken, name=name))
        if done.kept:
            names = ", ".join(done.kept[:10]) + (", …" if len(done.kept) > 10 else "")
            echo(t("letters_kept", count=len(done.kept), names=names))
        echo(t("letters_written", count=len(done.written), path=str(output.resolve())))


@guarded
def record_difficulty(
    ctx: typer.Context,
    commune: Annotated[str, typer.Option("--commune", help=t("help_commune"))],
    date: Annotated[str, typer.Option("--date", help=t("help_date_raised"))],
    text: Annotated[str, typer.Option("--text", help=t("help_difficulty_text"))],
    district: Annotated[str, typer.Option("--district", help=t("help_district"))] = "",
    cadre: Annotated[str, typer.Option("--cadre", help=t("help_cadre"))] = "",
    raised_by: Annotated[str, typer.Option("--raised-by", help=t("help_raised_by"), show_default=False)] = "commune",
) -> None:
    from cadretrack.ops.followup import record_difficulty as run

    from cadretrack.ops.members import member_index

    day = date_option(date)
    db = open_db(ctx)
    new_id, a = run(db, run_of(ctx), commune=commune, district=district, cadre=cadre,
                    day=day, text=text, raised_by=raised_by)
    echo(t("difficulty_recorded", id=new_id, commune=a.commune, cadre=a.cadre))
    member = member_index(db).on(a.commune_code, day)
    if member is not None:  # the guidance reports a difficulty to the member in charge first
        echo(t("difficulty_goes_to", member=member.member))


@guarded
def resolve(
    ctx: typer.Context,
    id: Annotated[int, typer.Argument(help=t("help_difficulty_id"))],
    date: Annotated[str, typer.Option("--date", help=t("help_date_resolved"))],
    note: Annotated[str, typer.Option("--note", help=t("help_note"))] = "",
    referred_to: Annotated[str, typer.Option("--referred-to", help=t("help_referred_to"))] = "",
) -> None:
    from cadretrack.ops.followup import resolve_difficulty

    resolve_difficulty(open_db(ctx), run_of(ctx), id, day=date_option(date), note=note, referred_to=referred_to)
    echo(t("difficulty_resolved_ok", id=id))


@guarded
def difficulties(
    ctx: typer.Context,
    open_only: Annotated[bool, typer.Option("--open", help=t("help_open"))] = False,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help=t("help_as_of"))] = None,
    format: Annotated[str, typer.Option("--format", help=t("help_format"))] = "table",
) -> None:
    from cadretrack.ops.followup import list_difficulties
    from cadretrack.render.followup import print_difficulties

    check_format(format)
    print_difficulties(list_difficulties(open_db(ctx), date_option(as_of) or today(), open_only), format)


@guarded
def record_meeting(
    ctx: typer.Context,
    commune: Annotated[str, typer.Option("--commune", help=t("help_commune"))],
    date: Annotated[str, typer.Option("--date", help=t("help_meeting_date"))],
    kind: Annotated[str, typer.Option("--kind", help=t("help_meeting_kind"))],
    district: Annotated[str, typer.Option("--district", help=t("help_district"))] = "",
    topic: Annotated[str, typer.Option("--topic", help=t("help_topic"))] = "",
    attended: Annotated[str, typer.Option("--attended", help=t("help_attended"))] = "",
) -> None:
    from cadretrack.ops.followup import attendance, meeting_kind, record_meeting as run

    a = run(open_db(ctx), run_of(ctx), commune=commune, district=district, day=date_option(date),
            kind=meeting_kind(kind), topic=topic, attended=attendance(attended))
    echo(t("meeting_recorded", commune=a.commune, cadre=a.cadre, date=date))


@guarded
def import_meetings(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=t("help_file"))],
    sheet: Annotated[Optional[str], typer.Option("--sheet", help=t("help_sheet"))] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("help_dry_run"))] = False,
) -> None:
    from cadretrack.ops.meetings import import_meetings as run

    result = run(open_db(ctx), file, run_of(ctx), sheet=sheet, dry_run=dry_run)
    echo(t("meetings_dry" if dry_run else "meetings_done", path=str(file), added=result.added, unchanged=result.unchanged))
