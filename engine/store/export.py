"""Exporting history as JSON Lines (for tools) or Markdown (for people), optionally redacted."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from engine.errors import BadInput, Cancelled
from engine.store.history import History
from engine.trust import pii

FORMATS = ("jsonl", "md")


def redact_record(record: dict[str, Any], rules: pii.Rules | None = None) -> dict[str, Any]:
    """Every stored field masked, params included (engine/trust/pii.py)."""
    return pii.redact_record(record, rules)


def markdown(record: dict[str, Any]) -> str:
    params = record.get("params") or {}
    if record.get("kind") == "image":
        return _image_markdown(record, params)
    lines = [
        f"## #{record['id']} · {record['created_at']} · {record.get('model') or '?'}",
        "",
        f"- status: {record['status']}; seed: {record.get('seed')}; "
        f"temperature: {params.get('temperature')}; tokens: {record.get('prompt_tokens')} in, "
        f"{record.get('completion_tokens')} out",
    ]
    if record.get("system"):
        lines += ["", "**System**", "", record["system"]]
    lines += ["", "**Prompt**", "", record["prompt"], "", "**Answer**", "", record.get("output") or ""]
    if record.get("error"):
        lines += ["", f"*Error: {record['error']}*"]
    return "\n".join(lines) + "\n\n"


def _image_markdown(record: dict[str, Any], params: dict[str, Any]) -> str:
    lines = [
        f"## #{record['id']} · {record['created_at']} · {record.get('model') or '?'} (image)",
        "",
        f"- status: {record['status']}; seed: {record.get('seed')}; steps: {params.get('steps')}; "
        f"guidance: {params.get('guidance')}; scheduler: {params.get('scheduler')}; "
        f"size: {record.get('width')}x{record.get('height')}",
        "", "**Prompt**", "", record["prompt"],
    ]
    if params.get("negative"):
        lines += ["", "**Negative prompt**", "", params["negative"]]
    if record.get("output_path"):
        lines += ["", f"![image]({record['output_path']})"]
    if record.get("error"):
        lines += ["", f"*Error: {record['error']}*"]
    return "\n".join(lines) + "\n\n"


def export_history(history: History, out: TextIO, *, fmt: str = "jsonl", redact: bool | pii.Rules = False,
                   ids: Iterable[int] | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   cancel: Callable[[], bool] | None = None) -> int:
    """Write generations (all, or ``ids``) oldest first to ``out``; return how many.

    ``redact`` masks personal data in every field: True with the built-in detectors, or
    the user's and the policy's terms and patterns as :class:`pii.Rules`
    (``engine.trust.install.export_rules`` says which apply)."""
    rules = redact if isinstance(redact, pii.Rules) else (pii.Rules() if redact else None)
    if fmt not in FORMATS:
        raise BadInput(f"Unknown export format '{fmt}' (use jsonl or md).")
    wanted = list(ids) if ids is not None else None
    total = len(wanted) if wanted is not None else history.count()
    if fmt == "md":
        out.write("# Airlock history\n\n")
    count = 0
    for record in history.iter_all(wanted):
        if cancel and cancel():
            raise Cancelled("Export stopped.")
        if rules is not None:
            record = redact_record(record, rules)
        if fmt == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            out.write(markdown(record))
        count += 1
        if progress and (count % 200 == 0 or count == total):
            progress(count, total)
    return count
