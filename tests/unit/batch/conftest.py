"""A workspace with the small structured mail template and a job drafted by hand."""

from __future__ import annotations

import pytest

from engine.batch.plan import create_job
from engine.batch.store import BatchStore
from engine.prompts.templates import TemplateLibrary
from tests.helpers.batch import MAIL, TABLE, draft_all


@pytest.fixture
def mail_template(workspace):
    return TemplateLibrary(workspace.db).save(MAIL)


@pytest.fixture
def drafted_job(workspace, mail_template):
    job_id = create_job(workspace, MAIL.name, TABLE, seed=5)
    draft_all(BatchStore(workspace.db), job_id)
    return job_id
