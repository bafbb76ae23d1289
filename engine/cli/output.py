"""What every command shares: the argument parser that keeps usage errors to one line, the
``--home`` and ``--json`` options, the :class:`Output` a handler returns and the one
function that prints it (JSON or text), and the printers for notes, sizes and progress."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

from engine import jobs
from engine.errors import AirlockError, BadInput


class UsageError(BadInput):
    pass


class Parser(argparse.ArgumentParser):
    """argparse, but usage errors follow the one-line contract."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _home_option(parser: argparse.ArgumentParser, top: bool = False) -> None:
    parser.add_argument("--home", metavar="DIR", default=None if top else argparse.SUPPRESS,
                        help="data home (default: $AIRLOCK_HOME or the platform's app-data folder)")


ROW_ID_MAX = 2**63 - 1
"""SQLite's largest integer: an id or a limit above it can only be a typo (exit 2)."""


def whole_number(low: int = 1, high: int = ROW_ID_MAX) -> Callable[[str], int]:
    """An argparse ``type`` for ids, counts and limits: a bad or huge one is a usage error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text[:40]} is out of range ({low} to {high})")
        return value

    parse.__name__ = "whole number"
    return parse


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON value and nothing else")


def _finite(value: Any) -> Any:
    """NaN and infinities (stored before parameters were checked) become null: JSON has none."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def emit_json(value: Any) -> None:
    try:
        text = json.dumps(value, ensure_ascii=False, default=str, allow_nan=False)
    except ValueError:
        text = json.dumps(_finite(value), ensure_ascii=False, default=str, allow_nan=False)
    sys.stdout.write(text + "\n")


_BIDI = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def printable(text: str, *, newlines: bool = True) -> str:
    """``text`` safe for a terminal: control characters (ANSI escapes, carriage returns,
    bidi overrides, and line breaks unless ``newlines``) shown as ``\\x1b``-style escapes,
    so a name or a prompt can neither recolour the screen nor fake a line of output."""
    if text.isprintable() and not any(ord(c) in _BIDI for c in text):
        return text
    out = []
    for char in text:
        if (char == "\n" and newlines) or char == "\t" or (char.isprintable() and ord(char) not in _BIDI):
            out.append(char)
        else:
            out.append(char.encode("unicode_escape").decode("ascii"))
    return "".join(out)


def note(message: str) -> None:
    print(f"note: {printable(message, newlines=False)}", file=sys.stderr)


def human_size(n: int | None) -> str:
    if n is None:
        return "?"
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if n < 1000 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return str(n)


def progress_printer(label: str, enabled: bool) -> Callable[[int, int], None] | None:
    if not enabled or not sys.stderr.isatty():
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        percent = int(done * 100 / total) if total else 100
        if percent != last[0]:
            last[0] = percent
            sys.stderr.write(f"\r{label} {percent:3d}%")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return show


@dataclass(frozen=True)
class Output:
    """What a command handler returns: ``value`` is printed as the one JSON value under
    ``--json``, ``text`` is what a person reads otherwise. Handlers build both and print
    neither, so the JSON/text choice is made in one place (:func:`present`)."""

    value: Any = None
    text: str = ""
    notes: tuple[str, ...] = ()
    """Text mode only: ``note:`` lines on stderr after the text."""
    stderr: bool = False
    """The text goes to stderr (when stdout carries data, e.g. an export)."""
    status: int = 0


def present(result: Output | int | None, as_json: bool) -> int:
    """Print a handler's result, JSON or text, and return the exit status. A handler that
    streamed its own output (tokens, an export to stdout) returns None or a status."""
    if not isinstance(result, Output):
        return 0 if result is None else int(result)
    if as_json:
        emit_json(result.value)
        return result.status
    if result.text:
        stream = sys.stderr if result.stderr else sys.stdout
        text = printable(result.text)  # names and prompts can hold escape codes and line breaks
        stream.write(text if text.endswith("\n") else text + "\n")
    for message in result.notes:
        note(message)
    return result.status


def raise_for_failure(outcome: Any) -> None:
    """Turn an outcome whose job failed into the error with the right exit status (the GUI
    shows the failed event itself; only the CLI turns it into an exit code)."""
    event = outcome.event
    if isinstance(event, jobs.Failed):
        message = event.message[0].upper() + event.message[1:]
        if event.kind == "crashed":
            message = f"Generation stopped: {event.message}."
        raise (BadInput if event.kind == "bad_input" else AirlockError)(message)
    if isinstance(event, jobs.Cancelled):
        raise AirlockError("Generation was stopped.")


def stream_text(ws: Any, request: Any, *, quiet: bool) -> Any:
    """Run a text request, printing tokens as they arrive (unless ``quiet``) and notes to
    stderr; raise the right error when it failed or was stopped. Returns the outcome."""
    from engine.text.runner import run_text

    streamed = [False]
    show_progress = sys.stderr.isatty()

    def on_event(event: Any) -> None:
        if isinstance(event, jobs.Progress) and event.stage == "prompt" and show_progress:
            # a long prompt takes seconds to minutes before the first token: say how far
            sys.stderr.write(f"\rreading the prompt: {event.step}/{event.total} tokens")
            sys.stderr.write("\n" if event.step >= event.total - 1 else "")
            sys.stderr.flush()
        if isinstance(event, jobs.Token) and not quiet:
            sys.stdout.write(event.text)
            sys.stdout.flush()
            streamed[0] = True

    outcome = run_text(ws, request, on_event)
    if streamed[0]:
        sys.stdout.write("\n")
    for message in outcome.notes:
        note(message)
    raise_for_failure(outcome)
    return outcome
