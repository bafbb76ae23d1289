"""Who is working on what, across the processes that share one home.

A *lease* says "process P on host H is writing resource R" (a running generation, a
knowledge document being imported). Cleanup code asks :func:`abandoned` before it touches
someone's half-done work: only work whose owner is gone is interrupted or deleted, never
that of a second CLI or the GUI running right now.

An owner is gone when, on this host, its pid is not running or is a different process
(the start time differs: pids are reused); on another host sharing the folder, when its
heartbeat is older than :data:`STALE_SECONDS`.
"""

from __future__ import annotations

import os
import socket
import time
from functools import lru_cache
from typing import Any

import psutil
import sqlite_utils

STALE_SECONDS = 600.0
"""A lease from another host is abandoned after this long without a heartbeat."""


@lru_cache(maxsize=1)
def _me() -> tuple[int, float, str]:
    pid = os.getpid()
    return pid, psutil.Process(pid).create_time(), socket.gethostname()


def me() -> tuple[int, float, str]:
    """(pid, process start time, host) of this process (recomputed after a fork)."""
    if _me()[0] != os.getpid():
        _me.cache_clear()
    return _me()


def take(db: sqlite_utils.Database, resource: str) -> None:
    """Record that this process now owns ``resource`` (replacing an abandoned lease)."""
    pid, started, host = me()
    with db.atomic():
        db.execute("insert or replace into leases (resource, pid, started, host, heartbeat) "
                   "values (?, ?, ?, ?, ?)", [resource, pid, started, host, time.time()])


def renew(db: sqlite_utils.Database, resource: str) -> None:
    """The heartbeat: this process is still at it."""
    with db.atomic():
        db.execute("update leases set heartbeat = ? where resource = ?", [time.time(), resource])


def release(db: sqlite_utils.Database, resource: str) -> None:
    with db.atomic():
        db.execute("delete from leases where resource = ?", [resource])


def owner_alive(row: dict[str, Any]) -> bool:
    """Whether the process that holds this lease row is still running."""
    pid, started, host = me()
    if row["host"] != host:
        return time.time() - float(row["heartbeat"]) < STALE_SECONDS
    if row["pid"] == pid:
        return abs(float(row["started"]) - started) < 1.0
    try:
        return abs(psutil.Process(int(row["pid"])).create_time() - float(row["started"])) < 1.0
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return False
    except psutil.Error:  # cannot tell (no access): assume it lives, never delete others' work
        return True


def abandoned(db: sqlite_utils.Database, resources: list[str]) -> list[str]:
    """The ``resources`` nobody alive holds (no lease, or its owner is gone)."""
    if not resources:
        return []
    held: dict[str, dict[str, Any]] = {}
    for start in range(0, len(resources), 500):
        chunk = resources[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in db.query(f"select * from leases where resource in ({marks})", chunk):
            held[row["resource"]] = row
    return [r for r in resources if r not in held or not owner_alive(held[r])]
