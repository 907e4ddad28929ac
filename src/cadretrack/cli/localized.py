"""The framework's words in the clerk's language: help headings, the help option, usage
errors. Through what Typer offers, command and group classes (`cls=`), not by editing it:

* help: the usage line, the "Options"/"Arguments"/"Commands" headings and the help
  option's text are written by these classes with our catalogue;
* usage errors (no such option, missing option, bad value, no such command …) are typed
  exceptions: the root group runs its commands without the framework's own error
  printing, catches them and says them in our catalogue, exit 2.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from typer import Abort
from typer._click import exceptions as click_errors
from typer.core import TyperCommand, TyperGroup

from cadretrack.i18n import t


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

    return names, _EXTRA.sub(lambda m: "[" + "; ".join(item(p) for p in m.group(1).split("; ")) + "]", text)


_USAGE_WORDS = {"[OPTIONS]": "cli_usage_options", "COMMAND": "cli_usage_command", "[ARGS]...": "cli_usage_args"}
_ARGUMENTS = {"file": "cli_arg_file", "id": "cli_arg_id"}  # argument names as the usage line shows them


def _usage_piece(piece: str) -> str:
    if piece in _USAGE_WORDS:
        return t(_USAGE_WORDS[piece])
    if " " in piece:  # a group's "COMMAND [ARGS]..."
        return " ".join(_usage_piece(p) for p in piece.split(" "))
    name = piece.strip("{}[]<>.").lower()
    return t(_ARGUMENTS[name]) if name in _ARGUMENTS else piece


class _Localized:
    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(_usage_piece(p) for p in self.collect_usage_pieces(ctx)),
                              prefix=t("cli_usage") + " ")

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("help_help")
        return option


class LocalizedCommand(_Localized, TyperCommand):
    def format_options(self, ctx, formatter) -> None:
        _format_params(self, ctx, formatter)


class LocalizedGroup(_Localized, TyperGroup):
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
            formatter.write_dl([(name, cmd.get_short_help_str(limit)) for name, cmd in commands])

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
        except click_errors.NoArgsIsHelpError as exc:  # "cadretrack import": its help, as the framework does
            print(exc.format_message(), file=sys.stderr)
            if standalone_mode:
                sys.exit(exc.exit_code)
            raise
        except click_errors.UsageError as exc:
            _show_usage_error(exc)
            if standalone_mode:
                sys.exit(exc.exit_code)
            raise
        except click_errors.ClickException as exc:
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


def _show_usage_error(exc: click_errors.UsageError) -> None:
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
    if param is not None and exc.ctx is not None:
        return param.get_error_hint(exc.ctx)
    return ""


# Messages the framework builds from literal English, recognised to be said in ours.
_PATTERNS = [
    (re.compile(r"^No such command '(?P<name>.*)'\.(?: Did you mean (?P<near>.*)\?)?$"), "cli_no_such_command"),
    (re.compile(r"^Missing command\.$"), "cli_missing_command"),
    (re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<value>.*)\)$"), "cli_extra_arguments"),
    (re.compile(r"^Option '(?P<name>.*)' requires an argument\.$"), "cli_needs_value"),
    (re.compile(r"^Option '(?P<name>.*)' does not take a value\.$"), "cli_takes_no_value"),
]
_VALUE_PATTERNS = [
    (re.compile(r"^'?(?P<value>.*?)'? is not a valid (?:int|integer|integer range)\.?$"), "cli_not_integer"),
    (re.compile(r"^'?(?P<value>.*?)'? is not a valid float\.?$"), "cli_not_number"),
    (re.compile(r"^'?(?P<value>.*?)'? is not a valid boolean\..*$"), "cli_not_boolean"),
    (re.compile(r"^'?(?P<value>.*?)'? is not one of (?P<choices>.*)\.$"), "cli_not_a_choice"),
    (re.compile(r"^\w+ '?(?P<value>.*?)'? does not exist\.$"), "cli_no_such_path"),
]


def usage_message(exc: click_errors.UsageError) -> str:
    """One sentence in the user's language for a usage error of the framework."""
    if isinstance(exc, click_errors.NoSuchOption):
        text = t("cli_no_such_option", name=exc.option_name)
        if exc.possibilities:
            text += " " + t("cli_did_you_mean", names=", ".join(sorted(exc.possibilities)))
        return text
    if isinstance(exc, click_errors.MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "parameter")
        key = "cli_missing_argument" if kind == "argument" else "cli_missing_option"
        return t(key, name=_hint(exc))
    if isinstance(exc, click_errors.BadParameter):
        detail = exc.message
        for pattern, key in _VALUE_PATTERNS:
            m = pattern.match(detail)
            if m:
                detail = t(key, **m.groupdict())
                break
        return t("cli_bad_value", name=_hint(exc), detail=detail) if _hint(exc) else detail
    for pattern, key in _PATTERNS:
        m = pattern.match(exc.message)
        if m:
            fields = {k: v or "" for k, v in m.groupdict().items()}
            text = t(key, **fields)
            if fields.get("near"):
                text += " " + t("cli_did_you_mean", names=fields["near"])
            return text
    return exc.format_message()
