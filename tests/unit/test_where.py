"""engine/where.py: optional filters become one WHERE clause with its parameters."""

from __future__ import annotations

import sqlite3

from engine.where import Where


def test_filters_without_a_value_add_nothing():
    where = Where().add("model = ?", None).add("kind = ?", "")
    assert (where.sql(), where.and_sql(), where.params) == ("", "", [])


def test_given_filters_join_with_and_in_order():
    where = Where().add("kind = ?", "text").add("id < ?", 0).add("at >= ?", "2026-01-01")
    assert where.sql() == " where kind = ? and id < ? and at >= ?"
    assert where.and_sql() == " and kind = ? and id < ? and at >= ?"
    assert where.params == ["text", 0, "2026-01-01"]  # 0 is a value, not "any"


def test_when_decides_for_clauses_with_built_values():
    text = None
    where = Where().add("(a like ? or b like ?)", f"%{text}%", f"%{text}%", when=bool(text))
    assert where.params == []
    where.add("(a like ? or b like ?)", "%x%", "%x%", when=True)
    assert where.sql() == " where (a like ? or b like ?)" and where.params == ["%x%", "%x%"]


def test_values_stay_parameters_never_sql():
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (name text)")
    conn.executemany("insert into t values (?)", [("a",), ("x' or '1'='1",)])
    where = Where().add("name = ?", "x' or '1'='1")
    assert conn.execute(f"select count(*) from t{where.sql()}", where.params).fetchone() == (1,)
