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
    activity, totals = _activity(db, period, bounds)
    review = review_metrics.compute(db, period, baselines)
    return {
        "period": period.as_dict(),
        "generations_by_kind": activity["by_kind"],
        "generations": activity,
        "output": totals.output,
        "latency_by_model": _latency(db, bounds, totals),
        "review": review["review"],
        "templates": {"most_used": activity["by_template"][:10],
                      "most_approved": review["most_approved"]},
        "active_users": _active_users(db, period, review_metrics.reviewers(db, period, ACTIVE_WINDOW_DAYS)),
        "time_saved": review["time_saved"],
        "time_saved_minutes": review["time_saved"]["minutes"],
    }


class Totals:
    """What the one grouped pass over the period adds up besides the counts: tokens and
    images produced, and per model the ``done`` runs with a duration and with a speed
    (the sizes of the latency percentile walks)."""

    def __init__(self) -> None:
        self.output = {"prompt_tokens": 0, "completion_tokens": 0, "images": 0}
        self.timed: dict[str | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.sped: dict[str | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def runs(self, which: dict[str | None, dict[str, int]]) -> dict[str | None, tuple[str, int]]:
        """``{model: (kind, runs)}``: the kind is the model's most frequent one."""
        return {model: (max(kinds, key=lambda k: (kinds[k], k)), sum(kinds.values()))
                for model, kinds in which.items() if sum(kinds.values())}


OLD_STATUS = {"ok": "done", "cancelled": "stopped"}
"""Stored status words from before the reliability migration, in today's words."""
IMAGE_KEPT = ("done", "stopped")
"""Statuses (today's words) whose image counts as produced: a stopped run keeps its picture."""


def _activity(db: sqlite_utils.Database, period: Period, bounds: list[str]) -> tuple[dict[str, Any], Totals]:
    """Counts by local day and kind (a range count per day on a partial index of each
    kind), then everything else in one GROUP BY over the period that reads the
    m_insights_003 covering index in its own order: counts by kind, model, status,
    template and backend, tokens, images, and the run counts the latency walks need."""
    by_kind: dict[str, int] = {"text": 0, "image": 0}
    days: dict[str, dict[str, int]] = defaultdict(lambda: {"text": 0, "image": 0})
    # one range count per local day and kind, each on its kind's own small index
    edges = [period.start_utc] + [_utc_after(period, i) for i in range(period.days)]
    spans = [[(period.since + timedelta(days=i)).isoformat(), edges[i], edges[i + 1]] for i in range(period.days)]
    per_day = db.execute(
        """with days(day, lo, hi) as (select value ->> 0, value ->> 1, value ->> 2 from json_each(?))
           select day,
             (select count(*) from generations indexed by generations_insights_text_days
              where kind = 'text' and created_at >= lo and created_at < hi),
             (select count(*) from generations indexed by generations_insights_image_days
              where kind = 'image' and created_at >= lo and created_at < hi)
           from days""", [json.dumps(spans)]).fetchall()
    for day, texts, images in per_day:
        days[day] = {"text": texts, "image": images}
    by_status: dict[str, int] = defaultdict(int)
    dims: dict[str, dict[tuple[str, str], int]] = {"model": defaultdict(int), "template": defaultdict(int),
                                                   "backend": defaultdict(int)}
    totals = Totals()
    done = _done_word(db)
    grouped = db.execute(
        f"""select kind, model, status, template_name, {BACKEND_SQL}, count(*),
                   sum(prompt_tokens), sum(completion_tokens), count(output_path),
                   count(seconds), count(tokens_per_second)
            from generations indexed by generations_insights_totals
            where created_at >= ? and created_at < ?
            group by kind, model, status, template_name, backend_name""", bounds).fetchall()
    for kind, model, stored, template, backend, n, prompt, completion, outputs, timed, sped in grouped:
        status = OLD_STATUS.get(stored, stored)
        by_kind[kind] = by_kind.get(kind, 0) + n
        by_status[status] += n
        for name, key in (("model", model), ("template", template), ("backend", backend)):
            dims[name][(key if key is not None else UNKNOWN, kind)] += n
        totals.output["prompt_tokens"] += prompt or 0
        totals.output["completion_tokens"] += completion or 0
        if kind == "image" and status in IMAGE_KEPT:
            totals.output["images"] += outputs
        if stored == done:
            totals.timed[model][kind] += timed
            totals.sped[model][kind] += sped
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
    }, totals


def _utc_after(period: Period, index: int) -> str:
    """The stored time that ends local day ``index`` of ``period`` (its next midnight, in UTC)."""
    return Period(period.since, period.since + timedelta(days=index), period.offset_minutes).end_utc


def _latency(db: sqlite_utils.Database, bounds: list[str], totals: Totals) -> list[dict[str, Any]]:
    """Median and p95 seconds per generation and tokens/s, per model, nearest rank.

    The run counts come from the grouped pass (:class:`Totals`); each percentile is one
    walk of a (model, status, value, created_at) index to its rank, from whichever end is
    nearer, so a year of history costs index entries, not a sort."""
    done = _done_word(db)
    indexes = {"seconds": "generations_insights_seconds", "tokens_per_second": "generations_insights_speed"}

    def at_rank(model: str | None, column: str, rank: int, n: int) -> float | None:
        descending = rank > n / 2
        row = db.execute(
            f"""select {column} from generations indexed by {indexes[column]}
                where model is ? and status = ? and {column} is not null
                and created_at >= ? and created_at < ?
                order by {column} {"desc" if descending else "asc"} limit 1 offset ?""",
            [model, done, *bounds, (n - rank) if descending else rank - 1]).fetchone()
        return row[0] if row else None

    seconds, speed = totals.runs(totals.timed), totals.runs(totals.sped)
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
