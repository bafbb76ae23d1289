"""The audit log: who did what, when, in a chain no one can quietly edit.

Every entry is stored in ``audit_log`` (migration ``m_trust_001_audit_log``, whose
triggers refuse UPDATE and DELETE). Each entry's ``hash`` is the sha256 of the previous
entry's hash and the entry's canonical JSON (its id, time, actor, event and details,
keys sorted, no spaces), and its ``hmac`` is that hash signed with a key kept outside
the database (engine/trust/keys.py: the OS keyring, else a 0600 key file). Editing,
deleting or reordering rows through a raw connection breaks the chain at the first
changed row; rewriting the whole chain needs the key. A signed *head* (the count and
last hash) in ``settings`` shows rows cut from the end.

Content is logged only where the policy says so (``audit_content``); otherwise the
details hold counts, names and ids, never prompts or answers.

One call from anywhere that holds a workspace::

    from engine.trust.audit import audit
    audit(ws, "batch.reviewed", job_id=7, approved=12, rejected=1)
"""

from __future__ import annotations

import csv
import getpass
import hashlib
import hmac
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from engine.trust import keys
from engine.where import Where

GENESIS = "0" * 64
HEAD_KEY = "audit.head"
KEY_NAME = "audit-hmac"

EVENTS = (
    "model.imported", "model.loaded", "model.refused", "generation.made", "export.written",
    "pack.imported", "batch.reviewed", "settings.changed", "policy.changed", "data.purged",
    "api_key.issued", "api_key.used", "api_key.revoked", "encryption.enabled", "audit.exported",
)
"""The events Airlock writes; other names are accepted (a new feature's own events)."""


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def canonical(value: Any) -> str:
    """The one JSON spelling an entry is hashed over (sorted keys, no spaces, UTF-8 kept)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    return hashlib.sha256(f"{prev_hash}\n{canonical(entry)}".encode("utf-8")).hexdigest()


def default_actor(process_name: str = "airlock") -> str:
    """Who: the operating-system account, and which front end (gui, cli, api...)."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name (some containers): the uid says who
        user = f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"
    return f"{user} ({process_name})"


@dataclass(frozen=True)
class Verification:
    ok: bool
    entries: int
    first_bad: int | None
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "entries": self.entries, "first_bad": self.first_bad, "reason": self.reason}


class AuditLog:
    """The audit log of one open database.

    ``db`` is a sqlite_utils Database; ``home_root`` says where the HMAC key lives.
    """

    def __init__(self, db: Any, home_root: Path, *, actor: str | None = None,
                 connect: Callable[[], Any] | None = None):
        self.db = db
        self.home_root = Path(home_root)
        self.actor = actor or default_actor()
        self._key: bytes | None = None
        self.key_location = ""
        # A generation stored from a background thread (a batch run, an import) is audited
        # on that thread's own connection, made by ``connect``: one SQLite connection is
        # never shared by two threads' transactions.
        self._owner = threading.get_ident()
        self._connect = connect
        self._local = threading.local()

    def _conn(self) -> Any:
        if self._connect is None or threading.get_ident() == self._owner:
            return self.db.conn
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect().conn
        return conn

    @property
    def key(self) -> bytes:
        if self._key is None:
            self._key, self.key_location = keys.home_secret(self.home_root, KEY_NAME)
        return self._key

    def _sign(self, value: str) -> str:
        return hmac.new(self.key, value.encode("utf-8"), hashlib.sha256).hexdigest()

    # writing -------------------------------------------------------------------------

    def append(self, event: str, details: dict[str, Any] | None = None, *, actor: str | None = None) -> int:
        """Add one entry; returns its id. Inside the caller's transaction when there is
        one, else in its own ``begin immediate`` (two processes never fork the chain)."""
        if not event or not isinstance(event, str):
            raise ValueError("an audit event needs a name")
        conn = self._conn()
        own = not conn.in_transaction
        if own:
            conn.execute("begin immediate")
        try:
            last = conn.execute("select id, hash from audit_log order by id desc limit 1").fetchone()
            entry_id, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
            entry = {"id": entry_id, "at": utc_now(), "actor": actor or self.actor, "event": event,
                     "details": json.loads(canonical(details or {}))}
            digest = entry_hash(prev, entry)
            conn.execute(
                "insert into audit_log (id, at, actor, event, details, prev_hash, hash, hmac) "
                "values (?, ?, ?, ?, ?, ?, ?, ?)",
                [entry_id, entry["at"], entry["actor"], event, canonical(entry["details"]), prev, digest,
                 self._sign(digest)],
            )
            head = {"entries": entry_id, "hash": digest}
            head["hmac"] = self._sign(canonical(head))
            conn.execute("insert or replace into settings (key, value) values (?, ?)",
                         [HEAD_KEY, canonical(head)])
        except BaseException:
            if own:
                conn.rollback()
            raise
        if own:
            conn.commit()
        return entry_id

    # reading -------------------------------------------------------------------------

    def verify(self) -> Verification:
        """Re-walk the chain; the first entry whose link, hash or signature is wrong is bad."""
        expected_prev, expected_id, count = GENESIS, 1, 0
        for row in self.db.conn.execute(
                "select id, at, actor, event, details, prev_hash, hash, hmac from audit_log order by id"):
            entry_id, at, actor, event, details, prev_hash, digest, signature = row
            count += 1
            try:
                parsed = json.loads(details)
            except ValueError:
                return Verification(False, count, entry_id, "details are not JSON")
            entry = {"id": entry_id, "at": at, "actor": actor, "event": event, "details": parsed}
            if entry_id != expected_id:
                return Verification(False, count, expected_id, "an entry is missing")
            if prev_hash != expected_prev:
                return Verification(False, count, entry_id, "the link to the previous entry is broken")
            if entry_hash(prev_hash, entry) != digest:
                return Verification(False, count, entry_id, "the entry was changed")
            if not hmac.compare_digest(self._sign(digest), signature):
                return Verification(False, count, entry_id, "the signature does not match the key")
            expected_prev, expected_id = digest, entry_id + 1
        head_row = self.db.conn.execute("select value from settings where key = ?", [HEAD_KEY]).fetchone()
        if head_row is not None:
            try:
                head = json.loads(head_row[0])
                signed = {"entries": head["entries"], "hash": head["hash"]}
                good = hmac.compare_digest(self._sign(canonical(signed)), head["hmac"])
            except (ValueError, KeyError, TypeError):
                good, head = False, {"entries": count + 1}
            if not good:
                return Verification(False, count, count + 1 if count else 1, "the chain's head was changed")
            if head["entries"] > count:
                return Verification(False, count, count + 1, "entries were removed from the end")
            if head["entries"] == count and count and head["hash"] != expected_prev:
                return Verification(False, count, count, "the last entry was replaced")
        return Verification(True, count, None)

    def entries(self, *, event: str | None = None, since: str | None = None, until: str | None = None,
                text: str | None = None, limit: int = 500, before_id: int | None = None) -> list[dict[str, Any]]:
        """Entries newest first, filtered by event (or event prefix ending in '.'), time
        range (ISO dates, ``until`` exclusive) and a text found in actor or details."""
        prefix = bool(event) and event.endswith(".")
        where = (Where().add("event like ?" if prefix else "event = ?", f"{event}%" if prefix else event,
                             when=bool(event))
                 .add("at >= ?", since).add("at < ?", until)
                 .add("(actor like ? or details like ?)", f"%{text}%", f"%{text}%", when=bool(text))
                 .add("id < ?", before_id))
        rows = self.db.conn.execute(
            f"select id, at, actor, event, details from audit_log{where.sql()} order by id desc limit ?",
            [*where.params, limit]).fetchall()
        return [{"id": r[0], "at": r[1], "actor": r[2], "event": r[3], "details": json.loads(r[4])}
                for r in rows]

    def count(self) -> int:
        return self.db.conn.execute("select count(*) from audit_log").fetchone()[0]


CSV_COLUMNS = ("id", "at", "actor", "event", "details")


def write_csv(rows: list[dict[str, Any]], out: Any, *, redact: Any = None) -> int:
    """Write entries as CSV (details as canonical JSON) to an open text file. ``redact``
    (pii.Rules: the PII mode "exports") masks the details, which hold prompts and answers
    where the policy logs content."""
    from engine.trust import pii

    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        details = row["details"] if redact is None else pii.redact_value(row["details"], redact)
        writer.writerow([row["id"], row["at"], row["actor"], row["event"], canonical(details)])
    return len(rows)


def log_for(ws: Any) -> AuditLog:
    """The workspace's audit log, made once per workspace."""
    log = getattr(ws, "audit_log", None)
    if log is None:
        log = AuditLog(ws.db, ws.home.root, actor=default_actor(getattr(ws, "process_name", "airlock")))
        ws.audit_log = log
    return log


def audit(ws: Any, event: str, **details: Any) -> int:
    """Record ``event`` with ``details`` (names, ids, counts: no content) in the
    workspace's audit log; returns the entry's id."""
    return log_for(ws).append(event, details)
