"""The text engine on the real SmolLM2 model, in real worker processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import psutil
import pytest

from engine import jobs
from engine.registry.registry import DEFAULT_TEXT_MODEL
from engine.store.db import integrity_ok
from engine.text.runner import TextRequest, build_job, run_text
from tests.helpers.files import changed_copy

pytestmark = pytest.mark.slow


def request(prompt: str = "Write a short poem about the sea.", **kw) -> TextRequest:
    params = kw.pop("params", jobs.SamplingParams(max_tokens=kw.pop("max_tokens", 40)))
    return TextRequest(model=DEFAULT_TEXT_MODEL, prompt=prompt, params=params, **kw)


def test_generation_streams_and_is_recorded(workspace):
    events = []
    outcome = run_text(workspace, request(seed=7), events.append)
    assert outcome.ok, outcome.event
    tokens = [e for e in events if isinstance(e, jobs.Token)]
    assert len(tokens) > 5
    started = next(e for e in events if isinstance(e, jobs.Started))
    assert events.index(started) < events.index(tokens[0])
    text = "".join(t.text for t in tokens)
    record = workspace.history.get(outcome.generation_id)
    assert record["output"] == text == outcome.event.result["text"]
    assert record["model_sha256"] == workspace.registry.get(DEFAULT_TEXT_MODEL).sha256
    assert record["seed"] == 7 and record["params"]["temperature"] == 0.7
    assert record["completion_tokens"] == outcome.event.result["completion_tokens"] <= 40
    assert record["prompt_tokens"] > 5 and record["seconds"] > 0
    assert record["versions"]["llama-cpp-python"] == "0.3.36"
    assert record["device"] == "CPU" and record["status"] == "done"


def test_same_seed_same_text_and_model_stays_loaded(workspace):
    first_events: list = []
    first = run_text(workspace, request(seed=123), first_events.append)
    pid = workspace.text_worker.pid
    second_events: list = []
    second = run_text(workspace, request(seed=123), second_events.append)
    other = run_text(workspace, request(seed=124))
    assert first.record["output"] == second.record["output"]
    assert first.record["output"] != other.record["output"]
    assert workspace.text_worker.pid == pid
    loads = [e.load_seconds for e in first_events + second_events if isinstance(e, jobs.Started)]
    assert loads[0] is not None and loads[1] is None  # loaded once, reused
    # and a fresh worker process gives the same text again
    workspace.text_worker.stop()
    third = run_text(workspace, request(seed=123))
    assert third.record["output"] == first.record["output"]


def test_conversation_continues_with_context(workspace):
    first = run_text(workspace, request("My name is Lin. Say hello to me.", seed=1))
    second = run_text(workspace, request("What is my name?", seed=1,
                                         conversation_id=first.conversation_id))
    assert second.record["prompt_tokens"] > first.record["prompt_tokens"] + first.record["completion_tokens"]
    assert [t["id"] for t in workspace.history.turns(first.conversation_id)] == [
        first.generation_id, second.generation_id]


def test_stop_within_200_ms(workspace):
    run_text(workspace, request("Hi", max_tokens=2, seed=1))  # model loaded
    stop_at: list[float] = []
    ended_at: list[float] = []
    job_ids: list[str] = []

    def on_event(event):
        if isinstance(event, jobs.Token) and len(stop_at) == 0 and len(event.text) > 0:
            stop_at.append(time.perf_counter())
            threading.Thread(target=workspace.text_worker.cancel, args=(job_ids[0],)).start()
        if jobs.is_terminal(event):
            ended_at.append(time.perf_counter())

    outcome = run_text(workspace, request("Write a very long story about a dragon.", max_tokens=400,
                                          seed=1), on_event, on_job=lambda job: job_ids.append(job.job_id))
    assert isinstance(outcome.event, jobs.Cancelled)
    assert ended_at[0] - stop_at[0] < 0.2
    assert outcome.record["status"] == "stopped"
    assert 0 < outcome.record["completion_tokens"] < 50
    assert workspace.text_worker.is_alive()  # stopped cooperatively, model still loaded


def test_stop_during_prompt_processing(workspace):
    """A cancel that lands before the first token (long prompt) still stops quickly."""
    run_text(workspace, request("Hi", max_tokens=2, seed=1))
    long_prompt = "Summarise this. " + "The quick brown fox jumps over the lazy dog. " * 250
    job_ids: list[str] = []
    timing = {}

    def on_job(job):
        job_ids.append(job.job_id)

    def on_event(event):
        if isinstance(event, jobs.Started):
            timing["cancel"] = time.perf_counter()
            threading.Thread(target=workspace.text_worker.cancel, args=(job_ids[0],)).start()
        if jobs.is_terminal(event):
            timing["end"] = time.perf_counter()

    outcome = run_text(workspace, request(long_prompt, max_tokens=50, seed=1), on_event, on_job=on_job)
    assert isinstance(outcome.event, jobs.Cancelled)
    assert timing["end"] - timing["cancel"] < 0.2
    after = run_text(workspace, request("Say hi.", max_tokens=5, seed=1))
    assert after.ok  # the model state was reset cleanly


def test_a_cancel_before_the_job_reaches_the_worker_stops_it(workspace):
    """A pause or stop pressed in the instant between a job's id being known and its run
    beginning (a batch's next row) is not lost: the job ends cancelled, without generating."""
    run_text(workspace, request("Hi", max_tokens=2, seed=1))
    outcome = run_text(workspace, request("Write a very long story about a dragon.", max_tokens=400, seed=1),
                       on_job=lambda job: workspace.text_worker.cancel(job.job_id))
    assert isinstance(outcome.event, jobs.Cancelled)
    assert outcome.record["status"] == "stopped" and not outcome.record["completion_tokens"]
    assert run_text(workspace, request("Say hi.", max_tokens=5, seed=1)).ok  # the next job is not cancelled


def test_killed_worker_fails_the_job_and_the_next_job_works(workspace):
    run_text(workspace, request("Hi", max_tokens=2, seed=1))
    killed = []

    def on_event(event):
        if isinstance(event, jobs.Token) and not killed:
            killed.append(workspace.text_worker.pid)
            os.kill(killed[0], signal.SIGKILL)

    outcome = run_text(workspace, request("Tell a long story.", max_tokens=300, seed=1), on_event)
    assert isinstance(outcome.event, jobs.Failed) and outcome.event.kind == "crashed"
    assert "the model process ended (killed by SIGKILL" in outcome.event.message
    record = workspace.history.get(outcome.generation_id)
    assert record["status"] == "failed" and record["prompt"] == "Tell a long story."
    after = run_text(workspace, request("Say hi.", max_tokens=5, seed=1))
    assert after.ok and workspace.text_worker.pid not in (None, killed[0])
    assert integrity_ok(workspace.db)


def test_context_overflow_truncates_oldest_turns_and_reports(workspace):
    first = run_text(workspace, request("Describe a lighthouse in detail. " * 12, n_ctx=256,
                                        max_tokens=60, seed=1))
    events: list = []
    second = run_text(workspace, request("Now describe a harbour in detail. " * 12, n_ctx=256,
                                         max_tokens=60, seed=1,
                                         conversation_id=first.conversation_id), events.append)
    started = next(e for e in events if isinstance(e, jobs.Started))
    assert second.ok and started.dropped_messages == 2
    assert second.record["params"]["dropped_messages"] == 2
    assert any("oldest messages were left out" in n for n in second.notes)
    assert second.record["prompt_tokens"] + second.record["completion_tokens"] <= 256


def test_context_overflow_refused_when_asked(workspace):
    first = run_text(workspace, request("Describe a lighthouse in detail. " * 12, n_ctx=256,
                                        max_tokens=60, seed=1))
    refused = run_text(workspace, request("And a harbour. " * 20, n_ctx=256, max_tokens=60, seed=1,
                                          overflow="refuse", conversation_id=first.conversation_id))
    assert isinstance(refused.event, jobs.Failed) and refused.event.kind == "bad_input"
    assert "no longer fits the 256-token context" in refused.event.message


def test_a_single_message_too_long_for_the_context(workspace):
    outcome = run_text(workspace, request("word " * 400, n_ctx=128, seed=1))
    assert isinstance(outcome.event, jobs.Failed) and outcome.event.kind == "bad_input"
    assert "too long for the 128-token context" in outcome.event.message


def test_changed_model_file_is_refused_before_load(workspace, smollm2, tmp_path):
    copy = tmp_path / "copy.gguf"
    copy.write_bytes(smollm2.read_bytes())
    workspace.registry.remove(DEFAULT_TEXT_MODEL)
    workspace.registry.import_model(copy, name="copy", link=True)
    changed_copy(smollm2, copy)
    outcome = run_text(workspace, TextRequest(model="copy", prompt="hi", seed=1))
    assert isinstance(outcome.event, jobs.Failed) and outcome.event.kind == "bad_input"
    assert "changed since it was imported" in outcome.event.message


PARENT_SCRIPT = textwrap.dedent("""
    import sys, time
    from engine.workspace import Workspace
    from engine.text.runner import TextRequest, run_text
    from engine import jobs
    ws = Workspace.open(sys.argv[1])
    run_text(ws, TextRequest(model="smollm2-135m", prompt="hi", seed=1,
                             params=jobs.SamplingParams(max_tokens=2)))
    print(ws.text_worker.pid, flush=True)
    time.sleep(600)
""")


def test_worker_exits_when_its_parent_is_killed(tmp_path):
    with subprocess.Popen([sys.executable, "-c", PARENT_SCRIPT, str(tmp_path / "home")],
                          stdout=subprocess.PIPE, text=True) as parent:
        worker_pid = int(parent.stdout.readline())
        assert psutil.pid_exists(worker_pid)
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if psutil.Process(worker_pid).status() == psutil.STATUS_ZOMBIE:
                    break
            except psutil.NoSuchProcess:
                break
            time.sleep(0.1)
        else:
            os.kill(worker_pid, signal.SIGKILL)
            pytest.fail("the worker outlived its parent")


def test_bad_requests_are_refused_before_anything_runs(workspace):
    from engine.errors import BadInput

    with pytest.raises(BadInput, match="No model named 'nope'"):
        build_job(workspace, TextRequest(model="nope", prompt="hi"))
    with pytest.raises(BadInput, match="prompt is empty"):
        build_job(workspace, request("   "))
    with pytest.raises(BadInput, match="no conversation 999"):
        build_job(workspace, request(conversation_id=999))
    assert workspace.history.count() == 0
