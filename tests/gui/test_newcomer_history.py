"""Issue 11 on the History page and the window: the detail pane says what to do when
nothing is picked, shows local time in the person's language, search order is visible and
switchable, and the window follows what another process (the CLI) writes."""

from __future__ import annotations

import json

import pytest

from desktop import i18n
from desktop.qt import QApplication
from engine.localtime import local_text
from engine.workspace import Workspace


def test_history_detail_empty_state_local_time_and_translation(qtbot, window):
    history = window.history
    window.sidebar.setCurrentRow(window.pages.index(history))
    assert "Pick a generation" in history.detail.toPlainText()
    stamp = "2026-03-10T23:30:00.000Z"
    window.ws.history.add({"kind": "text", "prompt": "Dear customer,\nthank you.", "output": "Best,\nAnna",
                           "model": "m", "status": "done", "created_at": stamp})
    history.apply_filters()
    history.table.selectRow(0)
    text = history.detail.toPlainText()
    assert local_text(stamp) in text and local_text(stamp) == history.model.data(history.model.index(0, 0))
    assert "Status: done" in text and "Dear customer,\nthank you." in text  # lines kept
    i18n.apply_language(QApplication.instance(), "zh_TW")
    qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "對話", timeout=2000)
    assert "狀態：完成" in history.detail.toPlainText() and "提示" in history.detail.toPlainText()
    history.table.clearSelection()
    assert "在清單中選一筆" in history.detail.toPlainText()


def test_search_order_is_visible_and_switchable(qtbot, window):
    history = window.history
    assert not history.order.isEnabled()  # no query, no ranking to show
    history.search.setText("tea")
    history.apply_filters()
    assert history.order.isEnabled() and history.order.currentText() == "Best match first"
    assert history.model.filters.get("order") == "relevance"
    history.order.setCurrentIndex(history.order.findData("newest"))
    assert history.model.filters.get("order") == "newest"


def test_the_window_follows_another_processs_writes(qtbot, window, home):
    other = Workspace(home)  # a second connection, as the CLI opens
    try:
        other.history.new_conversation(title="asked elsewhere", kind="oneoff")
        bundled = other.registry.list()[0].name
        other.registry.remove(bundled)
        assert window.watcher.check()
        chats = [window.chat.conversations.item(i).text() for i in range(window.chat.conversations.count())]
        assert "asked elsewhere" in chats
        assert window.models.table.rowCount() == 0 and window.chat.model_combo.count() == 0
        assert not window.watcher.check()  # nothing new: nothing refreshes
    finally:
        other.close()


@pytest.mark.slow
def test_a_cli_question_appears_in_the_open_window_under_its_heading(qtbot, window, cli):
    answer = json.loads(cli("text", "--max-tokens", "4", "--json", "Say hi.").stdout)
    qtbot.waitUntil(lambda: window.chat.conversations.count() >= 2, timeout=5000)  # the watcher's timer
    texts = [window.chat.conversations.item(i).text() for i in range(window.chat.conversations.count())]
    assert texts[-2:] == ["One-off questions (command line)", "Say hi."], (texts, answer)
