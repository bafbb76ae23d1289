"""All insights for a year of 100,000 generations and 20,000 reviewed rows within 300 ms
(issue 16), on a store seeded by tests/helpers/insights_seed.py. Also reported: the same
run's raw covering-index scan of the year, so a number taken on a busy machine can be read
as a ratio."""

from __future__ import annotations

import statistics
import time

import pytest

from engine.insights import metrics
from engine.insights.period import Period
from engine.store.db import open_db
from tests.helpers.insights_seed import seed_year

BUDGET_SECONDS = 0.300

pytestmark = pytest.mark.perf


def test_a_year_of_insights_within_budget(tmp_path):
    db = open_db(tmp_path / "airlock.db")
    seed_year(db, generations=100_000, reviewed=20_000)
    db.execute("analyze")
    period = Period.build("2025-12-01", "2026-11-30", offset_minutes=0)  # the seeded year, in UTC
    result = metrics.compute(db, period)  # warm the page cache once, like a second look
    assert result["generations"]["total"] == 100_000 and result["review"]["reviewed"] == 20_000
    timings, scans = [], []
    for _ in range(5):
        start = time.perf_counter()
        metrics.compute(db, period)
        timings.append(time.perf_counter() - start)
        start = time.perf_counter()
        db.execute("select count(*), sum(prompt_tokens) from generations where created_at >= ? and created_at < ?",
                   [period.start_utc, period.end_utc]).fetchone()
        scans.append(time.perf_counter() - start)
    median, scan = statistics.median(timings), statistics.median(scans)
    print(f"\ninsights for a year: median {median * 1000:.0f} ms over {len(timings)} runs "
          f"(min {min(timings) * 1000:.0f} ms); one raw index scan of the year {scan * 1000:.1f} ms "
          f"(ratio {median / scan:.1f})")
    db.conn.close()
    assert median <= BUDGET_SECONDS
