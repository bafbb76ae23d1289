"""PII redaction moved to engine/trust/pii.py (more detectors, every field, user rules);
these names stay for code written against the old module."""

from __future__ import annotations

from engine.trust.pii import luhn_valid, redact, tw_id_valid

__all__ = ["luhn_valid", "redact", "tw_id_valid"]
