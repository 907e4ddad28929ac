"""The root command: global options and the command groups."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from cadretrack.cli.localized import LocalizedGroup

from cadretrack import __version__
from cadretrack.cli.common import State, detect_lang
from cadretrack.i18n import LANGS, set_lang, t

set_lang(detect_lang(sys.argv, os.environ))

app = typer.Typer(
    cls=LocalizedGroup,
    help=t("help_app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
import_app = typer.Typer(cls=LocalizedGroup, help=t("help_import"), no_args_is_help=True)
list_app = typer.Typer(cls=LocalizedGroup, help=t("help_list"), no_args_is_help=True)
app.add_typer(import_app, name="import")
app.add_typer(list_app, name="list")
gazetteer_app = typer.Typer(cls=LocalizedGroup, help=t("help_gazetteer_group"), no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cadretrack {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[Path, typer.Option("--db", envvar="CADRETRACK_DB", help=t("help_db"))] = Path("cadretrack.db"),
    lang: Annotated[str, typer.Option("--lang", envvar="CADRETRACK_LANG", help=t("help_lang"))] = "vi",
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help=t("help_version"))
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help=t("help_debug"))] = False,
) -> None:
    if lang not in LANGS:  # the contract: any other language is a usage error
        raise typer.BadParameter(t("lang_invalid", value=lang, choices=", ".join(LANGS)), param_hint="--lang")
    set_lang(lang)
    ctx.obj = State(db=db, lang=lang, debug=debug)


from cadretrack.cli import (  # noqa: E402
    cmd_assignments, cmd_export, cmd_filings, cmd_followup, cmd_known, cmd_members, cmd_safety, cmd_serve,
    cmd_setup,
)

cmd_setup.register(app, gazetteer_app)
cmd_assignments.register(app, import_app, list_app)
cmd_filings.register(app, import_app)
cmd_export.register(app)
cmd_safety.register(app)
cmd_known.register(app)
cmd_serve.register(app)
cmd_followup.register(app, cmd_filings.record_app, import_app)
cmd_members.register(import_app, list_app)


def main() -> None:
    """Run the command line (entry.main installs the signal handlers before importing this)."""
    from cadretrack import context, interrupts

    if not interrupts.installed():
        interrupts.install()
    try:
        try:
            app(prog_name="cadretrack")
        finally:
            # The command has given its answer. Freeing what it built (a national report: seconds)
            # must not turn a late Ctrl-C into a death by signal after "Đã soạn …" was printed.
            interrupts.ignore_from_now()
    except KeyboardInterrupt:  # outside a command (reading the options): its sentence, from what was done
        from cadretrack.cli.common import print_stopped

        print_stopped(context.active())
        sys.exit(130)
