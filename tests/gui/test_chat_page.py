"""The Chat page on the real default model, in a real worker process."""

from __future__ import annotations

import os
import signal

import pytest

from desktop.qt import Qt

pytestmark = pytest.mark.slow


def send(qtbot, win, text: str) -> None:
    chat = win.chat
    qtbot.waitUntil(lambda: not chat.bridge.busy, timeout=30_000)  # preload may be running
    chat.input.setPlainText(text)
    qtbot.mouseClick(chat.send_button, Qt.MouseButton.LeftButton)


def wait_idle(qtbot, win, timeout: int = 60_000) -> None:
    qtbot.waitUntil(lambda: not win.chat.bridge.busy, timeout=timeout)


def test_tokens_appear_while_streaming_and_the_answer_is_recorded(qtbot, window):
    chat = window.chat
    chat.settings.seed.setValue(11)
    chat.settings.max_tokens.setValue(120)
    seen_during_stream = []
    chat.bridge.tokens.connect(lambda _t: seen_during_stream.append(chat.streaming.text if chat.streaming else None))
    send(qtbot, window, "Write a short poem about the sea.")
    qtbot.waitUntil(lambda: len(seen_during_stream) >= 2, timeout=30_000)
    assert chat.bridge.busy  # tokens were on screen before the answer finished
    assert seen_during_stream[-1]
    wait_idle(qtbot, window)
    messages = chat.view.messages()
    assert [m.role for m in messages] == ["user", "assistant"]
    record = window.ws.history.get(messages[-1].generation_id)
    assert record["output"] == messages[-1].text and record["seed"] == 11
    assert "tokens/s" in messages[-1].meta_label.text()
    assert chat.context_used == record["prompt_tokens"] + record["completion_tokens"]
    assert "Device: CPU" in window.device_status.text()
    assert "tokens/s" in window.speed_status.text()
    assert chat.conversations.count() == 1


def test_stop_keeps_the_partial_answer(qtbot, window):
    chat = window.chat
    chat.settings.max_tokens.setValue(2000)
    send(qtbot, window, "Write a very long story about a dragon and a knight.")
    qtbot.waitUntil(lambda: chat.streaming is not None and len(chat.streaming.text) > 10, timeout=30_000)
    qtbot.mouseClick(chat.stop_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window, 5_000)
    answer = chat.view.messages()[-1]
    record = window.ws.history.get(answer.generation_id)
    assert record["status"] == "stopped" and record["output"] == answer.text != ""
    assert "stopped" in answer.meta_label.text()


def test_regenerate_and_edit_keep_old_turns_in_history(qtbot, window):
    chat = window.chat
    chat.settings.max_tokens.setValue(20)
    send(qtbot, window, "Name a colour.")
    wait_idle(qtbot, window)
    first = chat.view.messages()[-1].generation_id
    assert chat.view.messages()[-1].regenerate_button.isVisibleTo(window)
    chat.view.messages()[-1].regenerate_button.click()
    wait_idle(qtbot, window)
    second = chat.view.messages()[-1].generation_id
    assert second != first and len(chat.view.messages()) == 2
    assert window.ws.history.get(first)["superseded"] == 1

    chat.view.messages()[0].edit_button.click()
    assert chat.input.toPlainText() == "Name a colour." and chat.edit_bar.isVisibleTo(window)
    chat.input.setPlainText("Name an animal.")
    qtbot.mouseClick(chat.send_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    messages = chat.view.messages()
    assert [m.text for m in messages][0] == "Name an animal." and len(messages) == 2
    turns = window.ws.history.turns(chat.conversation_id)
    assert [t["prompt"] for t in turns] == ["Name an animal."]
    assert window.ws.history.count() == 3


def test_killed_worker_is_reported_and_the_next_message_works(qtbot, window):
    chat = window.chat
    chat.settings.max_tokens.setValue(1000)
    send(qtbot, window, "Tell a long story about a lighthouse keeper.")
    qtbot.waitUntil(lambda: chat.streaming is not None and len(chat.streaming.text) > 5, timeout=30_000)
    os.kill(window.ws.text_worker.pid, signal.SIGKILL)
    wait_idle(qtbot, window, 10_000)
    error = chat.view.messages()[-1].error_label.text()
    assert error.startswith("generation stopped: the model process ended (killed by SIGKILL")
    chat.settings.max_tokens.setValue(10)
    send(qtbot, window, "Say hello.")
    wait_idle(qtbot, window)
    last = chat.view.messages()[-1]
    assert last.text and not last.error_label.text()


def test_a_model_file_deleted_behind_the_apps_back(qtbot, window, smollm2, tmp_path):
    copy = tmp_path / "copy.gguf"
    copy.write_bytes(smollm2.read_bytes() + b"\0" * 32)
    window.ws.registry.import_model(copy, name="doomed", link=True)
    window.chat.reload_models()
    qtbot.waitUntil(lambda: not window.chat.bridge.busy, timeout=30_000)
    window.chat.model_combo.setCurrentIndex(window.chat.model_combo.findData("doomed"))
    copy.unlink()
    send(qtbot, window, "Hello?")
    wait_idle(qtbot, window)
    error = window.chat.view.messages()[-1].error_label.text()
    assert "is missing" in error and "import the model again" in error


def test_conversation_overflow_choice_is_offered(qtbot, window, monkeypatch):
    from desktop.qt import QMessageBox

    chat = window.chat
    chat.settings.context.setValue(256)
    chat.settings.max_tokens.setValue(40)
    chat.settings.overflow.setCurrentIndex(chat.settings.overflow.findData("refuse"))
    send(qtbot, window, "Describe a lighthouse in detail. " * 12)
    wait_idle(qtbot, window)
    offered = []

    def fake_exec(box):
        offered.append(box.text())
        for button in box.buttons():
            if button.text() == "Drop the oldest turns":
                box_button = button
        box._clicked = box_button
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box._clicked)
    send(qtbot, window, "Now describe a harbour in detail. " * 12)
    qtbot.waitUntil(lambda: bool(offered), timeout=60_000)
    wait_idle(qtbot, window)
    assert "no longer fits" in offered[0]
    last = window.ws.history.turns(chat.conversation_id)[-1]
    assert last["status"] == "done" and last["params"]["dropped_messages"] >= 2
