"""Waiting for another process's write lock says so and how long (engine/store/locking.py),
with a second real process holding the lock: plain statements, statements opening a
transaction, and the one case that must not be retried."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from engine.store import locking
from engine.store.db import integrity_ok, open_db

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("begin immediate")
conn.execute("insert into notes values ('from the other process')")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("commit")
"""


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "airlock.db", migrate=False)
    database.execute("create table notes (body text)")
    yield database
    database.conn.close()


@pytest.fixture
def heard(monkeypatch):
    said: list[tuple[str, object]] = []
    monkeypatch.setattr(locking, "on_wait", lambda message: said.append(("wait", message)))
    monkeypatch.setattr(locking, "on_wait_over", lambda seconds: said.append(("over", seconds)))
    return said


def hold(db, seconds: float) -> subprocess.Popen:
    path = db.execute("select file from pragma_database_list where name = 'main'").fetchone()[0]
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, path, str(seconds)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def finish(holder: subprocess.Popen) -> None:
    holder.wait(30)
    holder.stdout.close()


@pytest.mark.slow  # a second real process holds the lock for seconds
@pytest.mark.parametrize("write", [
    lambda db: db.execute("insert into notes values ('mine')"),  # sqlite-utils: one statement, committed
    lambda db: db.conn.execute("insert into notes values ('mine')") and db.conn.commit(),  # implicit BEGIN
    lambda db: db.table("notes").insert({"body": "mine"}),  # db.atomic(): BEGIN, then the insert
    lambda db: db.conn.executemany("insert into notes values (?)", (("mine",) for _ in range(1))) and db.conn.commit(),
], ids=["statement", "implicit-begin", "atomic", "executemany-generator"])
def test_a_write_waits_for_the_lock_and_says_so(db, heard, write):
    holder = hold(db, 2.5)
    started = time.monotonic()
    try:
        write(db)
    finally:
        finish(holder)
    waited = time.monotonic() - started
    assert 1.5 < waited < 15
    assert heard[0] == ("wait", f"waiting for another Airlock process to finish writing to the database "
                                f"(up to {locking.WAIT_SECONDS:.0f} s)…")
    assert heard[1][0] == "over" and 1.0 < heard[1][1] < 15
    assert sorted(r[0] for r in db.execute("select body from notes")) == ["from the other process", "mine"]
    assert integrity_ok(db)


def test_a_short_wait_is_not_announced(db, heard):
    holder = hold(db, 0.3)
    try:
        db.execute("insert into notes values ('mine')")
    finally:
        finish(holder)
    assert heard == []
    assert db.execute("select count(*) from notes").fetchone()[0] == 2


@pytest.mark.slow  # a second real process holds the lock for seconds
def test_a_lock_held_too_long_is_one_sentence(db, heard, monkeypatch):
    monkeypatch.setattr(db.conn, "lock_wait", 1.5)
    holder = hold(db, 30)
    try:
        with pytest.raises(locking.DatabaseBusy, match=r"another Airlock process has kept it locked for \d+ s"):
            db.execute("insert into notes values ('mine')")
    finally:
        holder.kill()
        finish(holder)
    assert [h[0] for h in heard] == ["wait"]
    assert db.execute("select count(*) from notes").fetchone()[0] == 0 and not db.conn.in_transaction


@pytest.mark.slow  # a second real process holds the lock for seconds
def test_a_write_after_a_read_in_one_transaction_is_not_retried(db, heard):
    """Its snapshot would be stale once the other process commits: waiting cannot help."""
    db.conn.execute("begin")
    db.conn.execute("select count(*) from notes").fetchone()
    holder = hold(db, 2.5)
    try:
        started = time.monotonic()
        with pytest.raises(Exception, match="locked"):
            db.conn.execute("insert into notes values ('mine')")
        assert time.monotonic() - started < 1.0
    finally:
        db.conn.rollback()
        finish(holder)
    assert heard == []


@pytest.mark.slow  # a second real process holds the lock for seconds
def test_begin_immediate_waits_with_its_own_limit(db, heard):
    holder = hold(db, 2.0)
    try:
        locking.begin(db, wait=20)
        db.conn.execute("insert into notes values ('mine')")
        db.conn.commit()
    finally:
        finish(holder)
    assert heard[0] == ("wait", "waiting for another Airlock process to finish writing to the database (up to 20 s)…")
    assert db.conn.lock_wait == locking.WAIT_SECONDS
