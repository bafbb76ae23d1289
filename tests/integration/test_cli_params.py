"""Text settings, ids and limits out of range: exit 2, one line, nothing stored."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import assert_one_line_error


@pytest.mark.parametrize("args, pattern", [
    (["--temperature", "nan"], "temperature"), (["--temperature", "inf"], "temperature"),
    (["--temperature", "-3"], "temperature"), (["--top-p", "7"], "top-p"), (["--top-k", "-5"], "top-k"),
    (["--min-p", "nan"], "min-p"), (["--repeat-penalty", "0"], "repeat-penalty"),
    (["--seed", "-1"], "seed"), (["--seed", "4294967295"], "seed"), (["--seed", str(2**64)], "seed"),
    (["--conversation", str(10**30)], "out of range"), (["--context", str(10**12)], "context size"),
])
def test_text_refuses_bad_settings_before_anything_is_stored(cli, args, pattern):
    result = cli("text", "hello", *args, check_exit=2)
    assert_one_line_error(result, pattern)
    db = cli.home / "airlock.db"
    if db.exists():
        conn = sqlite3.connect(db)
        assert conn.execute("select count(*) from conversations").fetchone()[0] == 0
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        conn.close()


@pytest.mark.parametrize("args", [["history", "show", str(10**30)], ["history", "list", "--limit", str(2**64)],
                                  ["history", "list", "--limit", "0"]])
def test_huge_ids_and_limits_are_usage_errors(cli, args):
    assert_one_line_error(cli(*args, check_exit=2), "out of range|at least")
