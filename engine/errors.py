"""The two kinds of error a person sees, and the exit status each one maps to.

Messages are one sentence that says what went wrong and what to do; details and
tracebacks go to the log, never to the user.
"""

from __future__ import annotations


class AirlockError(Exception):
    """Something went wrong inside Airlock (exit status 1)."""

    exit_code = 1


class BadInput(AirlockError):
    """The user gave something Airlock cannot use: a bad file, an unknown name (exit status 2)."""

    exit_code = 2


class DiskFull(AirlockError):
    """No space left on the disk (exit status 1: the input was fine)."""


class Cancelled(AirlockError):
    """The user stopped a long operation; nothing half-done was kept."""

    exit_code = 1
