"""The Batch page with pytest-qt: import with preview and mapping, the review queue driven by
its keyboard shortcuts, edits with a diff, bulk approve, filters, export."""

from __future__ import annotations

import csv

import pytest

from desktop.pages.batch.importer import ImportDialog
from desktop.qt import Qt
from engine.batch import review
from engine.batch.plan import create_job
from engine.batch.store import BatchStore
from engine.batch.table import Table
from engine.paths import RESOURCES
from engine.prompts.outputs import OutputField
from engine.prompts.templates import Template, TemplateLibrary
from engine.prompts.variables import Variable
from engine.trust.audit import log_for
from tests.helpers.batch import MAIL, TABLE, draft_all

SUBJECT = Template(  # small and short, for a real run on the default model
    name="Subject line", language="en", system="You write short, friendly mail subject lines.",
    body="Write one subject line for a thank-you mail.\n\nCustomer: {{ name }}",
    variables=(Variable("name", required=True),), params={"max_tokens": 32, "temperature": 0.7},
    outputs=(OutputField("subject", max_chars=30),))


@pytest.fixture
def page(qtbot, workspace, request):
    TemplateLibrary(workspace.db).save(MAIL)
    job_id = create_job(workspace, MAIL.name, TABLE, seed=5)
    draft_all(BatchStore(workspace.db), job_id)
    window = request.getfixturevalue("window")
    widget = window.batch
    window.sidebar.setCurrentRow(window.pages.index(widget))
    widget.reload_jobs()
    widget.reviewer.setText("Mei")
    widget.table.setFocus()
    qtbot.waitUntil(widget.table.hasFocus, timeout=5000)  # J/K/A/E/R/G are the table's own shortcuts
    return widget


def test_review_with_the_keyboard(qtbot, page, workspace):
    store = BatchStore(workspace.db)
    assert page.table.rowCount() == 4 and page.current_row().row_number == 1
    assert page.source.toPlainText().startswith("Customer: Ada Lovelace")
    assert page.field_editors["subject"].toPlainText() == "Hello Ada Lovelace"
    qtbot.keyClick(page.table, Qt.Key.Key_J)
    qtbot.keyClick(page.table, Qt.Key.Key_K)
    assert page.current_row().row_number == 1
    qtbot.keyClick(page.table, Qt.Key.Key_A)  # approve row 1, move on
    row1 = store.row(page.job_id, 1)
    assert row1.status == "approved" and row1.reviewer == "Mei" and row1.decided_at
    assert page.current_row().row_number == 2

    qtbot.keyClick(page.table, Qt.Key.Key_E)  # edit row 2
    editor = page.field_editors["subject"]
    assert not editor.isReadOnly()
    editor.setPlainText("致 林怡君")  # (QTest types Latin keys only)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    row2 = store.row(page.job_id, 2)
    assert row2.status == "edited" and row2.edited_fields["subject"] == "致 林怡君"
    assert row2.output_fields["subject"] == "Hello 林怡君"  # the original is kept beside the edit
    page.table.setCurrentCell(1, 0)
    assert page.diff.isVisibleTo(page) and "line-through" in page.diff.toHtml()

    page.table.setCurrentCell(2, 0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_R)  # reject asks for a reason first
    assert store.row(page.job_id, 3).status == "done" and "reason" in page.run_status.text()
    qtbot.keyClicks(page.reason, "no address")
    qtbot.keyClick(page.reason, Qt.Key.Key_Return)
    row3 = store.row(page.job_id, 3)
    assert row3.status == "rejected" and row3.reason == "no address" and row3.reviewer == "Mei"
    page.table.setCurrentCell(2, 0)
    assert "no address" in page.decision.text() and "Mei" in page.decision.text()


def test_filters_bulk_approve_and_export(qtbot, page, workspace, tmp_path):
    page.filter.setCurrentIndex(page.filter.findData("done"))
    assert page.table.rowCount() == 4
    page.table.selectRow(0)
    page.table.selectionModel().select(page.table.model().index(2, 0),
                                       page.table.selectionModel().SelectionFlag.Select |
                                       page.table.selectionModel().SelectionFlag.Rows)
    page.approve_selected()
    assert BatchStore(workspace.db).counts(page.job_id)["approved"] == 2
    assert page.table.rowCount() == 2  # the filter shows what is still to review
    page.export(str(tmp_path / "out.csv"), "csv")  # on a background thread: the window goes on
    assert page.export_task is not None and page.export_button.text() == "Cancel export"
    qtbot.waitUntil(lambda: page.export_task is None, timeout=30000)
    assert "Wrote 2 approved rows" in page.run_status.text()
    rows = list(csv.DictReader((tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [r["row"] for r in rows] == ["1", "3"]
    written = log_for(workspace).entries(event="export.written")[0]["details"]
    assert written["records"] == 2 and written["format"] == "csv" and written["path"].endswith("out.csv")
    assert page.export_button.text() == "Export approved…" and page.export_button.isEnabled()


def test_an_export_can_be_cancelled_and_writes_nothing(qtbot, page, workspace, tmp_path):
    review.decide(workspace, page.job_id, [1, 2, 3, 4], "approved", "Mei")
    page.export(str(tmp_path / "out.xlsx"), "xlsx")
    page.export()  # the same button, pressed again while it runs: cancel
    qtbot.waitUntil(lambda: page.export_task is None, timeout=30000)
    assert "cancelled" in page.run_status.text() and not (tmp_path / "out.xlsx").exists()
    assert not log_for(workspace).entries(event="export.written")


def test_review_decisions_in_the_window_are_audited(qtbot, page, workspace):
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    entry = log_for(workspace).entries(event="batch.reviewed")[0]
    assert entry["details"] == {"job_id": page.job_id, "decision": "approved", "rows": 1}


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_g_drafts_the_row_again_and_shows_the_earlier_draft(qtbot, workspace, window):
    """G runs the row on the real default model at once; the replaced draft stays shown."""
    TemplateLibrary(workspace.db).save(SUBJECT)
    job_id = create_job(workspace, SUBJECT.name, Table(columns=("Customer",), rows=(("Ada",), ("Bo",)),
                                                       source_name="names.csv"), mapping={"name": "Customer"}, seed=7)
    draft_all(BatchStore(workspace.db), job_id)
    page = window.batch
    window.sidebar.setCurrentRow(window.pages.index(page))
    page.reload_jobs(select=job_id)
    page.reviewer.setText("Mei")
    page.table.setFocus()
    before = BatchStore(workspace.db).row(job_id, 1)
    qtbot.keyClick(page.table, Qt.Key.Key_G)
    assert page.runner is not None and "row 1 again" in page.run_status.text()
    qtbot.waitUntil(lambda: page.runner is None, timeout=600000)
    row = BatchStore(workspace.db).row(job_id, 1)
    assert row.status in ("done", "failed") and row.generation_id and row.seed != before.seed, row.error
    assert BatchStore(workspace.db).row(job_id, 2).output_fields == {"subject": "Hello Bo", "body": "- for you"}
    assert "Row 1" in page.run_status.text() and page.current_row().row_number == 1
    assert page.earlier.isVisibleTo(page) and "Hello Ada" in page.earlier.toPlainText()
    assert "Mei" in page.earlier_title.text()
    if row.status == "done":  # the new draft is what the review shows
        assert page.field_editors["subject"].toPlainText() == row.output_fields["subject"]


def test_import_dialog_previews_maps_and_creates_a_job(qtbot, workspace, window):
    TemplateLibrary(workspace.db).save(MAIL)
    page = window.batch
    dialog = page.new_batch(str(RESOURCES / "batch" / "sample-customers.csv"))
    dialog.template.setCurrentIndex(dialog.template.findData("Batch: customer follow-up mail"))
    assert "utf-8-sig" in dialog.detected.text() and dialog.preview.rowCount() == 8
    assert dialog.chosen_mapping()["customer_name"] == "customer_name" and dialog.create.isEnabled()
    dialog.template.setCurrentIndex(dialog.template.findData(MAIL.name))
    box = dialog.mapping.cellWidget(0, 1)
    box.setCurrentIndex(0)  # the required variable left without a column
    assert not dialog.create.isEnabled() and "Customer" in dialog.problems.text()
    box.setCurrentIndex(box.findData("customer_name"))
    assert dialog.create.isEnabled()
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-16"))  # a wrong pick: one sentence, no job
    assert not dialog.create.isEnabled() and "sample-customers.csv" in dialog.problems.text()
    dialog.encoding.setCurrentIndex(0)
    box = dialog.mapping.cellWidget(0, 1)
    box.setCurrentIndex(box.findData("customer_name"))
    dialog.create.click()
    qtbot.waitUntil(lambda: page.jobs.count() == 1)
    assert page.table.rowCount() == 20 and page.current_row().input["customer_name"] == "林怡君"
    assert isinstance(dialog, ImportDialog)
