"""A full disk gives the write-ahead log's space back (engine/store/space.py), on a real
tiny tmpfs: the checkpoint that a full disk refuses succeeds with the spare file's room,
and no committed row is lost."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from engine.store import space
from engine.store.db import integrity_ok, open_db
from tests.helpers.mounts import fill_leaving, free_bytes as free, small_disk


def test_the_spare_file_is_made_only_where_the_disk_has_room(tmp_path):
    with small_disk(tmp_path / "roomy", "12m") as disk:
        assert space.ensure_reserve(disk / "airlock.db")
        spare = space.reserve_path(disk / "airlock.db")
        assert spare.name == "airlock.db-reserve"
        assert spare.stat().st_blocks * 512 >= space.RESERVE_BYTES  # really allocated, not sparse
    with small_disk(tmp_path / "tight", "6m") as disk:
        assert not space.ensure_reserve(disk / "airlock.db")
        assert list(disk.iterdir()) == []


def test_a_failed_write_on_a_full_disk_gives_the_log_space_back(tmp_path):
    with small_disk(tmp_path / "disk", "12m") as disk:
        path = disk / "airlock.db"
        db = open_db(path, migrate=False)
        db.execute("create table notes (body text)")
        for batch in range(5):  # committed pages that grow the file, fewer than one autocheckpoint
            with db.conn:
                db.conn.executemany("insert into notes values (?)",
                                    [(os.urandom(800).hex(),) for _ in range(40)])
        assert space.ensure_reserve(path)
        fill_leaving(disk, 1_500_000)
        with pytest.raises(sqlite3.OperationalError, match="full"):
            with db.conn:
                while True:
                    db.conn.execute("insert into notes values (?)", [os.urandom(800).hex()])
        wal = Path(f"{path}-wal")
        assert wal.stat().st_size > 1_000_000 and free(disk) < 100_000
        # what went wrong before: the checkpoint itself needs room the disk no longer has
        with pytest.raises(sqlite3.OperationalError, match="full"):
            db.execute("pragma wal_checkpoint(TRUNCATE)")

        assert space.reclaim(db)
        assert wal.stat().st_size == 0
        assert free(disk) > 1_000_000  # the log's space came back
        assert db.execute("select count(*) from notes").fetchone()[0] == 200  # nothing committed lost
        assert integrity_ok(db)
        db.conn.close()


def test_reclaim_is_quiet_when_there_is_nothing_to_do(tmp_path):
    db = open_db(tmp_path / "airlock.db", migrate=False)
    assert space.reclaim(db)
    db.conn.close()
    memory = open_db(":memory:", migrate=False)
    assert space.reclaim(memory)
