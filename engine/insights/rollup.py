"""The team roll-up: each workstation exports a period's counts as a signed file; a team
lead merges several into one view. No prompt, output or person's name leaves a machine.

Signature scheme: Ed25519 (RFC 8032, through the ``cryptography`` package). Each home has
its own key pair, made on first export and kept in ``keys/insights-ed25519.pem`` (mode
0600); the file carries the public key and its fingerprint (the first 16 hex digits of
the SHA-256 of the raw public key). What is signed is the payload serialised canonically
(UTF-8 JSON, sorted keys, no spaces), so any change to a count, a date or the key breaks
the signature and the merge refuses the file. The merge also refuses a file seen twice
(same export id) and two files of the same workstation whose periods overlap (they
would count the same work twice). A signature proves the file is unchanged since a
workstation signed it; to know *which* workstations may take part, the lead passes
their fingerprints (``airlock insights key`` prints one) with ``--trusted FILE``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import platform
import uuid
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from engine.errors import BadInput

FORMAT = "airlock-insights-rollup"
VERSION = 1
KEY_FILE = Path("keys") / "insights-ed25519.pem"
SUMMED_REVIEW = ("reviewed", "approved_as_is", "approved_after_edits", "rejected")


def canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _raw_public(public_key: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(raw_public: bytes) -> str:
    return hashlib.sha256(raw_public).hexdigest()[:16]


def signing_key(home_root: Path) -> Any:
    """This home's Ed25519 private key, made on first use."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = home_root / KEY_FILE
    if path.exists():
        return serialization.load_pem_private_key(path.read_bytes(), password=None)
    key = Ed25519PrivateKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    return key


def key_fingerprint(home_root: Path) -> str:
    return fingerprint(_raw_public(signing_key(home_root).public_key()))


def counts_only(insights: dict[str, Any]) -> dict[str, Any]:
    """The part of :func:`engine.insights.metrics.compute` that may leave the machine:
    counts and sums by kind, status, model, template and backend; no names of people,
    no text, no reject reasons (they are free text)."""
    activity = insights["generations"]
    review = insights["review"]
    saved = insights["time_saved"]
    return {
        "generations_by_kind": dict(insights["generations_by_kind"]),
        "by_status": dict(activity["by_status"]),
        "by_day": [dict(d) for d in activity["by_day"]],
        "by_model": [dict(m) for m in activity["by_model"]],
        "by_template": [dict(t) for t in activity["by_template"]],
        "by_backend": [dict(b) for b in activity["by_backend"]],
        "output": dict(insights["output"]),
        "review": {k: review[k] for k in SUMMED_REVIEW},
        "review_by_template": [{k: t[k] for k in ("template", "reviewed", "approved", "edited", "rejected")}
                               for t in review.get("by_template", [])],
        "time_saved": {k: saved[k] for k in ("items_kept", "manual_minutes", "review_minutes", "minutes")},
        "active_users": insights["active_users"]["count"],
    }


def export(home_root: Path, insights: dict[str, Any]) -> dict[str, Any]:
    """A signed roll-up document for one workstation and period."""
    key = signing_key(home_root)
    raw = _raw_public(key.public_key())
    payload = {
        "format": FORMAT, "version": VERSION, "export_id": uuid.uuid4().hex,
        "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "workstation": {"key": fingerprint(raw), "name": platform.node()[:64]},
        "period": {k: insights["period"][k] for k in ("since", "until", "utc_offset_minutes")},
        "counts": counts_only(insights),
    }
    signature = key.sign(canonical(payload))
    return {"payload": payload, "signature": {
        "algorithm": "Ed25519", "public_key": base64.b64encode(raw).decode("ascii"),
        "value": base64.b64encode(signature).decode("ascii")}}


def verify(document: Any, source: str) -> dict[str, Any]:
    """The payload of a roll-up file whose signature holds; BadInput otherwise."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        payload, signature = document["payload"], document["signature"]
        if payload.get("format") != FORMAT or signature.get("algorithm") != "Ed25519":
            raise KeyError("format")
        raw = base64.b64decode(signature["public_key"], validate=True)
        value = base64.b64decode(signature["value"], validate=True)
        public = Ed25519PublicKey.from_public_bytes(raw)
    except (KeyError, TypeError, AttributeError, ValueError):
        raise BadInput(f"{source} is not an Airlock insights roll-up file.") from None
    if payload.get("version") != VERSION:
        raise BadInput(f"{source} was written by another Airlock version (roll-up format "
                       f"{payload.get('version')}); export it again.")
    try:
        public.verify(value, canonical(payload))
    except InvalidSignature:
        raise BadInput(f"{source} was changed after it was signed; it is refused. Export it again "
                       "on its workstation.") from None
    if payload["workstation"].get("key") != fingerprint(raw):
        raise BadInput(f"{source} names a key that is not the one that signed it; it is refused.")
    return payload


def load(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise BadInput(f"Cannot read {path}: {exc.strerror or exc}.") from None
    except ValueError:
        raise BadInput(f"{path} is not an Airlock insights roll-up file (not JSON).") from None
    return verify(document, str(path))


def _overlap(a: dict[str, str], b: dict[str, str]) -> bool:
    return date.fromisoformat(a["since"]) <= date.fromisoformat(b["until"]) and \
        date.fromisoformat(b["since"]) <= date.fromisoformat(a["until"])


def merge(payloads: list[tuple[str, dict[str, Any]]], trusted: set[str] | None = None) -> dict[str, Any]:
    """One team view from verified payloads ``(source, payload)``; refuses duplicates."""
    if not payloads:
        raise BadInput("Give at least one roll-up file to merge.")
    seen: dict[str, str] = {}
    by_key: dict[str, list[tuple[str, dict[str, str]]]] = {}
    for source, payload in payloads:
        key = payload["workstation"]["key"]
        if trusted is not None and key not in trusted:
            raise BadInput(f"{source} is signed by workstation key {key}, which is not in the trusted list.")
        if payload["export_id"] in seen:
            raise BadInput(f"{source} is the same export as {seen[payload['export_id']]}; give each file once.")
        seen[payload["export_id"]] = source
        for other_source, period in by_key.get(key, []):
            if _overlap(period, payload["period"]):
                raise BadInput(f"{source} and {other_source} come from the same workstation and their periods "
                               "overlap, so the same work would count twice; keep one of them.")
        by_key.setdefault(key, []).append((source, payload["period"]))
    return _sum([p for _, p in payloads])


def _sum_ranked(lists: list[list[dict[str, Any]]], name: str) -> list[dict[str, Any]]:
    totals: dict[tuple[str, str], int] = {}
    for items in lists:
        for item in items:
            totals[(item[name], item["kind"])] = totals.get((item[name], item["kind"]), 0) + item["count"]
    return sorted(({name: k, "kind": kind, "count": n} for (k, kind), n in totals.items()),
                  key=lambda item: (-item["count"], item[name]))


def _sum(payloads: list[dict[str, Any]]) -> dict[str, Any]:
    counts = [p["counts"] for p in payloads]

    def add(dicts: list[dict[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for d in dicts:
            for k, v in d.items():
                out[k] = out.get(k, 0) + v
        return out

    days: dict[str, dict[str, int]] = {}
    for c in counts:
        for entry in c["by_day"]:
            day = days.setdefault(entry["day"], {})
            for k, v in entry.items():
                if k != "day":
                    day[k] = day.get(k, 0) + v
    review = add([c["review"] for c in counts])
    kept = review.get("approved_as_is", 0) + review.get("approved_after_edits", 0)
    reviewed = review.get("reviewed", 0)
    templates: dict[str, dict[str, int]] = {}
    for c in counts:
        for t in c["review_by_template"]:
            slot = templates.setdefault(t["template"], {"reviewed": 0, "approved": 0, "edited": 0, "rejected": 0})
            for k in slot:
                slot[k] += t[k]
    return {
        "workstations": [{"key": p["workstation"]["key"], "name": p["workstation"]["name"],
                          "since": p["period"]["since"], "until": p["period"]["until"],
                          "export_id": p["export_id"]} for p in payloads],
        "period": {"since": min(p["period"]["since"] for p in payloads),
                   "until": max(p["period"]["until"] for p in payloads)},
        "generations_by_kind": add([c["generations_by_kind"] for c in counts]),
        "by_status": add([c["by_status"] for c in counts]),
        "by_day": [{"day": d, **v} for d, v in sorted(days.items())],
        "by_model": _sum_ranked([c["by_model"] for c in counts], "model"),
        "by_template": _sum_ranked([c["by_template"] for c in counts], "template"),
        "by_backend": _sum_ranked([c["by_backend"] for c in counts], "backend"),
        "output": add([c["output"] for c in counts]),
        "review": {**review,
                   "acceptance": {"numerator": kept, "denominator": reviewed,
                                  "rate": kept / reviewed if reviewed else None}},
        "review_by_template": [{"template": k, **v} for k, v in sorted(templates.items())],
        "time_saved": {**add([c["time_saved"] for c in counts]), "estimate": True},
        "time_saved_minutes": sum(c["time_saved"]["minutes"] for c in counts),
        "active_users_sum": sum(c["active_users"] for c in counts),
        "active_users_note": "Summed over workstations: a person who used two workstations counts twice.",
    }
