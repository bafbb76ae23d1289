"""What the CLI says when something outside Airlock's control goes wrong, in one line.

Exceptions that are not Airlock errors (a locked database, a full disk, a read-only home,
a closed stdout, a SIGTERM) each get their own sentence and exit status here, so
"something went wrong inside Airlock" is left for real bugs.
"""

from __future__ import annotations

import contextlib
import errno
import signal
import sqlite3
import sys
from collections.abc import Iterator
from types import FrameType
from typing import Any

from engine.errors import AirlockError

EXIT_SIGTERM = 128 + signal.SIGTERM


class Terminated(BaseException):
    """SIGTERM arrived: raised in the main thread so ``finally`` blocks run (the running
    generation is kept as interrupted, a half-copied model file is removed)."""


@contextlib.contextmanager
def sigterm_raises() -> Iterator[None]:
    """Turn SIGTERM into :class:`Terminated` for the duration (main thread only)."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (tests calling main() from a thread)
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def describe(exc: BaseException, home: object | None = None) -> tuple[str, int] | None:
    """(one sentence, exit status) for a failure from outside Airlock, or None for a bug."""
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return ("The database is busy: another Airlock process kept it locked for too long; "
                    "try again when it has finished.", 1)
        if "readonly" in text or "read-only" in text:
            return (f"The Airlock home{_where(home)} is read-only; choose a writable one with --home "
                    "or make it writable.", 1)
        if "disk is full" in text or "full" in text:
            return ("The disk is full; free some space and try again.", 1)
        if "unable to open" in text:
            return (f"The database in the Airlock home{_where(home)} cannot be opened; check that the "
                    "folder exists and is writable.", 1)
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return ("The disk is full; free some space and try again.", 1)
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            name = f" {exc.filename}" if exc.filename else ""
            return (f"Airlock may not write{name} ({exc.strerror}); use a writable --home or fix the "
                    "folder's permissions.", 1)
        if exc.errno == errno.ENOTDIR:
            return (f"{exc.filename or 'A path in the Airlock home'} is in the way: a file where Airlock "
                    "needs a folder; move it aside or choose another --home.", 1)
    return None


def check_argv(argv: list[str]) -> None:
    """Refuse arguments that are not text (bytes that are not UTF-8 arrive as surrogates,
    which SQLite and the terminal cannot take), and a closed standard output."""
    from engine.cli.output import UsageError

    for position, argument in enumerate(argv, 1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            shown = argument.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")[:60]
            raise UsageError(f"argument {position} ({shown}) is not valid UTF-8 text; check the terminal's "
                             "encoding or the file names") from None
    if sys.stdout is None:
        raise AirlockError("Standard output is closed, so Airlock has nowhere to print its answer; "
                           "run the command with its output going to the terminal, a file or a pipe.")


def give_back_space(db: Any) -> None:
    """After a failed write (a full disk), fold the write-ahead log back into the database
    so the space it holds comes back, using the spare file's room when the disk has none
    (engine/store/space.py); quietly, since the disk may still be full."""
    from engine.store import space

    space.reclaim(db)


def _where(home: object | None) -> str:
    root = getattr(home, "root", None)
    return f" ({root})" if root else ""
