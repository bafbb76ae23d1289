"""The stored status words move to the one vocabulary (running, done, stopped, failed,
interrupted) without losing or duplicating a row."""

from __future__ import annotations

import sqlite3

import pytest

from engine.store import migrations
from engine.store.db import integrity_ok, open_db
from engine.store.history import History


def test_old_words_are_migrated_and_only_new_words_are_accepted(tmp_path):
    path = tmp_path / "old.db"
    db = open_db(path, migrate=False)
    position = [fn.__name__ for fn in migrations.MIGRATIONS].index("m_reliability_001_status_words")
    migrations.migrate(db, upto=position)
    for status in ("ok", "cancelled", "failed", "ok"):  # as that version's History.add wrote them
        db.execute("insert into generations (prompt, output, model, status, created_at) values (?, ?, ?, ?, ?)",
                   [f"茶具 {status}", "answer", "m", status, "2026-11-01T00:00:00Z"])
    db.conn.commit()
    db.conn.close()

    db = open_db(path)  # every migration, as a real open does
    rows = list(db.query("select id, status from generations order by id"))
    assert [r["status"] for r in rows] == ["done", "stopped", "failed", "done"]
    assert [r["id"] for r in rows] == [1, 2, 3, 4]
    assert integrity_ok(db)
    assert len(History(db).search("茶具")) == 4  # the search index still follows the table
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("insert into generations (prompt, status, created_at) values ('x', 'ok', 'now')")
    for word in migrations.GENERATION_STATUSES:
        db.execute("insert into generations (prompt, status, created_at) values ('x', ?, 'now')", [word])
    db.execute("insert into generations (prompt, created_at) values ('default', 'now')")
    assert db.execute("select status from generations where prompt = 'default'").fetchone()[0] == "done"
    db.conn.commit()
    db.conn.close()
    assert migrations.migrate(open_db(path, migrate=False)) == []  # applied once
