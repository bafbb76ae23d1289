"""Getting disk space back after the disk filled up under the database.

When a write fails because the disk is full, SQLite rolls the transaction back but the
write-ahead log (``airlock.db-wal``) keeps the size it had reached, and a checkpoint (the
only thing that shrinks it) must first copy the log's committed pages into the database
file, which grows it: on a disk with no byte left that fails with the same "disk is full",
and so does every later command, until someone frees space by hand.

Three measures keep that from happening:

- the log is checkpointed often (every :data:`AUTOCHECKPOINT_PAGES` pages, about 1 MB)
  and cut back to :data:`JOURNAL_SIZE_LIMIT` after each reset, so the committed pages a
  checkpoint still has to copy stay few (:func:`tune`, on every connection);
- a spare file of :data:`RESERVE_BYTES` (``airlock.db-reserve``, made when the disk has
  room) holds back more than that copy needs;
- after a failed write :func:`reclaim` rolls back and checkpoints with ``TRUNCATE``; when
  that fails for want of space it deletes the spare file and checkpoints again, so the
  log's space comes back. The spare is made again once there is room.

Deleting ``airlock.db-reserve`` by hand is harmless: it holds no data.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

RESERVE_SUFFIX = "-reserve"
RESERVE_BYTES = 4 * 1024 * 1024
"""The spare file: more than a checkpoint copies after AUTOCHECKPOINT_PAGES (about 1 MB)."""
AUTOCHECKPOINT_PAGES = 250
JOURNAL_SIZE_LIMIT = 4 * 1024 * 1024


def tune(db: Any) -> None:
    """Keep the write-ahead log small on this connection (see the module docstring)."""
    db.execute(f"pragma wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
    db.execute(f"pragma journal_size_limit = {JOURNAL_SIZE_LIMIT}")


def reserve_path(db_path: Path | str) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + RESERVE_SUFFIX)


def free_bytes(db_path: Path | str) -> int | None:
    """Free space on the disk holding the database (None when it cannot be told)."""
    try:
        return shutil.disk_usage(Path(db_path).parent).free
    except OSError:
        return None


def low_on_space(db_path: Path | str) -> bool:
    """Less free space than the spare file holds: the moment to give the log's space back."""
    free = free_bytes(db_path)
    return free is not None and free < RESERVE_BYTES


def ensure_reserve(db_path: Path | str) -> bool:
    """Make the spare file when it is missing and the disk has room for it and as much again
    (a nearly full disk is not made full by it). True when the spare file is there."""
    target = reserve_path(db_path)
    with contextlib.suppress(OSError):
        if target.stat().st_size >= RESERVE_BYTES:
            return True
    free = free_bytes(db_path)
    if free is None or free < 2 * RESERVE_BYTES:
        return False
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            _allocate(fd, RESERVE_BYTES)
        finally:
            os.close(fd)
        os.replace(part, target)
        return True
    except OSError as exc:
        log.info("could not make the spare file %s: %s", target, exc)
        with contextlib.suppress(OSError):
            part.unlink()
        return False


def _allocate(fd: int, size: int) -> None:
    """Really take ``size`` bytes on the disk (a sparse file would hold nothing back)."""
    if hasattr(os, "posix_fallocate"):
        try:
            os.posix_fallocate(fd, 0, size)
            return
        except OSError as exc:  # filesystems without fallocate: write zeros
            if exc.errno not in (errno.EOPNOTSUPP, errno.EINVAL, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)):
                raise
    block = b"\0" * (1 << 20)
    written = 0
    while written < size:
        written += os.write(fd, block[: size - written])


def _db_path(db: Any) -> Path | None:
    row = db.execute("select file from pragma_database_list where name = 'main'").fetchone()
    return Path(row[0]) if row and row[0] else None


def _checkpoint(db: Any) -> bool:
    """A TRUNCATE checkpoint; True when the log was folded in completely."""
    try:
        busy, _log_frames, _done = db.execute("pragma wal_checkpoint(TRUNCATE)").fetchone()
    except Exception as exc:  # noqa: BLE001 - sqlite3's or SQLCipher's error, on a failing disk
        log.info("checkpoint failed: %s", exc)
        return False
    return int(busy) == 0


def reclaim(db: Any) -> bool:
    """After a failed write (a full disk): roll back, fold the write-ahead log into the
    database and cut it to nothing, using the spare file's space when the disk has none.
    Quiet and best effort; True when the log's space came back."""
    try:
        if db.conn.in_transaction:
            db.conn.rollback()
        path = _db_path(db)
    except Exception as exc:  # noqa: BLE001 - as above
        log.info("could not roll back after a failed write: %s", exc)
        return False
    if path is None:  # an in-memory database holds no disk space
        return True
    if _checkpoint(db):
        ensure_reserve(path)
        return True
    spare = reserve_path(path)
    if not spare.exists():
        return False
    with contextlib.suppress(OSError):
        spare.unlink()
    done = _checkpoint(db)
    log.info("spare file used to checkpoint the write-ahead log on a full disk: %s", "ok" if done else "failed")
    ensure_reserve(path)  # again once the disk has room
    return done
