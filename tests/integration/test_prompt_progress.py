"""Long prompts on the real SmolLM2 model (issue 12): progress while the prompt is read, a
stop during it that keeps the worker and its loaded model, and the same text as an
unchunked prompt."""

from __future__ import annotations

import threading
import time

import pytest

from engine import jobs
from engine.registry.registry import DEFAULT_TEXT_MODEL
from engine.text import worker as text_worker
from engine.text.runner import TextRequest, build_job, run_text

pytestmark = pytest.mark.slow

SENTENCE = "Our Starriver cold brew is steeped for twenty hours in small batches. "


def request(prompt: str, **kw) -> TextRequest:
    return TextRequest(model=DEFAULT_TEXT_MODEL, prompt=prompt, n_ctx=4096, seed=3,
                       params=jobs.SamplingParams(max_tokens=kw.pop("max_tokens", 8)), **kw)


def test_a_stop_while_the_prompt_is_read_keeps_the_worker_and_the_record(workspace):
    run_text(workspace, request("Hi", max_tokens=2))  # the model is loaded
    pid = workspace.text_worker.pid
    job_ids: list[str] = []
    progress: list[jobs.Progress] = []
    timing: dict[str, float] = {}

    def on_event(event):
        if isinstance(event, jobs.Progress) and event.stage == "prompt":
            progress.append(event)
            if event.step > 0 and "cancel" not in timing:
                timing["cancel"] = time.perf_counter()
                threading.Thread(target=workspace.text_worker.cancel, args=(job_ids[0],)).start()
        if jobs.is_terminal(event):
            timing["end"] = time.perf_counter()

    long_prompt = "Summarise the notes below.\n" + SENTENCE * 200  # about 3,000 tokens
    outcome = run_text(workspace, request(long_prompt, max_tokens=50), on_event,
                       on_job=lambda job: job_ids.append(job.job_id))
    assert isinstance(outcome.event, jobs.Cancelled)
    assert timing["end"] - timing["cancel"] < workspace.text_worker.grace_seconds
    assert workspace.text_worker.pid == pid  # not killed: the model stays loaded
    total = progress[0].total
    assert total > 2500 and 0 < progress[-1].step < total
    record = workspace.history.get(outcome.generation_id)
    assert record["status"] == "stopped" and record["output"] == ""
    assert record["prompt_tokens"] == total and record["completion_tokens"] == 0
    assert record["seconds"] > 0
    after_events: list = []
    after = run_text(workspace, request("Say hi."), after_events.append)
    assert after.ok and workspace.text_worker.pid == pid
    assert not any(isinstance(e, jobs.Progress) and e.stage == "load" for e in after_events)


@pytest.mark.filterwarnings("ignore:llama_token_is_eog is deprecated:DeprecationWarning")
def test_progress_counts_up_and_the_text_is_the_same_as_unchunked(workspace, monkeypatch):
    """In this process (the worker's handler itself), so the threshold can be changed."""
    prompt = "Write one line about this.\n" + SENTENCE * 45  # about 700 tokens: two batches
    job, _conversation, _notes = build_job(workspace, request(prompt))
    worker = text_worker.TextWorker()
    try:
        chunked: list = []
        worker.handle(job, chunked.append, lambda: False)
        monkeypatch.setattr(text_worker, "PROMPT_PROGRESS_TOKENS", 10**9)
        worker.llm.reset()  # nothing cached: the whole prompt again, in one call
        whole: list = []
        worker.handle(job, whole.append, lambda: False)
    finally:
        worker.unload()
    steps = [e.step for e in chunked if isinstance(e, jobs.Progress) and e.stage == "prompt"]
    done_chunked, done_whole = chunked[-1], whole[-1]
    assert isinstance(done_chunked, jobs.Done) and isinstance(done_whole, jobs.Done)
    total = done_chunked.result["prompt_tokens"]
    assert steps[0] == 0 and steps == sorted(steps) and steps[-1] == total - 1 and len(steps) >= 3
    assert not any(isinstance(e, jobs.Progress) and e.stage == "prompt" for e in whole)
    assert done_chunked.result["text"] == done_whole.result["text"] != ""
