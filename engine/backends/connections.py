"""Connections to OpenAI-compatible inference servers (vLLM, llama-server, LM Studio...).

A connection is a name, a base URL, where its key lives, how to trust its TLS
certificate and three timeouts. The list is kept in the home's ``settings`` table (key
``connections``), with the model list each health check last saw, so the model pickers
show a server's models without touching the network. The key itself is kept in the OS
keyring; where there is none (a headless Linux box) it goes to a 0600 file in the data
home's ``keys/`` folder, and :meth:`Connections.key_location` says so on the Settings page.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import sqlite_utils

from engine.errors import BadInput

log = logging.getLogger(__name__)

SETTING_KEY = "connections"
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
MODEL_SEPARATOR = "/"
"""A server's model appears as ``<connection>/<model id>`` beside the local models."""


@dataclass(frozen=True)
class Connection:
    name: str
    base_url: str  # up to and including /v1, e.g. https://llm.corp.local/v1
    ca_file: str | None = None  # a company CA bundle (PEM); None: the OS trust store
    connect_timeout: float = 5.0
    list_timeout: float = 10.0
    first_token_timeout: float = 120.0
    concurrency: int = 4  # batch rows sent at once (a batching server like vLLM gains from more)
    enabled: bool = True
    models: tuple[str, ...] = ()  # what the last health check listed
    schema_form: str = "json_schema"
    """How the server takes a JSON schema: OpenAI's ``json_schema`` form (vLLM) or
    ``json_object`` with a ``schema`` (llama.cpp's servers); the health check finds out."""
    context_length: int = 4096

    @property
    def host(self) -> str:
        return (urlsplit(self.base_url).hostname or "").lower()

    def check(self) -> "Connection":
        if not NAME.match(self.name):
            raise BadInput("A connection name is 1-32 lowercase letters, digits, '-' or '_'.")
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise BadInput(f"The server address must start with https:// (got '{self.base_url}').")
        from engine.offline import is_loopback_host

        if parts.scheme == "http" and not is_loopback_host(parts.hostname):
            raise BadInput("A server on the network must be reached over https://, so the key and the prompts "
                           "are encrypted on the way.")
        if self.ca_file and not Path(self.ca_file).is_file():
            raise BadInput(f"The CA file {self.ca_file} does not exist.")
        for label, value in (("connect", self.connect_timeout), ("list", self.list_timeout),
                             ("first-token", self.first_token_timeout)):
            if not 0 < value <= 3600:
                raise BadInput(f"The {label} timeout must be between 0 and 3600 seconds.")
        if not 1 <= self.concurrency <= 64:
            raise BadInput("Rows sent at once must be from 1 to 64.")
        return self

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["models"] = list(self.models)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Connection":
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["models"] = tuple(values.get("models") or ())
        return cls(**values)


def split_model(name: str) -> tuple[str, str] | None:
    """``team-gpu/qwen2.5-7b`` -> ("team-gpu", "qwen2.5-7b"); None for a local name."""
    head, sep, tail = name.partition(MODEL_SEPARATOR)
    return (head, tail) if sep and NAME.match(head) and tail else None


class Connections:
    """The saved connections of a home and their keys."""

    def __init__(self, db: sqlite_utils.Database, home_root: Path):
        self.db = db
        self.home_root = Path(home_root)

    def list(self) -> list[Connection]:
        rows = list(self.db.query("select value from settings where key = ?", [SETTING_KEY]))
        if not rows:
            return []
        try:
            return [Connection.from_dict(d) for d in json.loads(rows[0]["value"])]
        except (ValueError, TypeError):
            log.exception("the saved connections are unreadable; ignoring them")
            return []

    def get(self, name: str) -> Connection:
        for connection in self.list():
            if connection.name == name:
                return connection
        raise BadInput(f"There is no connection named '{name}'.")

    def save(self, connection: Connection) -> Connection:
        connection = connection.check()
        others = [c for c in self.list() if c.name != connection.name]
        self._write(others + [connection])
        return connection

    def remove(self, name: str) -> None:
        self.get(name)
        self._write([c for c in self.list() if c.name != name])
        self.set_key(name, None)

    def remember_models(self, name: str, models: list[str], context_length: int | None = None,
                        schema_form: str | None = None) -> Connection:
        changes: dict[str, Any] = {"models": tuple(models)}
        if context_length:
            changes["context_length"] = context_length
        if schema_form:
            changes["schema_form"] = schema_form
        connection = replace(self.get(name), **changes)
        self._write([connection if c.name == name else c for c in self.list()])
        return connection

    def _write(self, connections: list[Connection]) -> None:
        with self.db.atomic():
            self.db.execute("insert or replace into settings (key, value) values (?, ?)",
                            [SETTING_KEY, json.dumps([c.as_dict() for c in connections], sort_keys=True)])

    # keys -------------------------------------------------------------------------------

    def _key_file(self, name: str) -> Path:
        return self.home_root / "keys" / f"connection-{name}.secret"

    def set_key(self, name: str, secret: str | None) -> str:
        """Keep (or, with None, forget) a connection's key; returns where it went."""
        from engine.trust import keys as trust_keys

        path = self._key_file(name)
        account = f"connection-{name}"
        if trust_keys.keyring_available():
            import keyring

            try:
                if secret is None:
                    try:
                        keyring.delete_password(trust_keys.SERVICE, f"{account}:{self.home_root}")
                    except keyring.errors.PasswordDeleteError:
                        pass
                else:
                    trust_keys.keyring_set(self.home_root, account, secret)
                    path.unlink(missing_ok=True)
                    return "keyring"
            except Exception:
                log.warning("the OS keyring refused the key of %s; using a key file", name, exc_info=True)
        if secret is None:
            path.unlink(missing_ok=True)
            return ""
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        partial = path.with_name(path.name + ".part")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(secret)
        os.replace(partial, path)
        return str(path)

    def key(self, name: str) -> str | None:
        from engine.trust import keys as trust_keys

        path = self._key_file(name)
        if path.exists():
            return path.read_text(encoding="utf-8").strip() or None
        if trust_keys.keyring_available():
            try:
                return trust_keys.keyring_get(self.home_root, f"connection-{name}")
            except Exception:
                log.warning("the OS keyring could not be read for %s", name, exc_info=True)
        return None

    def key_location(self, name: str) -> str:
        """"keyring", the key file's path, or "" when no key is kept."""
        path = self._key_file(name)
        if path.exists():
            return str(path)
        return "keyring" if self.key(name) else ""
