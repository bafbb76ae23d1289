"""Schema migrations from empty and from every older schema, and the store's guarantees."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from engine.store import migrations
from engine.errors import AirlockError
from engine.store.history import History
from engine.store.db import integrity_ok, open_db


def schema(db: sqlite_utils.Database) -> dict[str, str]:
    return {row["name"]: row["sql"] for row in
            db.query("select name, sql from sqlite_master where name not like 'sqlite_%' "
                     "and name != '_migrations' order by name")}


def test_from_empty_applies_every_migration(tmp_path):
    db = open_db(tmp_path / "a.db")
    assert migrations.applied(db) == [m.__name__ for m in migrations.MIGRATIONS]
    assert {"models", "conversations", "generations", "generations_fts", "settings"} <= set(db.table_names())
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert integrity_ok(db)


def test_reopening_applies_nothing(tmp_path):
    open_db(tmp_path / "a.db").conn.close()
    db = open_db(tmp_path / "a.db", migrate=False)
    assert migrations.migrate(db) == []


def _seed_oldest(db: sqlite_utils.Database) -> None:
    """Rows as the first schema knew them (columns every version has), plus the search text
    that the app of any version with that column writes alongside (History.add)."""
    from engine.store import cjk

    prompt, output = "請寫品牌調性說明", "Our brand voice is warm"
    db.execute("insert into conversations (id, title, created_at, updated_at) values (1, 't', 'x', 'x')")
    db.execute("insert into generations (conversation_id, prompt, output, created_at) "
               "values (1, ?, ?, '2026-01-01')", [prompt, output])
    if "search_text" in db["generations"].columns_dict:
        db.execute("update generations set search_text = ?", [cjk.index_text(prompt, output)])
    db.conn.commit()


@pytest.mark.parametrize("upto", range(1, len(migrations.MIGRATIONS)))
def test_from_each_older_schema(tmp_path, upto):
    old = open_db(tmp_path / "old.db", migrate=False)
    migrations.migrate(old, upto=upto)
    _seed_oldest(old)
    old.conn.close()

    upgraded = open_db(tmp_path / "old.db")
    fresh = open_db(tmp_path / "fresh.db")
    assert schema(upgraded) == schema(fresh)
    assert migrations.applied(upgraded) == migrations.applied(fresh)
    history = History(upgraded)
    assert [r["prompt"] for r in history.search("品牌")] == ["請寫品牌調性說明"]
    assert [r["prompt"] for r in history.search("brand")] == ["請寫品牌調性說明"]
    assert integrity_ok(upgraded)


def test_a_failing_migration_leaves_the_previous_schema(tmp_path, monkeypatch):
    db = open_db(tmp_path / "a.db", migrate=False)
    migrations.migrate(db, upto=1)

    def broken(db):
        db.execute("create table half_done (x)")
        raise RuntimeError("boom")

    broken.__name__ = "m999_broken"
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS[:1], broken])
    with pytest.raises(RuntimeError):
        migrations.migrate(db)
    assert "half_done" not in db.table_names()
    assert migrations.applied(db) == [migrations.MIGRATIONS[0].__name__]
    assert integrity_ok(db)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "airlock.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(AirlockError, match="damaged or not an Airlock database"):
        open_db(path)
    assert path.read_bytes().startswith(b"this is not sqlite")  # nothing overwritten


def test_foreign_keys_cascade_conversation_deletes(tmp_path):
    history = History(open_db(tmp_path / "a.db"))
    conversation = history.new_conversation("c")
    history.add({"conversation_id": conversation, "prompt": "p", "output": "o"})
    history.delete_conversation(conversation)
    assert history.count() == 0
    with pytest.raises(sqlite3.IntegrityError):
        history.add({"conversation_id": 999, "prompt": "p", "output": "o"})
    assert history.count() == 0
