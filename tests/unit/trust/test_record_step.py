"""The trust record step on a real workspace: what a stored generation becomes under each
PII mode, "keep no history", and what the audit log says about it."""

from __future__ import annotations

import io
import json

import pytest

from engine.store.export import export_history
from engine.trust import install
from engine.workspace import Workspace

PII_TEXT = "Mail amy@corp.com.tw, ID A123456789, 客戶 0912-345-678, Acme Corp"


def add(ws, **extra):
    record = {"kind": "text", "model": "smollm2-135m", "model_sha256": "ab" * 32, "prompt": PII_TEXT,
              "output": f"Sure: {PII_TEXT}", "system": "You help Acme Corp (acme@corp.com)",
              "params": {"template": "crm", "variables": {"mail": "amy@corp.com.tw", "tone": "warm"},
                         "knowledge": [{"snippet": "Acme Corp 電話 0912345678"}], "temperature": 0.7},
              "status": "done", **extra}
    return ws.history.add(record)


def all_text(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


def test_history_mode_masks_every_stored_field(workspace):
    workspace.trust.set("pii_mode", ["history"])
    workspace.trust.set("pii_terms", ["Acme Corp"])
    stored = workspace.history.get(add(workspace))
    text = all_text(stored)
    for secret in ("amy@corp.com.tw", "A123456789", "0912-345-678", "0912345678", "Acme Corp", "acme@corp.com"):
        assert secret not in text
    assert stored["params"]["variables"] == {"mail": "[email]", "tone": "warm"}
    assert stored["params"]["temperature"] == 0.7
    assert workspace.history.search("A123456789") == []  # the index never saw it either
    entry = workspace.audit_log.entries(event="generation.made")[0]
    assert entry["details"]["pii_masked"] >= 4 and "prompt" not in entry["details"]


def test_without_history_mode_the_record_is_kept_and_the_export_can_mask_it(workspace):
    workspace.trust.set("pii_terms", ["Acme Corp"])
    gid = add(workspace)
    assert workspace.history.get(gid)["prompt"] == PII_TEXT
    out = io.StringIO()
    export_history(workspace.history, out, redact=install.export_rules(workspace, asked=True))
    exported = out.getvalue()
    for secret in ("amy@corp.com.tw", "A123456789", "0912-345-678", "0912345678", "Acme Corp", "acme@corp.com"):
        assert secret not in exported
    assert install.export_rules(workspace, asked=False) is None
    workspace.trust.set("pii_mode", ["exports"])
    assert install.export_rules(workspace, asked=False) is not None  # the mode forces it


def test_content_reaches_the_audit_log_only_when_asked(workspace):
    add(workspace)
    assert "prompt" not in workspace.audit_log.entries(event="generation.made")[0]["details"]
    workspace.trust.set("audit_content", True)
    add(workspace)
    assert workspace.audit_log.entries(event="generation.made")[0]["details"]["prompt"] == PII_TEXT
    changes = workspace.audit_log.entries(event="settings.changed")
    assert changes[0]["details"] == {"key": "audit_content", "old": False, "new": True}
    assert workspace.audit_log.verify().ok


def test_protected_terms_are_audited_as_counts(workspace):
    workspace.trust.set("pii_terms", ["Acme Corp", "藍鯨計畫"])
    assert workspace.audit_log.entries(event="settings.changed")[0]["details"] == {
        "key": "pii_terms", "old": 0, "new": 2}


def test_warn_mode_finds_what_is_about_to_be_sent(workspace):
    assert [f.kind for f in install.prompt_findings(workspace, "call 0912-345-678")] == ["phone"]
    workspace.trust.set("pii_mode", [])
    assert install.prompt_findings(workspace, "call 0912-345-678") == []


def test_keep_no_history_forgets_the_session(home):
    with Workspace(home) as ws:
        ws.trust.set("keep_no_history", True)
        gid = add(ws)
        assert ws.history.get(gid) is not None  # the conversation works while it is open
        kept_before = ws.history.count()
    with Workspace(home) as ws:
        assert ws.history.get(gid) is None and ws.history.count() == kept_before - 1
        assert ws.history.search("amy") == []
        purge = ws.audit_log.entries(event="data.purged")[0]["details"]
        assert purge["reason"] == "keep no history" and purge["generations"] == 1
        assert ws.audit_log.verify().ok


def test_a_crash_in_keep_no_history_mode_is_cleaned_at_the_next_open(home):
    ws = Workspace(home)
    ws.trust.set("keep_no_history", True)
    gid = add(ws)
    ws.db.conn.close()  # no close(): as if the process had been killed
    ws.text_worker.stop()
    with Workspace(home) as again:
        assert again.history.get(gid) is None


@pytest.mark.parametrize("key, value", [("pii_mode", ["shout"]), ("retention_days", 0),
                                        ("offline_guard", False), ("pii_patterns", ["(x"])])
def test_bad_values_are_refused(workspace, key, value):
    from engine.errors import BadInput

    with pytest.raises(BadInput):
        workspace.trust.set(key, value)


def test_a_generation_stored_from_another_thread_is_audited_on_its_own_connection(workspace):
    """A batch run or an import stores generations from a worker thread with its own
    connection; the audit entry must not ride on the window's connection meanwhile."""
    import threading

    from engine.store.db import open_db
    from engine.store.history import History

    errors: list[BaseException] = []

    def work():
        db = open_db(workspace.home.db_path, migrate=False)
        try:
            History(db, workspace.record_steps).add({"kind": "text", "prompt": "from a thread", "status": "done"})
        except BaseException as exc:  # surfaced below
            errors.append(exc)
        finally:
            db.conn.close()

    workspace.db.conn.execute("begin")  # the window's connection is busy in a transaction of its own
    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=20)
    workspace.db.conn.rollback()
    assert not errors and workspace.history.count() == 1
    assert workspace.audit_log.entries(event="generation.made")[0]["details"]["prompt_chars"] == len("from a thread")
    assert workspace.audit_log.verify().ok
