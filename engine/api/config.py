"""The API server's settings: where it listens, who may call it, how much it accepts.

Kept in the home's ``settings`` table (key ``api.server``, JSON) so the Settings page and
`airlock serve` read the same values; command-line options override them for one run.
The checks in :meth:`ServerConfig.check` are the security rules of issue 15: loopback by
default; a LAN address only when the admin policy allows it, and then only with TLS and
a Host allowlist (the DNS-rebinding defence); CORS closed unless an origin is listed.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import sqlite_utils

from engine.errors import BadInput
from engine.offline import is_loopback_host

SETTING_KEY = "api.server"
DEFAULT_PORT = 8765
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")
HOST_NAME = re.compile(r"^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)$")
"""A Host header name: a DNS name or IPv4 address, or an IPv6 address in brackets; no port."""


@dataclass(frozen=True)
class ServerConfig:
    enabled: bool = False  # the Settings page switch: serve while the app runs
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    allowed_hosts: tuple[str, ...] = ()
    """Host header values accepted besides the loopback names (LAN: the server's own names)."""
    cors_origins: tuple[str, ...] = ()
    """Browser origins allowed to call (exact ``scheme://host:port``); none by default."""
    tls_cert: str | None = None
    tls_key: str | None = None
    max_body_bytes: int = 1 << 20
    queue_limit: int = 8
    """Requests that may wait for a busy model; one more is answered 429 with Retry-After."""
    max_tokens_limit: int = 4096

    @property
    def loopback(self) -> bool:
        return is_loopback_host(self.host)

    @property
    def tls(self) -> bool:
        return bool(self.tls_cert and self.tls_key)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        return f"{'https' if self.tls else 'http'}://{host}:{self.port}"

    @property
    def public_url(self) -> str:
        """The address clients use: on the network, the first allowed Host name (the
        listening address may be 0.0.0.0, which no client can call)."""
        if self.loopback or not self.allowed_hosts:
            return self.url
        return f"{'https' if self.tls else 'http'}://{self.allowed_hosts[0]}:{self.port}"

    def host_allowlist(self) -> set[str]:
        """Host header names (no port) the server answers to."""
        names = {h.lower() for h in self.allowed_hosts}
        return names | {"127.0.0.1", "localhost", "[::1]", "::1"}

    def check(self, *, lan_allowed: bool) -> "ServerConfig":
        """Refuse an unsafe combination with one sentence saying what to change."""
        if not 1 <= int(self.port) <= 65535:
            raise BadInput(f"The API port must be from 1 to 65535 (got {self.port}).")
        if not 1 <= self.max_body_bytes <= 64 << 20:
            raise BadInput("The request size limit must be from 1 byte to 64 MiB.")
        if not 0 <= self.queue_limit <= 1000:
            raise BadInput("The API queue limit must be from 0 to 1000 requests.")
        if bool(self.tls_cert) != bool(self.tls_key):
            raise BadInput("TLS needs both a certificate file and its key file.")
        for path in (self.tls_cert, self.tls_key):
            if path and not Path(path).is_file():
                raise BadInput(f"The TLS file {path} does not exist.")
        for name in self.allowed_hosts:
            if not HOST_NAME.match(name):
                raise BadInput(f"An allowed host is a name or address such as ai.corp.local, without a port "
                               f"(got '{name}').")
        for origin in self.cors_origins:
            if origin == "*" or not origin.startswith(("http://", "https://")):
                raise BadInput(f"A CORS origin is one exact address such as https://crm.example.com (got '{origin}').")
        if not self.loopback:
            if not lan_allowed:
                raise BadInput("The admin policy does not allow the API on the network; "
                               "it listens on 127.0.0.1 only.")
            if not self.tls:
                raise BadInput("On the network the API needs TLS: give a certificate and key file.")
            if not self.allowed_hosts:
                raise BadInput("On the network the API needs a Host allowlist: the names clients use to reach "
                               "this machine.")
        if self.tls:
            check_tls_pair(str(self.tls_cert), str(self.tls_key))
        return self

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["allowed_hosts"] = list(self.allowed_hosts)
        data["cors_origins"] = list(self.cors_origins)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ServerConfig":
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for name in ("allowed_hosts", "cors_origins"):
            if name in values:
                values[name] = tuple(values[name] or ())
        return cls(**values)


def check_tls_pair(cert: str, key: str) -> None:
    """Refuse a certificate and key that do not load together, before the server tries
    (uvicorn would only fail at start, with a traceback in the log)."""
    import ssl

    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(cert, key)
    except (ssl.SSLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or str(exc)
        raise BadInput(f"The TLS certificate and key cannot be used together ({reason}); give the PEM "
                       "certificate and its own private key (not protected by a passphrase).") from exc


def load(db: sqlite_utils.Database) -> ServerConfig:
    rows = list(db.query("select value from settings where key = ?", [SETTING_KEY]))
    if not rows:
        return ServerConfig()
    try:
        return ServerConfig.from_dict(json.loads(rows[0]["value"]))
    except (ValueError, TypeError):
        return ServerConfig()


def save(db: sqlite_utils.Database, config: ServerConfig) -> None:
    with db.atomic():
        db.execute("insert or replace into settings (key, value) values (?, ?)",
                   [SETTING_KEY, json.dumps(config.as_dict(), sort_keys=True)])


def override(config: ServerConfig, **changes: Any) -> ServerConfig:
    """``config`` with the options that were given (None means "not given")."""
    return replace(config, **{k: v for k, v in changes.items() if v is not None})
