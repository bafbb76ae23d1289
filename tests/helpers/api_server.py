"""Start the real `airlock serve` on 127.0.0.1 for tests, and stop it again.

The server is the installed console script in its own process (workers included); its
network log is checked when it stops, so a test module proves the server never tried to
leave loopback either.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from engine import offline


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def airlock(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    script = Path(sys.executable).parent / "airlock"
    result = subprocess.run([str(script), *args, "--home", str(home)], capture_output=True, text=True,
                            timeout=timeout, env={**os.environ, "AIRLOCK_HOME": ""})
    assert result.returncode == 0, result.stderr
    return result


def create_key(home: Path, name: str, scope: str = "text,image") -> str:
    return json.loads(airlock(home, "api", "keys", "create", "--name", name, "--scope", scope, "--json").stdout)["key"]


@dataclass
class Served:
    url: str
    process: subprocess.Popen
    network_log: Path

    @property
    def base(self) -> str:
        return self.url + "/v1"


@contextmanager
def serve(home: Path, *options: str, network_log: Path) -> Iterator[Served]:
    script = Path(sys.executable).parent / "airlock"
    env = {**os.environ, "AIRLOCK_HOME": "", offline.NETWORK_LOG_VARIABLE: str(network_log)}
    process = subprocess.Popen([str(script), "serve", "--home", str(home), "--port", str(free_port()), "--json",
                                *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = process.stdout.readline()
        assert line, process.stderr.read()
        yield Served(json.loads(line)["url"], process, network_log)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        process.stdout.close()
        process.stderr.close()
    logged = network_log.read_text() if network_log.exists() else ""
    assert not logged, f"the API server attempted network access:\n{logged}"
