"""The program's entry point: the signal handlers first, then everything else.

Typer, Rich and the command modules take a noticeable time to import; a Ctrl-C or SIGTERM
in that time must end the process as one at any other moment does (exit 130, one sentence),
not kill it by the signal. Nothing heavy is imported before `interrupts.install()`.
"""

from __future__ import annotations

import sys


def main() -> None:
    from cadretrack import interrupts

    interrupts.install()
    if sys.argv[1:] == ["--version"]:  # what a script asks most often: nothing else is loaded for it
        from cadretrack import __version__

        sys.stdout.write(f"cadretrack {__version__}\n")
        return
    try:
        vocabulary_or_exit()  # the words are read here, first: a Ctrl-C meanwhile is one like any other
        interrupts.pause_point("start")
        from cadretrack.cli.app import main as run_cli

        run_cli()  # it answers a Ctrl-C itself once it runs
    except KeyboardInterrupt:  # while starting: nothing was done
        interrupted_at_start()


def vocabulary_or_exit() -> None:
    """A damaged data/vocabulary.toml: one sentence and exit 2, before any command runs."""
    from cadretrack import vocabulary

    error = vocabulary.problem()
    if error is None:
        return
    import os

    from cadretrack.i18n import detect_lang, set_lang

    set_lang(detect_lang(sys.argv, os.environ))
    sys.stderr.write(vocabulary.problem_sentence(error) + "\n")
    sys.exit(2)


def interrupted_at_start() -> None:
    import os

    from cadretrack import interrupts

    interrupts.ignore_from_now()
    from cadretrack.i18n import detect_lang, set_lang
    from cadretrack.render.stopped import stopped_sentence

    set_lang(detect_lang(sys.argv, os.environ))
    try:
        sys.stderr.write(stopped_sentence(None) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    sys.exit(130)
