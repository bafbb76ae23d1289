"""Brand voices: the list, an editor, and a box that checks any text against the voice."""

from __future__ import annotations

from desktop.engine_text import engine_text
from desktop.qt import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                        QMessageBox, QPlainTextEdit, QPushButton, QSplitter, Qt, QVBoxLayout, QWidget, Signal)
from engine.prompts.brand_voice import BrandVoice, BrandVoices, check_text
from engine.errors import BadInput

EXAMPLE_SEPARATOR = "---"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class BrandVoiceEditor(QWidget):
    voices_changed = Signal()

    def __init__(self, voices: BrandVoices, parent: QWidget | None = None):
        super().__init__(parent)
        self.voices = voices
        self.current: str | None = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton()
        self.delete_button = QPushButton()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        left_layout.addLayout(buttons)
        self.splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        form = QFormLayout()
        self.name = QLineEdit()
        self.language = QComboBox()
        self.language.addItem("繁體中文 (zh-TW)", "zh-TW")
        self.language.addItem("English (en)", "en")
        self.tone = QPlainTextEdit()
        self.tone.setMaximumHeight(80)
        self.audience = QPlainTextEdit()
        self.audience.setMaximumHeight(60)
        self.required = QPlainTextEdit()
        self.required.setMaximumHeight(60)
        self.banned = QPlainTextEdit()
        self.banned.setMaximumHeight(60)
        self.examples = QPlainTextEdit()
        self.examples.setMinimumHeight(90)
        self.labels = {key: QLabel() for key in ("name", "language", "tone", "audience", "required", "banned",
                                                 "examples")}
        for key, widget in (("name", self.name), ("language", self.language), ("tone", self.tone),
                            ("audience", self.audience), ("required", self.required), ("banned", self.banned),
                            ("examples", self.examples)):
            self.labels[key].setWordWrap(True)
            form.addRow(self.labels[key], widget)
        right_layout.addLayout(form)
        actions = QHBoxLayout()
        self.save_button = QPushButton()
        actions.addWidget(self.save_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        actions.addWidget(self.message, 1)
        right_layout.addLayout(actions)
        self.check_title = QLabel()
        self.check_title.setObjectName("pageTitle")
        right_layout.addWidget(self.check_title)
        self.check_input = QPlainTextEdit()
        self.check_input.setMaximumHeight(90)
        right_layout.addWidget(self.check_input)
        self.check_result = QLabel()
        self.check_result.setWordWrap(True)
        right_layout.addWidget(self.check_result)
        right_layout.addStretch()
        self.splitter.addWidget(right)
        self.splitter.setSizes([220, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.list.currentItemChanged.connect(self._selected)
        self.new_button.clicked.connect(self.new_voice)
        self.delete_button.clicked.connect(self.delete_current)
        self.save_button.clicked.connect(self.save)
        self.check_input.textChanged.connect(self._check)
        for widget in (self.required, self.banned):
            widget.textChanged.connect(self._check)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        texts = {"name": self.tr("Name"), "language": self.tr("Language"), "tone": self.tr("Tone and style"),
                 "audience": self.tr("Audience"), "required": self.tr("Required phrases (one a line)"),
                 "banned": self.tr("Banned words (one a line)"),
                 "examples": self.tr("Example passages (separate with a line of ---)")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.new_button.setText(self.tr("New"))
        self.delete_button.setText(self.tr("Delete…"))
        self.save_button.setText(self.tr("Save voice"))
        self.tone.setPlaceholderText(self.tr("e.g. Warm and sincere, short sentences, no hype"))
        self.check_title.setText(self.tr("Check a text against this voice"))
        self.check_input.setPlaceholderText(self.tr("Paste a draft here to see banned words and missing phrases."))
        self._check()

    def reload(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for voice in self.voices.list():
            item = QListWidgetItem(voice.name)
            item.setData(Qt.ItemDataRole.UserRole, voice.name)
            self.list.addItem(item)
            if voice.name == self.current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.current is None and self.list.count():
            self.list.setCurrentRow(0)
        self.delete_button.setEnabled(self.current is not None)

    def _selected(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        voice = self.voices.find(item.data(Qt.ItemDataRole.UserRole))
        if voice is not None:
            self.show_voice(voice)

    def show_voice(self, voice: BrandVoice | None) -> None:
        self.current = voice.name if voice else None
        voice = voice or BrandVoice(name="")
        self.name.setText(voice.name)
        self.language.setCurrentIndex(max(self.language.findData(voice.language), 0))
        self.tone.setPlainText(voice.tone)
        self.audience.setPlainText(voice.audience)
        self.required.setPlainText("\n".join(voice.required_phrases))
        self.banned.setPlainText("\n".join(voice.banned_words))
        self.examples.setPlainText(f"\n{EXAMPLE_SEPARATOR}\n".join(voice.examples))
        self.message.clear()
        self.delete_button.setEnabled(self.current is not None)
        self._check()

    def new_voice(self) -> None:
        self.list.clearSelection()
        self.show_voice(None)
        self.name.setFocus()

    def edited_voice(self) -> BrandVoice:
        examples = [part.strip() for part in
                    "\n".join(self.examples.toPlainText().splitlines()).split(f"\n{EXAMPLE_SEPARATOR}\n")]
        return BrandVoice.from_dict({
            "name": self.name.text(), "language": self.language.currentData(), "tone": self.tone.toPlainText(),
            "audience": self.audience.toPlainText(), "required_phrases": _lines(self.required.toPlainText()),
            "banned_words": _lines(self.banned.toPlainText()), "examples": [e for e in examples if e]})

    def save(self) -> bool:
        try:
            voice = self.voices.save(self.edited_voice(), previous_name=self.current)
        except BadInput as exc:
            self.message.setObjectName("warning")
            self.message.setText(engine_text(exc))
            self._polish(self.message)
            return False
        self.current = voice.name
        self.message.setObjectName("meta")
        self.message.setText(self.tr("Saved (version {v}).").format(v=voice.version))
        self._polish(self.message)
        self.reload()
        self.voices_changed.emit()
        return True

    def delete_current(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete brand voice"), self.tr(
            "Delete the brand voice '{name}'? Templates that use it will run without it.").format(name=self.current))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.voices.delete(self.current)
        self.current = None
        self.reload()
        if not self.list.count():
            self.show_voice(None)
        self.voices_changed.emit()

    def _check(self) -> None:
        text = self.check_input.toPlainText()
        if not text.strip():
            self.check_result.clear()
            return
        rules = {"required": _lines(self.required.toPlainText()), "banned": _lines(self.banned.toPlainText())}
        flags = check_text(rules, text)
        banned = [f"{f['phrase']} ×{f['count']}" for f in flags if f["kind"] == "banned"]
        missing = [f["phrase"] for f in flags if f["kind"] == "missing"]
        lines = []
        if banned:
            lines.append(self.tr("Uses banned words: {words}").format(words=", ".join(banned)))
        if missing:
            lines.append(self.tr("Missing required phrases: {phrases}").format(phrases=", ".join(missing)))
        self.check_result.setObjectName("warning" if lines else "meta")
        self.check_result.setText("\n".join(lines) or self.tr("Fits the voice: no banned words, nothing missing."))
        self._polish(self.check_result)

    @staticmethod
    def _polish(label: QLabel) -> None:
        label.style().unpolish(label)
        label.style().polish(label)
