"""Opening the SQLite store: one file, WAL, foreign keys on, schema migrated on open.

The GUI process is the only writer (DESIGN: processes); other threads open their own
read connections with :func:`open_db`, which WAL lets run beside the writer.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from engine.store import migrations
from engine.errors import AirlockError


def utc_now() -> str:
    """Timestamps are UTC ISO-8601 with milliseconds: sortable as text and unambiguous."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def open_db(path: Path | str, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date."""
    try:
        conn = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
    except sqlite3.Error as exc:
        raise AirlockError(f"Cannot open the database {path}: {exc}.") from exc
    db = sqlite_utils.Database(conn)
    try:
        db.execute("pragma foreign_keys = on")
        db.execute("pragma busy_timeout = 10000")
        if str(path) != ":memory:":
            db.execute("pragma journal_mode = wal")
            db.execute("pragma synchronous = normal")
        if migrate:
            migrations.migrate(db)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise AirlockError(
            f"The database {path} is damaged or not an Airlock database ({exc}); "
            "move it aside to start a fresh one."
        ) from exc
    return db


def integrity_ok(db: sqlite_utils.Database) -> bool:
    return db.execute("pragma integrity_check").fetchone()[0] == "ok"
