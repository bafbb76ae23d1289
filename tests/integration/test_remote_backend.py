"""Airlock on an "on-prem inference server": llama-cpp-python's own server on 127.0.0.1
with the default model. Connect, list, chat, and survive the server dying mid-stream."""

from __future__ import annotations

import signal
import threading

import pytest

from engine import jobs
from engine.backends.connections import Connection
from engine.backends.remote import health_check, list_models
from engine.text.runner import TextRequest, run_text
from tests.helpers.onprem_server import onprem_server

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]  # a loaded CI box; rows queue on the one server


@pytest.fixture(scope="module")
def onprem(smollm2, tmp_path_factory):
    with onprem_server(smollm2, tmp_path_factory.mktemp("onprem") / "server.log") as server:
        yield server


@pytest.fixture
def connected(workspace, onprem):
    connections = workspace.text_backend.connections
    connections.save(Connection("team", onprem.base_url))
    where = connections.set_key("team", onprem.key)
    return workspace, connections, where


def test_connect_list_health_and_chat(connected, onprem):
    ws, connections, where = connected
    assert where == "keyring" or where.endswith("connection-team.secret")
    assert connections.key("team") == onprem.key
    with pytest.raises(Exception, match="refused the key"):
        list_models(connections.get("team"), "wrong-key")
    report = health_check(connections.get("team"), onprem.key)
    assert report["models"] == ["smollm2"] and report["schema_enforced"] is True
    assert report["schema_form"] == "json_object"  # llama.cpp's form; vLLM takes OpenAI's json_schema
    connections.remember_models("team", report["models"], schema_form=report["schema_form"])
    names = [m.name for m in ws.registry.list()]
    assert "team/smollm2" in names and "smollm2-135m" in names  # beside the local model

    outcome = run_text(ws, TextRequest(model="team/smollm2", prompt="Say hello.", seed=1,
                                       params=jobs.SamplingParams(max_tokens=8, temperature=0)))
    assert outcome.ok and outcome.record["output"]
    stored = ws.history.get(outcome.generation_id)
    assert stored["model"] == "team/smollm2" and stored["device"] == "server team"
    assert stored["completion_tokens"] >= 1 and ws.text_worker.pids() == []  # no local worker started


def test_a_raw_completion_goes_to_the_servers_completions(connected, onprem):
    import httpx

    ws, connections, _ = connected
    connections.remember_models("team", ["smollm2"])
    params = jobs.SamplingParams(max_tokens=8, temperature=0, seed=1)
    job = jobs.TextJob(job_id="raw-1", model_name="team/smollm2", model_path="", model_sha256="", messages=(),
                       params=params, raw_prompt="The capital of France is")
    event = ws.backend("text").run(job)
    assert isinstance(event, jobs.Done) and event.result["device"] == "server team"
    direct = httpx.post(onprem.base_url + "/completions", headers={"Authorization": f"Bearer {onprem.key}"},
                        timeout=120, json={"model": "smollm2", "prompt": "The capital of France is", "max_tokens": 8,
                                           "temperature": 0, "top_p": params.top_p, "seed": 1}).json()
    assert event.result["text"] == direct["choices"][0]["text"]  # the server's own completion, no chat turn


def test_a_ten_row_batch_runs_on_the_server_four_rows_at_a_time(connected):
    from engine.batch.plan import create_job
    from engine.batch.runner import BatchRunner
    from engine.batch.store import BatchStore
    from engine.batch.table import Table
    from engine.prompts.outputs import OutputField
    from engine.prompts.templates import Template, TemplateLibrary
    from engine.prompts.variables import Variable

    ws, connections, _ = connected
    connections.remember_models("team", ["smollm2"], schema_form="json_object")
    template = Template(name="Subject line", language="en", system="You write short mail subject lines.",
                        body="Write one subject line for a thank-you mail.\n\nCustomer: {{ name }}",
                        variables=(Variable("name", required=True),), params={"max_tokens": 32, "temperature": 0.7},
                        outputs=(OutputField("subject", max_chars=40),))
    TemplateLibrary(ws.db).save(template)
    names = ["Ada", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo"]
    job_id = create_job(ws, template.name, Table(columns=("name",), rows=tuple((n,) for n in names),
                                                 source_name="names.csv"), model="team/smollm2", seed=3)
    runner = BatchRunner(ws, job_id)
    assert runner._width(ws.registry.get("team/smollm2")) == 4  # the connection's default
    summary = runner.run()
    rows = BatchStore(ws.db).rows(job_id)
    assert summary.state == "finished" and len(rows) == 10
    assert all(r.status in ("done", "failed") for r in rows)
    assert sum(r.status == "done" for r in rows) >= 7, [r.error for r in rows if r.error]
    records = [ws.history.get(r.generation_id) for r in rows if r.generation_id]
    assert {r["device"] for r in records} == {"server team"} and len({r["id"] for r in records}) == len(records)


def test_server_killed_mid_stream_fails_the_row_and_keeps_the_text(connected, onprem):
    ws, connections, _ = connected
    connections.remember_models("team", ["smollm2"])
    tokens = []
    killed = threading.Event()

    def on_event(event):
        if isinstance(event, jobs.Token):
            tokens.append(event.text)
            if len(tokens) == 3 and not killed.is_set():
                killed.set()
                onprem.process.send_signal(signal.SIGKILL)

    outcome = run_text(ws, TextRequest(model="team/smollm2", prompt="Tell a long story about a lighthouse.",
                                       seed=2, params=jobs.SamplingParams(max_tokens=400)), on_event)
    assert killed.is_set() and isinstance(outcome.event, jobs.Failed)
    assert "inference server 'team'" in outcome.event.message and "\n" not in outcome.event.message
    stored = ws.history.get(outcome.generation_id)
    assert stored["status"] == "failed" and stored["output"] == "".join(tokens)  # nothing that arrived is lost
