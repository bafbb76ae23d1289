"""PII mode "history": every place Airlock stores content holds it masked, read back with
plain SQLite (not through the stores that wrote it), and each generation is audited once.
Batch rows and mail exports: tests/unit/batch/test_history_masking.py.
"""

from __future__ import annotations

import pytest

from tests.helpers.stored import PII_TEXT, assert_masked, raw


@pytest.fixture
def history_mode(workspace):
    workspace.trust.set("pii_mode", ["history"])
    workspace.trust.set("pii_terms", ["Acme Corp"])
    return workspace


def record(**extra):
    return {"kind": "text", "model": "smollm2-135m", "model_sha256": "ab" * 32, "prompt": PII_TEXT,
            "params": {"variables": {"mail": "amy@corp.com.tw"}}, **extra}


# generations: as they start, while they stream, as they end ----------------------------

def test_a_running_generation_is_masked_from_its_first_write_and_audited_once(history_mode):
    ws = history_mode
    conversation = ws.history.new_conversation(title=PII_TEXT)
    gid = ws.history.start(record(conversation_id=conversation))
    assert_masked(raw(ws, "select * from generations where id = ?", [gid]))
    ws.history.stream(gid, f"Calling {PII_TEXT}")
    streamed = raw(ws, "select output from generations where id = ?", [gid])
    assert "[phone]" in streamed
    assert_masked(streamed)
    assert ws.audit_log.entries(event="generation.made") == []  # not while it runs
    ws.history.finish(gid, record(conversation_id=conversation, output=f"Done: {PII_TEXT}", status="done"))
    assert_masked(raw(ws, "select * from generations where id = ?", [gid]))
    assert_masked(raw(ws, "select title from conversations"))
    ws.history.rename_conversation(conversation, f"About {PII_TEXT}")
    assert_masked(raw(ws, "select title from conversations"))
    made = ws.audit_log.entries(event="generation.made")
    assert len(made) == 1 and made[0]["details"]["status"] == "done"
    assert ws.audit_log.verify().ok


def test_without_history_mode_streamed_text_is_kept_as_written(workspace):
    gid = workspace.history.start(record())
    workspace.history.stream(gid, PII_TEXT)
    assert workspace.history.get(gid)["output"] == PII_TEXT
    workspace.history.finish(gid, record(output=PII_TEXT, status="stopped"))
    assert [e["details"]["status"] for e in workspace.audit_log.entries(event="generation.made")] == ["stopped"]


def test_an_interrupted_generation_is_audited_once_when_it_is_marked(home):
    from engine.workspace import Workspace

    ws = Workspace(home)
    gid = ws.history.start(record())
    ws.db.execute("delete from leases")  # as if the process that ran it had died
    ws.db.conn.commit()
    ws.close()
    with Workspace(home) as again:
        assert again.history.get(gid)["status"] == "interrupted"
        made = again.audit_log.entries(event="generation.made")
        assert [(e["details"]["status"]) for e in made] == ["interrupted"]


# knowledge -----------------------------------------------------------------------------

def test_knowledge_chunks_are_stored_masked(history_mode):
    ws = history_mode
    ws.knowledge.import_text("Clients", "Acme Corp notes.txt", f"客戶資料\n\n{PII_TEXT}\n\n統編 04595257")
    stored = raw(ws, "select k.text, k.search_text, d.name from knowledge_chunks k "
                     "join knowledge_documents d on d.id = k.document_id")
    assert_masked(stored)
    assert "04595257" not in stored and "[business-id]" in stored
    assert ws.knowledge.search("A123456789") == [] and ws.knowledge.search("客戶資料")


def test_knowledge_is_kept_as_written_without_history_mode(workspace):
    workspace.knowledge.import_text("Clients", "notes.txt", PII_TEXT)
    assert "A123456789" in raw(workspace, "select text from knowledge_chunks")


# images ----------------------------------------------------------------------------------

def test_history_mode_keeps_the_prompt_out_of_png_files(workspace):
    from engine.trust.install import png_parameters_allowed

    assert png_parameters_allowed(workspace)
    workspace.trust.set("pii_mode", ["warn", "history"])
    assert not png_parameters_allowed(workspace)  # the PNG would carry the prompt unmasked
    workspace.trust.set("pii_mode", ["exports"])
    assert png_parameters_allowed(workspace)
    workspace.trust.set("png_metadata", False)
    assert not png_parameters_allowed(workspace)
