"""PII mode "history" in batch jobs, read back with plain SQLite, and PII mode "exports" in
mail exports.

What the model needs is kept until it has used it: a batch row's input and prompt stay
as imported while the row waits to be drafted, and are masked with its draft. A mail
keeps its recipient's address (it cannot be delivered without one); its subject and
body are masked.
"""

from __future__ import annotations

import email
import email.policy
import json

import pytest

from engine.batch.export import export_approved, export_job
from engine.batch.plan import create_job
from engine.batch.store import process_owner
from engine.batch.table import Table
from engine.errors import BadInput
from engine.prompts.templates import TemplateLibrary
from tests.helpers.batch import MAIL
from tests.helpers.stored import PII_TEXT, assert_masked, raw


@pytest.fixture
def history_mode(workspace):
    workspace.trust.set("pii_mode", ["history"])
    workspace.trust.set("pii_terms", ["Acme Corp"])
    return workspace


PII_TABLE = Table(columns=("Customer", "email", "product"),
                  rows=(("Acme Corp", "amy@corp.com.tw", "tea for A123456789"),
                        ("Bo", "bo@example.com", "call 0912-345-678")),
                  source_name="Acme Corp list.csv", encoding="utf-8")


def draft(store, job_id: int, rows: int) -> None:
    owner = process_owner()
    for _ in range(rows):
        row = store.claim_next(job_id, owner)
        fields = {"subject": f"Hello {row.input['Customer']}", "body": f"About {row.input['product']}, {PII_TEXT}"}
        assert store.finish(row.id, owner, "done", output_text=json.dumps(fields), output_fields=fields)


def test_batch_rows_keep_what_the_model_needs_until_drafted_then_are_masked(history_mode):
    ws = history_mode
    TemplateLibrary(ws.db).save(MAIL)
    job_id = create_job(ws, MAIL.name, PII_TABLE, seed=1)
    pending = raw(ws, "select input, prompt from batch_rows where job_id = ? and row_number = 1", [job_id])
    assert "amy@corp.com.tw" in pending and "A123456789" in pending  # the model gets the real values
    assert_masked(raw(ws, "select source_name, knowledge from batch_jobs"))
    draft(ws.batches, job_id, 1)
    row1 = raw(ws, "select * from batch_rows where job_id = ? and row_number = 1", [job_id])
    assert_masked(row1)
    assert "[email]" in row1
    assert "0912-345-678" in raw(ws, "select input from batch_rows where row_number = 2")  # still waiting
    draft(ws.batches, job_id, 1)
    ws.batches.decide(job_id, [1], "edited", "Mei", edited_fields={"subject": "Hi", "body": PII_TEXT})
    ws.batches.decide(job_id, [2], "rejected", "Mei", reason=f"Wrong number 0912-345-678 for {PII_TEXT}")
    assert_masked(raw(ws, "select * from batch_rows") + raw(ws, "select * from batch_decisions"))


def test_mail_exports_mask_subject_and_body_and_keep_the_recipient(workspace, tmp_path):
    ws = workspace
    TemplateLibrary(ws.db).save(MAIL)
    job_id = create_job(ws, MAIL.name, PII_TABLE, seed=1)
    draft(ws.batches, job_id, 2)
    ws.batches.decide(job_id, [1, 2], "approved", "Mei")
    ws.trust.set("pii_terms", ["Acme Corp"])
    ws.trust.set("pii_mode", ["exports"])
    result = export_approved(ws, job_id, tmp_path / "mails", "eml")
    assert result.written == 2
    for path in sorted((tmp_path / "mails").glob("*.eml")):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        body = msg.get_content()
        assert_masked(str(msg["Subject"]) + body)
        assert "[id]" in body and "[phone]" in body
        assert msg["To"] in ("amy@corp.com.tw", "bo@example.com")  # a mail needs its recipient
    export_approved(ws, job_id, tmp_path / "all.mbox", "mbox")
    box = (tmp_path / "all.mbox").read_bytes().decode("utf-8", "replace")
    assert "A123456789" not in box and "0912-345-678" not in box
    entry = ws.audit_log.entries(event="export.written")[0]["details"]
    assert entry["redacted"] is True and entry["format"] == "mbox"


def test_a_mail_export_after_history_mode_says_the_addresses_were_masked(history_mode, tmp_path):
    ws = history_mode
    TemplateLibrary(ws.db).save(MAIL)
    job_id = create_job(ws, MAIL.name, PII_TABLE, seed=1)
    draft(ws.batches, job_id, 2)
    ws.batches.decide(job_id, [1, 2], "approved", "Mei")
    with pytest.raises(BadInput, match="masked when the drafts were stored"):
        export_job(ws.batches, job_id, tmp_path / "mails", "eml")
    export_job(ws.batches, job_id, tmp_path / "out.csv", "csv")
    assert_masked((tmp_path / "out.csv").read_text(encoding="utf-8-sig"))




@pytest.mark.slow  # runs the real airlock CLI in processes of its own
def test_the_cli_masks_a_batch_export_when_asked(cli, tmp_path):
    from engine.home import Home
    from engine.workspace import Workspace

    with Workspace(Home(cli.home).ensure()) as ws:
        TemplateLibrary(ws.db).save(MAIL)
        job_id = create_job(ws, MAIL.name, PII_TABLE, seed=1)
        draft(ws.batches, job_id, 2)
        ws.batches.decide(job_id, [1, 2], "approved", "Mei")
    result = cli("batch", "export", str(job_id), "--out", str(tmp_path / "plain.csv"), "--json")
    assert "A123456789" in (tmp_path / "plain.csv").read_text(encoding="utf-8-sig")  # not asked, no mode
    cli("batch", "export", str(job_id), "--out", str(tmp_path / "mails"), "--format", "eml", "--redact")
    texts = "".join(p.read_bytes().decode("utf-8", "replace") for p in (tmp_path / "mails").glob("*.eml"))
    assert "A123456789" not in texts and "0912-345-678" not in texts and "amy@corp.com.tw" in texts  # To kept
    assert json.loads(result.stdout)["written"] == 2
    with Workspace(Home(cli.home).ensure()) as ws:
        entries = ws.audit_log.entries(event="export.written")
        assert [e["details"]["redacted"] for e in entries] == [True, False]
