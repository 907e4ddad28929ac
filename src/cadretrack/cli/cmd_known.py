"""`diff --since WHEN|FILE`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cadretrack.cli.common import check_format, date_option, guarded, moment_option, open_db, today
from cadretrack.cli.localized import LocalizedCommand
from cadretrack.errors import CadretrackError
from cadretrack.i18n import t


def register(app: typer.Typer) -> None:
    app.command("diff", cls=LocalizedCommand, help=t("help_diff"))(diff)


@guarded
def diff(
    ctx: typer.Context,
    since: Annotated[str, typer.Option("--since", help=t("help_diff_since"))],
    year: Annotated[Optional[int], typer.Option("--year", help=t("help_check_year"))] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help=t("help_diff_as_of"))] = None,
    format: Annotated[str, typer.Option("--format", help=t("help_format"))] = "table",
) -> None:
    from cadretrack.ops.diff import run_diff
    from cadretrack.ops.known import known_on
    from cadretrack.render.diff import print_diff

    check_format(format)
    day = date_option(as_of) or today()
    path = Path(since)
    if path.suffix.lower() in (".xlsx", ".docx") or path.exists():
        from cadretrack.ops.diff import diff_since_document

        result = diff_since_document(open_db(ctx), path, year, day)
    else:
        try:
            moment = moment_option(since)
        except CadretrackError as exc:
            if exc.key == "known_on_future":
                raise
            raise CadretrackError("diff_since_invalid", value=since) from None
        db = open_db(ctx)
        _, last = known_on(db, moment)
        if last.changeset == 0:
            raise CadretrackError("known_on_before_ledger", value=since)
        result = run_diff(db, last.changeset, last.at, year or day.year, day, day)
    print_diff(result, format)
