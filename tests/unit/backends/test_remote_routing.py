"""Connections: names, addresses, where the key goes, routing by model name, and the
offline guard's allowlist (decisions only: nothing is sent)."""

from __future__ import annotations

import socket

import pytest

from engine import offline
from engine.backends.connections import Connection, Connections, split_model
from engine.backends.router import allowed_hosts, remote_records
from engine.errors import BadInput
from engine.store.db import open_db


@pytest.fixture
def connections(tmp_path, monkeypatch):
    monkeypatch.setenv("AIRLOCK_KEYRING", "file")  # never the developer's real keyring
    db = open_db(tmp_path / "airlock.db")
    yield Connections(db, tmp_path)
    db.conn.close()


def test_connection_rules():
    assert Connection("team-gpu", "https://llm.corp.local/v1").check().host == "llm.corp.local"
    assert Connection("local", "http://127.0.0.1:8000/v1").check()
    with pytest.raises(BadInput, match="must be reached over https"):
        Connection("lan", "http://10.0.0.5:8000/v1").check()
    with pytest.raises(BadInput, match="connection name"):
        Connection("Team GPU", "https://x/v1").check()
    with pytest.raises(BadInput, match="timeout"):
        Connection("t", "https://x/v1", first_token_timeout=0).check()
    assert split_model("team-gpu/Qwen/Qwen2.5-7B") == ("team-gpu", "Qwen/Qwen2.5-7B")
    assert split_model("smollm2-135m") is None


def test_saved_with_the_key_in_a_private_file_where_there_is_no_keyring(connections, tmp_path):
    connections.save(Connection("team", "https://llm.corp.local/v1", models=("qwen",)))
    where = connections.set_key("team", "s3cret")
    assert where == str(tmp_path / "keys" / "connection-team.secret")
    assert (tmp_path / "keys" / "connection-team.secret").stat().st_mode & 0o077 == 0
    assert connections.key("team") == "s3cret" and "s3cret" not in repr(connections.db.execute(
        "select value from settings").fetchall())
    assert [r.name for r in remote_records(connections)] == ["team/qwen"]
    connections.remove("team")
    assert connections.key("team") is None and connections.list() == []


def test_the_guard_allows_exactly_the_configured_hosts(monkeypatch):
    monkeypatch.setattr(offline, "_allowed_names", frozenset())
    monkeypatch.setattr(offline, "_allowed_addresses", frozenset())
    hosts = allowed_hosts([Connection("a", "https://llm.corp.local/v1"), Connection("b", "https://10.1.2.3/v1"),
                           Connection("c", "https://off.example/v1", enabled=False)], None)
    assert hosts == ["10.1.2.3", "llm.corp.local"]
    assert allowed_hosts([Connection("a", "https://llm.corp.local/v1"), Connection("b", "https://10.1.2.3/v1")],
                         ["llm.corp.local"]) == ["llm.corp.local"]  # the policy's allowlist wins
    offline.allow_hosts(hosts)
    sock = socket.socket()
    try:
        assert offline.refusal_for("socket.getaddrinfo", ("llm.corp.local", 443, 0, 0, 0, 0)) is None
        assert offline.refusal_for("socket.connect", (sock, ("10.1.2.3", 443))) is None
        assert offline.refusal_for("socket.getaddrinfo", ("evil.example", 443, 0, 0, 0, 0))
        assert offline.refusal_for("socket.connect", (sock, ("10.9.9.9", 443)))  # not resolved from an allowed name
        offline.allow_resolved("llm.corp.local", ["10.9.9.9"])
        assert offline.refusal_for("socket.connect", (sock, ("10.9.9.9", 443))) is None
        offline.allow_resolved("evil.example", ["10.8.8.8"])
        assert offline.refusal_for("socket.connect", (sock, ("10.8.8.8", 443)))
    finally:
        sock.close()


def test_the_model_allowlist_names_a_servers_model_by_host_and_model_id(home, monkeypatch):
    """A server model has no file to hash: the policy lists ``remote:<host>/<model id>``
    (or ``remote:<host>/*``), the same on every workstation whatever the user named the
    connection."""
    import json

    from engine.workspace import Workspace

    monkeypatch.setenv("AIRLOCK_KEYRING", "file")
    monkeypatch.setattr(offline, "_allowed_names", frozenset())  # the workspace tells the guard; undone after
    monkeypatch.setattr(offline, "_allowed_addresses", frozenset())
    (home.root / "policy.json").write_text(json.dumps({"allowed_models": [
        "REMOTE:LLM.corp.local/Qwen2.5-7B", "remote:gpu2.corp.local/*"], "reason": "Approved models only"}))
    with Workspace(home) as ws:
        connections = ws.text_backend.connections
        connections.save(Connection("team", "https://llm.corp.local/v1", models=("Qwen2.5-7B", "other")))
        connections.save(Connection("mine", "https://LLM.corp.local:8443/v1", models=("Qwen2.5-7B",)))
        connections.save(Connection("gpu2", "https://gpu2.corp.local/v1", models=("any/model",)))
        assert ws.registry.get("team/Qwen2.5-7B").name == "team/Qwen2.5-7B"
        assert ws.registry.get("mine/Qwen2.5-7B")  # another name for the same server model
        assert ws.registry.get("gpu2/any/model")  # every model of that host
        with pytest.raises(BadInput, match=r"Approved models only\) \(remote:llm.corp.local/other\)"):
            ws.registry.get("team/other")
        with pytest.raises(BadInput, match="not on your organization's list"):
            ws.registry.get("smollm2-135m")  # local files still need their sha256 listed
        refused = {e["details"]["name"]: e["details"] for e in ws.audit_log.entries(event="model.refused")}
        assert refused["team/other"]["identity"] == "remote:llm.corp.local/other"
        assert refused["team/other"]["sha256"] == "" and "identity" not in refused["smollm2-135m"]
        loaded = [e["details"]["identity"] for e in ws.audit_log.entries(event="model.loaded")]
        assert sorted(loaded) == ["remote:gpu2.corp.local/any/model", "remote:llm.corp.local/Qwen2.5-7B"]
