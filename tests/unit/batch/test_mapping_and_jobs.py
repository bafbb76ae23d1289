"""Column mapping, per-row validation, job creation (refusals create no job) and the row store."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from engine.batch import mapping
from engine.batch.plan import create_job
from engine.batch.store import BatchStore, owner_alive, process_owner
from engine.batch.table import Table
from engine.errors import BadInput
from tests.helpers.batch import MAIL, TABLE


def test_auto_map_by_name_or_label_and_email_column():
    assert mapping.auto_map(MAIL, ("Customer", "E-mail", "PRODUCT")) == {"customer_name": "Customer",
                                                                         "product": "PRODUCT"}
    assert mapping.auto_map(MAIL, ("customer name",)) == {"customer_name": "customer name", "product": None}
    assert mapping.email_column(("name", "E-Mail")) == "E-Mail"
    assert mapping.email_column(("姓名", "電子郵件")) == "電子郵件"


def test_every_failing_row_is_listed():
    table = Table(columns=("Customer", "product"), rows=(("", "x"), ("Ada", ""), ("", ""), ("Bo", "y")),
                  source_name="t.csv")
    problems = mapping.validate_rows(MAIL, table, {"customer_name": "Customer", "product": "product"})
    assert [p.row_number for p in problems] == [1, 3]
    assert "customer_name" in problems[0].message
    lines = mapping.problems_message(problems).splitlines()
    assert lines[0] == "2 rows cannot be used:" and lines[1].startswith("Row 1: ") and lines[2].startswith("Row 3: ")
    many = [mapping.RowProblem(n, "The value is empty.") for n in range(1, 14)]
    assert mapping.problems_message(many).splitlines()[-1] == "And 3 more rows."  # the first ten, then a count


def test_a_required_variable_with_no_column_is_refused():
    with pytest.raises(BadInput, match="No column is mapped to the required variable Customer"):
        mapping.check_mapping(MAIL, ("email",), {"customer_name": None, "product": None})
    with pytest.raises(BadInput, match="no column 'Nope'"):
        mapping.check_mapping(MAIL, ("email",), {"customer_name": "Nope"})


def test_a_refused_file_creates_no_job(workspace, mail_template):
    bad = Table(columns=("Customer",), rows=(("Ada",), ("",)), source_name="t.csv")
    with pytest.raises(BadInput, match="1 row cannot be used:\nRow 2: "):
        create_job(workspace, MAIL.name, bad)
    with pytest.raises(BadInput, match="No column is mapped"):
        create_job(workspace, MAIL.name, TABLE, mapping={"customer_name": None})
    with pytest.raises(BadInput, match="temperature"):
        create_job(workspace, MAIL.name, TABLE, params={"temperature": float("nan")})
    assert BatchStore(workspace.db).jobs() == []


def test_job_keeps_what_reproduces_it_and_prompts_put_the_row_last(workspace, mail_template):
    job_id = create_job(workspace, MAIL.name, TABLE, seed=100, params={"max_tokens": 50})
    store = BatchStore(workspace.db)
    job = store.job(job_id)
    assert job.template_version == 1 and job.template_snapshot["body"] == MAIL.body
    assert job.model_sha256 == workspace.registry.get(job.model).sha256
    assert job.params["max_tokens"] == 50 and job.seed == 100 and job.seed_policy == "per_row"
    assert json.loads(job.json_schema)["required"] == ["subject", "body"]
    rows = store.rows(job_id)
    assert [r.seed for r in rows] == [101, 102, 103, 104]
    assert rows[1].prompt == "Write to 林怡君 about 烏龍茶." and rows[2].prompt.endswith("+33 kettle.")
    assert all(r.system == rows[0].system and '"subject"' in r.system for r in rows)  # the fixed part
    assert store.counts(job_id)["pending"] == 4


def test_claim_finish_and_recovery_of_a_dead_owner(workspace, mail_template):
    store = BatchStore(workspace.db)
    job_id = create_job(workspace, MAIL.name, TABLE, seed=1)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    ghost = f"{dead.stdout.strip()}:12345.000"
    assert not owner_alive(ghost) and owner_alive(process_owner())
    first = store.claim_next(job_id, ghost)
    assert first.row_number == 1 and first.attempts == 1 and store.counts(job_id)["running"] == 1
    me = process_owner()
    second = store.claim_next(job_id, me)
    assert second.row_number == 2
    assert store.recover(job_id) == 1  # only the dead owner's row
    assert store.row(job_id, 1).status == "pending" and store.row(job_id, 2).status == "running"
    assert not store.finish(first.id, ghost, "done", output_text="late")  # a recovered row is not written twice
    assert store.finish(second.id, me, "done", output_text="ok")
    again = store.claim_next(job_id, me)
    assert again.row_number == 1 and again.attempts == 2


def test_decisions_record_reviewer_time_reason_and_edits(workspace, drafted_job):
    store = BatchStore(workspace.db)
    assert store.decide(drafted_job, [1, 2], "approved", "Mei") == 2
    with pytest.raises(BadInput, match="reason"):
        store.decide(drafted_job, [3], "rejected", "Mei")
    store.decide(drafted_job, [3], "rejected", "Mei", reason="no address")
    store.decide(drafted_job, [4], "edited", "Jun", edited_fields={"subject": "Hi Cy", "body": "Edited"})
    with pytest.raises(BadInput, match="who is reviewing"):
        store.decide(drafted_job, [1], "approved", " ")
    row4 = store.row(drafted_job, 4)
    assert row4.status == "edited" and row4.reviewer == "Jun" and row4.decided_at
    assert row4.output_fields["subject"] == "Hello Cy" and row4.final_fields["subject"] == "Hi Cy"
    assert store.row(drafted_job, 3).reason == "no address"
    assert [d["decision"] for d in store.decisions(drafted_job, 4)] == ["edited"]
    assert store.counts(drafted_job) == {"pending": 0, "running": 0, "done": 0, "failed": 0, "approved": 2,
                                         "edited": 1, "rejected": 1}
    store.regenerate(drafted_job, 3)
    assert store.row(drafted_job, 3).status == "pending" and store.row(drafted_job, 3).output_fields is None


def test_pending_rows_cannot_be_approved(workspace, mail_template):
    job_id = create_job(workspace, MAIL.name, TABLE)
    with pytest.raises(BadInput, match="Rows 1, 2 have no draft"):
        BatchStore(workspace.db).decide(job_id, [1, 2], "approved", "Mei")
    assert BatchStore(workspace.db).counts(job_id)["pending"] == 4
