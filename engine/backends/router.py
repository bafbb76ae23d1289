"""The text backend a workspace hands out: the local worker, or a connection's server.

``ws.backend("text")`` returns a :class:`TextRouter`. It follows the same protocol, and
sends each job where its model lives: a model named ``<connection>/<model>`` goes to that
inference server (engine/backends/remote.py), every other to the local worker process.
So chat, templates, batch and the API run on a server's models with no change, and the
record's ``device`` says which backend served it. :func:`install` also puts the servers'
models (as their last health check listed them, no network) into the model list, and
tells the offline guard which hosts these connections may reach.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from engine.backends.connections import Connection, Connections, split_model

log = logging.getLogger(__name__)


class TextRouter:
    kind = "text"

    def __init__(self, local: Any, connections: Connections):
        self.local = local
        self.connections = connections
        self._remotes: dict[str, Any] = {}
        self._running: dict[str, Any] = {}
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self.local.name

    def backend_for(self, model_name: str) -> Any:
        """The backend that runs ``model_name`` (BadInput for an unknown connection)."""
        split = split_model(model_name)
        if split is None:
            return self.local
        connection = self.connections.get(split[0])
        from engine.backends.remote import RemoteBackend

        with self._lock:
            cached = self._remotes.get(connection.name)
            if cached is None or cached.connection != connection:
                cached = RemoteBackend(connection, self.connections.key(connection.name))
                self._remotes[connection.name] = cached
            return cached

    def concurrency(self, model_name: str) -> int:
        """How many jobs of this model may run at once (batch sends that many rows):
        1 on the local worker, the connection's setting on a server (default 4)."""
        return int(getattr(self.backend_for(model_name), "concurrency", 1))

    def run(self, job: Any, on_event: Any = None, *, backend: Any = None) -> Any:
        """Run ``job`` where its model lives. ``backend``, when given, is what
        :meth:`backend_for` returned on the caller's thread: finding it reads the store,
        which a pool thread must not do on a connection another thread is writing."""
        backend = backend or self.backend_for(job.model_name)
        with self._lock:
            self._running[job.job_id] = backend
        try:
            return backend.run(job, on_event)
        finally:
            with self._lock:
                self._running.pop(job.job_id, None)

    def cancel(self, job_id: str) -> None:
        with self._lock:
            backend = self._running.get(job_id, self.local)
        backend.cancel(job_id)

    def stop(self) -> None:
        self.local.stop()
        for remote in list(self._remotes.values()):
            remote.stop()

    def pids(self) -> list[int]:
        return self.local.pids()

    def __getattr__(self, name: str) -> Any:  # pid, is_alive, kill...: the local worker's
        return getattr(self.local, name)


def remote_records(connections: Connections) -> list[Any]:
    """Model records for every enabled connection's models, ``<connection>/<model>``."""
    from engine.registry.registry import ModelRecord

    records = []
    for connection in connections.list():
        if not connection.enabled:
            continue
        for model in connection.models:
            records.append(ModelRecord(
                name=f"{connection.name}/{model}", kind="text", format="remote", path=connection.base_url,
                size_bytes=0, sha256="", source="remote", architecture=None, size_label=None, quantization=None,
                context_length=connection.context_length, chat_template_sha256=None,
                # host + the server's model id: what the policy's model allowlist names it by
                # (engine/trust/policy.remote_model_id); there is no file here to hash
                metadata={"connection": connection.name, "remote_model": model, "host": connection.host},
                added_at=""))
    return records


def allowed_hosts(connections: list[Connection], policy_hosts: list[str] | None) -> list[str]:
    """The hosts the offline guard lets through: the enabled connections' hosts, and where
    the admin policy has a list, only those on it."""
    hosts = {c.host for c in connections if c.enabled and c.host}
    if policy_hosts is not None:
        hosts &= {h.lower() for h in policy_hosts}
    return sorted(hosts)


def install(ws: Any) -> TextRouter:
    """Wire the connections into a workspace: router, model list, offline guard."""
    from engine import offline

    connections = Connections(ws.db, ws.home.root)
    router = TextRouter(ws.text_worker, connections)
    ws.registry.remote_models = lambda: remote_records(connections)
    policy = getattr(ws, "policy", None)
    policy_hosts = policy.get("allowed_remote_hosts") if policy is not None else None
    offline.allow_hosts(allowed_hosts(connections.list(), policy_hosts))
    return router
