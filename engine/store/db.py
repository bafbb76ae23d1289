"""Opening the SQLite store: one file, WAL, foreign keys on, schema migrated on open.

The GUI process is the only writer (DESIGN: processes); other threads open their own
read connections with :func:`open_db`, which WAL lets run beside the writer.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from engine.store import cjk, locking, migrations, space
from engine.errors import AirlockError, DiskFull


def utc_now() -> str:
    """Timestamps are UTC ISO-8601 with milliseconds: sortable as text and unambiguous."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def connect(path: Path | str, key: bytes | None = None) -> sqlite3.Connection:
    """A connection to ``path``: plain SQLite, or SQLCipher when ``key`` is given (the
    trust package chooses the key: engine/trust/encryption.py). A wrong key is one clear
    message, not "file is not a database". Its statements wait for another process's lock
    in short slices, saying so (engine/store/locking.py)."""
    if key is None:
        try:
            return sqlite3.connect(str(path), timeout=locking.RETRY_SLICE_MS / 1000, check_same_thread=False,
                                   factory=locking.WaitingConnection)
        except sqlite3.Error as exc:
            raise AirlockError(f"Cannot open the database {path}: {exc}.") from exc
    try:
        import sqlcipher3
    except ImportError as exc:
        raise AirlockError("This database is encrypted and SQLCipher is missing: install Airlock's "
                           "'encryption' extra (sqlcipher3).") from exc
    conn = sqlcipher3.connect(str(path), timeout=locking.RETRY_SLICE_MS / 1000, check_same_thread=False,
                              factory=locking.waiting_class(sqlcipher3.Connection))
    conn.execute("pragma cipher_log_level = NONE")  # a wrong key is our one message, not log lines on stderr
    conn.execute(f"pragma key = \"x'{key.hex()}'\"")
    try:
        conn.execute("select count(*) from sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise AirlockError("The database could not be unlocked: the passphrase is wrong, or the key "
                           "in the keyring is not this database's.") from exc
    return conn  # type: ignore[no-any-return]


def _cipher_errors() -> tuple[type[Exception], ...]:
    """SQLCipher's error class, when an encrypted connection may have raised it."""
    module = sys.modules.get("sqlcipher3")
    return (module.DatabaseError,) if module is not None else ()


def open_db(path: Path | str, *, migrate: bool = True, key: bytes | None = None) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date;
    ``key`` opens it encrypted (SQLCipher)."""
    conn = connect(path, key)
    cjk.register_sql_function(conn)  # the history's search triggers call it
    db = sqlite_utils.Database(conn)
    try:
        db.execute("pragma foreign_keys = on")
        if str(path) != ":memory:":
            db.execute("pragma journal_mode = wal")
            db.execute("pragma synchronous = normal")
            space.tune(db)  # a small write-ahead log: a full disk can give its space back
        if migrate:
            migrations.migrate(db)
    except (sqlite3.DatabaseError, *_cipher_errors()) as exc:
        if "full" in str(exc).lower():
            space.reclaim(db)  # a migration that filled the disk leaves no log behind
        conn.close()
        if not_damaged(exc, path):
            raise not_damaged(exc, path) from exc
        raise AirlockError(
            f"The database {path} is damaged or not an Airlock database ({exc}); "
            "move it aside to start a fresh one."
        ) from exc
    return db


def not_damaged(exc: Exception, path: Path | str) -> AirlockError | None:
    """The error for a healthy database that cannot be opened or written right now (a
    read-only home, a lock held too long, a full disk), or None when it may be damaged."""
    text = str(exc).lower()
    folder = Path(path).parent
    if "readonly" in text or "read-only" in text or (
            "unable to open" in text and Path(path).exists() and not os.access(folder, os.W_OK)):
        return AirlockError(f"The Airlock home {folder} is read-only; use a writable one with --home "
                            "or make it writable.")
    if "locked" in text or "busy" in text:
        from engine.store.locking import DatabaseBusy

        return DatabaseBusy("The database is busy: another Airlock process kept it locked for too long; "
                            "try again when it has finished.")
    if "disk is full" in text or "disk i/o" in text:
        return DiskFull("The disk is full (or failing): the database could not be written; free some "
                        "space and try again.")
    if "unable to open" in text:
        return AirlockError(f"The database {path} cannot be opened; check that its folder exists and "
                            "Airlock may write there.")
    return None


def integrity_ok(db: sqlite_utils.Database) -> bool:
    return db.execute("pragma integrity_check").fetchone()[0] == "ok"
