"""The SWIFT builder: a guided form (Scene, Want, Interact, Feed, Thinking framework) with
a live preview of the prompt it makes, which can be sent to Chat or saved as a template.

The refinement loop (Interact) continues in the chat: the prompt opens a conversation
and every follow-up goes to the same one, with the same instructions.
"""

from __future__ import annotations

from desktop.engine_text import engine_text
from desktop.qt import (QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QInputDialog, QLabel,
                        QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QScrollArea,
                        QSplitter, Qt, QTimer, QToolButton, QVBoxLayout, QWidget, Signal)
from desktop.tasks import Task
from desktop.widgets.snippet_picker import SnippetPicker
from engine.errors import BadInput
from engine.prompts.swift import INTERACT_PRESETS, Attachment, SwiftBrief, build_prompt, to_template
from engine.workspace import Workspace


class SwiftBuilder(QWidget):
    send_to_chat = Signal(str, str, object)  # prompt, system ("" for none), info for ChatPage.start_with
    template_saved = Signal(str)

    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = ws.templates
        self.frameworks = ws.frameworks
        self.knowledge = ws.knowledge
        self.attachments: list[Attachment] = []
        self.task: Task | None = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)

        form_widget = QWidget()
        form = QVBoxLayout(form_widget)
        top = QFormLayout()
        self.language_label = QLabel()
        self.language = QComboBox()
        self.language.addItem("繁體中文 (zh-TW)", "zh-TW")
        self.language.addItem("English (en)", "en")
        top.addRow(self.language_label, self.language)
        form.addLayout(top)
        self.scene_box, self.scene = self._part()
        self.want_box, self.want = self._part()
        self.interact_box, self.interact = self._part()
        self.interact_preset = QComboBox()
        self.interact_box.layout().addWidget(self.interact_preset)
        self.feed_box, self.feed = self._part()
        attach_row = QHBoxLayout()
        self.attach_button = QPushButton()
        attach_row.addWidget(self.attach_button)
        self.attachments_label = QLabel()
        self.attachments_label.setObjectName("meta")
        self.attachments_label.setWordWrap(True)
        attach_row.addWidget(self.attachments_label, 1)
        self.clear_attachments = QToolButton()
        self.clear_attachments.setObjectName("link")
        attach_row.addWidget(self.clear_attachments)
        self.feed_box.layout().addLayout(attach_row)
        self.snippets = SnippetPicker(self.knowledge)
        self.snippets.auto.setVisible(False)
        self.snippets.top_k.setVisible(False)
        self.feed_box.layout().addWidget(self.snippets)
        self.thinking_box = QGroupBox()
        thinking = QVBoxLayout(self.thinking_box)
        self.framework_list = QListWidget()
        self.framework_list.setMaximumHeight(130)
        thinking.addWidget(self.framework_list)
        self.framework_help = QLabel()
        self.framework_help.setObjectName("meta")
        self.framework_help.setWordWrap(True)
        thinking.addWidget(self.framework_help)
        for box in (self.scene_box, self.want_box, self.interact_box, self.feed_box, self.thinking_box):
            form.addWidget(box)
        form.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        self.splitter.addWidget(scroll)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        self.preview_title = QLabel()
        self.preview_title.setObjectName("pageTitle")
        right_layout.addWidget(self.preview_title)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        right_layout.addWidget(self.preview, 1)
        self.refine_hint = QLabel()
        self.refine_hint.setObjectName("meta")
        self.refine_hint.setWordWrap(True)
        right_layout.addWidget(self.refine_hint)
        self.message = QLabel()
        self.message.setWordWrap(True)
        right_layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.send_button = QPushButton()
        self.save_button = QPushButton()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        right_layout.addLayout(buttons)
        self.splitter.addWidget(right)
        self.splitter.setSizes([520, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_preview)
        for edit in (self.scene, self.want, self.interact, self.feed):
            edit.textChanged.connect(self._timer.start)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.framework_list.currentItemChanged.connect(self._framework_changed)
        self.snippets.changed.connect(self._timer.start)
        self.interact_preset.activated.connect(self._insert_preset)
        self.attach_button.clicked.connect(self.choose_attachments)
        self.clear_attachments.clicked.connect(self._clear_attachments)
        self.send_button.clicked.connect(self.send)
        self.save_button.clicked.connect(self.save_as_template)
        self.retranslate()
        self.reload_frameworks()

    @staticmethod
    def _part() -> tuple[QGroupBox, QPlainTextEdit]:
        box = QGroupBox()
        layout = QVBoxLayout(box)
        edit = QPlainTextEdit()
        edit.setMinimumHeight(54)
        edit.setMaximumHeight(100)
        edit.setTabChangesFocus(True)
        layout.addWidget(edit)
        return box, edit

    def retranslate(self) -> None:
        self.language_label.setText(self.tr("Prompt language"))
        self.scene_box.setTitle(self.tr("S · Scene: who is writing, for whom, where it appears"))
        self.scene.setPlaceholderText(self.tr("e.g. I am the marketer of a Taichung tea brand; the post is for our "
                                              "Instagram followers, office workers aged 25–35."))
        self.want_box.setTitle(self.tr("W · Want: what you need, how long, how many versions"))
        self.want.setPlaceholderText(self.tr("e.g. A 150-word post announcing our cold-brew oolong, with 5 hashtags. "
                                             "Type {{ name }} to make a variable when saved as a template."))
        self.interact_box.setTitle(self.tr("I · Interact: how the model should work with you"))
        self.interact.setPlaceholderText(self.tr("e.g. Ask me up to 3 questions first; after the draft, wait for my "
                                                 "feedback and revise."))
        self.interact_preset.clear()
        self.interact_preset.addItem(self.tr("Insert a common instruction…"))
        self.feed_box.setTitle(self.tr("F · Feed: facts, samples, files and company knowledge"))
        self.feed.setPlaceholderText(self.tr("Facts the model must use: product specs, prices, dates, "
                                             "a sample you like."))
        self.attach_button.setText(self.tr("Attach files…"))
        self.clear_attachments.setText(self.tr("Remove"))
        self.thinking_box.setTitle(self.tr("T · Thinking framework"))
        self.preview_title.setText(self.tr("The prompt"))
        self.refine_hint.setText(self.tr("Send to Chat opens a new conversation with this prompt. Refine the "
                                         "draft there: every follow-up stays in the same conversation."))
        self.send_button.setText(self.tr("Send to Chat"))
        self.save_button.setText(self.tr("Save as template…"))
        self.snippets.retranslate()
        self._fill_presets()
        self._update_attachments()
        if self.framework_list.count():
            self.framework_list.item(0).setText(self.tr("None"))
        self._framework_changed()

    def _fill_presets(self) -> None:
        while self.interact_preset.count() > 1:
            self.interact_preset.removeItem(1)
        for text in INTERACT_PRESETS[self.language.currentData()]:
            self.interact_preset.addItem(text, text)

    def reload_frameworks(self) -> None:
        current = self.selected_framework_key()
        self.framework_list.blockSignals(True)
        self.framework_list.clear()
        none = QListWidgetItem(self.tr("None"))
        none.setData(Qt.ItemDataRole.UserRole, None)
        self.framework_list.addItem(none)
        language = self.language.currentData()
        for framework in self.frameworks.list():
            item = QListWidgetItem(framework.name_for(language))
            item.setData(Qt.ItemDataRole.UserRole, framework.key)
            item.setToolTip(framework.summary_for(language))
            self.framework_list.addItem(item)
            if framework.key == current:
                self.framework_list.setCurrentItem(item)
        if self.framework_list.currentItem() is None:
            self.framework_list.setCurrentRow(0)
        self.framework_list.blockSignals(False)
        self._framework_changed()

    def reload_knowledge(self) -> None:
        self.snippets.reload_collections()

    def selected_framework_key(self) -> str | None:
        item = self.framework_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _language_changed(self, *_args) -> None:
        self._fill_presets()
        self.reload_frameworks()
        self._timer.start()

    def _framework_changed(self, *_args) -> None:
        key = self.selected_framework_key()
        framework = self.frameworks.find(key) if key else None
        self.framework_help.setText(framework.summary_for(self.language.currentData()) if framework else
                                    self.tr("Pick a structure for the answer, or none."))
        self._timer.start()

    def _insert_preset(self, index: int) -> None:
        text = self.interact_preset.itemData(index)
        if text:
            current = self.interact.toPlainText().rstrip()
            self.interact.setPlainText(f"{current}\n{text}".strip())
        self.interact_preset.setCurrentIndex(0)

    # attachments ---------------------------------------------------------------------

    def choose_attachments(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files"), "",
            self.tr("Documents (*.txt *.md *.docx *.pdf *.xlsx *.csv);;All files (*)"))
        if paths:
            self.attach(paths)

    def attach(self, paths: list[str]) -> None:
        """Read the files off the UI thread; unreadable ones are reported, not fatal."""
        if self.task is not None and self.task.running:
            return

        def work(progress, cancelled):
            read, skipped = [], []
            for i, path in enumerate(paths):
                if cancelled():
                    break
                try:
                    read.append(Attachment.from_file(path))
                except BadInput as exc:
                    skipped.append(engine_text(exc))
                progress(i + 1, len(paths))
            return read, skipped

        self.task = Task(work, self)
        self.task.succeeded.connect(self._attached)
        self.task.failed.connect(self._show_error)
        self.attach_button.setEnabled(False)
        self.task.finished.connect(lambda: self.attach_button.setEnabled(True))
        self.task.start()

    def _attached(self, result) -> None:
        read, skipped = result
        self.attachments.extend(read)
        self._update_attachments()
        if skipped:
            self._show_error(" ".join(skipped))
        self._timer.start()

    def _clear_attachments(self) -> None:
        self.attachments.clear()
        self._update_attachments()
        self._timer.start()

    def _update_attachments(self) -> None:
        names = ", ".join(a.name for a in self.attachments)
        self.attachments_label.setText(names or self.tr("No files attached."))
        self.clear_attachments.setVisible(bool(self.attachments))

    # the prompt ----------------------------------------------------------------------

    def brief(self) -> SwiftBrief:
        key = self.selected_framework_key()
        knowledge = self.knowledge
        return SwiftBrief(scene=self.scene.toPlainText(), want=self.want.toPlainText(),
                          interact=self.interact.toPlainText(), feed=self.feed.toPlainText(),
                          attachments=tuple(self.attachments),
                          snippets=tuple(knowledge.snippets(self.snippets.picked_ids())),
                          framework=self.frameworks.find(key) if key else None,
                          language=self.language.currentData())

    def refresh_preview(self) -> None:
        try:
            prompt = build_prompt(self.brief())
        except BadInput as exc:
            self._show_error(engine_text(exc))
            return
        self.preview.setPlainText(prompt)
        self.send_button.setEnabled(bool(prompt.strip()))
        self.save_button.setEnabled(bool(prompt.strip()))
        self.message.clear()

    def send(self) -> None:
        self.refresh_preview()
        try:
            brief = self.brief()
        except BadInput as exc:  # a picked snippet was deleted meanwhile
            self._show_error(engine_text(exc))
            return
        prompt = build_prompt(brief)
        if not prompt.strip():
            return
        annotations = {"swift": {"framework": brief.framework.key if brief.framework else None}}
        if brief.snippets:
            annotations["knowledge"] = [s.citation() for s in brief.snippets]
        self.send_to_chat.emit(prompt, "", {"annotations": annotations})

    def save_as_template(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as template"), self.tr("Template name:"))
        if not ok or not name.strip():
            return
        self.save_named(name.strip())

    def save_named(self, name: str) -> bool:
        try:
            template = to_template(self.brief(), name, description=self.tr("Made with the SWIFT builder"))
            self.library.save(template, note="SWIFT builder", create=True)
        except BadInput as exc:
            self._show_error(engine_text(exc))
            return False
        self.message.setObjectName("meta")
        self.message.setText(self.tr("Saved as the template '{name}'.").format(name=name))
        self._polish()
        self.template_saved.emit(name)
        return True

    def _show_error(self, text: str) -> None:
        self.message.setObjectName("warning")
        self.message.setText(text)
        self._polish()

    def _polish(self) -> None:
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def shutdown(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()

