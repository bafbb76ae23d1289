"""llama-cpp-python's own OpenAI-compatible server on 127.0.0.1, standing in for the
company's on-prem inference server (vLLM, llama-server) in tests."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.helpers.api_server import free_port

KEY = "onprem-test-key"


@dataclass
class OnPrem:
    base_url: str
    process: subprocess.Popen
    key: str = KEY


@contextmanager
def onprem_server(model: Path, log: Path, *, alias: str = "smollm2") -> Iterator[OnPrem]:
    port = free_port()
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(model),
                                    "--model_alias", alias, "--host", "127.0.0.1", "--port", str(port),
                                    "--api_key", KEY, "--n_ctx", "2048", "--verbose", "False",
                                    # queue concurrent requests (its default drops the running stream)
                                    "--interrupt_requests", "False"],
                                   stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/models", headers={"Authorization": f"Bearer {KEY}"}, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "llama_cpp.server did not start"
            time.sleep(0.3)
        yield OnPrem(base, process)
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
