"""The audit log: append-only by trigger, and a chain that names the first changed,
deleted or reordered entry when someone goes around the triggers."""

from __future__ import annotations

import sqlite3

import pytest

from engine.store.db import open_db
from engine.trust.audit import AuditLog, canonical, entry_hash


@pytest.fixture
def log(home):
    db = open_db(home.db_path)
    log = AuditLog(db, home.root, actor="tester (test)")
    for i in range(5):
        log.append("generation.made", {"n": i, "model": "smollm2-135m", "text": "品牌調性"})
    yield log
    db.conn.close()


def raw(home) -> sqlite3.Connection:
    """A connection that goes around the triggers, as an attacker with the file would."""
    conn = sqlite3.connect(home.db_path)
    conn.execute("drop trigger audit_log_no_update")
    conn.execute("drop trigger audit_log_no_delete")
    return conn


def test_an_intact_chain_verifies(log):
    result = log.verify()
    assert result.as_dict() == {"ok": True, "entries": 5, "first_bad": None, "reason": ""}
    rows = log.db.conn.execute("select id, prev_hash, hash from audit_log order by id").fetchall()
    assert [r[0] for r in rows] == [1, 2, 3, 4, 5]
    assert all(rows[i][1] == rows[i - 1][2] for i in range(1, 5))  # each links to the one before


def test_triggers_refuse_update_and_delete(log):
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        log.db.conn.execute("update audit_log set event = 'x' where id = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        log.db.conn.execute("delete from audit_log where id = 2")
    log.db.conn.rollback()
    assert log.verify().ok


def test_an_edited_entry_is_named(log, home):
    conn = raw(home)
    conn.execute("update audit_log set details = ? where id = 3", [canonical({"n": 99})])
    conn.commit()
    conn.close()
    result = log.verify()
    assert (result.ok, result.first_bad) == (False, 3) and "changed" in result.reason


def test_an_edit_that_recomputes_the_hash_fails_the_signature(log, home):
    """Without the HMAC key, a forger can fix the hash chain but not the signatures."""
    conn = raw(home)
    row = conn.execute("select id, at, actor, event, prev_hash from audit_log where id = 5").fetchone()
    forged = {"id": 5, "at": row[1], "actor": row[2], "event": row[3], "details": {"n": 0}}
    conn.execute("update audit_log set details = ?, hash = ? where id = 5",
                 [canonical(forged["details"]), entry_hash(row[4], forged)])
    conn.commit()
    conn.close()
    result = log.verify()
    assert (result.ok, result.first_bad) == (False, 5)


def test_a_deleted_entry_is_named(log, home):
    conn = raw(home)
    conn.execute("delete from audit_log where id = 2")
    conn.commit()
    conn.close()
    result = log.verify()
    assert (result.ok, result.first_bad) == (False, 2)


def test_entries_cut_from_the_end_are_noticed(log, home):
    conn = raw(home)
    conn.execute("delete from audit_log where id >= 4")
    conn.commit()
    conn.close()
    result = log.verify()
    assert (result.ok, result.first_bad) == (False, 4) and "end" in result.reason


def test_reordered_entries_are_named(log, home):
    conn = raw(home)
    conn.execute("update audit_log set id = -id where id in (2, 3)")
    conn.execute("update audit_log set id = 3 where id = -2")
    conn.execute("update audit_log set id = 2 where id = -3")
    conn.commit()
    conn.close()
    result = log.verify()
    assert (result.ok, result.first_bad) == (False, 2)


def test_a_different_key_fails_every_signature(log, home):
    (home.root / "keys" / "audit-hmac.key").write_text("11" * 32)
    other = AuditLog(log.db, home.root)
    result = other.verify()
    assert (result.ok, result.first_bad) == (False, 1)


def test_the_key_file_is_private(log, home):
    path = home.root / "keys" / "audit-hmac.key"
    assert path.exists() and (path.stat().st_mode & 0o777) == 0o600
    assert log.key_location == str(path)


def test_filters(log):
    log.append("model.imported", {"name": "qwen"})
    assert [e["event"] for e in log.entries(event="model.")] == ["model.imported"]
    assert len(log.entries(event="generation.made")) == 5
    assert [e["details"]["name"] for e in log.entries(text="qwen")] == ["qwen"]
    assert log.entries(since="2999-01-01") == []
    assert log.entries(limit=2)[0]["id"] == 6


def test_an_append_inside_the_callers_transaction_commits_with_it(log):
    conn = log.db.conn
    conn.execute("begin")
    log.append("pack.imported", {"templates": 3})
    conn.rollback()
    assert log.count() == 5 and log.verify().ok


def test_a_csv_export_of_logged_content_is_masked_in_exports_mode(workspace):
    import csv
    import io

    from engine.trust.audit import write_csv
    from engine.trust.install import export_rules

    workspace.trust.set("audit_content", True)
    workspace.history.add({"kind": "text", "prompt": "call 0912-345-678", "output": "ok", "status": "done"})
    rows = workspace.audit_log.entries(event="generation.made")
    plain = io.StringIO()
    write_csv(rows, plain, redact=export_rules(workspace, asked=False))
    assert "0912-345-678" in plain.getvalue()  # no mode: as logged
    workspace.trust.set("pii_mode", ["exports"])
    masked = io.StringIO()
    write_csv(rows, masked, redact=export_rules(workspace, asked=False))
    details = list(csv.reader(masked.getvalue().splitlines()))[1][4]
    assert "0912-345-678" not in details and "[phone]" in details
    assert workspace.audit_log.verify().ok  # the log itself is untouched
