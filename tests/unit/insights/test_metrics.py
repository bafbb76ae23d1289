"""Insights metrics on a hand-seeded store: every figure checked against a count by hand."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from engine.errors import BadInput
from engine.insights import baselines, metrics
from engine.insights.period import Period
from engine.store.db import open_db
from tests.helpers.insights_seed import add_generation, add_job, add_row

TPE = timezone(timedelta(hours=8))


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "airlock.db")
    yield database
    database.conn.close()


def at(day: int, hour: int = 10, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=TPE)


PERIOD = Period.build("2026-11-02", "2026-11-08", offset_minutes=480)  # Monday to Sunday, Taipei


def test_empty_store_has_zeros_and_no_rates(db):
    result = metrics.compute(db, PERIOD)
    assert result["generations_by_kind"] == {"text": 0, "image": 0}
    assert result["review"]["acceptance"] == {"numerator": 0, "denominator": 0, "rate": None}
    assert result["time_saved_minutes"] == 0
    assert result["time_saved"]["estimate"] is True
    assert result["latency_by_model"] == []
    assert len(result["generations"]["by_day"]) == 7
    assert result["active_users"]["count"] == 0


def test_counts_by_kind_day_model_template_and_status(db):
    add_generation(db, at=at(2, 1), model="m1", template="post", seconds=1.0, tps=10)   # Nov 1 17:00 UTC
    add_generation(db, at=at(2, 12), model="m1", template="post", seconds=3.0, tps=30)
    add_generation(db, at=at(3), model="m1", status="stopped", seconds=2.0, tps=20)
    add_generation(db, at=at(3), model="m2", status="failed", seconds=None)
    add_generation(db, at=at(4), kind="image", model="sd", seconds=8.0, output_path="/x.png",
                   prompt_tokens=None, completion_tokens=None, user="bob")
    add_generation(db, at=at(9, 0, 30), model="m1")  # Nov 9 Taipei: outside
    add_generation(db, at=at(1, 23, 59), model="m1")  # Nov 1 Taipei: outside
    result = metrics.compute(db, PERIOD)
    assert result["generations_by_kind"] == {"text": 4, "image": 1}
    by_day = {d["day"]: d for d in result["generations"]["by_day"]}
    assert by_day["2026-11-02"] == {"day": "2026-11-02", "text": 2, "image": 0}  # 01:00 Taipei is Nov 2
    assert by_day["2026-11-04"]["image"] == 1
    assert result["generations"]["by_week"] == [{"week": "2026-11-02", "text": 4, "image": 1}]
    assert result["generations"]["by_status"] == {"done": 3, "failed": 1, "stopped": 1}
    assert result["generations"]["by_model"][0] == {"model": "m1", "kind": "text", "count": 3}
    assert result["templates"]["most_used"] == [{"template": "post", "kind": "text", "count": 2}]
    assert result["generations"]["without_template"] == 3
    assert result["generations"]["by_backend"] == [{"backend": "local", "kind": "text", "count": 4},
                                                   {"backend": "local", "kind": "image", "count": 1}]
    assert result["output"] == {"prompt_tokens": 40, "completion_tokens": 80, "images": 1}
    m1 = next(m for m in result["latency_by_model"] if m["model"] == "m1")
    # done runs of m1: 1.0 s and 3.0 s (the stopped one is left out); nearest rank
    assert (m1["runs"], m1["median_seconds"], m1["p95_seconds"]) == (2, 1.0, 3.0)
    assert (m1["median_tokens_per_second"], m1["slowest_5pct_tokens_per_second"]) == (10, 10)
    assert result["active_users"]["names"] == ["ann", "bob"]


def test_percentiles_use_nearest_rank(db):
    for seconds in range(1, 21):  # 1 … 20 s
        add_generation(db, at=at(5), model="m1", seconds=float(seconds), tps=float(seconds))
    m1 = metrics.compute(db, PERIOD)["latency_by_model"][0]
    assert (m1["median_seconds"], m1["p95_seconds"]) == (10.0, 19.0)  # ranks ceil(10), ceil(19)
    assert m1["slowest_5pct_tokens_per_second"] == 1.0


def test_review_acceptance_edits_reasons_and_time_saved(db):
    db.execute("insert into templates (name, category, kind, body, created_at, updated_at) "
               "values ('post', 'social_post', 'text', 'x', 'now', 'now')")
    job = add_job(db, "post", at=at(2))
    add_row(db, job, 1, status="approved", decided=at(3, 10, 0, 0))
    add_row(db, job, 2, status="approved", decided=at(3, 10, 0, 30))                      # 30 s
    add_row(db, job, 3, status="edited", decided=at(3, 10, 1, 30), draft="abcd", edited="abcf")  # 60 s
    add_row(db, job, 4, status="rejected", decided=at(3, 10, 2, 0), reason="off-brand")    # 30 s
    add_row(db, job, 5, status="rejected", decided=at(3, 11, 0, 0), reason="off-brand")    # a break
    add_row(db, job, 6, status="done", decided=None)                                       # not reviewed
    add_row(db, job, 7, status="approved", decided=at(12), reviewer="sam")                 # outside
    result = metrics.compute(db, PERIOD)
    review = result["review"]
    assert (review["reviewed"], review["approved_as_is"], review["approved_after_edits"], review["rejected"]) \
        == (5, 2, 1, 2)
    assert review["acceptance"] == {"numerator": 3, "denominator": 5, "rate": 0.6}
    assert review["accepted_as_is"]["rate"] == 0.4
    assert review["accepted_after_edits"] == {"numerator": 1, "denominator": 5, "rate": 0.2}
    assert review["edit_ratio"] == {"mean": 0.25, "rows": 1, "measured_rows": 1}  # one of four characters changed
    assert review["reject_reasons"] == [{"reason": "off-brand", "count": 2}]
    assert review["median_review_seconds"] == 30.0  # gaps 30, 60, 30 (the hour is a break)
    saved = result["time_saved"]
    # 3 kept x 20 min (social_post default) - 2 min measured review
    assert saved["items_kept"] == 3 and saved["manual_minutes"] == 60.0
    assert saved["review_minutes"] == pytest.approx(2.0)
    assert result["time_saved_minutes"] == pytest.approx(58.0)
    assert saved["value_twd"] == round(58 / 60 * baselines.DEFAULT_HOURLY_RATE_TWD)
    assert result["templates"]["most_approved"][0]["kept"] == 3
    assert result["active_users"]["names"] == ["rita"]


def test_baselines_are_editable_and_checked(db):
    job = add_job(db, "mail", at=at(2))
    add_row(db, job, 1, status="approved", decided=at(3))
    baselines.save(db, baselines.Baselines.from_dict({"minutes_by_template": {"mail": 45}, "hourly_rate_twd": 600}))
    saved = metrics.compute(db, PERIOD)["time_saved"]
    assert (saved["minutes"], saved["value_twd"]) == (45.0, 450)
    with pytest.raises(BadInput):
        baselines.Baselines.from_dict({"minutes_by_category": {"edm": -5}})


def test_period_checks_its_dates():
    with pytest.raises(BadInput, match="YYYY-MM-DD"):
        Period.build("2026-02-30")
    with pytest.raises(BadInput, match="swap"):
        Period.build("2026-11-09", "2026-11-01")
    assert Period.build("2026-11-02", "2026-11-02", offset_minutes=480).start_utc == "2026-11-01T16:00:00.000Z"
