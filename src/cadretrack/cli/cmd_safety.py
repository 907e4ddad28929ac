"""`history`, `undo`, `backup`, `restore` and `verify`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cadretrack.cli.localized import LocalizedCommand

from cadretrack.cli.common import check_format, echo, guarded, open_db, output_of, run_of, state
from cadretrack.i18n import t


def register(app: typer.Typer) -> None:
    app.command("history", cls=LocalizedCommand, help=t("help_history"))(history)
    app.command("undo", cls=LocalizedCommand, help=t("help_undo"))(undo)
    app.command("backup", cls=LocalizedCommand, help=t("help_backup"))(backup)
    app.command("restore", cls=LocalizedCommand, help=t("help_restore"))(restore)
    app.command("verify", cls=LocalizedCommand, help=t("help_verify"))(verify)


@guarded
def history(
    ctx: typer.Context,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help=t("help_limit"))] = None,
    since: Annotated[Optional[str], typer.Option("--since", help=t("help_since"))] = None,
    until: Annotated[Optional[str], typer.Option("--until", help=t("help_until"))] = None,
    format: Annotated[str, typer.Option("--format", help=t("help_format_table_json"))] = "table",
) -> None:
    from cadretrack.ops.history import history as run
    from cadretrack.render.safety import print_history

    check_format(format, ("table", "json"))
    print_history(run(open_db(ctx), limit, since, until), format)


@guarded
def undo(ctx: typer.Context) -> None:
    from cadretrack.ops.history import undo as run

    from cadretrack.render.stopped import summary_text
    from cadretrack.render.text import command_text

    target, _ = run(open_db(ctx), run_of(ctx))
    echo(t("undone", id=target["id"], command=command_text(target["command"]), what=summary_text(target["summary"])))


@guarded
def backup(
    ctx: typer.Context,
    output: Annotated[Optional[Path], typer.Option("--output", help=t("help_backup_output"))] = None,
) -> None:
    from cadretrack.ops.history import backup as run

    out = output_of(ctx, output, exclusive=True)
    echo(t("backed_up", path=str(run(open_db(ctx), out, run_of(ctx)))))


@guarded
def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=t("help_restore_file"))],
) -> None:
    from cadretrack.ops.history import restore_at

    path = state(ctx).db  # a missing or foreign ledger is refused first; a damaged one is what restore is for
    saved = restore_at(path, file, run_of(ctx))
    echo(t("restored", path=str(path), source=str(file), saved=str(saved)))


@guarded
def verify(
    ctx: typer.Context,
    file: Annotated[Optional[Path], typer.Argument(help=t("help_verify_file"))] = None,
    format: Annotated[str, typer.Option("--format", help=t("help_format_table_json"))] = "table",
) -> None:
    from cadretrack.ops.verify import verify_at

    if file is not None:
        return verify_file(ctx, file, check_format(format, ("table", "json")))
    from cadretrack.render.problems import print_findings

    check_format(format, ("table", "json"))
    findings = verify_at(state(ctx).db, run_of(ctx))
    print_findings(findings, format)
    if any(f.level == "error" for f in findings):
        raise typer.Exit(1)


def verify_file(ctx: typer.Context, file: Path, format: str) -> None:
    """`verify FILE`: exit 0 from this ledger and unedited, 1 edited or another ledger's."""
    from cadretrack.bulk import collector_paused
    from cadretrack.ops.verify_document import verify_document
    from cadretrack.render.verify_document import print_document_check

    with collector_paused():
        result = verify_document(open_db(ctx), file)
    print_document_check(result, format)
    if not (result.same_ledger and result.unedited):
        raise typer.Exit(1)
