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
    history = History(db)
    for status in ("ok", "cancelled", "failed", "ok"):
        history.add({"prompt": f"茶具 {status}", "output": "answer", "model": "m", "status": status})
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
