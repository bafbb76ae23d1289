"""The rules every front end shares, asked of the workspace (engine/workspace.py) and of the
engine functions the pages and the CLI both call: a new API key is audited, a saved server
is reachable through the offline guard, a batch review and a batch export are audited and
an export follows the PII mode, whoever does them."""

from __future__ import annotations

import csv

from engine import offline
from engine.backends.connections import Connection
from engine.batch import export, review
from engine.batch.plan import create_job
from engine.trust.audit import log_for
from tests.helpers.batch import MAIL, TABLE, draft_all


def _events(ws, event):
    return [e for e in log_for(ws).entries(event=event)]


def test_an_issued_api_key_is_audited_and_listed(workspace):
    key, secret = workspace.issue_api_key("crm")
    assert workspace.api_keys.check(secret).name == "crm"
    assert [e["details"]["name"] for e in _events(workspace, "api_key.issued")] == ["crm"]
    assert workspace.api_keys is workspace.api_keys  # one store per workspace


def test_a_key_with_no_scope_is_refused_by_the_engine_not_only_by_the_settings_page(workspace):
    import pytest

    from engine.errors import BadInput

    with pytest.raises(BadInput, match="Scopes must be some of"):
        workspace.issue_api_key("nothing", ())
    assert workspace.api_keys.find("nothing") is None and not _events(workspace, "api_key.issued")
    key, _ = workspace.issue_api_key("everything")  # no scopes given: every scope
    assert key.scopes == ("text", "image")


def test_a_saved_connection_opens_the_offline_guard_for_its_host_only(workspace):
    before = offline.allowed_hosts()
    try:
        saved, where = workspace.save_connection(Connection("team", "https://llm.corp.example/v1"))
        assert where == "" and saved.name == "team"
        assert "llm.corp.example" in offline.allowed_hosts()
        assert [c.name for c in workspace.connections.list()] == ["team"]
        assert workspace.connections is workspace.backend("text").connections  # the router's own list
    finally:
        offline.allow_hosts(before)


def test_batch_review_and_export_are_audited_and_masked_by_the_pii_mode(workspace, tmp_path):
    workspace.templates.save(MAIL)
    job_id = create_job(workspace, MAIL.name, TABLE, seed=5)
    draft_all(workspace.batches, job_id)
    assert review.decide(workspace, job_id, [1, 2], "approved", "Mei") == 2
    assert [e["details"]["rows"] for e in _events(workspace, "batch.reviewed")] == [2]
    workspace.trust.set("pii_mode", ["exports"])
    result = export.export_approved(workspace, job_id, tmp_path / "out.csv")
    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert result.written == 2 and "example.com" not in text
    assert len(list(csv.DictReader(text.splitlines()))) == 2
    written = _events(workspace, "export.written")
    assert written[0]["details"]["redacted"] is True and written[0]["details"]["records"] == 2


def test_a_batch_runner_on_its_own_connection_closes_it(workspace):
    import sqlite3

    import pytest

    workspace.templates.save(MAIL)
    job_id = create_job(workspace, MAIL.name, TABLE, seed=5)
    runner = workspace.batch_runner(job_id, own_connection=True)
    assert runner.db is not workspace.db
    runner.close()
    with pytest.raises(sqlite3.ProgrammingError):
        runner.db.execute("select 1")
    shared = workspace.batch_runner(job_id)
    shared.close()  # a shared connection stays open
    assert workspace.db.execute("select 1").fetchone() == (1,)


def test_deleting_generations_takes_their_files_and_is_audited_as_a_count(workspace, tmp_path):
    image = workspace.home.outputs_dir / "made.png"
    image.write_bytes(b"png")
    kept = workspace.history.add({"kind": "text", "model": "m", "prompt": "keep", "output": "k", "status": "done"})
    gone = workspace.history.add({"kind": "image", "model": "m", "prompt": "drop", "status": "done",
                                  "output_path": str(image)})
    assert workspace.delete_generations([gone]) == 1
    assert workspace.history.get(gone) is None and workspace.history.get(kept) is not None
    assert not image.exists()
    [entry] = _events(workspace, "data.purged")
    assert entry["details"] == {"reason": "deleted by hand", "generations": 1}
