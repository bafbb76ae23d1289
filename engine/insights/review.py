"""Review metrics from the batch tables: acceptance, edits, rejections, review time, and
the time-saved estimate built on them.

Definitions:

- *reviewed* rows are batch rows a person decided in the period: ``approved`` (kept as
  generated), ``edited`` (kept after the reviewer changed it) or ``rejected``.
- acceptance = (approved + edited) / reviewed, also split into as-is and after edits.
- edit ratio: for edited rows, how much of the draft changed: 1 - similarity of the
  draft and the kept text (normalised Levenshtein distance), averaged (over an even sample
  of 1,000 rows when there are more); 0 means untouched, 1 all rewritten.
- review time: the seconds between a reviewer's decision and their previous one (a gap
  over 15 minutes is a break, not review); median per row, summed per template.
- time saved (an estimate, and it says so) = kept items x the template's manual-minutes
  baseline (:mod:`engine.insights.baselines`) - measured review time; its value is the
  hours at the editable hourly rate. Like Microsoft's Copilot dashboard, it is not a
  measurement of what the tool alone caused.

Until the batch tables exist in a home every count is zero.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import timedelta
from typing import Any

import sqlite_utils

from engine.insights.baselines import Baselines
from engine.insights.period import Period

CAVEAT = ("An estimate: items kept x the manual-minutes baseline per template, minus the measured "
          "review time. The baselines are assumptions an admin can edit; Airlock is not likely to be "
          "solely responsible for the time people save.")


def _rate(numerator: float, denominator: float) -> dict[str, Any]:
    return {"numerator": numerator, "denominator": denominator,
            "rate": (numerator / denominator) if denominator else None}


def has_batch(db: sqlite_utils.Database) -> bool:
    return "batch_rows" in db.table_names()


def empty_review() -> dict[str, Any]:
    return {"reviewed": 0, "approved_as_is": 0, "approved_after_edits": 0, "rejected": 0,
            "acceptance": _rate(0, 0), "accepted_as_is": _rate(0, 0), "accepted_after_edits": _rate(0, 0),
            "edit_ratio": None, "reject_reasons": [], "median_review_seconds": None, "by_template": []}


def compute(db: sqlite_utils.Database, period: Period, baselines: Baselines) -> dict[str, Any]:
    review = empty_review()
    rows: list[dict[str, Any]] = []
    if has_batch(db):
        review, rows = _review(db, period)
    return {"review": review, "most_approved": _most_approved(rows),
            "time_saved": time_saved(rows, baselines)}


REVIEWED = ("approved", "edited", "rejected")
SESSION_GAP_SECONDS = 15 * 60
"""Review time is the gap between a reviewer's consecutive decisions; a longer gap is a
break (the next session's first row has no measured time)."""


def _review(db: sqlite_utils.Database, period: Period) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    bounds = [period.start_utc, period.end_utc]
    statuses = ", ".join(f"'{s}'" for s in REVIEWED)
    per_template = db.execute(
        f"""select j.template_name, t.category, sum(r.n), sum(case r.status when 'approved' then r.n else 0 end),
                   sum(case r.status when 'edited' then r.n else 0 end),
                   sum(case r.status when 'rejected' then r.n else 0 end)
            from (select job_id, status, count(*) as n from batch_rows indexed by batch_rows_job_decisions
                  where status in ({statuses}) and decided_at >= ? and decided_at < ?
                  group by job_id, status) r
            join batch_jobs j on j.id = r.job_id
            left join templates t on t.name = j.template_name
            group by j.template_name order by sum(r.n) desc, j.template_name""", bounds).fetchall()
    times = _review_times(db, bounds)
    rows = []
    for name, category, reviewed, approved, edited, rejected in per_template:
        rows.append({"template": name, "category": category, "reviewed": reviewed, "approved": approved,
                     "edited": edited, "rejected": rejected,
                     "review_seconds": times["by_template"].get(name, 0.0),
                     "acceptance": _rate(approved + edited, reviewed)})
    reviewed = sum(r["reviewed"] for r in rows)
    approved = sum(r["approved"] for r in rows)
    edited = sum(r["edited"] for r in rows)
    reasons = db.execute(
        f"""select coalesce(nullif(trim(reason), ''), '(no reason given)') as why, count(*)
            from batch_rows indexed by batch_rows_rejected
            where decided_at >= ? and decided_at < ? and status = 'rejected'
            group by why order by count(*) desc, why limit 20""", bounds).fetchall()
    review = {
        "reviewed": reviewed, "approved_as_is": approved, "approved_after_edits": edited,
        "rejected": reviewed - approved - edited,
        "acceptance": _rate(approved + edited, reviewed),
        "accepted_as_is": _rate(approved, reviewed),
        "accepted_after_edits": _rate(edited, reviewed),
        "edit_ratio": _edit_ratio(db, bounds),
        "reject_reasons": [{"reason": why, "count": n} for why, n in reasons],
        "median_review_seconds": times["median"],
        "timed_rows": times["timed"],
        "by_template": [{k: r[k] for k in ("template", "reviewed", "approved", "edited", "rejected",
                                           "acceptance")} for r in rows],
    }
    return review, rows


def _review_times(db: sqlite_utils.Database, bounds: list[str]) -> dict[str, Any]:
    """Seconds each decision took: the gap since the same reviewer's previous decision
    (capped at a session break); the median of them, and their sum per template.

    The rows come in each reviewer's decision order straight off the
    ``batch_rows_review_order`` index (no window function, no sort in SQLite: a window
    over 20,000 rows cost more than the rest of the review metrics); the gap is
    ``round((julianday(t) - julianday(previous)) x 86400, 3)`` in Python, which for
    millisecond stamps gives the same doubles as that expression in SQLite (checked on
    the benchmark's year of 19,200 gaps)."""
    rows = db.execute(
        f"""select reviewer, julianday(decided_at), job_id from batch_rows indexed by batch_rows_review_order
            where decided_at >= ? and decided_at < ? and reviewer is not null
              and status in ({", ".join(f"'{s}'" for s in REVIEWED)})
              and job_id in (select id from batch_jobs)
            order by reviewer, decided_at, id""", bounds).fetchall()
    by_job: dict[int, list[float]] = defaultdict(list)
    previous_reviewer, previous = None, None
    for reviewer, moment, job in rows:
        # an unreadable stamp (julianday NULL) has no gap, and neither has the row after it
        if reviewer == previous_reviewer and moment is not None and previous is not None:
            gap = round((moment - previous) * 86400.0, 3)
            if gap <= SESSION_GAP_SECONDS:
                by_job[job].append(gap)
        previous_reviewer, previous = reviewer, moment
    by_template_gaps: dict[str, list[float]] = defaultdict(list)
    for job, template in db.execute("select id, template_name from batch_jobs").fetchall():
        if job in by_job:
            by_template_gaps[template] += by_job[job]
    gaps: list[float] = []
    by_template: dict[str, float] = {}
    for template, template_gaps in by_template_gaps.items():
        template_gaps.sort()
        total = 0.0
        for gap in template_gaps:  # smallest first, one by one: the same sum on every Python
            total += gap
        by_template[template] = total
        gaps += template_gaps
    gaps.sort()
    median = gaps[(len(gaps) + 1) // 2 - 1] if gaps else None
    return {"median": median, "timed": len(gaps), "by_template": by_template}


def _kept_text(value: Any) -> str:
    """A draft or an edit as one string: JSON fields joined in key order, text as it is."""
    if value is None:
        return ""
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        return str(value)
    if isinstance(data, dict):
        return "\n".join(str(data[k]) for k in sorted(data))
    return data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, sort_keys=True)


EDIT_SAMPLE = 1000
"""The edit ratio is exact up to this many edited rows in the period; above it, it is the
mean over that many rows spread evenly over the period (the error of such a mean is about
a percentage point), so a year of reviews stays fast."""


def _edit_ratio(db: sqlite_utils.Database, bounds: list[str]) -> dict[str, Any] | None:
    """How much reviewers changed the drafts they kept after editing: the normalised
    Levenshtein distance (edits / longer length, 0 = untouched, 1 = rewritten) between
    draft and kept text, by RapidFuzz, averaged over edited rows."""
    from rapidfuzz.distance import Levenshtein

    ids = [row[0] for row in db.execute(
        "select id from batch_rows indexed by batch_rows_edited "
        "where decided_at >= ? and decided_at < ? and status = 'edited' order by decided_at, id", bounds).fetchall()]
    if not ids:
        return None
    edited = len(ids)
    step = -(-edited // EDIT_SAMPLE)  # every row up to EDIT_SAMPLE, then every step-th
    # the sample is picked off the partial index (decided_at, id order); only its rows are read
    picked = ids[::step]
    texts = {row[0]: row[1:] for row in db.execute(
        "select id, coalesce(output_fields, output_text), edited_fields from batch_rows "
        "where id in (select value from json_each(?))", [json.dumps(picked)]).fetchall()}
    rows = [texts[i] for i in picked if i in texts]
    total = sum(Levenshtein.normalized_distance(_kept_text(draft), _kept_text(kept)) for draft, kept in rows)
    return {"mean": total / len(rows), "rows": edited, "measured_rows": len(rows)}


def reviewers(db: sqlite_utils.Database, period: Period, window_days: int) -> set[str]:
    """Reviewer names with a decision in the ``window_days`` days up to ``period.until``."""
    if not has_batch(db):
        return set()
    window = Period(period.until - timedelta(days=window_days - 1), period.until, period.offset_minutes)
    return {r[0] for r in db.execute(
        "select distinct reviewer from batch_rows where decided_at >= ? and decided_at < ? "
        "and reviewer is not null", [window.start_utc, window.end_utc]).fetchall()}


def _most_approved(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kept = [{"template": r["template"], "kept": r["approved"] + r["edited"],
             "acceptance": _rate(r["approved"] + r["edited"], r["reviewed"])} for r in rows]
    return sorted((k for k in kept if k["kept"]), key=lambda k: (-k["kept"], k["template"]))[:10]


def time_saved(rows: list[dict[str, Any]], baselines: Baselines) -> dict[str, Any]:
    """Kept items x baseline minutes - review minutes, per template and in total."""
    per_template = []
    for r in rows:
        kept = r["approved"] + r["edited"]
        baseline = baselines.minutes_for(r["template"], r.get("category"))
        review_minutes = (r["review_seconds"] or 0) / 60
        per_template.append({"template": r["template"], "items_kept": kept, "baseline_minutes": baseline,
                             "manual_minutes": kept * baseline, "review_minutes": review_minutes,
                             "minutes": kept * baseline - review_minutes})
    minutes = sum(t["minutes"] for t in per_template)
    return {"estimate": True, "caveat": CAVEAT,
            "items_kept": sum(t["items_kept"] for t in per_template),
            "manual_minutes": sum(t["manual_minutes"] for t in per_template),
            "review_minutes": sum(t["review_minutes"] for t in per_template),
            "minutes": minutes, "hours": minutes / 60,
            "hourly_rate_twd": baselines.hourly_rate_twd,
            "value_twd": round(minutes / 60 * baselines.hourly_rate_twd),
            "baselines": baselines.as_dict(), "by_template": per_template}
