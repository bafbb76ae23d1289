"""One open Airlock home: its database, history, model registry and worker processes.

The CLI opens one per command; the desktop app opens one for its lifetime. Whoever
opens it closes it, which stops the workers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

from engine.insights import users
from engine.prompts import brand_voice, packs
from engine.records import RecordSteps
from engine.store.history import History
from engine.home import Home, resolve_home
from engine.logs import setup_logging
from engine.registry.registry import Registry
from engine.store.db import open_db
from engine.store import space
from engine.trust import encryption, install as trust
from engine.trust.policy import load_policy
from engine.backends.base import Backend
from engine.backends import router
from engine.backends import local

log = logging.getLogger(__name__)


if TYPE_CHECKING:
    from engine.api.keys import ApiKey, ApiKeys
    from engine.backends.connections import Connection as ServerConnection, Connections
    from engine.batch.runner import BatchProgress, BatchRunner
    from engine.batch.store import BatchStore
    from engine.knowledge.base import KnowledgeBase
    from engine.prompts.brand_voice import BrandVoices
    from engine.prompts.frameworks import Frameworks
    from engine.prompts.templates import TemplateLibrary
    from engine.trust.retention import PurgeResult


class _Stores:
    """The libraries kept in the database, built on first use over ``self.db``: front ends
    ask the workspace for them instead of constructing their own."""

    db: sqlite_utils.Database
    record_steps: RecordSteps  # its text steps mask what the stores keep (PII history mode)

    @cached_property
    def templates(self) -> "TemplateLibrary":
        from engine.prompts.templates import TemplateLibrary

        return TemplateLibrary(self.db)

    @cached_property
    def voices(self) -> "BrandVoices":
        return brand_voice.BrandVoices(self.db)

    @cached_property
    def frameworks(self) -> "Frameworks":
        from engine.prompts.frameworks import Frameworks

        return Frameworks(self.db)

    @cached_property
    def knowledge(self) -> "KnowledgeBase":
        from engine.knowledge.base import KnowledgeBase

        return KnowledgeBase(self.db, mask=self.record_steps.apply_text)

    @cached_property
    def batches(self) -> "BatchStore":
        from engine.batch.store import BatchStore

        return BatchStore(self.db, mask=self.record_steps.apply_text)

    @cached_property
    def api_keys(self) -> "ApiKeys":
        from engine.api.keys import ApiKeys

        return ApiKeys(self.db)


class Connection(_Stores):
    """The workspace's stores on a database connection of their own, for one background
    thread (an import, an export, an indexing run): SQLite connections are not shared
    between threads, and WAL lets this one read and write beside the window's. Use it as
    a context manager, or call close()."""

    def __init__(self, ws: "Workspace"):
        self.home = ws.home
        self.record_steps = ws.record_steps
        self._gate = ws.registry.gate
        self.db = open_db(ws.home.db_path, migrate=False, key=ws.db_key)

    @cached_property
    def history(self) -> History:
        return History(self.db, self.record_steps)

    @cached_property
    def registry(self) -> Registry:
        registry = Registry(self.db, self.home, register_default=False)
        registry.gate = self._gate  # the policy's model allowlist and the audit log hold here too
        return registry

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Workspace(_Stores):
    """The engine façade: history, registry, the template/voice/framework/knowledge
    libraries and the backends of one home. Pages and CLI commands go through it."""

    def __init__(self, home: Home, *, process_name: str = "airlock", passphrase: str | None = None):
        self.home = home
        self.process_name = process_name  # "app", "cli", ...: new CLI conversations are one-off questions
        setup_logging(home.logs_dir, process_name)
        # The policy comes first: it may require the database to be encrypted (engine/trust/).
        self.policy = load_policy(home.root)
        self.db_key = encryption.database_key(home, required=bool(self.policy.get("encryption_required")),
                                              passphrase=passphrase)
        self.db = open_db(home.db_path, key=self.db_key)
        self.reclaim_space_if_low()  # a disk another run filled gets the log's space back
        space.ensure_reserve(home.db_path)  # spare room for that (engine/store/space.py)
        self.record_steps = RecordSteps()
        self.record_steps.add("brand_voice", brand_voice.flag_record)
        self.record_steps.add("user", users.stamp_user)  # who generated, for insights
        self.history = History(self.db, self.record_steps)
        self.registry = Registry(self.db, home)
        trust.install(self, process_name=process_name, policy=self.policy,  # audit, PII, policy, retention
                      connect=lambda: open_db(home.db_path, migrate=False, key=self.db_key))
        packs.ensure_default_pack(self.db)  # once per home; deletions stick
        self.history.interrupt_abandoned()  # rows a killed process left running (engine/store/leases.py)
        # The local backends (engine/backends/local.py), each started on its first job.
        self.text_worker = local.text_backend(home)
        self.image_worker = local.image_backend(home)
        # Text jobs go to the local worker or, for a "<connection>/<model>", to that inference server.
        self.text_backend = router.install(self)

    def backend(self, kind: str) -> Backend:
        """Where jobs of ``kind`` ("text" or "image") run (engine/backends/base.py)."""
        backends: dict[str, Backend] = {"text": self.text_backend, "image": self.image_worker}
        if kind not in backends:
            raise ValueError(f"no backend for {kind!r} jobs")
        return backends[kind]

    def on_lock_wait(self, waiting: Callable[[str], None] | None,
                     over: Callable[[float], None] | None = None) -> None:
        """Who hears that a write is waiting for another process's lock (the sentence, after a
        second) and when that wait ended (the seconds waited): the CLI prints a note, the
        window shows it in its status bar (engine/store/locking.py)."""
        from engine.store import locking

        locking.on_wait = waiting
        locking.on_wait_over = over

    def reclaim_space_if_low(self) -> bool:
        """When the disk is (nearly) full, fold the write-ahead log back and give its space
        back (engine/store/space.py); front ends call it after a write failed."""
        if space.low_on_space(self.home.db_path):
            return space.reclaim(self.db)
        return False

    def connection(self) -> Connection:
        """The same stores on a new connection, for a background thread (see Connection)."""
        return Connection(self)

    # the rules every front end shares (CLI, pages, API) -------------------------------

    @property
    def connections(self) -> "Connections":
        """The inference servers this workstation may use (the text router's own list)."""
        return self.text_backend.connections

    def save_connection(self, connection: "ServerConnection", key: str | None = None) -> tuple["ServerConnection", str]:
        """Save a server (and its key, when not None), then let the offline guard reach exactly
        the saved servers' hosts. Returns the saved connection and where the key is kept."""
        from engine import offline

        saved = self.connections.save(connection)
        where = self.connections.set_key(saved.name, key) if key is not None else ""
        offline.allow_hosts(router.allowed_hosts(self.connections.list(), self.policy.get("allowed_remote_hosts")))
        return saved, where

    def delete_generations(self, ids: "Iterable[int]") -> int:
        """Delete generations with their files (History.delete) and record how many in the
        audit log (never what they held): the History page and ``airlock history delete``."""
        count = self.history.delete(ids)
        self.audit_log.append("data.purged", {"reason": "deleted by hand", "generations": count})
        return count

    def purge_older_than(self, days: int, *, reason: str = "command") -> "PurgeResult":
        """Delete the history older than ``days`` (rows, their images, batch jobs) and record
        the counts in the audit log: ``airlock trust purge --older-than`` and any front end."""
        from engine.trust import retention

        result = retention.purge(self.db, self.home.outputs_dir, before=retention.cutoff_for(days))
        self.audit_log.append("data.purged", {"reason": reason, "days": days, **result.as_dict()})
        return result

    def request_encryption(self, method: str, passphrase: str | None = None, *, now: bool = False) -> None:
        """Ask for the database to be encrypted with a key kept by ``method``, audited. It is
        encrypted at the next open; ``now`` reopens this workspace's database at once (only
        where nothing else holds it open: the CLI)."""
        from engine.store.db import open_db

        encryption.request(self.home, method=method, passphrase=passphrase)
        self.audit_log.append("encryption.enabled", {"method": method, **({} if now else {"when": "next start"})})
        if now:
            self.db.conn.close()  # the migration swaps the file: nothing may hold it open
            self.db_key = encryption.database_key(self.home, passphrase=passphrase)
            self.db = open_db(self.home.db_path, key=self.db_key)  # closed again by close()

    def issue_api_key(self, name: str, scopes: tuple[str, ...] | None = None) -> tuple["ApiKey", str]:
        """A new API key (shown once, stored hashed), recorded in the audit log. ``scopes``
        None gives every scope; an empty tuple is refused (a key that can do nothing is a
        mistake by the front end, not a request for everything)."""
        from engine.trust.audit import audit

        key, secret = self.api_keys.create(name, *([scopes] if scopes is not None else []))
        audit(self, "api_key.issued", name=key.name, id=key.id, scopes=list(key.scopes))
        return key, secret

    def revoke_api_key(self, name: str) -> "ApiKey":
        """Stop a key working at once; the audit log says when and which (once: revoking a
        revoked key changes nothing and writes nothing)."""
        from engine.trust.audit import audit

        before = self.api_keys.find(name)
        key = self.api_keys.revoke(name)
        if before is not None and before.active:
            audit(self, "api_key.revoked", name=key.name, id=key.id)
        return key

    def batch_runner(self, job_id: int, *, on_progress: "Callable[[BatchProgress], None] | None" = None,
                     own_connection: bool = False) -> "BatchRunner":
        """A runner for batch job ``job_id``. ``own_connection``: it runs on a background
        thread, on a database connection of its own, which ``runner.close()`` closes."""
        from engine.batch.runner import BatchRunner

        if not own_connection:
            return BatchRunner(self, job_id, on_progress=on_progress)
        db = self.connection().db
        try:
            return BatchRunner(self, job_id, db=db, on_progress=on_progress, close_db=True)
        except BaseException:
            db.conn.close()
            raise

    @classmethod
    def open(cls, home: str | Path | None = None, *, process_name: str = "airlock",
             passphrase: str | None = None) -> "Workspace":
        return cls(resolve_home(home), process_name=process_name, passphrase=passphrase)

    def close(self) -> None:
        self.text_worker.stop()
        self.image_worker.stop()
        trust.close(self)
        self.reclaim_space_if_low()
        self.db.conn.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
