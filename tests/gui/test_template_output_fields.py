"""The template editor's Output fields tab (the shape batch jobs draft to): a batch
template's fields load, survive an unrelated edit and save, new fields are added and
checked, and the tab speaks zh-TW."""

from __future__ import annotations

import pytest

from desktop import i18n
from desktop.qt import QApplication

BATCH_MAIL = "Batch: customer follow-up mail"


@pytest.fixture
def page(templates_page):
    return templates_page


def _cell(editor, row: int, column: int) -> str:
    return editor.outputs_table.item(row, column).text()


def test_a_batch_templates_output_fields_are_edited_and_saved(qtbot, page):
    assert page.select(BATCH_MAIL)
    editor = page.editor
    assert editor.outputs_table.rowCount() == 2
    assert [_cell(editor, r, 0) for r in range(2)] == ["subject", "body"] and _cell(editor, 0, 4) == "80"
    editor.description.setText("Follow-up, edited")  # an unrelated edit keeps the fields
    assert page.save() and [f.name for f in page.library.get(BATCH_MAIL).outputs] == ["subject", "body"]

    editor.add_output_row()
    row = editor.outputs_table.rowCount() - 1
    editor.outputs_table.item(row, 0).setText("next_steps")
    editor.outputs_table.item(row, 1).setText("Next steps")
    box = editor.outputs_table.cellWidget(row, 2)
    box.setCurrentIndex(box.findData("list"))
    editor.outputs_table.item(row, 3).setText("3")
    assert page.dirty
    editor.outputs_table.item(0, 4).setText("sixty")  # not a number: one sentence, nothing saved
    assert not page.save() and "whole number" in editor.editor_message.text()
    editor.outputs_table.item(0, 4).setText("60")
    assert page.save()
    saved = page.library.get(BATCH_MAIL)
    assert [(f.name, f.kind, f.items, f.max_chars) for f in saved.outputs] == [
        ("subject", "text", None, 60), ("body", "text", None, 1200), ("next_steps", "list", 3, None)]
    assert saved.outputs[2].label == "Next steps"

    editor.outputs_table.item(row, 0).setText("next steps")  # the engine's check, shown in the editor
    assert not page.save() and "letters, digits and underscores" in editor.editor_message.text()
    editor.outputs_table.item(row, 0).setText("next_steps")
    editor.outputs_table.selectRow(row)
    editor.remove_output_rows()
    assert page.save() and [f.name for f in page.library.get(BATCH_MAIL).outputs] == ["subject", "body"]


def test_image_templates_have_no_output_fields_and_the_tab_is_translated(qtbot, page, workspace):
    editor = page.editor
    assert page.select(BATCH_MAIL)
    editor.kind.setCurrentIndex(editor.kind.findData("image"))
    assert not editor.editor_tabs.isTabVisible(3)
    editor.kind.setCurrentIndex(editor.kind.findData("text"))
    assert editor.editor_tabs.isTabVisible(3) and len(page.draft().outputs) == 2
    i18n.apply_language(QApplication.instance(), "zh_TW")
    try:
        qtbot.waitUntil(lambda: editor.editor_tabs.tabText(3) == "輸出欄位", timeout=2000)
        assert editor.add_output_button.text() == "新增欄位"
        assert editor.outputs_table.cellWidget(0, 2).currentText() == "文字"
        assert editor.outputs_table.horizontalHeaderItem(4).text() == "字數上限"
    finally:
        i18n.apply_language(QApplication.instance(), "en")
    qtbot.waitUntil(lambda: editor.editor_tabs.tabText(3) == "Output fields", timeout=2000)
    assert editor.outputs_table.cellWidget(0, 2).currentText() == "text"
