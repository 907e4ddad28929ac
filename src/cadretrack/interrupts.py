"""Ctrl-C and SIGTERM stop a command at a safe point, never inside a library's own work.

The handler (installed first thing, before any heavy import) only notes the signal, then:
- inside a critical section (`critical()`: a commit and its noting, a file renamed into
  place, a library building a file) it does nothing more: the section raises
  `KeyboardInterrupt` at its end;
- in our own code, it raises `KeyboardInterrupt` there and then (every line of ours is a
  safe point: what we hold is released by `with` and `finally`);
- in a library's code (zipfile, XlsxWriter, openpyxl, sqlite-utils...), which an exception
  at an arbitrary bytecode leaves half-built ("Exception ignored in ZipFile.__del__"), it
  waits: the library call runs to its end and the interruption is raised at the next line
  of ours (through the trace hook, as a debugger stops at a line). Code compiled from a
  string (typing evaluating an annotation) is left first: CPython counts a KeyboardInterrupt
  leaving it as never handled and would end the process by SIGINT after our exit 130.
Every line of ours is thus a checkpoint: no loop needs one of its own.
One interruption is raised per command: a second signal while the command unwinds (a
rollback, a staged file removed, the sentence printed) is only noted, and so is any signal
after the command has given its answer (`answered()`); once `main` ends they are ignored
outright (`ignore_from_now()`: Python puts the default handlers back while it finalizes).

A test-only hook makes the moments deterministic: CADRETRACK_PAUSE_AT names points
(comma-separated: start, file-staged, file-written, before-commit, in-commit,
after-commit; "file-staged#2": its second passage, when a command writes more than one
file); at a named point the process writes the point's name and a newline to the file
descriptor CADRETRACK_PAUSE_FD (when given) and waits for a signal, which it then takes as
if it had arrived there.
"""

from __future__ import annotations

import os
import signal
import sys

SIGNALS = (signal.SIGINT, signal.SIGTERM)
_HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


class _State:
    installed = False
    depth = 0  # critical sections entered
    pending = 0  # the signal noted and not yet acted on (0: none)
    raised = False  # the command's one interruption was raised: later signals are only noted
    done = False  # the command has answered: signals are only noted
    marked: list = []  # frames of ours that raise at their next line
    handling = False  # the handler is running (a second signal at once is only noted)
    tracer = None  # the trace function in place before ours (a debugger's, a coverage tool's)


_state = _State()
_passages: dict[str, int] = {}  # pause_point: how often each point was passed


def install() -> None:
    """The handlers, for SIGINT and SIGTERM."""
    for signum in SIGNALS:
        signal.signal(signum, _handler)
    _state.installed = True


def installed() -> bool:
    return _state.installed


def begin() -> None:
    """A command starts: nothing noted yet (several commands run in one test process)."""
    _unmark()
    _state.depth, _state.pending, _state.raised, _state.done = 0, 0, False, False


def answered() -> None:
    """The command has answered (or is printing why not): later signals are only noted."""
    _state.done = True
    _unmark()


def ignore_from_now() -> None:
    """The process is ending: signals are ignored outright (Python puts the default
    handlers back while it finalizes, and a late SIGTERM would then kill the process)."""
    answered()
    for signum in SIGNALS:
        signal.signal(signum, signal.SIG_IGN)


class critical:
    """A section a signal never splits: it waits for the section's end, then stops the command."""

    def __enter__(self) -> None:
        _state.depth += 1

    def __exit__(self, *exc) -> bool:
        _state.depth -= 1
        if _state.depth == 0 and _state.pending and not (_state.raised or _state.done):
            _raise()
        return False


def _raise() -> None:
    _state.raised = True
    _unmark()
    raise KeyboardInterrupt


def _handler(signum, frame) -> None:
    _state.pending = _state.pending or signum
    if _state.raised or _state.done or _state.depth or _state.handling or _state.marked:
        return
    _state.handling = True
    try:
        ours = _our_frames(frame)
        if not _in_eval(frame) and (frame is not None and frame.f_code.co_filename.startswith(_HERE) or not ours):
            _raise()
        for f in ours:  # in a library: stop at the next line of ours, when its call has returned
            f.f_trace = _at_line
            f.f_trace_lines = True
        _state.marked, _state.tracer = ours, sys.gettrace()
        sys.settrace(_calls)
    finally:
        _state.handling = False


def _our_frames(frame) -> list:
    """The frames of our code below `frame`, innermost first."""
    found = []
    while frame is not None:
        if frame.f_code.co_filename.startswith(_HERE):
            found.append(frame)
        frame = frame.f_back
    return found


def _in_eval(frame) -> bool:
    """`frame` runs inside code compiled from a string (typing evaluating an annotation, a
    template): CPython counts a KeyboardInterrupt leaving such code as never handled, and the
    process would end by SIGINT even after our sentence and exit 130."""
    while frame is not None:
        if frame.f_code.co_filename == "<string>":
            return True
        frame = frame.f_back
    return False


def _calls(frame, event, arg):
    """While an interruption waits: a new frame of ours stops at its first line."""
    return _at_line if frame.f_code.co_filename.startswith(_HERE) else None


def _at_line(frame, event, arg):
    if event == "line" and _state.pending and not (_state.raised or _state.done):
        if _state.depth or _in_eval(frame):
            return _at_line  # a critical section of ours raises at its end; code from a string is left first
        _raise()
    return _at_line


def _unmark() -> None:
    if _state.marked or sys.gettrace() is _calls:
        sys.settrace(_state.tracer)
        for f in _state.marked:
            f.f_trace = None
        _state.marked, _state.tracer = [], None


def pause_point(name: str) -> None:
    """The test-only hook (see the module's text): wait here for a signal, when asked to."""
    wanted = os.environ.get("CADRETRACK_PAUSE_AT")
    if not wanted or not _state.installed:
        return
    _passages[name] = _passages.get(name, 0) + 1
    points = wanted.split(",")
    if name not in points:
        name = f"{name}#{_passages[name]}"
        if name not in points:
            return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        fd = os.environ.get("CADRETRACK_PAUSE_FD")
        if fd:
            try:
                os.write(int(fd), name.encode() + b"\n")
            except (OSError, ValueError):
                pass
        signum = _state.pending or signal.sigwait(SIGNALS)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
    _handler(signum, sys._getframe())
