"""The Batch page with pytest-qt: import with preview and mapping, the review queue driven by
its keyboard shortcuts, edits with a diff, bulk approve, filters, export."""

from __future__ import annotations

import csv

import pytest

from desktop.pages.batch.importer import ImportDialog
from desktop.qt import Qt
from engine.batch.plan import create_job
from engine.batch.store import BatchStore
from engine.paths import RESOURCES
from engine.prompts.templates import TemplateLibrary
from tests.helpers.batch import MAIL, TABLE, draft_all


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
    page.export(str(tmp_path / "out.csv"), "csv")
    assert "Wrote 2 approved rows" in page.run_status.text()
    rows = list(csv.DictReader((tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [r["row"] for r in rows] == ["1", "3"]


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
