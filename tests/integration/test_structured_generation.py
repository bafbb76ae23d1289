"""Generation constrained by a JSON schema on the real default model, in its worker."""

from __future__ import annotations

import uuid

import pytest

from engine import jobs
from engine.registry.registry import DEFAULT_TEXT_MODEL
from engine.text import structured
from engine.text.structured import OutputField

pytestmark = pytest.mark.slow


def test_reply_follows_the_schema_and_parses(workspace):
    fields = (OutputField("subject", max_chars=60), OutputField("bullets", kind="list", items=3, max_chars=80))
    schema = structured.check_schema(structured.fields_schema(fields))
    model = workspace.registry.get(DEFAULT_TEXT_MODEL)
    job = jobs.TextJob(
        job_id=uuid.uuid4().hex, model_name=model.name, model_path=model.path, model_sha256=model.sha256,
        messages=({"role": "user", "content": "Write a mail subject and three bullet points about tea. "
                   + structured.instruction(fields)},),
        params=jobs.SamplingParams(max_tokens=200, seed=3, temperature=0.0), n_ctx=1024, json_schema=schema)
    event = workspace.backend("text").run(job)
    assert isinstance(event, jobs.Done), event
    value = structured.parse_reply(event.result["text"], schema)
    assert set(value) == {"subject", "bullets"} and len(value["bullets"]) == 3
    assert all(0 < len(b) <= 80 for b in value["bullets"])


def test_unconvertible_schema_fails_the_job_not_the_worker(workspace):
    model = workspace.registry.get(DEFAULT_TEXT_MODEL)
    job = jobs.TextJob(job_id="x", model_name=model.name, model_path=model.path, model_sha256=model.sha256,
                       messages=({"role": "user", "content": "hi"},), n_ctx=512,
                       json_schema='{"type": "object", "properties": {"a": {"$ref": "#/nowhere"}}}')
    event = workspace.backend("text").run(job)
    assert isinstance(event, jobs.Failed)
    pid = workspace.text_worker.pid
    again = workspace.backend("text").run(jobs.TextJob(**{**job.__dict__, "job_id": "y", "json_schema": None,
                                                          "params": jobs.SamplingParams(max_tokens=5)}))
    assert isinstance(again, jobs.Done) and workspace.text_worker.pid == pid
