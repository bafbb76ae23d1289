"""The period's metrics as CSV for a spreadsheet: one row per figure (section, item, value,
and for rates the numerator and denominator). Prompt and output text are left out unless
the caller asks for them, and then they follow in their own section."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import sqlite_utils

from engine.insights.period import Period

HEADER = ("section", "item", "kind", "value", "numerator", "denominator")


def rows(insights: dict[str, Any]) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    period = insights["period"]
    out.append(("period", "since", "", period["since"], "", ""))
    out.append(("period", "until", "", period["until"], "", ""))
    for kind, n in insights["generations_by_kind"].items():
        out.append(("generations", "total", kind, n, "", ""))
    for status, n in insights["generations"]["by_status"].items():
        out.append(("generations_by_status", status, "", n, "", ""))
    for entry in insights["generations"]["by_day"]:
        for kind in ("text", "image"):
            out.append(("generations_by_day", entry["day"], kind, entry[kind], "", ""))
    for name in ("model", "template", "backend"):
        for item in insights["generations"][f"by_{name}"]:
            out.append((f"generations_by_{name}", item[name], item["kind"], item["count"], "", ""))
    for key, n in insights["output"].items():
        out.append(("output", key, "", n, "", ""))
    for m in insights["latency_by_model"]:
        for key in ("runs", "median_seconds", "p95_seconds", "median_tokens_per_second",
                    "slowest_5pct_tokens_per_second"):
            out.append(("latency", m["model"], key, m[key], "", ""))
    review = insights["review"]
    for key in ("reviewed", "approved_as_is", "approved_after_edits", "rejected", "median_review_seconds",
                "edit_ratio"):
        out.append(("review", key, "", review[key], "", ""))
    for key in ("acceptance", "accepted_as_is", "accepted_after_edits"):
        r = review[key]
        out.append(("review", key, "rate", r["rate"], r["numerator"], r["denominator"]))
    for reason in review["reject_reasons"]:
        out.append(("reject_reasons", reason["reason"], "", reason["count"], "", ""))
    for t in review["by_template"]:
        out.append(("acceptance_by_template", t["template"], "rate", t["acceptance"]["rate"],
                    t["acceptance"]["numerator"], t["acceptance"]["denominator"]))
    users = insights["active_users"]
    out.append(("active_users", f"{users['since']}..{users['until']}", "", users["count"], "", ""))
    saved = insights["time_saved"]
    for key in ("items_kept", "manual_minutes", "review_minutes", "minutes", "hourly_rate_twd", "value_twd"):
        out.append(("time_saved_estimate", key, "", saved[key], "", ""))
    out.append(("time_saved_estimate", "note", "", saved["caveat"], "", ""))
    return out


def content_rows(db: sqlite_utils.Database, period: Period, *, redact: Any = None) -> list[tuple[Any, ...]]:
    """The period's prompts and outputs (only when the user asked for content); ``redact``
    (engine/trust/pii.Rules, from ``trust.install.export_rules``: the PII mode "exports")
    masks the personal data in them."""
    rows = [tuple(r) for r in db.execute(
        "select id, created_at, kind, model, json_extract(params, '$.template.name'), prompt, output "
        "from generations where created_at >= ? and created_at < ? order by id",
        [period.start_utc, period.end_utc]).fetchall()]
    if redact is None:
        return rows
    from engine.trust import pii

    return [(*row[:4], *(pii.redact(v, redact) if isinstance(v, str) else v for v in row[4:])) for row in rows]


def to_text(insights: dict[str, Any], content: list[tuple[Any, ...]] | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows(insights))
    if content is not None:
        writer.writerow(())
        writer.writerow(("generation_id", "created_at", "kind", "model", "template", "prompt", "output"))
        writer.writerows(content)
    return buffer.getvalue()


def write(path: Path, text: str, *, encoding: str = "utf-8-sig", replace: bool = False) -> None:
    """Write by engine/files.py's rules (no half report, a FIFO or device written through,
    an existing file only with ``replace``). CSV is UTF-8 with a BOM, so Excel on a zh-TW
    Windows opens the Chinese names correctly."""
    from engine.files import atomic_write

    with atomic_write(path, replace=replace, encoding=encoding, newline="") as out:
        out.write(text)
