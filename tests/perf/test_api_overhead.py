"""What the API costs over the in-process engine on the same work, in the same run.

One workspace, one worker process: the same prompt, seed and token count are run by
``ws.backend("text").run`` directly and through the API (the server `airlock serve`
runs, here on a thread of this process, streamed with the official ``openai`` client in a
program of its own, tests/helpers/api_stream_client.py, as a real caller is), alternating,
several times (``AIRLOCK_BENCH_RUNS``, default 5). Reported as ratios and differences of medians:

- tokens/s through the API / in process (goal >= 0.95),
- first-token time through the API - in process (goal <= 30 ms),
- 8 clients at once: all answered, none dropped, and how long each waited in the queue.

Run with ``pytest -m perf tests/perf/test_api_overhead.py -s``.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

from engine import jobs
from engine.api.config import ServerConfig
from engine.api.keys import ApiKeys
from engine.api.server import ApiServer
from engine.registry.registry import DEFAULT_TEXT_MODEL
from tests.helpers.api_server import free_port

pytestmark = [pytest.mark.perf, pytest.mark.slow]

PROMPT = "Write a short paragraph about lighthouses."
TOKENS = 48
RUNS = int(os.environ.get("AIRLOCK_BENCH_RUNS", "5"))


def _in_process(ws, seed: int) -> tuple[float, float, int, float]:
    model = ws.registry.get(DEFAULT_TEXT_MODEL)
    job = jobs.TextJob(job_id=uuid.uuid4().hex, model_name=model.name, model_path=model.path,
                       model_sha256=model.sha256, messages=({"role": "user", "content": PROMPT},),
                       params=jobs.SamplingParams(max_tokens=TOKENS, temperature=0, seed=seed),
                       n_ctx=model.default_context())
    times: list[float] = []
    start = time.perf_counter()
    event = ws.backend("text").run(job, lambda e: times.append(time.perf_counter()) if isinstance(e, jobs.Token) else None)
    assert isinstance(event, jobs.Done)
    n = event.result["completion_tokens"]
    return times[0] - start, (n - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0, n, \
        event.result["first_token_s"], event.result["tokens_per_second"]


def _through_api(url: str, secret: str, ws, seed: int) -> tuple[float, float, int, float, float]:
    """The official client in a program of its own, as a CRM plug-in would call (in this
    process its parsing would compete with the server for the interpreter lock)."""
    answer = subprocess.run([sys.executable, "-m", "tests.helpers.api_stream_client", url, secret,
                             DEFAULT_TEXT_MODEL, str(TOKENS), str(seed), PROMPT], capture_output=True, text=True,
                            timeout=900, cwd=Path(__file__).parents[2], check=True)
    seen = json.loads(answer.stdout)
    n = seen["completion_tokens"]
    record = ws.history.list(limit=1)[0]  # the same request's record: the worker's own timing
    rate = (n - 1) / (seen["last_token_s"] - seen["first_token_s"]) if seen["chunks"] > 1 else 0.0
    return seen["first_token_s"], rate, n, record["first_token_s"], record["tokens_per_second"]


@pytest.fixture
def served(workspace):
    _key, secret = ApiKeys(workspace.db).create("bench")
    server = ApiServer(workspace, ServerConfig(port=free_port(), queue_limit=16)).start()
    yield server, secret
    server.stop()


@pytest.mark.timeout(1800)
def test_api_against_in_process(served, workspace):
    server, secret = served
    _in_process(workspace, 0)  # load the model once
    local, api = [], []
    for run in range(RUNS):  # alternate which goes first, so neither always finds a warmer cache
        if run % 2:
            api.append(_through_api(server.url, secret, workspace, run))
            local.append(_in_process(workspace, run))
        else:
            local.append(_in_process(workspace, run))
            api.append(_through_api(server.url, secret, workspace, run))
        print(f"\nrun {run}: load {os.getloadavg()[0]:.1f}; tokens/s in process {local[-1][1]:.2f} "
              f"(worker {local[-1][4]:.2f}), through the API {api[-1][1]:.2f} (worker {api[-1][4]:.2f})")
    assert [r[2] for r in local] == [r[2] for r in api]  # the same work
    # Each pair ran back to back, so a pair's ratio sees the same machine load; the median of the
    # pairs is robust to a run that another program slowed down.
    ratio = statistics.median(a[1] / lo[1] for a, lo in zip(api, local))
    # The worker's own decode rate in both: below 1 means the model itself ran slower while the
    # API served (CPU taken from its threads), not that delivery lagged.
    worker_ratio = statistics.median(a[4] / lo[4] for a, lo in zip(api, local))
    # What each path adds before the first token, besides the model's own prompt processing (the
    # worker times that itself): robust to how loaded the machine is, unlike raw first-token times.
    overhead_ms = (statistics.median(a[0] - a[3] for a in api) - statistics.median(lo[0] - lo[3] for lo in local)) * 1000
    print(f"\ntokens/s in process {statistics.median(lo[1] for lo in local):.1f}, through the API "
          f"{statistics.median(a[1] for a in api):.1f}: ratio {ratio:.3f} (goal >= 0.95), median of {RUNS} "
          f"back-to-back pairs; the worker's own rate, API/in process: {worker_ratio:.3f}")
    print(f"first token in process {statistics.median(lo[0] for lo in local) * 1000:.1f} ms, through the API "
          f"{statistics.median(a[0] for a in api) * 1000:.1f} ms: overhead {overhead_ms:.1f} ms (goal <= 30)")

    def one(i: int) -> httpx.Response:
        return httpx.post(server.url + "/v1/chat/completions", timeout=600,
                          headers={"Authorization": f"Bearer {secret}"},
                          json={"model": DEFAULT_TEXT_MODEL, "max_tokens": 16, "temperature": 0, "seed": i,
                                "messages": [{"role": "user", "content": PROMPT}]})

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(one, range(8)))
    waits = sorted(float(a.headers["x-airlock-queue-seconds"]) for a in answers)
    print(f"8 concurrent clients: {[a.status_code for a in answers]}, queue wait s: "
          f"{', '.join(f'{w:.2f}' for w in waits)}")
    assert all(a.status_code == 200 for a in answers)  # none dropped
    assert all(a.json()["choices"][0]["message"]["content"] for a in answers)
