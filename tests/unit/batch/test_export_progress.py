"""An export reports its progress row by row and can be cancelled part way, leaving no
file (what lets the Batch page run it on a background thread with a Cancel button)."""

from __future__ import annotations

import csv

import pytest

from engine.batch.export import export_job
from engine.batch.store import BatchStore
from engine.errors import Cancelled


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "mbox"])
def test_progress_then_a_cancel_part_way_writes_nothing(workspace, drafted_job, tmp_path, fmt):
    store = BatchStore(workspace.db)
    store.decide(drafted_job, [1, 2, 3, 4], "approved", "Mei")
    seen: list[tuple[int, int]] = []
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / f"out.{fmt}"
    with pytest.raises(Cancelled, match="nothing was written"):
        export_job(store, drafted_job, out, fmt, progress=lambda d, t: seen.append((d, t)),
                   cancelled=lambda: len(seen) >= 2)
    assert seen == [(1, 4), (2, 4)] and not out.exists() and not list(folder.iterdir())  # no temporary left either
    seen.clear()
    result = export_job(store, drafted_job, out, fmt, progress=lambda d, t: seen.append((d, t)),
                        cancelled=lambda: False)
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)] and out.exists()
    if fmt == "csv":
        assert [r["row"] for r in csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines())] == \
            ["1", "2", "3", "4"] and result.written == 4
