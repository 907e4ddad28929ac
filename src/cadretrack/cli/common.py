"""What every command shares: global state, dates, ledger opening and error handling."""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import typer

from cadretrack import context, interrupts
from cadretrack.context import Run
from cadretrack.errors import CadretrackError, InputProblems
from cadretrack.i18n import detect_lang, t  # noqa: F401  (detect_lang: read by app.py)

FORMATS = ("table", "json", "csv")
OUTPUT_OPTIONS = ("output", "review")  # the options naming what a command writes (a file or a folder)


@dataclass
class State:
    db: Path
    lang: str
    run: Run | None = None  # the command's context, made once
    debug: bool = False  # errors also say what the library said

def state(ctx: typer.Context) -> State:
    return ctx.find_root().obj


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def today() -> dt.date:
    return dt.date.today()


def command_line(ctx: typer.Context) -> list[str]:
    """The running command as a clerk would type it, rebuilt from the parsed options."""
    words = ctx.command_path.split()
    words[0] = "cadretrack"
    for param in ctx.command.params:
        value = ctx.params.get(param.name)
        if value is None or value is False or value == param.default:
            continue
        if param.param_type_name == "argument":
            words.append(str(value))
        elif value is True:
            words.append(param.opts[0])
        else:
            words += [param.opts[0], str(value)]
    return words


def date_option(value: str | None) -> dt.date | None:
    from cadretrack.domain.dates import DateError, parse_date

    if value is None:
        return None
    try:
        return parse_date(value)
    except DateError:
        raise CadretrackError("date_invalid", value=value) from None


def check_format(value: str, choices: tuple[str, ...] = FORMATS) -> str:
    if value not in choices:
        raise CadretrackError("format_invalid", value=value, choices=", ".join(choices))
    return value


def run_of(ctx: typer.Context) -> Run:
    """The command's context for ops: the moment, the day, the command line, the language
    (one per command: an interruption asks it what was written)."""
    root = state(ctx)
    if root.run is None:
        outputs = [Path(ctx.params[name]) for name in OUTPUT_OPTIONS if ctx.params.get(name) is not None]
        root.run = Run(now=now(), today=today(), command=command_line(ctx), lang=root.lang, outputs=outputs)
        context.activate(root.run)
    return root.run


def open_db(ctx: typer.Context):
    """The command's ledger, closed when the command ends (whatever way it ends)."""
    from cadretrack.ops.ledger import open_ledger

    return ctx.with_resource(open_ledger(state(ctx).db, run_of(ctx)))


def moment_option(value: str | None) -> dt.datetime | None:
    """`--known-on`: dd/mm/yyyy[ HH:MM] in local time (a date alone: the end of that day), as UTC."""
    from cadretrack.domain.dates import DateError, format_date, parse_moment
    from cadretrack.ops.known import local_moment

    if value is None:
        return None
    try:
        naive = parse_moment(value)
        moment = local_moment(naive)
    except (DateError, ValueError, OverflowError, OSError):
        raise CadretrackError("known_on_invalid", value=value) from None
    if naive.date() > today():  # what the ledger will know is no question it can answer
        raise CadretrackError("known_on_future", value=value, today=format_date(today()))
    return moment


def open_known(ctx: typer.Context, known_on: str | None):
    """The command's ledger as known at `--known-on` (as it is now without it), and the last
    change set that view includes (ops.known.Moment)."""
    from cadretrack.ops.known import known_on as view

    moment = moment_option(known_on)
    db, last = view(open_db(ctx), moment)
    if moment is not None and last.changeset == 0:
        raise CadretrackError("known_on_before_ledger", value=known_on)
    return ctx.with_resource(db), last


def guarded(fn):
    """Run a command; our own errors become one clear line (and a table of problems), exit 2;
    an interruption one sentence saying what was done, exit 130."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from cadretrack import progress
        from cadretrack.render.progress import TerminalProgress

        root = _root_state(args, kwargs)
        interrupts.begin()
        progress.listen(TerminalProgress())  # a bar while stderr is a terminal, the waiting line always
        if root is not None:
            root.run = None  # one run per command, even when a test process runs many
            run_of(kwargs.get("ctx") or args[0])
        try:
            try:
                return fn(*args, **kwargs)
            finally:
                interrupts.answered()  # from here on a signal is only noted: the command answers
        except CadretrackError as exc:
            if isinstance(exc, InputProblems):
                from cadretrack.render.problems import problems_table
                from cadretrack.render.terminal import console

                console(stderr=True).print(problems_table(exc))
            _print_error(exc.message(debug=root is not None and root.debug))
            raise typer.Exit(exc.exit_code) from None
        except sqlite3.Error as exc:  # the ledger failed under a command: say what is true of it
            from cadretrack.ops.ledger import explain

            error = explain(root.db if root is not None else None, exc)
            _print_error(error.message(debug=root is not None and root.debug))
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            print_stopped(root.run if root is not None else context.active())
            raise typer.Exit(130) from None
        finally:
            context.activate(None)
            progress.listen(None)

    return wrapper


def print_stopped(run: Run | None) -> None:
    """The one sentence of an interrupted command: what it committed, which files it wrote."""
    from cadretrack.render.stopped import stopped_sentence

    _print_notice(stopped_sentence(run))


def _root_state(args, kwargs) -> State | None:
    """The global state of the command a guarded function runs, if it was given its context."""
    ctx = kwargs.get("ctx") or (args[0] if args else None)
    # Typer hands over its own Click's Context, not always a typer.Context: ask what it does.
    root = ctx.find_root().obj if callable(getattr(ctx, "find_root", None)) else None
    return root if isinstance(root, State) else None


def _print_notice(message: str) -> None:
    import sys

    try:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # the stream itself went away (a closed pipe)
        pass


def _print_error(message: str) -> None:
    from rich.text import Text

    from cadretrack.render.terminal import console, safe_text

    # The message may repeat what was typed: its control characters are shown, never obeyed.
    console(stderr=True).print(Text.assemble((f"{t('error')}:", "bold red"), " ", safe_text(message)))


def echo(text: str) -> None:
    typer.echo(text)



def output_of(ctx: typer.Context, path: Path | None, *inputs: Path | None, exclusive: bool = False):
    """The command's output file checked right after parsing, before any input is read or
    the ledger opened: never one of its inputs (the ledger counts), a folder, a link, or in
    a folder that does not exist (cadretrack.output). None when no output was asked for."""
    from cadretrack.output import Output

    if path is None:
        return None
    return Output.check(path, inputs=[state(ctx).db, *inputs], exclusive=exclusive)
