"""The ``airlock`` console script: with no command it opens the window, otherwise it runs
the engine's command line.

It lives in desktop/ because it is the one place that knows both front ends: the engine
never imports the GUI (tests/unit/test_import_graph.py holds it to that).
"""

from __future__ import annotations

import multiprocessing
import sys
from typing import NoReturn

from engine.cli.main import build_parser, main as cli_main
from engine.errors import BadInput


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--demo"]:  # a throw-away home with sample data (desktop/demo.py)
        from desktop.demo import run_demo

        return run_demo()
    try:
        args = build_parser().parse_args(argv)
    except BadInput:
        return cli_main(argv)  # the CLI prints the usage error its own way
    if args.command is None:
        from desktop.app import run_app

        return run_app(args.home)
    return cli_main(argv)


def console_main() -> NoReturn:
    multiprocessing.freeze_support()  # the PyInstaller build starts workers through this entry
    sys.exit(main())


if __name__ == "__main__":
    console_main()
