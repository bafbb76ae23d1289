"""Issue 11 on the Templates page: use first, edit second; messages in the person's
language naming the form's labels; no message or snippet left over from another template."""

from __future__ import annotations

from desktop import i18n
from desktop.qt import QApplication
from tests.gui.test_templates_page import page, wait_task  # noqa: F401 (the page fixture)


def test_the_page_opens_on_the_form_and_editing_is_a_second_mode(qtbot, page):
    assert page.select("EDM 行銷電子報")
    assert not page.editor.isVisible() and page.runner.isVisible()
    assert page.runner.width() > 700  # a roomy form, not ~120 px beside the editor
    assert page.runner.runner_title.text() == "EDM 行銷電子報"
    assert page.runner.description.text() == page.current.description != ""
    label = page.runner.form.findChildren(type(page.runner.runner_title))
    assert any(w.text().startswith("品牌名稱") for w in label)
    page.runner.edit_button.click()
    assert page.editor.isVisible() and page.runner.isVisible() and page.editing
    page.runner.edit_button.click()
    assert not page.editor.isVisible()
    page.new_template()
    assert page.editor.isVisible() and page.runner.edit_button.isChecked()


def test_missing_fields_are_named_by_their_labels_in_both_languages(qtbot, page):
    assert page.select("EDM 行銷電子報")
    page.refresh_preview()
    assert page.runner.preview_message.text() == "Fill in the required fields: 品牌名稱, 活動／主題, 優惠與重點資訊."
    i18n.apply_language(QApplication.instance(), "zh_TW")
    try:
        qtbot.waitUntil(lambda: page.runner.edit_button.text() == "編輯範本", timeout=2000)
        assert page.runner.preview_message.text() == "請填寫必填欄位：品牌名稱、活動／主題、優惠與重點資訊。"
    finally:
        i18n.apply_language(QApplication.instance(), "en")


def test_a_pack_error_is_translated_and_belongs_to_its_import(qtbot, page, tmp_path):
    i18n.apply_language(QApplication.instance(), "zh_TW")
    try:
        qtbot.waitUntil(lambda: page.runner.edit_button.text() == "編輯範本", timeout=2000)
        broken = tmp_path / "broken.json"
        broken.write_text("{not json", encoding="utf-8")
        page.import_file(str(broken))
        wait_task(qtbot, page.task)
        message = page.browser.list_message
        assert message.isVisible() and message.text().startswith("broken.json 不是有效的 JSON（第 1 行")
        page.select("客服回覆")  # another template: the import's message goes
        assert not message.isVisible()
        page.import_file(str(broken))
        wait_task(qtbot, page.task)
        assert message.isVisible()
    finally:
        i18n.apply_language(QApplication.instance(), "en")
    qtbot.waitUntil(lambda: page.runner.edit_button.text() == "Edit template", timeout=2000)
    assert not page.browser.list_message.isVisible()  # nor does it survive a language switch


def test_snippets_picked_for_one_template_are_not_carried_to_the_next(qtbot, page):
    assert page.select("客服回覆")
    snippets = page.runner.snippets
    snippets.picked[12345] = "price list #1"  # as a click on a search result does
    assert snippets.picked_ids() == [12345]
    assert page.select("新聞稿")
    assert snippets.picked_ids() == [] and "price list" not in snippets.picked_label.text()


def test_categories_show_their_names_not_their_keys(qtbot, page):
    assert page.select("客服回覆")
    assert page.editor.category.currentText() == "Customer service"
    assert page.draft().category == "customer_service"
    i18n.apply_language(QApplication.instance(), "zh_TW")
    try:
        qtbot.waitUntil(lambda: page.runner.edit_button.text() == "編輯範本", timeout=2000)
        assert page.editor.category.currentText() == page.browser.category_name("customer_service") != \
            "customer_service"
        assert page.draft().category == "customer_service" and not page.dirty
        page.editor.category.setEditText("季節活動")  # a label of one's own is its own category
        assert page.draft().category == "季節活動"
    finally:
        page.dirty = False
        i18n.apply_language(QApplication.instance(), "en")
