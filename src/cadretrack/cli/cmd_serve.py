"""`serve`: the ledger in the browser (cadretrack.web)."""

from __future__ import annotations

from typing import Annotated

import typer

from cadretrack.cli.common import guarded, run_of, state
from cadretrack.cli.localized import LocalizedCommand
from cadretrack.i18n import t


def register(app: typer.Typer) -> None:
    app.command("serve", cls=LocalizedCommand, help=t("help_serve"))(serve)


@guarded
def serve(
    ctx: typer.Context,
    port: Annotated[int, typer.Option("--port", help=t("help_serve_port"))] = 8726,
    no_browser: Annotated[bool, typer.Option("--no-browser", help=t("help_serve_no_browser"))] = False,
    read_only: Annotated[bool, typer.Option("--read-only", help=t("help_serve_read_only"))] = False,
) -> None:
    from cadretrack import interrupts
    from cadretrack.ops.ledger import open_ledger
    from cadretrack.web.serve import serve as run

    root = state(ctx)
    with open_ledger(root.db, run_of(ctx)):  # a missing or foreign ledger is refused as by every command
        pass
    interrupts.answered()  # from here on Ctrl-C stops the server (exit 0), not a command
    run(root.db, root.lang, read_only, port, browser=not no_browser)
