"""The ``airlock`` command: the same engine the desktop app uses, from a terminal.

Contract (DESIGN.md): every command takes ``--home``; ``--json`` prints exactly one JSON
value on stdout; exit status 0 success, 2 bad input, 1 failure inside; errors are one
line on stderr starting ``error: ``, tracebacks go to ``logs/``.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from engine.cli.output import Parser, UsageError, _home_option, present, printable
from engine.cli.failures import EXIT_SIGTERM, Terminated, check_argv, describe, give_back_space, sigterm_raises
from engine.errors import AirlockError, BadInput, DiskFull

log = logging.getLogger("airlock.cli")


def build_parser() -> Parser:
    parser = Parser(prog="airlock", description="Private generative AI on this workstation.")
    _home_option(parser, top=True)
    commands = parser.add_subparsers(dest="command", parser_class=Parser)

    def command(name: str, help_text: str, parent: Any = commands) -> Parser:
        sub = parent.add_parser(name, help=help_text, description=help_text)
        _home_option(sub)
        return sub

    for group in command_groups():
        group.add_parsers(command)
    return parser


GROUPS = ("models", "text", "image", "history", "bench", "templates", "batch", "insights", "serve", "api", "audit",
          "trust", "connections")
"""Command groups, one module each under engine/cli/: each has ``add_parsers(command)``
(``command`` is build_parser's helper, which adds ``--home``) and ``COMMANDS``, a dict from
command name to ``handler(ws, args)``. A handler returns an :class:`~engine.cli.output.Output`
(the JSON value and the text; :func:`~engine.cli.output.present` prints one of them), or
None / an exit status when it wrote its own output. A new group is one module and one name
here; ``airlock --help`` lists the commands in this order."""


def command_groups() -> list[Any]:
    import importlib

    return [importlib.import_module(f"engine.cli.{name}") for name in GROUPS]


def handler_for(command: str) -> Any:
    for group in command_groups():
        if command in group.COMMANDS:
            return group.COMMANDS[command]
    raise UsageError(f"unknown command {command}")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        with sigterm_raises():
            return _run(argv)
    except Terminated:
        print("error: stopped by a termination signal (SIGTERM); a generation in progress is kept in "
              "history as interrupted, half-copied files are removed.", file=sys.stderr)
        return EXIT_SIGTERM


def _run(argv: list[str]) -> int:
    from engine.cli.output import note
    from engine.store import locking

    locking.on_wait = note  # "note: waiting for another Airlock process ..." on stderr
    ws = None
    try:
        check_argv(argv)
        args = build_parser().parse_args(argv)
        if args.command is None:
            raise UsageError("no command given (see 'airlock --help')")
        from engine.workspace import Workspace

        ws = Workspace.open(args.home, process_name="cli")
        # The command only: its arguments can be prompts and personal data, and logs/ is
        # plain text even when the database is encrypted (docs/privacy.md).
        log.info("airlock %s %s", args.command, getattr(args, "action", None) or "")
        return present(handler_for(args.command)(ws, args), getattr(args, "json", False))
    except AirlockError as exc:
        log.info("error (exit %s): %s", exc.exit_code, exc, exc_info=not isinstance(exc, BadInput))
        if ws is not None and isinstance(exc, DiskFull):
            give_back_space(ws.db)
        print(f"error: {printable(str(exc), newlines=False)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("error: interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last net: one line for the user, the traceback to the log
        known = describe(exc, ws.home if ws else None)
        if known is not None:
            log.info("failed: %s", exc, exc_info=True)
            if ws is not None:
                give_back_space(ws.db)
            print(f"error: {known[0]}", file=sys.stderr)
            return known[1]
        log.exception("unexpected failure")
        where = f" (details in {ws.home.logs_dir})" if ws else ""
        print(f"error: something went wrong inside Airlock: {exc}{where}", file=sys.stderr)
        return 1
    finally:
        if ws is not None:
            ws.close()
