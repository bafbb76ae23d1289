"""Issue 11 on the Chat page: settings that never leak, text shown as written, the first
start, the context meter and a refused prompt that stays in the box."""

from __future__ import annotations

import pytest

from desktop import i18n
from desktop.qt import QApplication, Qt
from desktop.widgets.message_view import MessageWidget
from engine.jobs import SamplingParams


def zh(qtbot, window) -> None:
    i18n.apply_language(QApplication.instance(), "zh_TW")
    qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "對話", timeout=2000)


def test_lines_are_kept_and_only_unambiguous_markdown_renders(qtbot):
    letter = "Channel: Email\nCustomer: there\nMood: calm\n\nBest regards,\nAnna\n---\n# Notes\n- one"
    widget = MessageWidget("assistant", letter)
    qtbot.addWidget(widget)
    html = widget.body.text()
    assert html.count("<br") >= 3  # each typed line stays a line
    assert "<h2>" not in html and "Anna" in html and "<hr" in html  # no setext heading from "---"
    assert "<h1>Notes</h1>" in html and "<li>one</li>" in html
    widget.copy_button.click()
    assert QApplication.clipboard().text() == letter  # Copy gives the raw text
    assert widget.copy_button.text() == "Copied"
    qtbot.waitUntil(lambda: widget.copy_button.text() == "Copy", timeout=3000)


def test_first_start_greets_with_three_starting_points_in_both_languages(qtbot, window):
    chat = window.chat
    assert chat.welcome.isVisible() and not chat.view.isVisible()
    assert chat.welcome.model_note.isVisible()  # only the bundled test model: say what it is for
    settings_row = window.pages.index(window.settings)
    assert chat.settings_button.text() == "Answer settings" != window.sidebar.item(settings_row).text()
    chat.welcome.template_button.click()
    assert window.stack.currentWidget() is window.templates
    window.sidebar.setCurrentRow(0)
    chat.welcome.import_button.click()
    assert window.stack.currentWidget() is window.models
    window.sidebar.setCurrentRow(0)
    zh(qtbot, window)
    assert chat.welcome.title.text() == "歡迎使用 Airlock"
    assert [b.text() for b in (chat.welcome.ask_button, chat.welcome.template_button,
                               chat.welcome.import_button)] == ["提問", "使用範本", "匯入更好的模型"]
    assert chat.settings_button.text() == "回答設定" and window.sidebar.item(settings_row).text() == "設定"


def test_one_off_command_line_questions_have_their_own_heading(qtbot, window):
    ws = window.ws
    ws.history.new_conversation(title="a chat", kind="text")
    ws.history.new_conversation(title="asked with airlock text", kind="oneoff")
    window.chat.reload_conversations()
    texts = [window.chat.conversations.item(i).text() for i in range(window.chat.conversations.count())]
    assert texts == ["a chat", "One-off questions (command line)", "asked with airlock text"]
    heading = window.chat.conversations.item(1)
    assert heading.flags() == Qt.ItemFlag.NoItemFlags


def test_the_context_meter_counts_what_is_typed(qtbot, window):
    chat = window.chat
    chat.input.setPlainText("word " * 4000)  # 20,000 characters
    qtbot.waitUntil(lambda: chat.context_meter.value() > 4000 or chat.context_meter.value()
                    == chat.context_meter.maximum(), timeout=2000)
    assert "about" in chat.context_meter.format()
    zh(qtbot, window)
    assert "約" in chat.context_meter.format()


@pytest.mark.slow
def test_a_templates_settings_never_carry_over_and_titles_follow_edits(qtbot, window):
    chat = window.chat
    qtbot.waitUntil(lambda: not chat.bridge.busy, timeout=30_000)  # the preload
    own = chat.settings.params()
    assert own == SamplingParams()  # the chat's own settings, untouched by anything before
    chat.start_with("Write a slogan.", None, {"params": {"max_tokens": 500, "temperature": 0.4}})
    assert chat.last_request.params.max_tokens == 500 and chat.last_request.params.temperature == 0.4
    assert chat.settings.params() == own  # the panel still shows the chat's own
    chat.stop()
    qtbot.waitUntil(lambda: not chat.bridge.busy, timeout=30_000)
    chat.new_chat()
    chat.settings.max_tokens.setValue(6)
    chat.input.setPlainText("First question")
    chat.send()
    assert chat.last_request.params == chat.settings.params()  # its own, not the template's
    assert chat.last_request.params.temperature == own.temperature
    qtbot.waitUntil(lambda: not chat.bridge.busy, timeout=60_000)
    conversation = chat.conversation_id
    first = chat.view.messages()[0]
    chat.edit(first.generation_id)
    chat.input.setPlainText("## Scene\nA better first question")
    chat.send()
    qtbot.waitUntil(lambda: not chat.bridge.busy, timeout=60_000)
    assert window.ws.history.conversation(conversation)["title"] == "A better first question"

    chat.new_chat()  # a prompt refused as too long stays in the box, to be shortened
    chat.settings.context.setValue(256)
    long_prompt = "Please summarise this. " + "tea " * 2000
    chat.input.setPlainText(long_prompt)
    chat.send()
    qtbot.waitUntil(lambda: not chat.bridge.busy, timeout=60_000)
    assert chat.input.toPlainText() == long_prompt.strip()


def test_engine_messages_from_a_worker_are_shown_translated(qtbot, window):
    from desktop.engine_text import engine_text
    from engine import messages

    sent = messages.PROMPT_TOO_LONG(n_ctx=256, tokens=2003, reserve=64)  # as the text worker words it
    assert engine_text(sent) == sent  # English stays English
    zh(qtbot, window)
    assert engine_text(sent).startswith("這則訊息超過 256 token 的上下文長度（2003 個 token")
    assert engine_text("Something nobody declared.") == "Something nobody declared."
    window.chat.show_banner(sent)
    assert window.chat.banner.text().startswith("這則訊息超過")


def test_starting_goes_once_the_image_progress_bar_runs(qtbot, window):
    from engine import jobs

    images = window.images
    images._starting = True
    images.form.show_message("Starting…")
    images._on_progress(jobs.Progress(job_id="j", step=1, total=20, stage="denoise"))
    assert images.form.message.text() == "" and images.form.progress.isVisibleTo(images)
