"""The offline guard's decisions, tested directly, and its enforcement inside a network
namespace with no route (``unshare -n``), so a broken guard cannot send anything."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys

import pytest

from engine import offline


class FakeSocket:
    def __init__(self, family):
        self.family = family


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.8.9.1", "::1", "[::1]", None, "",
                                  "LOCALHOST", b"127.0.0.1"])
def test_loopback_hosts_are_allowed(host):
    assert offline.is_loopback_host(host)


@pytest.mark.parametrize("host", ["example.com", "huggingface.co", "8.8.8.8", "10.0.0.1",
                                  "192.168.1.1", "::ffff:8.8.8.8", "2001:db8::1", "localhost.evil.com",
                                  12345])
def test_other_hosts_are_refused(host):
    assert not offline.is_loopback_host(host)


def test_connect_decisions():
    inet, inet6 = FakeSocket(socket.AF_INET), FakeSocket(socket.AF_INET6)
    assert offline.refusal_for("socket.connect", (inet, ("127.0.0.1", 8080))) is None
    assert offline.refusal_for("socket.connect", (inet6, ("::1", 8080, 0, 0))) is None
    assert offline.refusal_for("socket.connect", (FakeSocket(socket.AF_UNIX), "/tmp/sock")) is None
    assert "93.184.216.34" in offline.refusal_for("socket.connect", (inet, ("93.184.216.34", 443)))
    assert offline.refusal_for("socket.sendto", (inet, ("8.8.8.8", 53))) is not None
    assert offline.refusal_for("socket.getaddrinfo", ("huggingface.co", 443, 0, 0, 0)) is not None
    assert offline.refusal_for("socket.getaddrinfo", ("localhost", 443, 0, 0, 0)) is None
    assert offline.refusal_for("socket.gethostbyname", ("example.org",)) is not None
    assert offline.refusal_for("open", ("/etc/hosts", "r", 0)) is None


def test_hugging_face_offline_variables_are_set():
    for name, value in offline.OFFLINE_ENVIRONMENT.items():
        assert os.environ[name] == value
    assert offline.is_installed()


def test_telemetry_packages_cannot_be_imported_in_an_airlock_process():
    code = ("import engine, importlib\n"
            "for name in engine.offline.TELEMETRY_MODULES:\n"
            "    try:\n"
            "        importlib.import_module(name)\n"
            "    except ImportError:\n"
            "        print('blocked', name)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:-1] == [f"blocked {name}" for name in offline.TELEMETRY_MODULES]


def test_loopback_connection_passes_the_guard():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=2):
            pass


GUARDED_CONNECT = """
import engine, socket, sys
from engine import offline
for target in [("203.0.113.7", 80), ("example.com", 443)]:
    try:
        socket.create_connection(target, timeout=1)
    except offline.NetworkBlocked as exc:
        print("blocked:", exc)
    except OSError as exc:
        print("NOT BLOCKED, failed differently:", type(exc).__name__, exc)
        sys.exit(3)
    else:
        print("NOT BLOCKED, connected")
        sys.exit(4)
"""


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs util-linux unshare")
def test_guard_refuses_real_connections_inside_a_namespace_without_network(tmp_path, no_network):
    """The live hook, exercised where no packet could leave even if the guard were broken."""
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("this machine does not allow network namespaces")
    log = tmp_path / "refusals.log"
    env = {**os.environ, offline.NETWORK_LOG_VARIABLE: str(log)}
    result = subprocess.run(["unshare", "-rn", sys.executable, "-c", GUARDED_CONNECT],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("blocked:") == 2
    assert "Airlock works offline" in result.stdout
    lines = log.read_text().splitlines()
    assert len(lines) == 2 and "203.0.113.7" in lines[0] and "example.com" in lines[1]
