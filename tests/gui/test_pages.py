"""History, Models and Settings pages, with real SQLite, real files and real threads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from desktop import i18n
from desktop.qt import QApplication, QMessageBox, Qt
from engine.registry.registry import DEFAULT_TEXT_MODEL
from tests.gui.conftest import dispose


def wait_task(qtbot, task, timeout=30_000) -> None:
    """Wait for a task's thread, then deliver the signals it queued on its way out."""
    qtbot.waitUntil(lambda: not task.running, timeout=timeout)
    QApplication.processEvents()


def add_generations(ws, rows):
    conversation = ws.history.new_conversation("seed")
    return [ws.history.add({"conversation_id": conversation, "prompt": p, "output": o, "model": m})
            for p, o, m in rows]


def test_history_search_finds_two_character_chinese_words(qtbot, window):
    ids = add_generations(window.ws, [
        ("請說明我們的品牌調性", "溫暖、專業", "qwen"),
        ("Draft a product page", "Hand-made ceramics", "smol"),
        ("新品上市貼文", "限時優惠", "qwen"),
    ])
    page = window.history
    window.sidebar.setCurrentRow(window.pages.index(window.history))
    assert page.model.rowCount() == 3
    page.search.setText("品牌")  # as an input method commits it (QTest cannot type CJK)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.model.record(0)["id"] == ids[0]
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=3000)
    page.model_filter.setCurrentIndex(page.model_filter.findData("qwen"))
    assert {r["id"] for r in page.model.rows} == {ids[0], ids[2]}


def test_history_loads_lazily(qtbot, window):
    ws = window.ws
    conversation = ws.history.new_conversation("bulk")
    with ws.db.conn:
        ws.db.conn.executemany(
            "insert into generations (conversation_id, prompt, output, created_at, search_text) "
            "values (?, ?, '', '2026-01-01', '')", [(conversation, f"p{i}") for i in range(1000)])
    page = window.history
    page.model.refresh()
    assert page.model.rowCount() == 200 and page.model.canFetchMore()
    page.model.fetchMore()
    assert page.model.rowCount() == 400
    assert page.model.rows[0]["prompt"] == "p999"  # newest first


def test_history_delete_with_confirmation_and_open_in_chat(qtbot, window, monkeypatch):
    ids = add_generations(window.ws, [("first", "a", "m"), ("second", "b", "m")])
    page = window.history
    window.sidebar.setCurrentRow(window.pages.index(window.history))
    page.table.selectRow(1)  # the older one
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.delete_selected()
    assert window.ws.history.count() == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.table.selectRow(1)
    page.delete_selected()
    assert window.ws.history.get(ids[0]) is None and window.ws.history.count() == 1
    page.table.selectRow(0)
    page.open_selected()
    assert window.stack.currentWidget() is window.chat
    assert [m.text for m in window.chat.view.messages()] == ["second", "b"]


def test_history_export_runs_in_the_background(qtbot, window, tmp_path):
    add_generations(window.ws, [(f"prompt {i} amy@corp.com", "answer", "m") for i in range(450)])
    target = tmp_path / "out.jsonl"
    results = []
    task = window.history.export(selected_only=False, path=str(target))
    task.succeeded.connect(results.append)
    wait_task(qtbot, task)
    assert results == [450]
    lines = target.read_text().splitlines()
    assert len(lines) == 450 and json.loads(lines[0])["prompt"] == "prompt 0 amy@corp.com"
    assert not (tmp_path / "out.jsonl.part").exists()


def test_import_a_model_and_a_refused_one(qtbot, window, smollm2, tmp_path):
    page = window.models
    window.sidebar.setCurrentRow(window.pages.index(window.models))
    copy = tmp_path / "Other-Model.Q4_1.gguf"
    copy.write_bytes(smollm2.read_bytes() + b"\0" * 32)
    task = page.import_path(copy)
    wait_task(qtbot, task)
    names = [page.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(page.table.rowCount())]
    assert "other-model.q4_1" in names
    assert "Imported 'other-model.q4_1'" in page.message.text()
    assert window.chat.model_combo.findData("other-model.q4_1") >= 0  # the chat sees it

    pickle = tmp_path / "bad.ckpt"
    pickle.write_bytes(b"\x80\x04")
    task = page.import_path(pickle)
    wait_task(qtbot, task)
    assert "pickle file" in page.message.text() and "Traceback" not in page.message.text()
    assert page.message.objectName() == "warning"


def test_cancel_an_import(qtbot, window, tmp_path):
    big = tmp_path / "big.gguf"
    from engine.registry.registry import default_model_file

    data = default_model_file().read_bytes()
    with open(big, "wb") as f:  # a valid GGUF followed by padding: slow enough to cancel
        f.write(data)
        f.write(b"\0" * 400_000_000)
    page = window.models
    task = page.import_path(big)
    qtbot.waitUntil(lambda: page.progress.value() > 0, timeout=20_000)
    page.cancel_button.click()
    wait_task(qtbot, task)
    assert "nothing was kept" in page.message.text()
    assert list(window.ws.home.models_dir.iterdir()) == []


def test_remove_model_asks_first(qtbot, window, monkeypatch):
    page = window.models
    page.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.remove_selected()
    assert window.ws.registry.find(DEFAULT_TEXT_MODEL) is None
    assert window.chat.model_combo.count() == 0
    assert "import one" in window.chat.fit_label.text()


def test_switching_language_translates_labels_live(qtbot, window):
    settings = window.settings
    window._update_memory()  # (its timer would, within seconds)
    assert window.memory_status.text().startswith("Memory")
    settings.language.setCurrentIndex(settings.language.findData("zh_TW"))
    qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "對話", timeout=2000)
    assert window.chat.send_button.text() == "送出"
    assert window.history.title.text() == "歷史紀錄"
    assert window.models.import_button.text() == "匯入檔案…"
    assert settings.language_note.text() == "立即套用，不需要重新啟動。"
    assert window.prefs.get("language") == "zh_TW"
    # texts that were already on screen before the switch are re-rendered too
    assert window.images.form.message.text().startswith("還沒有圖片模型")
    assert window.memory_status.text().startswith("記憶體")
    settings.language.setCurrentIndex(settings.language.findData("en"))
    qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "Chat", timeout=2000)


def test_theme_and_window_state_are_remembered(qtbot, workspace):
    from desktop.app import create_window

    app = QApplication.instance()
    first = create_window(workspace, app)
    first.show()
    first.settings.theme.setCurrentIndex(first.settings.theme.findData("dark"))
    first.sidebar.setCurrentRow(2)
    first.resize(first.width() + 40, first.height() - 30)
    size_at_close = first.size()
    first.chat.splitter.setSizes([150, 600, 0])
    splitter_left = first.chat.splitter.sizes()[0]
    first.close()
    dispose(first)
    second = create_window(workspace, app)
    second.show()
    assert second.sidebar.currentRow() == 2
    assert second.prefs.get("theme") == "dark"
    assert app.palette().window().color().name() == "#1b1f26"
    # (the offscreen screen is 800 px wide, so only the height can be restored exactly here)
    assert second.height() == size_at_close.height()
    assert second.chat.splitter.sizes()[0] == splitter_left
    second.settings.theme.setCurrentIndex(second.settings.theme.findData("light"))
    second.close()
    dispose(second)
    i18n.apply_language(app, "en")


STARTUP = textwrap.dedent("""
    import sys, time
    start = time.perf_counter()
    from desktop.app import create_window
    from desktop.qt import QApplication
    from engine.workspace import Workspace
    app = QApplication(sys.argv[:1])
    ws = Workspace.open(sys.argv[1])
    window = create_window(ws, app)
    window.show()
    app.processEvents()
    print(time.perf_counter() - start)
    print(",".join(m for m in ("torch", "diffusers", "transformers", "llama_cpp") if m in sys.modules))
    ws.close()
""")


def test_the_gui_process_never_imports_inference_libraries(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", STARTUP, str(tmp_path / "home")], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    _seconds, heavy = result.stdout.splitlines()
    assert heavy == ""


def test_drop_a_file_to_import_it(qtbot, window, smollm2, tmp_path):
    from desktop.qt import QDropEvent, QMimeData, QPoint, QUrl

    copy = tmp_path / "Dropped.gguf"
    copy.write_bytes(smollm2.read_bytes() + b"\0" * 64)
    page = window.models
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(copy))])
    event = QDropEvent(QPoint(10, 10).toPointF(), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.dropEvent(event)
    wait_task(qtbot, page.task)
    assert window.ws.registry.find("dropped") is not None


def test_a_catalog_model_is_recognized_and_its_settings_apply(qtbot, window, smollm2, tmp_path):
    from engine.registry import catalog

    entry = next(e for e in catalog.entries() if e.id.startswith("gemma-3-4b"))
    copy = tmp_path / entry.file_name  # recognized by file name (no published hash here)
    copy.write_bytes(smollm2.read_bytes() + b"\0" * 96)
    page = window.models
    wait_task(qtbot, page.import_path(copy))
    assert f"Recognized as {entry.name}" in page.message.text()
    chat = window.chat
    chat.model_combo.setCurrentIndex(chat.model_combo.findText(copy.stem.lower()))
    assert chat.settings.temperature.value() == pytest.approx(entry.recommended_temperature)
    assert chat.settings.context.value() == min(entry.recommended_context, 8192)


def test_the_bundled_model_is_labelled_as_a_small_english_test_model(qtbot, window):
    notes = window.models.table.item(0, 9).text()
    assert "test model" in notes and "Chinese" in notes


def test_template_run_reaches_the_chat_and_images_pages(qtbot, window):
    window.templates.send_to_images.emit("a dreamy portrait, soft light", "text, watermark")
    assert window.stack.currentWidget() is window.images
    assert window.images.form.prompt.toPlainText() == "a dreamy portrait, soft light"
    assert window.images.form.negative.toPlainText() == "text, watermark"
    qtbot.waitUntil(lambda: not window.chat.bridge.busy, timeout=30_000)
    window.chat.settings.max_tokens.setValue(8)
    window.templates.send_to_chat.emit("Say hello to our customers.", "You are polite.", {})
    assert window.stack.currentWidget() is window.chat
    qtbot.waitUntil(lambda: not window.chat.bridge.busy, timeout=60_000)
    turns = window.ws.history.turns(window.chat.conversation_id)
    assert turns[0]["prompt"] == "Say hello to our customers." and turns[0]["system"] == "You are polite."
