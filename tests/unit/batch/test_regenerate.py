"""Regenerating a batch row (G on the Batch page): back to the front of the queue with a
new seed, the replaced draft kept and shown, the request audited; and the claim order
that puts rows tried before first."""

from __future__ import annotations

import pytest

from engine.batch import review
from engine.batch.store import BatchStore, process_owner
from engine.errors import BadInput
from engine.trust.audit import log_for


def test_a_regenerated_row_keeps_its_earlier_draft_and_gets_a_new_seed(workspace, drafted_job):
    store = BatchStore(workspace.db)
    store.decide(drafted_job, [2], "edited", "Mei", edited_fields={"subject": "Hi Lin", "body": "Edited"})
    before = store.row(drafted_job, 2)
    row = review.regenerate(workspace, drafted_job, 2, "Mei")
    assert row.status == "pending" and row.output_fields is None and row.edited_fields is None
    assert row.reviewer is None and row.attempts == 0 and row.seed != before.seed
    earlier = store.earlier_drafts(drafted_job, 2)
    assert [e["fields"] for e in earlier] == [{"subject": "Hi Lin", "body": "Edited"}]  # what the review showed
    assert earlier[0]["reviewer"] == "Mei" and earlier[0]["at"]
    assert [d["decision"] for d in store.decisions(drafted_job, 2)] == ["edited", "regenerated"]
    entry = log_for(workspace).entries(event="batch.reviewed")[0]
    assert entry["details"] == {"job_id": drafted_job, "decision": "regenerated", "rows": 1}
    assert review.regenerate(workspace, drafted_job, 2).status == "pending"  # already queued: nothing more
    assert len(store.earlier_drafts(drafted_job, 2)) == 1


def test_a_regenerated_row_is_claimed_first_even_beyond_a_dry_runs_rows(workspace, drafted_job):
    store = BatchStore(workspace.db)
    review.regenerate(workspace, drafted_job, 4, "Mei")
    review.regenerate(workspace, drafted_job, 3, "Mei")
    me = process_owner()
    assert store.claim_next(drafted_job, me, upto=2).row_number == 3
    assert store.claim_next(drafted_job, me, only=[1, 2]) is None  # drafted already: nothing pending there
    assert store.claim_next(drafted_job, me, upto=2).row_number == 4


def test_a_row_being_generated_cannot_be_regenerated(workspace, mail_template):
    from engine.batch.plan import create_job
    from tests.helpers.batch import MAIL, TABLE

    store = BatchStore(workspace.db)
    job_id = create_job(workspace, MAIL.name, TABLE, seed=1)
    store.claim_next(job_id, process_owner())
    with pytest.raises(BadInput, match="being generated"):
        review.regenerate(workspace, job_id, 1)


def test_review_decisions_from_any_front_end_are_audited(workspace, drafted_job):
    review.decide(workspace, drafted_job, [1, 2], "approved", "Mei")
    review.decide(workspace, drafted_job, [3], "rejected", "Mei", reason="no address")
    entries = log_for(workspace).entries(event="batch.reviewed")
    assert [(e["details"]["decision"], e["details"]["rows"]) for e in entries] == [("rejected", 1), ("approved", 2)]
    assert "no address" not in str(entries)  # the decision, never the text
