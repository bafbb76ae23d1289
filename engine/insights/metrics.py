"""Every insight, computed from the store in SQL for one period.

The definitions (so every front end shows the same numbers):

- A generation counts on the local day it was stored; weeks start on Monday.
- Status words are the store's: ``done``, ``stopped``, ``failed``, ``running``,
  ``interrupted`` (rows written before the rename say ``ok`` / ``cancelled``: read as
  ``done`` / ``stopped``).
- Tokens and images count what was produced, stopped runs included (their partial text
  is kept); latency and tokens/s come from ``done`` runs only.
- Median and p95 use the nearest-rank method: the value at rank ceil(p x n) of n
  sorted values, so every percentile is a value that really occurred.
- Every rate is a :func:`rate`: numerator, denominator and their quotient (``None`` when
  nothing was counted), so a screen can show "16 of 24" beside "67 %".
- Review and time saved come from :mod:`engine.insights.review`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import sqlite_utils

from engine.insights import baselines as baseline_store
from engine.insights import review as review_metrics
from engine.insights.baselines import Baselines
from engine.insights.period import Period

ACTIVE_WINDOW_DAYS = 28

STATUS_SQL = ("case status when 'ok' then 'done' when 'cancelled' then 'stopped' "
              "else status end")
"""The stored status in today's words (the reliability migration renames old rows)."""
TEMPLATE_SQL = "template_name"
BACKEND_SQL = "coalesce(backend_name, 'local')"
USER_SQL = "user_name"
"""Columns read from ``params`` by the m_insights_001 triggers (template name, backend,
OS user), indexed with the period so the counts never touch the rows themselves."""
UNKNOWN = "(none)"


def rate(numerator: float, denominator: float) -> dict[str, Any]:
    """A rate that always carries what it was computed from."""
    return {"numerator": numerator, "denominator": denominator,
            "rate": (numerator / denominator) if denominator else None}


def compute(db: sqlite_utils.Database, period: Period, baselines: Baselines | None = None) -> dict[str, Any]:
    """All metrics for ``period`` (see the module doc for the definitions)."""
    baselines = baselines or baseline_store.load(db)
    bounds = [period.start_utc, period.end_utc]
    activity = _activity(db, period, bounds)
    review = review_metrics.compute(db, period, baselines)
    return {
        "period": period.as_dict(),
        "generations_by_kind": activity["by_kind"],
        "generations": activity,
        "output": _output(db, bounds),
        "latency_by_model": _latency(db, bounds),
        "review": review["review"],
        "templates": {"most_used": activity["by_template"][:10],
                      "most_approved": review["most_approved"]},
        "active_users": _active_users(db, period, review_metrics.reviewers(db, period, ACTIVE_WINDOW_DAYS)),
        "time_saved": review["time_saved"],
        "time_saved_minutes": review["time_saved"]["minutes"],
    }


def _activity(db: sqlite_utils.Database, period: Period, bounds: list[str]) -> dict[str, Any]:
    """Counts by local day and kind (a range count per day), then by kind, model, status,
    template and backend (one GROUP BY that reads an index in its own order)."""
    by_kind: dict[str, int] = {"text": 0, "image": 0}
    days: dict[str, dict[str, int]] = defaultdict(lambda: {"text": 0, "image": 0})
    # one range count per local day on the covering index (no sort of the period's rows)
    spans = [[d.isoformat(), *Period(d, d, period.offset_minutes).bounds()]
             for d in (period.since + timedelta(days=i) for i in range(period.days))]
    per_day = db.execute(
        """with days(day, lo, hi) as (select value ->> 0, value ->> 1, value ->> 2 from json_each(?))
           select day,
             (select count(*) from generations indexed by generations_insights
              where created_at >= lo and created_at < hi and kind = 'text'),
             (select count(*) from generations indexed by generations_insights
              where created_at >= lo and created_at < hi and kind = 'image')
           from days""", [json.dumps(spans)]).fetchall()
    for day, texts, images in per_day:
        days[day] = {"text": texts, "image": images}
    by_status: dict[str, int] = defaultdict(int)
    dims: dict[str, dict[tuple[str, str], int]] = {"model": defaultdict(int), "template": defaultdict(int),
                                                   "backend": defaultdict(int)}
    grouped = db.execute(
        f"""select kind, model, {STATUS_SQL}, template_name, {BACKEND_SQL}, count(*)
            from generations indexed by generations_insights_groups
            where created_at >= ? and created_at < ?
            group by kind, model, status, template_name, backend_name""", bounds).fetchall()
    for kind, model, status, template, backend, n in grouped:
        by_kind[kind] = by_kind.get(kind, 0) + n
        by_status[status] += n
        for name, key in (("model", model), ("template", template), ("backend", backend)):
            dims[name][(key if key is not None else UNKNOWN, kind)] += n
    by_day = []
    for offset in range(period.days):
        day = (period.since + timedelta(days=offset)).isoformat()
        by_day.append({"day": day, **days.get(day, {"text": 0, "image": 0})})
    weeks: dict[str, dict[str, int]] = {}
    for entry in by_day:
        monday = date.fromisoformat(entry["day"])
        monday -= timedelta(days=monday.weekday())
        week = weeks.setdefault(monday.isoformat(), {"text": 0, "image": 0})
        for kind, n in entry.items():
            if kind != "day":
                week[kind] = week.get(kind, 0) + n

    def ranked(name: str) -> list[dict[str, Any]]:
        items = [{name: key, "kind": kind, "count": n} for (key, kind), n in dims[name].items()]
        return sorted(items, key=lambda item: (-item["count"], item[name]))

    by_template = ranked("template")
    return {
        "total": sum(by_kind.values()),
        "by_kind": by_kind,
        "by_status": dict(sorted(by_status.items())),
        "by_day": by_day,
        "by_week": [{"week": w, **counts} for w, counts in sorted(weeks.items())],
        "by_model": ranked("model"),
        "by_template": [t for t in by_template if t["template"] != UNKNOWN],
        "without_template": sum(t["count"] for t in by_template if t["template"] == UNKNOWN),
        "by_backend": ranked("backend"),
    }


def _output(db: sqlite_utils.Database, bounds: list[str]) -> dict[str, int]:
    row = db.execute(
        f"""select coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0),
                   coalesce(sum(kind = 'image' and output_path is not null
                                and status in ('done', 'ok', 'stopped', 'cancelled')), 0)
            from generations where created_at >= ? and created_at < ?""", bounds).fetchone()
    return {"prompt_tokens": row[0], "completion_tokens": row[1], "images": row[2]}


def _latency(db: sqlite_utils.Database, bounds: list[str]) -> list[dict[str, Any]]:
    """Median and p95 seconds per generation and tokens/s, per model, nearest rank.

    The counts read the (model, status, value, created_at) indexes in order; each
    percentile is one walk of such an index to its rank, from whichever end is nearer, so
    a year of history costs index entries, not a sort."""
    done = _done_word(db)
    indexes = {"seconds": "generations_insights_seconds", "tokens_per_second": "generations_insights_speed"}

    def counts(column: str) -> dict[str | None, tuple[str, int]]:
        rows = db.execute(
            f"""select model, kind, count(*) from generations indexed by {indexes[column]}
                where status = ? and {column} is not null and created_at >= ? and created_at < ?
                group by model""", [done, *bounds]).fetchall()
        return {model: (kind, n) for model, kind, n in rows}

    def at_rank(model: str | None, column: str, rank: int, n: int) -> float | None:
        descending = rank > n / 2
        row = db.execute(
            f"""select {column} from generations indexed by {indexes[column]}
                where model is ? and status = ? and {column} is not null
                and created_at >= ? and created_at < ?
                order by {column} {"desc" if descending else "asc"} limit 1 offset ?""",
            [model, done, *bounds, (n - rank) if descending else rank - 1]).fetchone()
        return row[0] if row else None

    seconds, speed = counts("seconds"), counts("tokens_per_second")
    out = []
    for model, (kind, n) in sorted(seconds.items(), key=lambda item: (-item[1][1], item[0] or "")):
        nt = speed.get(model, (kind, 0))[1]
        out.append({"model": model if model is not None else UNKNOWN, "kind": kind, "runs": n,
                    "median_seconds": at_rank(model, "seconds", (n + 1) // 2, n),
                    "p95_seconds": at_rank(model, "seconds", (95 * n + 99) // 100, n),
                    "runs_with_speed": nt,
                    "median_tokens_per_second":
                        at_rank(model, "tokens_per_second", (nt + 1) // 2, nt) if nt else None,
                    # the slow end of speed (the 5th percentile) is the one a user feels
                    "slowest_5pct_tokens_per_second":
                        at_rank(model, "tokens_per_second", (5 * nt + 99) // 100, nt) if nt else None})
    return out


def _done_word(db: sqlite_utils.Database) -> str:
    """``done``, or ``ok`` in a home whose status words are not migrated yet (one word, so
    the percentile walk stays on one index range)."""
    sql = db.execute("select sql from sqlite_master where type = 'table' and name = 'generations'").fetchone()[0]
    return "done" if "'done'" in sql else "ok"


def _active_users(db: sqlite_utils.Database, period: Period, reviewers: set[str]) -> dict[str, Any]:
    """People who generated (OS user on the record) or reviewed in the 28 days to ``until``."""
    window = Period(max(period.until - timedelta(days=ACTIVE_WINDOW_DAYS - 1), date.min), period.until,
                    period.offset_minutes)
    rows = db.execute(f"select distinct {USER_SQL} from generations where created_at >= ? and created_at < ? "
                      f"and {USER_SQL} is not null", [window.start_utc, window.end_utc]).fetchall()
    generators = {r[0] for r in rows}
    return {"window_days": ACTIVE_WINDOW_DAYS, "since": window.since.isoformat(),
            "until": window.until.isoformat(), "count": len(generators | reviewers),
            "generating": len(generators), "reviewing": len(reviewers),
            "names": sorted(generators | reviewers)}
