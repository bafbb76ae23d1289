"""PII mode "history" end to end on the real default model: the model gets the real
values, and what is stored (the chat turn, its conversation, a batch job's rows and their
history records) holds them masked, read back with plain sqlite3; each generation is
audited once."""

from __future__ import annotations

import pytest

from engine import jobs
from engine.batch.plan import create_job
from engine.batch.table import Table
from engine.prompts.templates import Template, TemplateLibrary
from engine.prompts.variables import Variable
from engine.text.runner import TextRequest, run_text
from tests.helpers.stored import assert_masked, raw

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

PHONE, ID = "0912-345-678", "A123456789"
NOTE = Template(name="Call note", language="en", body="Write one line asking {{ name }} to call {{ phone }}.",
                variables=(Variable("name", required=True), Variable("phone", required=True)),
                params={"max_tokens": 16, "temperature": 0.0})


class Recording:
    """The workspace's real text backend, remembering the messages each job carried."""

    def __init__(self, backend):
        self.backend, self.messages = backend, []

    def run(self, job, on_event, **options):
        self.messages.append(" ".join(m["content"] for m in job.messages))
        return self.backend.run(job, on_event, **options)

    def __getattr__(self, name):
        return getattr(self.backend, name)


@pytest.fixture
def history_ws(workspace, monkeypatch):
    workspace.trust.set("pii_mode", ["history"])
    workspace.trust.set("pii_terms", ["Acme Corp"])
    recording = Recording(workspace.backend("text"))
    real = workspace.backend
    monkeypatch.setattr(workspace, "backend", lambda kind: recording if kind == "text" else real(kind))
    workspace.recording = recording
    return workspace


def test_a_chat_turn_and_a_batch_are_stored_masked_and_audited_once(history_ws):
    ws = history_ws
    outcome = run_text(ws, TextRequest(model="smollm2-135m", prompt=f"Acme Corp, ID {ID}: call {PHONE}.",
                                       params=jobs.SamplingParams(max_tokens=16, temperature=0.0), seed=3))
    assert isinstance(outcome.event, jobs.Done)
    assert PHONE in ws.recording.messages[0] and ID in ws.recording.messages[0]  # the model got them
    assert_masked(raw(ws, "select * from generations") + raw(ws, "select title from conversations"))
    assert "[phone]" in raw(ws, "select prompt from generations")

    TemplateLibrary(ws.db).save(NOTE)
    table = Table(columns=("name", "phone"), rows=(("Acme Corp", PHONE), ("Bo", "0987 654 321")),
                  source_name="calls.csv")
    job_id = create_job(ws, NOTE.name, table, seed=5)
    assert PHONE in raw(ws, "select prompt from batch_rows")  # waiting rows keep what the model needs
    summary = ws.batch_runner(job_id).run()
    assert summary.state == "finished"
    assert any(PHONE in m for m in ws.recording.messages[1:]) and any("0987 654 321" in m
                                                                     for m in ws.recording.messages[1:])
    stored = raw(ws, "select * from batch_rows") + raw(ws, "select * from generations")
    assert_masked(stored)
    assert "0987 654 321" not in stored and "[phone]" in stored
    made = ws.audit_log.entries(event="generation.made")
    assert len(made) == 3 == ws.history.count()  # one entry per generation, not one more as it started
    assert ws.audit_log.verify().ok
