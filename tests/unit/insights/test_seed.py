"""The benchmark's seeding code (tests/helpers/insights_seed.py) at a small size: it writes
the history it promises, and the insights' index-driven figures agree with plain SQL over
the same rows (a window function for review times, ORDER BY for percentiles), the forms
the faster queries replaced."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from engine.insights import metrics, review
from engine.insights.period import Period
from engine.store.db import open_db
from tests.helpers.insights_seed import seed_year

END = datetime(2026, 12, 1, tzinfo=timezone.utc)
YEAR = Period.build("2025-12-01", "2026-11-30", offset_minutes=0)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    db = open_db(tmp_path_factory.mktemp("seed") / "airlock.db")
    assert seed_year(db, generations=1000, reviewed=300, end=END) == {"generations": 1000, "reviewed": 300}
    yield db
    db.conn.close()


def test_seed_writes_a_year_of_generations_and_reviews(seeded):
    first, last = seeded.execute("select min(created_at), max(created_at) from generations").fetchone()
    assert "2025-12-01" <= first and last < "2026-12-01"
    assert seeded.execute("select count(distinct model), count(distinct user_name), count(distinct template_name) "
                          "from generations").fetchone() == (6, 5, 12)
    statuses = dict(seeded.execute("select status, count(*) from batch_rows group by status").fetchall())
    assert set(statuses) == {"approved", "edited", "rejected"} and sum(statuses.values()) == 300
    assert seeded.execute("select count(distinct job_id), count(distinct reviewer) from batch_rows").fetchone() == (200, 4)

    result = metrics.compute(seeded, YEAR)
    assert result["generations"]["total"] == 1000 and result["review"]["reviewed"] == 300
    assert sum(d["text"] + d["image"] for d in result["generations"]["by_day"]) == 1000
    assert result["review"]["approved_as_is"] == statuses["approved"]
    assert result["review"]["rejected"] == statuses["rejected"]


def test_grouped_pass_matches_plain_sums(seeded):
    result = metrics.compute(seeded, YEAR)
    prompt, completion, images = seeded.execute(
        "select sum(prompt_tokens), sum(completion_tokens), "
        "sum(kind = 'image' and output_path is not null and status in ('done', 'stopped')) from generations"
    ).fetchone()
    assert result["output"] == {"prompt_tokens": prompt, "completion_tokens": completion, "images": images}
    by_kind = dict(seeded.execute("select kind, count(*) from generations group by kind").fetchall())
    assert result["generations_by_kind"] == {"text": by_kind["text"], "image": by_kind["image"]}


def test_percentiles_match_a_sort(seeded):
    for entry in metrics.compute(seeded, YEAR)["latency_by_model"]:
        values = [r[0] for r in seeded.execute(
            "select seconds from generations where model = ? and status = 'done' and seconds is not null "
            "order by seconds", [entry["model"]]).fetchall()]
        n = len(values)
        assert entry["runs"] == n
        assert entry["median_seconds"] == values[(n + 1) // 2 - 1]
        assert entry["p95_seconds"] == values[(95 * n + 99) // 100 - 1]


def test_review_times_match_the_window_function(seeded):
    bounds = YEAR.bounds()
    rows = seeded.execute(
        """with gaps as (
               select j.template_name as template,
                      round((julianday(r.decided_at) - julianday(lag(r.decided_at) over
                          (partition by r.reviewer order by r.decided_at, r.id))) * 86400.0, 3) as gap
               from batch_rows r join batch_jobs j on j.id = r.job_id
               where r.decided_at >= ? and r.decided_at < ? and r.reviewer is not null
                 and r.status in ('approved', 'edited', 'rejected'))
           select template, gap from gaps where gap is not null and gap <= ? order by gap""",
        [*bounds, review.SESSION_GAP_SECONDS]).fetchall()
    expected: dict[str, float] = {}
    for template, gap in rows:
        expected[template] = expected.get(template, 0.0) + gap
    times = review._review_times(seeded, bounds)
    assert times["timed"] == len(rows) > 250
    assert times["median"] == rows[(len(rows) + 1) // 2 - 1][1]
    assert times["by_template"] == expected
