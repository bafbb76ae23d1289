"""API keys: created with a name and scopes, shown once, stored only as a hash, revocable.

A key is 32 random bytes (``secrets.token_urlsafe``) behind the prefix ``ak-``; with that
much entropy a plain SHA-256 is the right hash (a slow password hash protects guessable
secrets, not random ones) and lets a request be checked with one indexed lookup. The
first characters are kept in clear (``prefix``) so a person can tell keys apart in a list.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from engine.errors import BadInput
from engine.store.db import utc_now

KEY_PREFIX = "ak-"
SCOPES = ("text", "image")
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class ApiKey:
    id: int
    name: str
    prefix: str
    scopes: tuple[str, ...]
    created_at: str
    last_used_at: str | None
    revoked_at: str | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "prefix": self.prefix, "scopes": list(self.scopes),
                "created_at": self.created_at, "last_used_at": self.last_used_at,
                "revoked_at": self.revoked_at, "active": self.active}


def hash_key(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def parse_scopes(text: str | None) -> tuple[str, ...]:
    """``"text,image"`` -> ("text", "image"); an unknown scope is BadInput."""
    if text is None or not text.strip():
        return SCOPES
    scopes = tuple(dict.fromkeys(s.strip().lower() for s in text.split(",") if s.strip()))
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown:
        raise BadInput(f"Unknown scope '{unknown[0]}' (use {', '.join(SCOPES)}).")
    return scopes


def _row(row: dict[str, Any]) -> ApiKey:
    return ApiKey(row["id"], row["name"], row["prefix"], tuple(s for s in row["scopes"].split(",") if s),
                  row["created_at"], row["last_used_at"], row["revoked_at"])


class ApiKeys:
    """The key store over an open database (writes on the database's writer thread)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def create(self, name: str, scopes: tuple[str, ...] = SCOPES) -> tuple[ApiKey, str]:
        """Make a key; returns (its record, the secret). The secret is never stored."""
        if not NAME.match(name or ""):
            raise BadInput("A key name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.")
        if any(s not in SCOPES for s in scopes) or not scopes:
            raise BadInput(f"Scopes must be some of {', '.join(SCOPES)}.")
        if self.find(name) is not None:
            raise BadInput(f"There is already a key named '{name}'; revoke it or choose another name.")
        secret = KEY_PREFIX + secrets.token_urlsafe(32)
        with self.db.atomic():
            cursor = self.db.execute(
                "insert into api_keys (name, prefix, key_hash, scopes, created_at) values (?, ?, ?, ?, ?)",
                [name, secret[:10], hash_key(secret), ",".join(scopes), utc_now()])
        key = self.get_id(int(cursor.lastrowid))
        return key, secret

    def get_id(self, key_id: int) -> ApiKey:
        rows = list(self.db.query("select * from api_keys where id = ?", [key_id]))
        return _row(rows[0])

    def find(self, name: str) -> ApiKey | None:
        rows = list(self.db.query("select * from api_keys where name = ?", [name]))
        return _row(rows[0]) if rows else None

    def list(self) -> list[ApiKey]:
        return [_row(r) for r in self.db.query("select * from api_keys order by id")]

    def revoke(self, name: str) -> ApiKey:
        key = self.find(name)
        if key is None:
            raise BadInput(f"There is no API key named '{name}'.")
        if key.active:
            with self.db.atomic():
                self.db.execute("update api_keys set revoked_at = ? where id = ?", [utc_now(), key.id])
        return self.get_id(key.id)

    def check(self, secret: str | None) -> ApiKey | None:
        """The active key whose secret this is, or None (unknown, revoked or missing)."""
        if not secret or not secret.startswith(KEY_PREFIX) or len(secret) > 200:
            return None
        digest = hash_key(secret)
        rows = list(self.db.query("select * from api_keys where key_hash = ?", [digest]))
        if not rows or not hmac.compare_digest(rows[0]["key_hash"], digest):
            return None
        key = _row(rows[0])
        return key if key.active else None

    def touch(self, key_id: int) -> None:
        with self.db.atomic():
            self.db.execute("update api_keys set last_used_at = ? where id = ?", [utc_now(), key_id])
