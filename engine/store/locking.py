"""Writing to a database other processes share: take the write lock first, and say so
when waiting for it.

SQLite's default ``BEGIN`` is deferred: a transaction that reads and then writes asks for
the write lock only at its first write, and when another process wrote in between it
fails at once with "database is locked" (the busy timeout cannot help: waiting would not
make its snapshot current). :func:`immediate` starts with ``BEGIN IMMEDIATE``, so the
read-check-write sequences (migrations, the default pack, knowledge imports) see the
latest data and never fail half-way; the caller re-checks inside.

Every other statement waits the same way: connections are :class:`WaitingConnection`
(engine/store/db.py ``connect``), whose SQLite busy timeout is one short slice
(:data:`RETRY_SLICE_MS`); a statement that finds the database locked is retried, slice
after slice, up to :data:`WAIT_SECONDS`, where retrying is exactly what SQLite's own busy
handler would do: outside a transaction, or as the first statement of one (nothing read
yet, so no snapshot to go stale). After :data:`NOTICE_AFTER` seconds of waiting
:data:`on_wait` hears how long it will wait (the CLI prints a note on stderr, the window
shows it in its status bar) and :data:`on_wait_over` hears when the wait ended. A write
after a read in the same transaction is not retried: in WAL mode another writer's commit
makes its snapshot stale, so waiting could not help; it fails after one slice.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import sqlite_utils

from engine.errors import AirlockError

WAIT_SECONDS = float(os.environ.get("AIRLOCK_LOCK_WAIT", "60"))
"""How long a writer waits for another process's lock ($AIRLOCK_LOCK_WAIT, seconds)."""
NOTICE_AFTER = 1.0
RETRY_SLICE_MS = 250

on_wait: Callable[[str], None] | None = None
"""Where "waiting for the database" goes; None: the log only."""
on_wait_over: Callable[[float], None] | None = None
"""Told the seconds waited when a wait that was announced ends (the lock came free)."""

T = TypeVar("T")


class DatabaseBusy(AirlockError):
    """Another process kept the database locked longer than we wait."""


def _is_busy(exc: BaseException) -> bool:
    """SQLITE_BUSY: another connection holds a lock waiting may free ("database table is
    locked", SQLITE_LOCKED, is a conflict inside this connection: never waited for)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF == 5  # SQLITE_BUSY and its extended codes
    text = str(exc).lower()
    return "database is locked" in text or "busy" in text


def retry_while_busy(run: Callable[[], T], *, wait: float = WAIT_SECONDS,
                     before_retry: Callable[[], None] | None = None) -> T:
    """``run()``, again while it fails with SQLITE_BUSY, up to ``wait`` seconds; says so
    after :data:`NOTICE_AFTER` s (:data:`on_wait`), and raises :class:`DatabaseBusy` then."""
    started: float | None = None
    noticed = False
    while True:
        tried = time.monotonic()
        try:
            result = run()
        except Exception as exc:
            if not _is_busy(exc):
                raise
            now = time.monotonic()
            if started is None:
                started = tried
            waited = now - started
            if waited >= wait:
                raise DatabaseBusy(
                    f"The database is busy: another Airlock process has kept it locked for "
                    f"{waited:.0f} s; try again when it has finished.") from exc
            if waited >= NOTICE_AFTER and not noticed:
                noticed = True
                _announce(wait)
            if now - tried < RETRY_SLICE_MS / 4000:  # refused without waiting: do not spin
                time.sleep(RETRY_SLICE_MS / 1000)
            if before_retry is not None:
                before_retry()
            continue
        if noticed and started is not None:
            _announce_over(time.monotonic() - started)
        return result


def _announce(wait: float) -> None:
    import logging

    message = f"waiting for another Airlock process to finish writing to the database (up to {wait:.0f} s)…"
    logging.getLogger(__name__).info(message)
    if on_wait is not None:
        on_wait(message)


def _announce_over(waited: float) -> None:
    import logging

    logging.getLogger(__name__).info("the database came free after %.1f s", waited)
    if on_wait_over is not None:
        on_wait_over(waited)


_OPENS_TRANSACTION = ("begin", "savepoint")


class WaitingMixin:
    """A sqlite3 (or SQLCipher) connection whose statements wait for another process's
    lock in slices, saying so (see the module docstring). ``lock_wait``: how long."""

    lock_wait: float = WAIT_SECONDS
    _fresh: bool = False  # the open transaction has run nothing but its BEGIN / SAVEPOINT
    _opening: str | None = None  # that statement

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        return self._waiting(super().execute, sql, parameters)  # type: ignore[misc]

    def executemany(self, sql: str, parameters: Any, /) -> Any:
        if not isinstance(parameters, (list, tuple)):
            parameters = list(parameters)  # a generator could not be replayed on a retry
        return self._waiting(super().executemany, sql, parameters)  # type: ignore[misc]

    def _waiting(self, run: Callable[[str, Any], Any], sql: str, parameters: Any) -> Any:
        in_transaction = self.in_transaction  # type: ignore[attr-defined]
        if in_transaction and not self._fresh:
            self._fresh = False
            return run(sql, parameters)  # after a read or write in this transaction: see above

        opening = self._opening if in_transaction else None
        begin_again = super().execute  # type: ignore[misc]

        def rollback_implicit_begin() -> None:
            if not in_transaction and self.in_transaction:  # type: ignore[attr-defined]
                self.rollback()  # type: ignore[attr-defined]  # the empty BEGIN sqlite3 issued for us
            elif opening is not None and self.in_transaction:  # type: ignore[attr-defined]
                # an empty BEGIN / SAVEPOINT: start it again, so no read lock is held while waiting
                self.rollback()  # type: ignore[attr-defined]
                begin_again(opening)

        result = retry_while_busy(lambda: run(sql, parameters), wait=self.lock_wait,
                                  before_retry=rollback_implicit_begin)
        self._fresh = not in_transaction and sql.lstrip()[:9].lower().startswith(_OPENS_TRANSACTION)
        self._opening = sql if self._fresh else None
        return result


class WaitingConnection(WaitingMixin, sqlite3.Connection):
    """The plain SQLite connection every store uses."""


@functools.lru_cache(maxsize=None)
def waiting_class(base: type) -> type:
    """A :class:`WaitingMixin` connection class over another driver's (SQLCipher's)."""
    return type(f"Waiting{base.__name__}", (WaitingMixin, base), {})


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
    conn = db.conn
    if isinstance(conn, WaitingMixin):
        previous = conn.lock_wait
        conn.lock_wait = wait
        try:
            conn.execute("begin immediate")
        finally:
            conn.lock_wait = previous
        return
    previous_timeout = db.execute("pragma busy_timeout").fetchone()[0]
    db.execute(f"pragma busy_timeout = {RETRY_SLICE_MS}")
    try:
        retry_while_busy(lambda: db.execute("begin immediate"), wait=wait)
    finally:
        db.execute(f"pragma busy_timeout = {int(previous_timeout)}")
