"""What trust adds to an open workspace, in one call from ``Workspace.__init__``.

- ``ws.policy`` (the organization's policy), ``ws.trust`` (the trust settings), and
  ``ws.audit_log`` (engine/trust/audit.py);
- a record step ``trust`` that every stored generation passes (engine/records.py): it
  masks PII when the mode includes ``history``, marks the generation for deletion at the
  end of the session in "keep no history" mode, and audits ``generation.made`` once, when
  the generation ends (a row stored as it starts, status ``running``, is masked, not
  audited);
- a text step ``trust`` for content stored beside records (streamed text, conversation
  titles, batch rows, knowledge chunks): masked in history mode (:func:`mask_stored`);
- the model gate: the policy's sha256 allowlist on import and load, the chat template's
  hash and suspicious constructs recorded on import, and both audited;
- on open: a policy that changed since the last open is audited, and the retention
  period is applied; in "keep no history" mode what the last session left is removed.
  A purge may VACUUM a large file, so the window (process ``app``) runs it on a thread
  of its own with its own connection (``ws.cleanup``, :class:`Cleanup`); the command line
  runs it before the command.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from engine.errors import BadInput
from engine.trust import pii, retention
from engine.trust.audit import AuditLog, default_actor
from engine.trust.chat_templates import inspect_template
from engine.trust.policy import Policy, load_policy, model_identity
from engine.trust.settings import TrustSettings

log = logging.getLogger(__name__)

EPHEMERAL_KEY = "keep_no_history"
"""Marker inside a generation's params: delete this at the end of the session."""
EPHEMERAL_WHERE = f"json_extract(params, '$.{EPHEMERAL_KEY}') = 1"


def install(ws: Any, *, process_name: str = "airlock", policy: Policy | None = None,
            connect: Any = None) -> None:
    """``connect()`` opens another connection to the same database (for audits written
    from background threads)."""
    ws.policy = policy if policy is not None else load_policy(ws.home.root)
    ws.audit_log = AuditLog(ws.db, ws.home.root, actor=default_actor(process_name), connect=connect)
    ws.trust = TrustSettings(ws.db, ws.policy, on_change=lambda key, old, new: ws.audit_log.append(
        "settings.changed", {"key": key, "old": old, "new": new}))
    ws.record_steps.add("trust", lambda record: trust_step(ws, record))
    ws.record_steps.add_text("trust", lambda value: mask_stored(ws, value))
    ws.registry.gate = lambda action, record: model_gate(ws, action, record)
    _note_policy(ws)
    ws.cleanup = None
    if process_name in BACKGROUND_CLEANUP and connect is not None:
        ws.cleanup = start_cleanup(ws, connect)
    else:
        apply_retention(ws)
        if ws.trust.get("keep_no_history"):
            forget_session(ws)


BACKGROUND_CLEANUP = ("app",)
"""Front ends whose start must not wait for a purge (the window's UI thread)."""


class Cleanup(threading.Thread):
    """The purges due at start (retention, and what a "keep no history" session left),
    on this thread's own connection; ``done`` is set when it ends, ``result`` holds the
    retention purge's counts, ``error`` a failure (logged; the next start tries again)."""

    def __init__(self, ws: Any, connect: Callable[[], Any]):
        super().__init__(name="airlock-cleanup", daemon=True)
        self.home_root, self.outputs_dir, self.actor = ws.home.root, ws.home.outputs_dir, ws.audit_log.actor
        self.connect = connect
        # Read here, on the opener's thread: the settings live on its connection.
        self.days = ws.trust.get("retention_days")
        self.forget = bool(ws.trust.get("keep_no_history"))
        self.opened_at = retention.cutoff_for(0)  # this session's own generations are not the last one's
        self.done = threading.Event()
        self.result: retention.PurgeResult | None = None
        self.forgotten: retention.PurgeResult | None = None
        self.error: BaseException | None = None
        self.thread_id: int | None = None

    @property
    def needed(self) -> bool:
        return self.days is not None or self.forget

    def run(self) -> None:
        self.thread_id = threading.get_ident()
        db = None
        try:
            db = self.connect()
            audit_log = AuditLog(db, self.home_root, actor=self.actor)
            if self.days is not None:
                self.result = retention.purge_expired(db, self.outputs_dir, self.days)
                if self.result and (self.result.generations or self.result.batch_jobs):
                    audit_log.append("data.purged", {"reason": "retention", "days": self.days,
                                                     **self.result.as_dict()})
            if self.forget:
                self.forgotten = retention.purge(db, self.outputs_dir, before=self.opened_at,
                                                 where=EPHEMERAL_WHERE)
                if self.forgotten.generations:
                    audit_log.append("data.purged", {"reason": "keep no history", **self.forgotten.as_dict()})
        except BaseException as exc:  # the window goes on; the next start purges again
            self.error = exc
            log.warning("the purge at start failed", exc_info=True)
        finally:
            if db is not None:
                db.conn.close()
            self.done.set()


def start_cleanup(ws: Any, connect: Callable[[], Any]) -> Cleanup | None:
    """Start the purges due at start on a thread of their own (None when none is due)."""
    task = Cleanup(ws, connect)
    if not task.needed:
        return None
    task.start()
    return task


def mask_stored(ws: Any, value: Any) -> Any:
    """``value`` (a string, or a dict/list of them) as it may be stored: masked when the
    PII mode includes ``history``. What the model needs is masked only once it has used
    it (the batch store keeps a row's inputs real until the row is drafted)."""
    if value is None or value == "" or "history" not in ws.trust.pii_mode():
        return value
    return pii.redact_value(value, ws.trust.pii_rules())


def png_parameters_allowed(ws: Any) -> bool:
    """Whether an image's prompt and settings may go into its PNG file: not when the
    trust settings or the policy turn that off, nor in PII history mode (the file would
    carry the prompt unmasked, beside a masked history)."""
    return bool(ws.trust.get("png_metadata")) and "history" not in ws.trust.pii_mode()


def trust_step(ws: Any, record: dict[str, Any]) -> dict[str, Any]:
    """The record step: mask, mark, audit (counts and ids only unless the policy asks).

    A generation passes it twice, as it starts (``running``) and as it ends; only the end
    is audited, so each generation is one ``generation.made`` entry."""
    mode = ws.trust.pii_mode()
    findings = 0
    if "history" in mode:
        rules = ws.trust.pii_rules()
        findings = sum(len(pii.find(record.get(k), rules)) for k in pii.TEXT_FIELDS
                       if isinstance(record.get(k), str))
        record = pii.redact_record(record, rules)
    if ws.trust.get("keep_no_history"):
        params = record.get("params")
        params = dict(params) if isinstance(params, dict) else {}
        params[EPHEMERAL_KEY] = 1
        record["params"] = params
    if record.get("status") == "running":
        return record
    details: dict[str, Any] = {"kind": record.get("kind", "text"), "model": record.get("model"),
                               "model_sha256": record.get("model_sha256"), "status": record.get("status"),
                               "conversation_id": record.get("conversation_id"),
                               "prompt_chars": len(record.get("prompt") or ""),
                               "output_chars": len(record.get("output") or "")}
    if findings:
        details["pii_masked"] = findings
    if ws.trust.get("audit_content"):
        details["prompt"] = record.get("prompt")
        details["output"] = record.get("output")
    ws.audit_log.append("generation.made", details)
    return record


def model_gate(ws: Any, action: str, record: Any) -> None:
    """Called by the registry with ("import", record) before a model is registered and
    ("load", record) before a runner uses it; raises BadInput to refuse."""
    identity = model_identity(record)  # a file's sha256, or remote:<host>/<model> for a server's model
    if not ws.policy.model_allowed(identity):
        ws.audit_log.append("model.refused", {"action": action, "name": record.name, "sha256": record.sha256,
                                              **({"identity": identity} if identity != record.sha256 else {})})
        why = ws.policy.reason_for("allowed_models")
        shown = identity if identity != record.sha256 else f"sha256 {record.sha256[:12]}…"
        raise BadInput(f"'{record.name}' is not on your organization's list of allowed models"
                       f"{f' ({why})' if why else ''} ({shown}).")
    if action == "import":
        details = {"name": record.name, "kind": record.kind, "sha256": record.sha256}
        template = (record.metadata or {}).get("tokenizer.chat_template")
        if isinstance(template, str) and template:
            report = inspect_template(template)
            record.metadata["chat_template_flags"] = report.flags
            details["chat_template_sha256"] = report.sha256
            details["chat_template_flags"] = report.flags
        ws.audit_log.append("model.imported", details)
    elif action == "load":
        if getattr(ws, "_last_loaded", None) != identity:
            ws._last_loaded = identity
            ws.audit_log.append("model.loaded", {"name": record.name, "sha256": record.sha256,
                                                 **({"identity": identity} if identity != record.sha256 else {})})


def _note_policy(ws: Any) -> None:
    """Audit a policy that appeared, changed or went away since this home last saw one."""
    row = ws.db.conn.execute("select value from settings where key = 'trust.policy_seen'").fetchone()
    seen = row[0] if row else '""'
    current = f'"{ws.policy.sha256}"'
    if seen == current:
        return
    with ws.db.atomic():
        ws.db.conn.execute("insert or replace into settings (key, value) values ('trust.policy_seen', ?)",
                           [current])
    ws.audit_log.append("policy.changed", {"source": ws.policy.source, "sha256": ws.policy.sha256,
                                           "locked": sorted(ws.policy.values)})


def apply_retention(ws: Any) -> retention.PurgeResult | None:
    days = ws.trust.get("retention_days")
    if days is None:
        return None
    result = retention.purge_expired(ws.db, ws.home.outputs_dir, days)
    if result and (result.generations or result.batch_jobs):
        ws.audit_log.append("data.purged", {"reason": "retention", "days": days, **result.as_dict()})
    return result


def forget_session(ws: Any) -> retention.PurgeResult:
    """Delete what was made in "keep no history" mode (at close, and at the next open after a crash)."""
    result = retention.purge(ws.db, ws.home.outputs_dir, before=None, where=EPHEMERAL_WHERE)
    if result.generations:
        ws.audit_log.append("data.purged", {"reason": "keep no history", **result.as_dict()})
    return result


def purge_all(ws: Any, confirmation: str, *, db: Any = None) -> retention.PurgeResult:
    """Delete all history (the person typed :data:`retention.CONFIRMATION`), audited.
    ``db``: the calling thread's own connection (the window runs this off its UI thread,
    since the VACUUM after it takes as long as the file is large)."""
    result = retention.delete_everything(db or ws.db, ws.home.outputs_dir, confirmation)
    audit_log = ws.audit_log if db is None else AuditLog(db, ws.home.root, actor=ws.audit_log.actor)
    audit_log.append("data.purged", {"reason": "delete everything", **result.as_dict()})
    return result


def close(ws: Any) -> None:
    """At workspace close: the purge started at open finishes first, then keep-no-history
    generations go."""
    task = getattr(ws, "cleanup", None)
    if task is not None:
        task.join()
    try:
        if ws.trust.get("keep_no_history"):
            forget_session(ws)
    except Exception:  # closing must not fail; the next open retries
        log.warning("could not remove this session's history", exc_info=True)


def export_rules(ws: Any, asked: bool) -> pii.Rules | None:
    """The redaction an export gets: the user's terms and patterns when they asked for
    it, or always when the PII mode (the user's or the policy's) includes ``exports``."""
    if asked or "exports" in ws.trust.pii_mode():
        return ws.trust.pii_rules()
    return None


def exported(ws: Any, what: str, *, path: str | None, count: int, redacted: bool, fmt: str = "") -> None:
    """Audit an export: what, where, how many, whether masked (never the content)."""
    ws.audit_log.append("export.written", {"what": what, "path": path, "records": count,
                                           "redacted": redacted, "format": fmt})


def prompt_findings(ws: Any, *texts: str | None) -> list[pii.Finding]:
    """Personal data in what is about to be sent, when the PII mode says to warn (the
    chat page asks before sending; the CLI prints a note)."""
    if "warn" not in ws.trust.pii_mode():
        return []
    rules = ws.trust.pii_rules()
    return [f for text in texts for f in pii.find(text, rules)]


def pack_imported(ws: Any, pack_name: str, result: Any) -> None:
    """Audit a template pack import (engine/prompts/packs.ImportResult): counts and names."""
    ws.audit_log.append("pack.imported", {
        "pack": pack_name, "added": len(result.added), "replaced": len(result.replaced),
        "kept_both": len(result.kept_both), "skipped": len(result.skipped), "unchanged": len(result.unchanged),
        "templates": sorted(name for kind, name in [*result.added, *result.replaced] if kind == "template")})


def export_audit(ws: Any, rows: list[dict[str, Any]], path: Any, *, replace: bool = False) -> int:
    """Write audit ``rows`` as CSV to ``path`` (the PII mode "exports" masks logged content;
    engine/files.py's rules: no half file, an existing file only with ``replace``) and record
    the export in the log itself: ``airlock audit export --out`` and Settings > Audit."""
    import io
    from pathlib import Path

    from engine.files import atomic_write
    from engine.trust.audit import audit, write_csv

    buffer = io.StringIO()
    count = write_csv(rows, buffer, redact=export_rules(ws, asked=False))
    with atomic_write(Path(path), replace=replace, newline="") as out:
        out.write(buffer.getvalue())
    audit(ws, "audit.exported", entries=count, path=str(path))
    return count
