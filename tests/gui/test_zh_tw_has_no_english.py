"""In the zh-TW interface no English sentence is left: every page's labels, buttons, tabs,
placeholders, choices and messages are looked at after a switch to 繁體中文.

User data (template, model, voice and file names, prompts) is not interface text; the
check reads the interface's own widgets and leaves list and table contents out, except
the values the interface itself makes (categories, kinds, statuses).
"""

from __future__ import annotations

import re

from desktop import i18n
from desktop.qt import (QApplication, QCheckBox, QComboBox, QGroupBox, QLabel, QLineEdit, QPlainTextEdit,
                        QPushButton, QRadioButton, QTabWidget, QToolButton)

BUTTONS = (QPushButton, QToolButton, QCheckBox, QRadioButton)

ALLOWED = ("Airlock", "SWIFT", "JSON", "PNG", "GGUF", "gguf", "safetensors", "diffusers", "sha256", "GiB", "MB",
           "token", "Top P", "Top K", "Min P", "CPU", "GPU", "img2img", "bfloat16", "EDM", "zh-TW", "English",
           "OpenAI", "YYYY-MM-DD", "Ctrl", "Enter", "Esc", "A1111", "AUTOMATIC1111", "Hugging Face", "RAM",
           "DPM++ 2M Karras", "Euler a", "Euler", "DDIM", "LCM", "Turbo", "SmolLM2", "llama.cpp", "PDF",
           "Markdown", "JSON Lines", "--home DIR", "AIRLOCK_HOME", "HTML", "CSV", "Excel", "Word", "API", "URL", "PII", "IBAN", "IP", "e-mail")
TWO_WORDS = re.compile(r"\b[A-Za-z]{2,}\b[ ,.:;'’()/]+\b[A-Za-z]{2,}\b")
NOT_WORDS = re.compile(r"https?://\S+|`[^`]*`|\S+\.(?:json|gguf|safetensors|png|zip|md|jsonl|docx|xlsx|pdf)\b|--\w+")
KEY = re.compile(r"\b[a-z]+_[a-z_]+\b")
LONE = {"other", "done", "stopped", "failed", "running", "interrupted", "fits", "tight", "text", "image",
        "preset", "random", "none", "settings", "cancel", "open", "copy", "save", "delete"}


def english_in(text: str) -> str | None:
    stripped = NOT_WORDS.sub(" ", text)  # addresses, file names and code first, whole
    for word in sorted(ALLOWED, key=len, reverse=True):
        stripped = stripped.replace(word, " ")
    stripped = NOT_WORDS.sub(" ", re.sub(r"\{[^}]*\}|%p%|&\w", " ", stripped))  # addresses, files, code
    if TWO_WORDS.search(stripped) or KEY.search(stripped):
        return text
    if stripped.strip().lower() in LONE:
        return text
    return None


def interface_texts(root) -> list[tuple[str, str]]:
    """(where, text) for every visible piece of interface text under ``root``."""
    found = []
    for widget in root.findChildren(QLabel):
        if widget.isVisibleTo(root) and widget.text():
            found.append((widget.objectName() or type(widget.parent()).__name__, widget.text()))
    for widget in [w for kind in BUTTONS for w in root.findChildren(kind)]:
        if widget.isVisibleTo(root):
            found.append((f"button in {type(widget.parent()).__name__}", widget.text()))
            found.append((f"tooltip in {type(widget.parent()).__name__}", widget.toolTip()))
    for widget in root.findChildren(QGroupBox):
        found.append(("group", widget.title()))
    for widget in root.findChildren(QTabWidget):
        found += [("tab", widget.tabText(i)) for i in range(widget.count())]
    for widget in root.findChildren(QLineEdit) + root.findChildren(QPlainTextEdit):
        found.append((f"placeholder in {type(widget.parent()).__name__}", widget.placeholderText()))
    for widget in root.findChildren(QComboBox):
        if widget.isEditable():
            continue
        for i in range(widget.count()):
            data = widget.itemData(i)
            if isinstance(data, str) and data == widget.itemText(i):
                continue  # a name (a model, a voice), not interface text
            found.append((f"choice in {type(widget.parent()).__name__}", widget.itemText(i)))
    return [(where, text) for where, text in found if text]


def test_no_english_is_left_in_the_zh_tw_interface(qtbot, window):
    i18n.apply_language(QApplication.instance(), "zh_TW")
    qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "對話", timeout=2000)
    assert window.templates.select("EDM 行銷電子報")  # a Chinese template: its labels are its author's
    left = []
    for row, page in enumerate(window.pages):
        window.sidebar.setCurrentRow(row)
        qtbot.wait(50)
        left += [(type(page).__name__, where, text) for where, text in interface_texts(page) if english_in(text)]
    window.templates.set_editing(True)  # the editor too
    left += [("TemplatesPage", where, text) for where, text in interface_texts(window.templates)
             if english_in(text)]
    left += [("MainWindow", "status bar", w.text()) for w in (window.model_status, window.device_status,
                                                             window.memory_status) if english_in(w.text())]
    assert not left, "\n".join(f"{page} · {where}: {text!r}" for page, where, text in sorted(set(left)))


def test_the_detector_finds_english():
    assert english_in("Missing required variables: brand, campaign.")
    assert english_in("customer_service") and english_in("other")
    assert not english_in("請填寫必填欄位：品牌名稱。") and not english_in("需要約 1.5 GiB 記憶體")


def test_qt_own_dialog_texts_are_translated(qtbot, window):
    """Qt's own strings (the file dialog's "Look in:", "Files of type:") come from qtbase_zh_TW."""
    from desktop.qt import QCoreApplication

    i18n.apply_language(QApplication.instance(), "zh_TW")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "尋找於："
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "檔案型態："
