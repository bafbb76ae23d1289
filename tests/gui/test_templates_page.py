"""The Templates and Knowledge pages with pytest-qt: real SQLite, real files, real threads,
and (slow) the real default model answering a template run in the Chat page."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from desktop.pages.knowledge import KnowledgePage
from desktop.pages.templates import TemplatesPage
from desktop.qt import (QApplication, QCheckBox, QComboBox, QDate, QDateEdit, QDoubleSpinBox, QLineEdit,
                        QMessageBox, QPlainTextEdit, Qt)
from desktop.widgets.pack_dialogs import VersionsDialog
from engine.prompts.brand_voice import BrandVoices, check_text
from engine.prompts.templates import TemplateLibrary
from tests.gui.conftest import dispose
from tests.helpers.documents import write_pdf


@pytest.fixture
def page(templates_page):
    return templates_page


@pytest.fixture
def knowledge_page(qtbot, workspace):
    widget = KnowledgePage(workspace)
    qtbot.addWidget(widget)
    widget.setMinimumSize(1000, 700)
    widget.show()
    yield widget
    widget.shutdown()
    if widget.task is not None:
        qtbot.waitUntil(lambda: not widget.task.running, timeout=30_000)
    dispose(widget)


def wait_task(qtbot, task, timeout=30_000) -> None:
    qtbot.waitUntil(lambda: not task.running, timeout=timeout)
    QApplication.processEvents()


def test_library_lists_the_default_pack_with_search_and_category_filter(qtbot, page):
    names = page.template_names()
    assert len(names) >= 12 and "小紅書種草筆記" in names and "Press release" in names
    page.browser.search.setText("新聞")  # as an input method commits it
    qtbot.waitUntil(lambda: page.template_names() == ["新聞稿"], timeout=3000)
    page.browser.search.clear()
    page.browser.category_filter.setCurrentIndex(page.browser.category_filter.findData("image_prompt"))
    assert set(page.template_names()) == {"商品情境照提示詞", "夢幻兒童寫真風格", "Product shot image prompt",
                                          "Dreamy children's portrait"}


def test_typed_form_live_preview_and_send_to_chat(qtbot, page):
    assert page.select("EDM 行銷電子報")
    widgets = page.runner.form.widgets
    assert isinstance(widgets["brand"], QLineEdit) and isinstance(widgets["offer"], QPlainTextEdit)
    assert isinstance(widgets["tone"], QComboBox) and isinstance(widgets["deadline"], QDateEdit)
    page.refresh_preview()
    # the message names the form's labels, not the template's internal names
    assert page.runner.preview_message.text() == "Fill in the required fields: 品牌名稱, 活動／主題, 優惠與重點資訊."
    assert "[品牌名稱]" in page.runner.preview.toPlainText() and not page.runner.run_button.isEnabled()
    widgets["brand"].setText("山嵐茶飲")
    widgets["campaign"].setText("週年慶早鳥價")
    widgets["offer"].setPlainText("全品項 85 折，滿千免運")
    widgets["deadline"].setDate(QDate(2026, 10, 31))
    widgets["tone"].setCurrentIndex(widgets["tone"].findData("活潑有趣"))
    qtbot.waitUntil(lambda: "活動截止日：2026 年 10 月 31 日" in page.runner.preview.toPlainText(), timeout=3000)
    assert "語氣：活潑有趣" in page.runner.preview.toPlainText() and page.runner.run_button.isEnabled()
    with qtbot.waitSignal(page.send_to_chat, timeout=3000) as signal:
        qtbot.mouseClick(page.runner.run_button, Qt.MouseButton.LeftButton)
    prompt, system, info = signal.args
    assert prompt.startswith("請為「山嵐茶飲」撰寫一封行銷電子報") and system == ""
    assert info["annotations"]["template"]["variables"]["deadline"] == "2026-10-31"
    assert info["params"] == {"max_tokens": 1000, "temperature": 0.7}


def test_numbers_booleans_and_image_templates_go_to_images(qtbot, page):
    assert page.select("小紅書種草筆記")
    assert isinstance(page.runner.form.widgets["hashtags"], QDoubleSpinBox)
    page.runner.form.set_values({"product": "冷泡烏龍", "highlights": "清爽"})
    page.runner.form.widgets["hashtags"].setValue(0)
    qtbot.waitUntil(lambda: "冷泡烏龍" in page.runner.preview.toPlainText(), timeout=3000)
    assert "hashtag，混合" not in page.runner.preview.toPlainText()
    assert page.select("Instagram caption")
    assert isinstance(page.runner.form.widgets["emoji"], QCheckBox)
    assert page.select("商品情境照提示詞")
    assert page.runner.run_button.text() == "Send to Images" and not page.editor.system.isVisible()
    page.runner.form.widgets["product_en"].setText("matte black water bottle")
    page.runner.form.widgets["scene"].setCurrentIndex(page.runner.form.widgets["scene"].findData("山林戶外"))
    with qtbot.waitSignal(page.send_to_images, timeout=3000) as signal:
        page.run()
    prompt, negative = signal.args
    assert prompt.startswith("professional product photography of matte black water bottle, outdoors")
    assert "watermark" in negative


def test_editor_highlights_refuses_bad_bodies_and_keeps_versions(qtbot, page, monkeypatch):
    page.new_template()
    page.editor.name.setText("Tagline")
    page.editor.body.setPlainText("Write a tagline for {{ product }}.\n{{ audience }}")
    page.editor.add_variable_row({"name": "product", "type": "short_text", "label": "Product", "required": True})
    page.refresh_preview()
    assert "'audience' on line 2" in page.editor.editor_message.text()
    ranges = page.editor.body.document().firstBlock().layout().formats()
    assert any(r.start == len("Write a tagline for ") and r.length == len("{{ product }}") for r in ranges)
    page.editor.add_missing_variables()
    page.refresh_preview()
    assert page.editor.editor_message.text() == "" and page.runner.form.widgets.keys() == {"product", "audience"}

    page.editor.body.setPlainText("{{ ''.__class__.__mro__ }}")
    page.refresh_preview()
    assert "underscore" in page.runner.preview_message.text() and not page.runner.run_button.isEnabled()
    assert not page.save() and "underscore" in page.editor.editor_message.text()
    page.editor.body.setPlainText("Line one {{ product }}\n{% if audience %}\nfor {{ audience }}")
    assert not page.save() and "syntax error on line 3" in page.editor.editor_message.text()

    page.editor.body.setPlainText("Write a tagline for {{ product }}{% if audience %} aimed at {{ audience }}{% endif %}.")
    assert page.save() and page.current.version == 1 and not page.dirty
    page.editor.body.setPlainText("Write three taglines for {{ product }}.")
    assert page.dirty and "edited" in page.editor.version_label.text()
    assert page.save() and page.current.version == 2
    assert page.template_names().count("Tagline") == 1

    dialog = VersionsDialog(page.library, "Tagline", page)
    qtbot.addWidget(dialog)
    assert dialog.selected_version() == 1 and "-  Write a tagline for" in dialog.diff.toPlainText()
    dialog.restore()
    assert dialog.restored_version == 1 and page.library.get("Tagline").version == 3
    page.revert()
    assert page.editor.body.toPlainText().startswith("Write a tagline for")

    page.new_template()
    page.editor.name.setText("Tagline")
    page.editor.body.setPlainText("Another body")
    assert not page.save() and "already exists" in page.editor.editor_message.text()
    page.dirty = False
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.select("Tagline")
    page.delete_template()
    assert page.library.find("Tagline") is None


def test_unsaved_changes_ask_before_switching(qtbot, page, monkeypatch):
    assert page.select("新聞稿")
    page.editor.description.setText("changed")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not page.select("客服回覆") and page.current.name == "新聞稿"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    assert page.select("客服回覆")
    assert page.library.get("新聞稿").description == "changed" and page.library.get("新聞稿").version == 2


def test_pack_export_and_import_with_a_conflict_choice(qtbot, page, tmp_path):
    page.select("客服回覆")
    out = tmp_path / "cs.zip"
    page.export_to(str(out), selected_only=True)
    assert "Exported 1 templates" in page.browser.list_message.text()
    library = TemplateLibrary(page.ws.db)
    changed = library.get("客服回覆")
    library.save(replace(changed, description="我們改過的版本"))
    chosen = []

    def confirm(dialog):
        chosen.append(dialog)
        dialog.choices[("template", "客服回覆")].setCurrentIndex(1)  # replace
        return True

    page.confirm_import = confirm
    page.import_file(str(out))
    wait_task(qtbot, page.task)
    assert chosen and "1 replaced" in page.browser.list_message.text()
    assert library.get("客服回覆").version == 3 and library.get("客服回覆").description != "我們改過的版本"

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"airlock_pack": 1, "templates": [{"name": "x", "body": "{{ lipsum.__globals__ }}"}]}))
    before = page.template_names()
    page.import_file(str(bad))
    wait_task(qtbot, page.task)
    assert "underscore" in page.browser.list_message.text() and page.template_names() == before


def test_brand_voice_editor_saves_and_checks_text(qtbot, page):
    editor = page.voice_editor
    page.tabs.setCurrentIndex(1)
    editor.new_voice()
    editor.name.setText("暖心")
    editor.required.setPlainText("#暖心生活")
    editor.banned.setPlainText("最便宜\n保證")
    editor.examples.setPlainText("第一段範例\n---\n第二段範例")
    assert editor.save()
    voice = page.voices.get("暖心")
    assert voice.banned_words == ("最便宜", "保證") and voice.examples == ("第一段範例", "第二段範例")
    editor.check_input.setPlainText("全台最便宜，保證好喝")
    assert "最便宜 ×1" in editor.check_result.text() and "#暖心生活" in editor.check_result.text()
    assert page.editor.voice.findData("暖心") >= 0  # the template editor offers it at once


def test_swift_builder_previews_sends_and_saves_a_template(qtbot, page):
    swift = page.swift
    page.tabs.setCurrentIndex(2)
    swift.language.setCurrentIndex(swift.language.findData("en"))
    swift.scene.setPlainText("I write for a Taichung tea brand's Instagram.")
    swift.want.setPlainText("A 100-word post about {{ product }}.")
    swift.interact_preset.activated.emit(1)
    swift.feed.setPlainText("Price NT$350.")
    for i in range(swift.framework_list.count()):
        if swift.framework_list.item(i).data(Qt.ItemDataRole.UserRole) == "AIDA":
            swift.framework_list.setCurrentRow(i)
    qtbot.waitUntil(lambda: "## Thinking framework: AIDA" in swift.preview.toPlainText(), timeout=3000)
    text = swift.preview.toPlainText()
    assert text.index("## Scene") < text.index("## Want") < text.index("## Interact") < text.index("## Feed")
    assert "Before you write, ask me up to 3 clarifying questions." in text
    assert swift.framework_help.text().startswith("Attention → Interest → Desire → Action")
    assert "Structure the copy with AIDA" in text
    with qtbot.waitSignal(page.send_to_chat, timeout=3000) as signal:
        swift.send_button.click()
    assert signal.args[0] == text
    assert swift.save_named("Tea post (SWIFT)")
    assert page.tabs.currentIndex() == 0 and page.current.name == "Tea post (SWIFT)"
    assert [v.name for v in page.current.variables] == ["product"]
    assert not swift.save_named("Tea post (SWIFT)") and "already exists" in swift.message.text()


def test_knowledge_page_imports_with_progress_skips_bad_files_and_searches(qtbot, knowledge_page, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "品牌.md").write_text("山嵐茶飲來自台中，使用南投鹿谷的茶葉。", encoding="utf-8")
    write_pdf(docs / "tent.pdf", ["The Ridge 2 tent weighs 1.8 kg."])
    (docs / "locked.docx").write_bytes(b"PK\x03\x04 not really")
    assert knowledge_page.create_collection("產品資料")
    progress = []
    knowledge_page.import_files(sorted(docs.iterdir()))
    knowledge_page.task.progress.connect(lambda done, total: progress.append((done, total)))
    wait_task(qtbot, knowledge_page.task)
    message = knowledge_page.message.text()
    assert "Imported 2 documents" in message and "Skipped locked.docx" in message
    assert knowledge_page.documents.rowCount() == 2
    knowledge_page.search.setText("鹿谷")
    qtbot.waitUntil(lambda: knowledge_page.results.count() == 1, timeout=3000)
    knowledge_page.results.setCurrentRow(0)
    assert "南投鹿谷" in knowledge_page.chunk_view.toPlainText()


def test_a_big_import_can_be_cancelled(qtbot, knowledge_page, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(("山嵐冷泡烏龍，清爽回甘。" * 60 + "\n\n") * 20_000, encoding="utf-8")  # ~15 MB
    knowledge_page.import_files([big], collection="big")
    qtbot.waitUntil(lambda: knowledge_page.progress.maximum() > 1 and knowledge_page.progress.value() > 0,
                    timeout=60_000)
    assert knowledge_page.cancel_button.isVisible()
    qtbot.mouseClick(knowledge_page.cancel_button, Qt.MouseButton.LeftButton)
    wait_task(qtbot, knowledge_page.task, 60_000)
    assert "cancelled" in knowledge_page.message.text()
    assert knowledge_page.knowledge.documents() == []
    assert not knowledge_page.progress.isVisible()


@pytest.mark.slow
def test_a_template_run_answers_in_chat_with_brand_voice_flags(qtbot, window):
    voices = BrandVoices(window.ws.db)
    templates = TemplatesPage(window.ws)  # installs the default pack with its example voices
    qtbot.addWidget(templates)
    northwind = voices.get("Northwind Outdoor (example voice)")
    voices.save(replace(northwind, required_phrases=(*northwind.required_phrases, "#RidgeReady2026")))
    templates.send_to_chat.connect(lambda prompt, system, info: window.chat.start_with(prompt, system, info))
    assert templates.select("Customer service reply")  # uses the Northwind example voice
    templates.runner.form.set_values({"issue": "My tent arrived with a broken pole.",
                               "facts": "We ship a new pole today, free."})
    chat = window.chat
    qtbot.waitUntil(lambda: not chat.bridge.busy, timeout=30_000)
    chat.settings.seed.setValue(5)
    templates.run()
    # The template's settings run this conversation; the chat's own settings stay as they were.
    assert chat.bridge.busy and chat._run_params().max_tokens == 500
    assert chat.settings.max_tokens.value() != 500
    qtbot.waitUntil(lambda: not chat.bridge.busy, timeout=120_000)
    answer = chat.view.messages()[-1]
    record = window.ws.history.get(answer.generation_id)
    assert record["params"]["template"]["name"] == "Customer service reply"
    assert record["system"].startswith("Brand voice: Northwind Outdoor (example voice)")
    flags = record["params"]["brand_voice_flags"]
    assert flags == check_text(record["params"]["brand_voice"], record["output"])
    assert {"kind": "missing", "phrase": "#RidgeReady2026"} in flags  # no model invents that tag
    assert "Brand voice: missing required phrases:" in answer.error_label.text()
    assert "#RidgeReady2026" in answer.error_label.text()
    assert "template: Customer service reply" in answer.meta_label.text()
    # The refine loop stays in the same conversation, with the same voice.
    conversation = chat.conversation_id
    chat.input.setPlainText("Make it shorter.")
    chat.send()
    qtbot.waitUntil(lambda: not chat.bridge.busy, timeout=120_000)
    follow_up = window.ws.history.get(chat.view.messages()[-1].generation_id)
    assert follow_up["conversation_id"] == conversation and "brand_voice_flags" in follow_up["params"]
    assert follow_up["system"] == record["system"]
    templates.dirty = False
    dispose(templates)
