"""Date filters mean local days, whatever the UTC offset (issue 9 item 5: the History page
compared local dates with UTC stamps, eight hours off in Taipei)."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone

import pytest

from engine.localtime import day_range, period_start
from engine.store.db import open_db
from engine.store.history import History


@pytest.fixture
def taipei(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Taipei")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_day_range_is_local_midnight_in_utc(taipei):
    assert day_range(date(2026, 3, 1), date(2026, 3, 2)) == ("2026-02-28T16:00:00.000Z", "2026-03-02T16:00:00.000Z")
    noon = datetime(2026, 3, 2, 12, 0, tzinfo=timezone(timedelta(hours=8)))
    assert period_start(0, noon) == "2026-03-01T16:00:00.000Z"
    assert period_start(7, noon) == "2026-02-22T16:00:00.000Z" and period_start(None) is None


def test_history_filtered_by_local_day(taipei, tmp_path):
    history = History(open_db(tmp_path / "a.db"))
    ids = {}
    for stamp in ("2026-03-01T15:59:00.000Z", "2026-03-01T16:01:00.000Z"):  # 23:59 on 1 March, 00:01 on 2 March
        ids[stamp] = history.add({"kind": "text", "model": "m", "prompt": stamp, "output": "", "status": "done"})
        history.db.execute("update generations set created_at = ? where id = ?", [stamp, ids[stamp]])
    since, until = day_range(date(2026, 3, 2), date(2026, 3, 2))
    assert [r["id"] for r in history.list(since=since, until=until)] == [ids["2026-03-01T16:01:00.000Z"]]
    since, until = day_range(date(2026, 3, 1), date(2026, 3, 1))
    assert [r["id"] for r in history.list(since=since, until=until)] == [ids["2026-03-01T15:59:00.000Z"]]
