"""Writing to a database other processes share: take the write lock first, and say so
when waiting for it.

SQLite's default ``BEGIN`` is deferred: a transaction that reads and then writes asks for
the write lock only at its first write, and when another process wrote in between it
fails at once with "database is locked" (the busy timeout cannot help: waiting would not
make its snapshot current). :func:`immediate` starts with ``BEGIN IMMEDIATE``, so the
read-check-write sequences (migrations, the default pack, knowledge imports) see the
latest data and never fail half-way; the caller re-checks inside.

While another process holds the lock, :func:`immediate` waits up to :data:`WAIT_SECONDS`,
and after :data:`NOTICE_AFTER` seconds tells :data:`on_wait` (the CLI prints a note) how
long it has waited and will wait.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator

import sqlite_utils

from engine.errors import AirlockError

WAIT_SECONDS = float(os.environ.get("AIRLOCK_LOCK_WAIT", "60"))
"""How long a writer waits for another process's lock ($AIRLOCK_LOCK_WAIT, seconds)."""
NOTICE_AFTER = 1.0
RETRY_SLICE_MS = 250

on_wait: Callable[[str], None] | None = None
"""Where "waiting for the database" goes; None: the log only."""


class DatabaseBusy(AirlockError):
    """Another process kept the database locked longer than we wait."""


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


@contextlib.contextmanager
def immediate(db: sqlite_utils.Database, *, wait: float = WAIT_SECONDS) -> Iterator[sqlite_utils.Database]:
    """A write transaction that holds the write lock from its first statement (nested
    inside another transaction it is a savepoint, like ``db.atomic()``)."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    begin(db, wait=wait)
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise
    db.conn.commit()


def begin(db: sqlite_utils.Database, *, wait: float = WAIT_SECONDS) -> None:
    """``BEGIN IMMEDIATE``, waiting for another writer (and saying so) up to ``wait`` s."""
    import logging

    started = time.monotonic()
    noticed = False
    previous = db.execute("pragma busy_timeout").fetchone()[0]
    db.execute(f"pragma busy_timeout = {RETRY_SLICE_MS}")
    try:
        while True:
            try:
                db.execute("begin immediate")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    raise
                waited = time.monotonic() - started
                if waited >= wait:
                    raise DatabaseBusy(
                        f"The database is busy: another Airlock process has kept it locked for "
                        f"{waited:.0f} s; try again when it has finished.") from exc
                if waited >= NOTICE_AFTER and not noticed:
                    noticed = True
                    message = (f"waiting for another Airlock process to finish writing to the database "
                               f"(up to {wait:.0f} s)…")
                    logging.getLogger(__name__).info(message)
                    if on_wait is not None:
                        on_wait(message)
    finally:
        db.execute(f"pragma busy_timeout = {int(previous)}")
