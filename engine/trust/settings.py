"""The trust settings a user may change, where the organization's policy leaves them open.

Stored in the ``settings`` table under ``trust.<key>``; a key the policy sets is read from
the policy and refused on change (:class:`engine.trust.policy.Locked`, one line with the
reason). Every change is audited (``settings.changed``: which key, old and new value;
for term and pattern lists only how many, since they name clients).
"""

from __future__ import annotations

import json
from typing import Any

from engine.errors import BadInput
from engine.trust.pii import MODES, compile_pattern
from engine.trust.policy import Policy

DEFAULTS: dict[str, Any] = {
    "pii_mode": ["warn"],
    "pii_terms": [],
    "pii_patterns": [],
    "retention_days": None,
    "keep_no_history": False,
    "audit_content": False,
    "png_metadata": True,
    "api_enabled": True,
    "api_lan": False,
    "offline_guard": True,
    "allowed_remote_hosts": None,
    "allowed_models": None,
    "encryption_required": False,
}

LABELS = {
    "pii_mode": "PII protection", "pii_terms": "Protected terms", "pii_patterns": "Protected patterns",
    "retention_days": "History retention", "keep_no_history": "Keep no history",
    "audit_content": "Content in the audit log", "png_metadata": "Settings inside PNG files",
    "api_enabled": "Local API", "api_lan": "Local API on the network", "offline_guard": "Offline guard",
    "allowed_remote_hosts": "Allowed remote servers", "allowed_models": "Allowed models",
    "encryption_required": "Encryption required",
}
"""English names for one-line CLI messages; the GUI shows its own translated names."""

SENSITIVE_LISTS = ("pii_terms", "pii_patterns")

POLICY_ONLY = ("allowed_models", "offline_guard", "allowed_remote_hosts", "api_enabled", "api_lan",
               "encryption_required")
"""Shown with the others, set only by the organization's policy file (the local API's own
options live with the API: engine/api/config.py)."""


def _validate(key: str, value: Any) -> Any:
    if key not in DEFAULTS:
        raise BadInput(f"Unknown setting '{key}' (known: {', '.join(sorted(DEFAULTS))}).")
    if key == "pii_mode":
        if not isinstance(value, list) or any(m not in MODES for m in value):
            raise BadInput(f"PII mode is a list of: {', '.join(MODES)}.")
        return [m for m in MODES if m in value]
    if key in ("pii_terms", "allowed_remote_hosts", "allowed_models"):
        if value is None and key != "pii_terms":
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise BadInput(f"{LABELS[key]} is a list of texts.")
        return [v.strip() for v in value if v.strip()]
    if key == "pii_patterns":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise BadInput("Protected patterns is a list of regular expressions.")
        for pattern in value:
            try:
                compile_pattern(pattern)
            except ValueError as exc:
                raise BadInput(f"{exc}.") from exc
        return value
    if key == "retention_days":
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise BadInput("History retention is a number of days (1 or more), or forever.")
        return value
    if key == "offline_guard" and value is not True:
        raise BadInput("The offline guard cannot be turned off.")
    if not isinstance(value, bool):
        raise BadInput(f"{LABELS[key]} is on or off.")
    return value


def parse_value(key: str, text: str) -> Any:
    """A value typed on the command line: JSON, or a bare word (on/off, forever, a list
    separated by commas)."""
    words = {"on": True, "true": True, "yes": True, "off": False, "false": False, "no": False,
             "forever": None, "none": None, "null": None}
    if text.lower() in words:
        return words[text.lower()]
    try:
        return json.loads(text)
    except ValueError:
        pass
    if DEFAULTS.get(key) is not None and isinstance(DEFAULTS[key], list) or key in (
            "allowed_remote_hosts", "allowed_models"):
        return [part.strip() for part in text.split(",") if part.strip()]
    return text


class TrustSettings:
    """Read and change trust settings; ``on_change(key, old, new)`` is told of each change
    (the workspace audits it)."""

    def __init__(self, db: Any, policy: Policy, on_change: Any = None):
        self.db = db
        self.policy = policy
        self.on_change = on_change

    def get(self, key: str) -> Any:
        if key not in DEFAULTS:
            raise KeyError(key)
        if self.policy.locked(key):
            return self.policy.get(key)
        row = self.db.conn.execute("select value from settings where key = ?", [f"trust.{key}"]).fetchone()
        if row is None:
            default = DEFAULTS[key]
            return list(default) if isinstance(default, list) else default
        return json.loads(row[0])

    def locked(self, key: str) -> bool:
        return self.policy.locked(key)

    def set(self, key: str, value: Any) -> Any:
        """Change a setting; raises Locked (the policy sets it) or BadInput (a bad value)."""
        if key not in DEFAULTS:
            _validate(key, value)
        self.policy.refuse_change(key, LABELS.get(key))
        if key in POLICY_ONLY:
            raise BadInput(f"{LABELS[key]} is set by an organization's policy file, not here "
                           "(docs/privacy.md shows the file).")
        value = _validate(key, value)
        old = self.get(key)
        if old == value:
            return value
        with self.db.atomic():
            self.db.conn.execute("insert or replace into settings (key, value) values (?, ?)",
                                 [f"trust.{key}", json.dumps(value, ensure_ascii=False)])
        if self.on_change:
            if key in SENSITIVE_LISTS:
                self.on_change(key, len(old or []), len(value or []))
            else:
                self.on_change(key, old, value)
        return value

    def all(self) -> dict[str, dict[str, Any]]:
        """Every setting with its value, whether it is locked, and the reason."""
        return {key: {"value": self.get(key), "locked": self.locked(key),
                      "reason": self.policy.reason_for(key) if self.locked(key) else ""}
                for key in DEFAULTS}

    def pii_rules(self) -> Any:
        from engine.trust.pii import Rules

        return Rules(terms=tuple(self.get("pii_terms")), patterns=tuple(self.get("pii_patterns")))

    def pii_mode(self) -> list[str]:
        return list(self.get("pii_mode"))
