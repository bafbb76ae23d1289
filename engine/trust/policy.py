"""The organization's policy: a read-only JSON file that locks settings.

An administrator writes it where a standard account cannot change it:

- Linux: ``/etc/airlock/policy.json``
- Windows: ``%PROGRAMDATA%\\Airlock\\policy.json``
- macOS: ``/Library/Application Support/Airlock/policy.json``

``AIRLOCK_POLICY`` names another file (deployment tools, tests). Without a machine-level
file, ``policy.json`` in the data home is read, so a policy can be tried out or tested;
it is shown as coming from there, and docs/privacy.md says it is not a lock (the user
owns that folder). Every key present in the file is *locked*: the settings show it as
"Managed by your organization" with the file's reason, and the CLI refuses to change it.

Keys (all optional)::

    {
      "reason": "Bank security standard 4.2",     # shown next to every locked setting
      "reasons": {"retention_days": "..."},       # per-setting reasons
      "allowed_models": ["<sha256>", ...,         # only these model files import and load,
                         "remote:llm.corp.local/qwen2.5-7b",  # and only these server models
                         "remote:gpu2.corp.local/*"],         # (or any model of that server)
      "offline_guard": true,                      # the guard can never be turned off
      "allowed_remote_hosts": ["llm.corp.local"], # remote servers the app may reach
      "api_enabled": false, "api_lan": false,     # the local HTTP API, and LAN binding
      "png_metadata": false,                      # no generation settings inside PNGs
      "encryption_required": true,                # the database must be encrypted
      "pii_mode": ["warn", "history", "exports"], # where PII is caught (see pii.MODES)
      "pii_terms": ["Acme Corp"], "pii_patterns": ["PRJ-\\d{4}"],
      "retention_days": 30,                       # null: keep forever
      "keep_no_history": false,
      "audit_content": false                      # prompts and answers in the audit log
    }
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.errors import BadInput

POLICY_VARIABLE = "AIRLOCK_POLICY"
FILE_NAME = "policy.json"

LOCKABLE: dict[str, type | tuple[type, ...]] = {
    "allowed_models": list,
    "offline_guard": bool,
    "allowed_remote_hosts": list,
    "api_enabled": bool,
    "api_lan": bool,
    "png_metadata": bool,
    "encryption_required": bool,
    "pii_mode": list,
    "pii_terms": list,
    "pii_patterns": list,
    "retention_days": (int, type(None)),
    "keep_no_history": bool,
    "audit_content": bool,
}


REMOTE_PREFIX = "remote:"


def remote_model_id(host: str, model: str) -> str:
    """What the model allowlist names a model on an inference server by:
    ``remote:<host>/<model id>``. A server model has no file here to hash, so it is
    named by what IT controls and every workstation sees the same: the server's host (as
    in ``allowed_remote_hosts``) and the model id the server itself reports. The
    connection's name is not used: each user picks it on their own machine."""
    return f"{REMOTE_PREFIX}{host.lower()}/{model}"


def model_identity(record: Any) -> str:
    """The allowlist identity of a registered model: its sha256, or for a server's model
    (``format == "remote"``) :func:`remote_model_id`."""
    metadata = getattr(record, "metadata", None) or {}
    if getattr(record, "format", "") == "remote" and metadata.get("host") and metadata.get("remote_model"):
        return remote_model_id(str(metadata["host"]), str(metadata["remote_model"]))
    return str(getattr(record, "sha256", "") or "")


def machine_policy_path() -> Path:
    """Where the administrator's file lives on this operating system."""
    if sys.platform.startswith("win"):
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "Airlock" / FILE_NAME
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Airlock") / FILE_NAME
    return Path("/etc/airlock") / FILE_NAME


class Locked(BadInput):
    """A setting the organization's policy fixes; the message names the reason."""


@dataclass(frozen=True)
class Policy:
    values: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    """The file it came from ('' when there is none)."""
    reason: str = ""
    reasons: dict[str, str] = field(default_factory=dict)
    sha256: str = ""

    def locked(self, key: str) -> bool:
        return key in self.values

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def reason_for(self, key: str) -> str:
        return self.reasons.get(key) or self.reason

    def refuse_change(self, key: str, label: str | None = None) -> None:
        """Raise :class:`Locked` when ``key`` is locked: one line, with the reason."""
        if self.locked(key):
            why = self.reason_for(key)
            raise Locked(f"{label or key} is managed by your organization"
                         f"{f' ({why})' if why else ''}; ask your administrator to change it.")

    def model_allowed(self, identity: str) -> bool:
        """``identity`` is a model file's sha256, or a server model's
        :func:`remote_model_id`; a ``remote:<host>/*`` entry allows every model of that host."""
        allowed = self.values.get("allowed_models")
        if allowed is None:
            return True
        entries = {s.lower() for s in allowed}
        identity = identity.lower()
        if identity in entries:
            return True
        host, sep, _model = identity.partition("/")
        return identity.startswith(REMOTE_PREFIX) and bool(sep) and f"{host}/*" in entries

    def host_allowed(self, host: str) -> bool:
        """For remote-server connections (the API helper's remote backend reads this):
        loopback is always allowed; other hosts only when the policy lists them, or when
        there is no list at all."""
        if host in ("127.0.0.1", "localhost", "::1"):
            return True
        hosts = self.values.get("allowed_remote_hosts")
        return hosts is None or host.lower() in {h.lower() for h in hosts}

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "reason": self.reason, "locked": sorted(self.values),
                "values": self.values, "sha256": self.sha256}


def parse(text: str, source: str) -> Policy:
    """Read a policy file's text; a malformed policy is refused, never half-applied."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise BadInput(f"The policy file {source} is not valid JSON ({exc}); ask your administrator "
                       "to fix it.") from exc
    if not isinstance(data, dict):
        raise BadInput(f"The policy file {source} must hold a JSON object.")
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("reason", "reasons", "comment"):
            continue
        if key not in LOCKABLE:
            raise BadInput(f"The policy file {source} has an unknown setting '{key}'.")
        expected = LOCKABLE[key]
        wants_int = expected is int or (isinstance(expected, tuple) and int in expected)
        if not isinstance(value, expected) or (wants_int and isinstance(value, bool)):
            raise BadInput(f"The policy file {source} has a wrong value for '{key}'.")
        values[key] = value
    if "retention_days" in values and values["retention_days"] is not None and values["retention_days"] < 1:
        raise BadInput(f"The policy file {source}: retention_days must be at least 1 (or null).")
    reasons = data.get("reasons") or {}
    return Policy(values=values, source=source, reason=str(data.get("reason") or ""),
                  reasons={str(k): str(v) for k, v in reasons.items()} if isinstance(reasons, dict) else {},
                  sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def load_policy(home_root: Path | None = None) -> Policy:
    """The policy in force: $AIRLOCK_POLICY, else the machine-level file, else the data
    home's ``policy.json``, else none (nothing locked)."""
    candidates = []
    if os.environ.get(POLICY_VARIABLE):
        candidates.append(Path(os.environ[POLICY_VARIABLE]))
    candidates.append(machine_policy_path())
    if home_root is not None:
        candidates.append(Path(home_root) / FILE_NAME)
    for path in candidates:
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise BadInput(f"The policy file {path} cannot be read ({exc.strerror}).") from exc
            return parse(text, str(path))
    return Policy()
