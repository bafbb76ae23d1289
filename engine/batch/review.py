"""A person's decision on drafted rows, the same from every front end: the store records
who decided what and when, and the audit log records the decision (never the text)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def decide(ws: Any, job_id: int, row_numbers: Sequence[int], decision: str, reviewer: str, *,
           reason: str | None = None, edited_fields: Mapping[str, Any] | None = None) -> int:
    """Approve, edit, reject or reopen rows (engine/batch/store.BatchStore.decide checks
    them) and audit it as ``batch.reviewed``. Returns how many rows changed."""
    from engine.trust.audit import audit

    count = ws.batches.decide(job_id, row_numbers, decision, reviewer, reason=reason, edited_fields=edited_fields)
    audit(ws, "batch.reviewed", job_id=job_id, decision=decision, rows=count)
    return count


def regenerate(ws: Any, job_id: int, row_number: int, reviewer: str | None = None) -> Any:
    """Send a row back to be drafted again (engine/batch/store.BatchStore.regenerate: the
    front of the queue, a new seed, the replaced draft kept) and audit it as
    ``batch.reviewed`` with the decision ``regenerated``. Returns the row, now pending; a
    runner drafts it next (``BatchRunner.run(only=[row_number])`` when none is running)."""
    from engine.trust.audit import audit

    row = ws.batches.regenerate(job_id, row_number, reviewer)
    audit(ws, "batch.reviewed", job_id=job_id, decision="regenerated", rows=1)
    return row
