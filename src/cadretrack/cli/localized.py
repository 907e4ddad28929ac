"""The framework's words in the clerk's language: help headings, the help option, usage
errors. Through what Typer offers, command and group classes (`cls=`), not by editing it:

* help: the usage line, the "Options"/"Arguments"/"Commands" headings and the help
  option's text are written by these classes with our catalogue;
* usage errors (no such option, missing option, bad value, no such command …) are typed
  exceptions: the root group runs its commands without the framework's own error
  printing, catches them and says them in our catalogue, exit 2. Each is said from its
  type and the parameters it carries (the option's name, the parameter and its type, the
  value given), never from the framework's English text. The few mistakes Click reports
  only as a sentence (no such command, no command, extra arguments) are found by these
  classes first and raised as errors of our own types.

Only public names are used: `typer.BadParameter`, `typer.Abort`, `typer.core`. Typer < 0.26
runs on the `click` package; from 0.26 on it carries its own copy of Click (a pip `click`
installed beside it is then another family of errors, which Typer never raises). The error
classes are therefore found from `typer.BadParameter`, whichever Click that is.
"""

from __future__ import annotations

import difflib
import re
import sys
from typing import Any

import typer
from typer import Abort
from typer.core import TyperCommand, TyperGroup

from cadretrack.i18n import t


def _framework_errors() -> dict[str, type]:
    """The usage errors of the Click that Typer runs on, by class name: the family of the
    public `typer.BadParameter` (its bases and their subclasses, in its module)."""
    module = typer.BadParameter.__module__
    found: dict[str, type] = {}
    pending = [c for c in typer.BadParameter.__mro__ if c.__module__ == module]
    while pending:
        cls = pending.pop()
        if cls.__module__ == module and cls.__name__ not in found:
            found[cls.__name__] = cls
            pending.extend(cls.__subclasses__())
    return found


_ERRORS = _framework_errors()
# A Typer that renamed one of these fails here, at start, not by letting its errors escape.
ClickException = _ERRORS["ClickException"]
UsageError = _ERRORS["UsageError"]
BadParameter = _ERRORS["BadParameter"]
MissingParameter = _ERRORS["MissingParameter"]
NoSuchOption = _ERRORS["NoSuchOption"]
BadOptionUsage = _ERRORS["BadOptionUsage"]
NoArgsIsHelpError = _ERRORS["NoArgsIsHelpError"]


class NoSuchCommand(UsageError):
    """A command name the group does not know, with the names it resembles."""

    def __init__(self, ctx, name: str, near: list[str]) -> None:
        super().__init__(f"No such command {name!r}.", ctx)
        self.name, self.near = name, near


class MissingCommand(UsageError):
    """A group given options but no command."""

    def __init__(self, ctx) -> None:
        super().__init__("Missing command.", ctx)


class ExtraArguments(UsageError):
    """Arguments left over after a command's parameters took theirs."""

    def __init__(self, ctx, extra: list[str]) -> None:
        super().__init__(f"Got unexpected extra arguments ({' '.join(extra)})", ctx)
        self.extra = extra


class InvalidValue(BadParameter):
    """A value its parameter's type refuses, with the value as given."""

    def __init__(self, exc, value: object) -> None:
        super().__init__(exc.message, ctx=exc.ctx, param=exc.param, param_hint=exc.param_hint)
        self.value = value


def _format_params(command, ctx, formatter, hide: tuple[str, ...] = ()) -> None:
    args, opts = [], []
    for param in command.get_params(ctx):
        if param.name in hide:
            continue
        record = param.get_help_record(ctx)
        if record is not None:
            (args if param.param_type_name == "argument" else opts).append(_localize_record(record))
    if args:
        with formatter.section(t("cli_arguments")):
            formatter.write_dl(args)
    if opts:
        with formatter.section(t("cli_options")):
            formatter.write_dl(opts)


_EXTRA = re.compile(r"\[([^\[\]]*(?:default|required|env var)[^\[\]]*)\]")


def _localize_record(record: tuple[str, str]) -> tuple[str, str]:
    """The "[env var: …; default: …; required]" Typer appends, in our words."""
    names, text = record
    if names.strip("{}[]<>.").lower() in _ARGUMENTS:
        names = t(_ARGUMENTS[names.strip("{}[]<>.").lower()])

    def item(part: str) -> str:
        if part == "required":
            return t("cli_required")
        if part.startswith("default: "):
            return t("cli_default", value=part[9:])
        if part.startswith("env var: "):
            return t("cli_env_var", value=part[9:])
        return part

    names = _METAVAR.sub(lambda m: _metavar(names, m.group(1)), names)
    text = _RANGE.sub(lambda m: "[" + t("cli_at_least", n=m.group(1)) + "]", text)
    return names, _EXTRA.sub(lambda m: "[" + "; ".join(item(p) for p in m.group(1).split("; ")) + "]", text)


_METAVAR = re.compile(r"<([a-z ]+)>")
_RANGE = re.compile(r"\[x>=(-?\d+)\]")
# The framework's value hints ("--year <int>") in our words: a date option says so.
_HINTS = {"int": "cli_hint_number", "int range": "cli_hint_number", "integer": "cli_hint_number",
          "float": "cli_hint_number", "float range": "cli_hint_number", "str": "cli_hint_text",
          "text": "cli_hint_text", "path": "cli_hint_path", "file": "cli_hint_path"}
_DATE_OPTIONS = ("--date", "--as-of", "--on", "--effective", "--since", "--until", "--known-on")


def _metavar(names: str, hint: str) -> str:
    option = names.split()[0].rstrip(",") if names.split() else ""
    if option in _DATE_OPTIONS:
        return "<" + t("cli_hint_date") + ">"
    return "<" + t(_HINTS[hint]) + ">" if hint in _HINTS else f"<{hint}>"


_USAGE_WORDS = {"[OPTIONS]": "cli_usage_options", "COMMAND": "cli_usage_command", "[ARGS]...": "cli_usage_args"}
_ARGUMENTS = {"file": "cli_arg_file", "id": "cli_arg_id", "kind": "cli_arg_kind"}  # argument names as the usage line shows them


def _usage_piece(piece: str) -> str:
    if piece in _USAGE_WORDS:
        return t(_USAGE_WORDS[piece])
    if piece.startswith("[") and piece.endswith("]") and piece[1:-1] in _USAGE_WORDS:
        return f"[{t(_USAGE_WORDS[piece[1:-1]])}]"  # a group that runs without a command: "[COMMAND]"
    if " " in piece:  # a group's "COMMAND [ARGS]..."
        return " ".join(_usage_piece(p) for p in piece.split(" "))
    name = piece.strip("{}[]<>.").lower()
    return t(_ARGUMENTS[name]) if name in _ARGUMENTS else piece


class _Localized:
    """A closed output pipe (`cadretrack rules | head`, `cadretrack check --help | less` quit
    early) ends every command the same way: the reader has what it read; exit 0, no
    traceback, no second error while the streams are flushed at exit."""

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except BrokenPipeError:
            raise _reader_gone() from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise _reader_gone() from None

    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(_usage_piece(p) for p in self.collect_usage_pieces(ctx)),
                              prefix=t("cli_usage") + " ")

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("help_help")
        return option


def _reader_gone():
    from cadretrack.render.streams import reader_gone

    reader_gone()
    return typer.Exit(0)


# The whole numbers options may take: a year a date can hold with the year after it, days
# ahead that stay within the calendar, anything else within what the ledger stores.
_HUGE = 2**62
_BOUNDS = {"year": (1, 9998), "within": (0, 36500), "limit": (1, _HUGE), "id": (1, _HUGE)}


class LocalizedCommand(_Localized, TyperCommand):
    def format_options(self, ctx, formatter) -> None:
        _format_params(self, ctx, formatter)

    def parse_args(self, ctx, args):
        """The framework's parsing; arguments left over, and a value its type refuses (with
        the value given), raised as our own typed errors."""
        given = list(args)  # the parser consumes the list it is given
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)
        except MissingParameter:
            raise
        except BadOptionUsage as exc:
            if exc.ctx is None:  # the parser names the option, not the command it belongs to
                exc.ctx = ctx
            raise
        except BadParameter as exc:
            if exc.param is None:
                raise
            raise InvalidValue(exc, self._given(ctx, given, exc.param)) from exc
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise ExtraArguments(ctx, list(rest))
        self._check_bounds(ctx)
        return rest

    def _check_bounds(self, ctx) -> None:
        """A whole number no date, count or ledger row can hold (a year 10000, a limit of
        twenty digits) is refused as a bad value, before any work."""
        for param in self.params:
            value = ctx.params.get(param.name)
            if not isinstance(value, int) or isinstance(value, bool):
                continue
            low, high = _BOUNDS.get(param.name, (-_HUGE, _HUGE))
            if not low <= value <= high:
                raise BadParameter(t("cli_not_in_range", value=value, range=t("cli_between", low=low, high=high)),
                                   ctx=ctx, param=param)

    def _given(self, ctx, args: list[str], param) -> object:
        """What the command line gave `param`, read again by the command's own parser."""
        try:
            opts, _, _ = self.make_parser(ctx).parse_args(args=list(args))
        except UsageError:
            return None
        return opts.get(param.name)


class LocalizedGroup(_Localized, TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The group runs without a command too, to say in our words that one is missing.
        self.needs_command = not self.invoke_without_command
        self.invoke_without_command = True

    def resolve_command(self, ctx, args):
        name = args[0] if args else None
        if name is not None and not name.startswith("-") and not ctx.resilient_parsing and self.get_command(ctx, name) is None:
            raise NoSuchCommand(ctx, name, difflib.get_close_matches(name, self.list_commands(ctx)))
        return super().resolve_command(ctx, args)

    def invoke(self, ctx):
        rv = super().invoke(ctx)
        if self.needs_command and ctx.invoked_subcommand is None and not ctx.resilient_parsing:
            raise MissingCommand(ctx)
        return rv

    def format_options(self, ctx, formatter) -> None:
        _format_params(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx, formatter) -> None:
        commands = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        commands = [(name, cmd) for name, cmd in commands if cmd is not None and not cmd.hidden]
        if not commands:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in commands)
        with formatter.section(t("cli_commands")):
            formatter.write_dl([(self.shown_name(name), cmd.get_short_help_str(limit)) for name, cmd in commands])

    def shown_name(self, name: str) -> str:
        return name

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode: bool = True, **extra: Any):
        """Run a command; a usage error is said in the user's language (exit 2)."""
        from cadretrack.render.streams import prepare

        prepare()  # before parsing: --help is printed while the options are read
        if args is not None:  # called with its arguments (tests, scripts): their --lang counts
            import os

            from cadretrack.cli.common import detect_lang
            from cadretrack.i18n import set_lang

            set_lang(detect_lang(["cadretrack", *args], os.environ))
        try:
            rv = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                              standalone_mode=False, **extra)
        except NoArgsIsHelpError as exc:  # "cadretrack import": its help, as the framework does
            print(exc.format_message(), file=sys.stderr)
            if standalone_mode:
                sys.exit(exc.exit_code)
            raise
        except UsageError as exc:
            _show_usage_error(exc)
            if standalone_mode:
                sys.exit(exc.exit_code)
            raise
        except ClickException as exc:
            print(f"{t('error')}: {exc.format_message()}", file=sys.stderr)
            if standalone_mode:
                sys.exit(exc.exit_code)
            raise
        except Abort:  # Ctrl-C at a prompt, or the end of input
            print(t("cli_aborted"), file=sys.stderr)
            if standalone_mode:
                sys.exit(1)
            raise
        if standalone_mode:
            sys.exit(rv if isinstance(rv, int) else 0)
        return rv


class KindsGroup(LocalizedGroup):
    """A group whose commands include one for any kind of filing the rules name: a name
    that is no command of its own (`record half_year`, `record "Báo cáo năm"`) runs the
    command registered as KIND, which reads the kind from the name it was called by."""

    ANY = "KIND"

    def shown_name(self, name: str) -> str:
        return t("cli_arg_kind") if name == self.ANY else name  # "LOẠI" in the Vietnamese help

    def get_command(self, ctx, name):
        command = super().get_command(ctx, name)
        if command is None and name and not name.startswith("-"):
            return super().get_command(ctx, self.ANY)
        return command


class KindCommand(LocalizedCommand):
    """The command of a kind (see KindsGroup): its help offers --rating and --score only
    for a kind that carries a rating (worked out only when the help is shown)."""

    RATED_ONLY = ("rating", "score")

    def format_options(self, ctx, formatter) -> None:
        _format_params(self, ctx, formatter, self.RATED_ONLY if _unrated(ctx.info_name) else ())


def _unrated(name: str) -> bool:
    """A kind of the built-in rules that carries no rating (a province's own kinds are not
    known before the ledger is opened: their help shows every option)."""
    from cadretrack.domain.regime import Regime
    from cadretrack.domain.rules import BUILTIN, parse_rules
    from cadretrack.readers.bundled import bundled_text

    rule = Regime.single(parse_rules(bundled_text(BUILTIN), "built-in")).find_kind(name)
    return rule is not None and not rule.rating


def _show_usage_error(exc: UsageError) -> None:
    ctx = exc.ctx
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(t("cli_try", command=ctx.command_path, option=ctx.help_option_names[0]))
    lines.append(f"{t('error')}: {usage_message(exc)}")
    print("\n".join(lines), file=sys.stderr)


def _hint(exc) -> str:
    if getattr(exc, "param_hint", None) is not None:
        hint = exc.param_hint
        return " / ".join(repr(h) for h in hint) if isinstance(hint, (list, tuple)) else str(hint)
    param = getattr(exc, "param", None)
    if param is not None and param.param_type_name == "argument" and param.name in _ARGUMENTS:
        return t(_ARGUMENTS[param.name])  # as the usage line names it: TỆP, SỐ
    if param is not None and exc.ctx is not None:
        return param.get_error_hint(exc.ctx)
    return ""


# The parameter types whose refusal of a value we say in our words, by class: Click's and
# Typer's copy name their classes alike (their `.name` differs: "integer", "int").
_TYPE_MESSAGES = {"IntParamType": "cli_not_integer", "FloatParamType": "cli_not_number",
                  "BoolParamType": "cli_not_boolean", "Choice": "cli_not_a_choice"}


def _option(ctx, name: str):
    """The option of the command being parsed that answers to `name` ("--year")."""
    command = ctx.command if ctx is not None else None
    for param in getattr(command, "params", []):
        if name in getattr(param, "opts", []) or name in getattr(param, "secondary_opts", []):
            return param
    return None


def _shown(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _range(param_type) -> str:
    low, high = getattr(param_type, "min", None), getattr(param_type, "max", None)
    if low is not None and high is not None:
        return t("cli_between", low=low, high=high)
    return t("cli_at_least", n=low) if low is not None else t("cli_at_most", n=high)


def usage_message(exc: UsageError) -> str:
    """One sentence in the user's language for a usage error of the framework, from its type
    and the parameters it carries."""
    if isinstance(exc, NoSuchCommand):
        text = t("cli_no_such_command", name=exc.name)
        if exc.near:
            text += " " + t("cli_did_you_mean", names=", ".join(repr(n) for n in exc.near))
        return text
    if isinstance(exc, MissingCommand):
        return t("cli_missing_command")
    if isinstance(exc, ExtraArguments):
        return t("cli_extra_arguments", value=" ".join(exc.extra))
    if isinstance(exc, NoSuchOption):
        text = t("cli_no_such_option", name=exc.option_name)
        if exc.possibilities:
            text += " " + t("cli_did_you_mean", names=", ".join(sorted(exc.possibilities)))
        return text
    if isinstance(exc, MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "parameter")
        key = "cli_missing_argument" if kind == "argument" else "cli_missing_option"
        name = getattr(exc.param, "name", None)
        if kind == "argument" and name in _ARGUMENTS:  # "Thiếu tham số TỆP", as the usage line names it
            return t(key, name=t(_ARGUMENTS[name]))
        return t(key, name=_hint(exc))
    if isinstance(exc, BadOptionUsage):
        option = _option(exc.ctx, exc.option_name)
        flag = option is not None and (getattr(option, "is_flag", False) or getattr(option, "count", False))
        return t("cli_takes_no_value" if flag else "cli_needs_value", name=exc.option_name)
    if isinstance(exc, BadParameter):
        detail = exc.message
        param_type = getattr(exc.param, "type", None)
        key = _TYPE_MESSAGES.get(type(param_type).__name__)
        if isinstance(exc, InvalidValue) and type(param_type).__name__ in ("IntRange", "FloatRange"):
            detail = t("cli_not_in_range", value=_shown(exc.value), range=_range(param_type))
        elif isinstance(exc, InvalidValue) and key is not None:
            choices = ", ".join(map(str, getattr(param_type, "choices", ())))
            detail = t(key, value=_shown(exc.value), choices=choices)
        return t("cli_bad_value", name=_hint(exc), detail=detail) if _hint(exc) else detail
    return exc.format_message()
