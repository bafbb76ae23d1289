"""A batch table export under the PII mode "exports" masks every cell (engine/trust/pii.py)."""

from __future__ import annotations

import csv

from engine.batch.export import export_job
from engine.batch.store import BatchStore
from engine.trust import install


def test_a_masked_csv_holds_no_address(workspace, drafted_job, tmp_path):
    store = BatchStore(workspace.db)
    store.decide(drafted_job, [1, 2, 4], "approved", "Mei")
    assert install.export_rules(workspace, asked=False) is None  # not asked, not required: as typed
    workspace.trust.set("pii_mode", ["exports"])
    rules = install.export_rules(workspace, asked=False)
    export_job(store, drafted_job, tmp_path / "out.csv", redact=rules)
    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert "example.com" not in text and text.count("[email]") >= 3
    rows = list(csv.DictReader(text.splitlines()))
    assert [r["Customer"] for r in rows] == ["Ada Lovelace", "林怡君", "Cy"]  # names are out of reach of patterns
