"""The batch benchmark: 50 rows with the shared prefix's KV cache reused vs cold, the
cache hit rate, and prompt-lookup decoding. Run with
``pytest -m perf tests/perf/test_batch_bench.py -s``; the numbers are printed."""

from __future__ import annotations

import pytest

from engine.bench.batch import bench_batch, format_batch_report

pytestmark = [pytest.mark.perf, pytest.mark.slow, pytest.mark.timeout(1800)]


def test_prefix_reuse_ratio_and_prompt_lookup(workspace):
    report = bench_batch(workspace, rows=50, tokens=16)
    print("\n" + format_batch_report(report))
    assert report["same_text"]  # reuse changes the speed, never the greedy text
    assert report["cache_hit_rate"] > 0.5 and report["cold_hit_rate"] == 0
    assert report["reuse_over_cold"] <= 0.6
    assert report["prompt_lookup"]["identical_greedy_text"]
