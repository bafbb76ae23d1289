"""A generation is stored when it starts: kill -9 or SIGTERM of the real CLI mid-answer,
or a crash of the worker, keeps the prompt and the text streamed so far."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from engine import jobs
from engine.registry.registry import DEFAULT_TEXT_MODEL
from engine.text.runner import STREAM_SAVE_SECONDS, TextRequest, run_text

pytestmark = pytest.mark.slow

PROMPT = "Write a long story about a lighthouse keeper and the sea."


def start_cli(airlock_cmd: list[str], home: Path) -> subprocess.Popen:
    return subprocess.Popen([*airlock_cmd, "text", PROMPT, "--max-tokens", "3000", "--seed", "3",
                             "--home", str(home)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "AIRLOCK_HOME": ""})


def read_until(process: subprocess.Popen, chars: int, timeout: float = 240) -> bytes:
    """What the CLI streamed, once it has streamed ``chars`` bytes (and a save interval more)."""
    os.set_blocking(process.stdout.fileno(), False)
    got, deadline = b"", time.monotonic() + timeout
    while len(got) < chars:
        assert time.monotonic() < deadline and process.poll() is None, got
        got += process.stdout.read() or b""
        time.sleep(0.05)
    time.sleep(STREAM_SAVE_SECONDS + 0.5)
    return got + (process.stdout.read() or b"")


def rows(home: Path) -> list[dict]:
    conn = sqlite3.connect(home / "airlock.db")
    conn.row_factory = sqlite3.Row
    try:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        return [dict(r) for r in conn.execute("select * from generations order by id")]
    finally:
        conn.close()


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_cli_leaves_the_prompt_and_the_streamed_text(airlock_cmd, cli, signum):
    process = start_cli(airlock_cmd, cli.home)
    streamed = read_until(process, 20)
    os.kill(process.pid, signum)
    out, err = process.communicate(timeout=60)
    streamed = (streamed + out).decode("utf-8", errors="replace")
    [row] = rows(cli.home)
    assert row["prompt"] == PROMPT and row["conversation_id"] is not None
    assert len(row["output"]) >= 20 and streamed.startswith(row["output"])
    if signum == signal.SIGTERM:
        assert process.returncode == 128 + signal.SIGTERM
        lines = err.decode().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: stopped by a termination signal"), err
        assert row["status"] == "interrupted"
    else:
        assert process.returncode == -signal.SIGKILL and row["status"] == "running"
    listed = json.loads(cli("history", "list", "--json").stdout)  # the next open marks it
    assert [(r["id"], r["status"]) for r in listed] == [(row["id"], "interrupted")]
    assert listed[0]["output"] == row["output"] and listed[0]["prompt"] == PROMPT
    assert len(rows(cli.home)) == 1  # nothing lost, nothing duplicated


HOLDER = """
import sys, time
from engine.home import Home
from engine.workspace import Workspace
from pathlib import Path
ws = Workspace(Home(Path(sys.argv[1])).ensure())
print(ws.history.start({"prompt": "still going", "model": "m"}), flush=True)
time.sleep(600)
"""


def test_only_rows_whose_process_is_gone_become_interrupted(cli):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(cli.home)], stdout=subprocess.PIPE, text=True)
    try:
        generation_id = int(holder.stdout.readline())
        listed = json.loads(cli("history", "list", "--json").stdout)
        assert [(r["id"], r["status"]) for r in listed] == [(generation_id, "running")]  # its owner lives
    finally:
        holder.kill()
        holder.wait(30)
        holder.stdout.close()
    listed = json.loads(cli("history", "list", "--json").stdout)
    assert [(r["id"], r["status"], r["prompt"]) for r in listed] == [(generation_id, "interrupted", "still going")]


def test_a_crashed_worker_keeps_the_streamed_text(workspace):
    streamed: list[str] = []

    def on_event(event):
        if isinstance(event, jobs.Token):
            streamed.append(event.text)
            if len("".join(streamed)) > 20 and workspace.text_worker.pid:
                os.kill(workspace.text_worker.pid, signal.SIGKILL)

    outcome = run_text(workspace, TextRequest(model=DEFAULT_TEXT_MODEL, prompt=PROMPT, seed=3,
                                              params=jobs.SamplingParams(max_tokens=3000)), on_event)
    assert isinstance(outcome.event, jobs.Failed) and outcome.event.kind == "crashed"
    record = workspace.history.get(outcome.generation_id)
    assert record["status"] == "failed" and record["prompt"] == PROMPT
    assert len(record["output"]) > 20 and "".join(streamed).startswith(record["output"])
    assert workspace.history.count() == 1


def test_a_killed_api_server_leaves_an_interrupted_row(tmp_path):
    """`airlock serve` stores a generation as it starts and as it streams, like the chat and
    the CLI: kill -9 of the server mid-answer leaves the prompt, the caller and the text."""
    import threading

    import httpx

    from tests.helpers.api_server import airlock, create_key, serve

    home = tmp_path / "home"
    key = create_key(home, "crm", "text")
    streamed: list[str] = []
    with serve(home, network_log=tmp_path / "network.log") as served:
        def ask() -> None:
            body = {"model": DEFAULT_TEXT_MODEL, "stream": True, "seed": 3, "max_tokens": 3000,
                    "messages": [{"role": "user", "content": PROMPT}]}
            try:
                with httpx.stream("POST", f"{served.base}/chat/completions", json=body, timeout=240,
                                  headers={"Authorization": f"Bearer {key}"}) as response:
                    for line in response.iter_lines():
                        if line.startswith("data: {"):
                            for choice in json.loads(line[6:])["choices"]:
                                streamed.append(choice["delta"].get("content") or "")
            except httpx.HTTPError:
                pass  # the server is killed under it

        client = threading.Thread(target=ask)
        client.start()
        deadline = time.monotonic() + 240
        while len("".join(streamed)) < 20:
            assert time.monotonic() < deadline and served.process.poll() is None
            time.sleep(0.05)
        time.sleep(STREAM_SAVE_SECONDS + 0.5)
        served.process.kill()
        served.process.wait(30)
        client.join(60)
    [row] = rows(home)
    assert row["status"] == "running" and PROMPT in row["prompt"]
    assert json.loads(row["params"])["api"]["key"] == "crm"
    assert len(row["output"]) >= 20 and "".join(streamed).startswith(row["output"])
    listed = json.loads(airlock(home, "history", "list", "--json").stdout)  # the next open marks it
    assert [(r["id"], r["status"]) for r in listed] == [(row["id"], "interrupted")]
    assert listed[0]["output"] == row["output"]
    assert len(rows(home)) == 1
