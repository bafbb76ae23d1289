"""Fill in and run: the template's name and description, its variable form, company-knowledge
snippets, the live preview of the rendered prompt, and Run / Copy. This is what the
Templates page shows first (using a template); editing it is a second mode.

The panel shows what :func:`engine.prompts.compose.compose` produced; the page does the
composing, because it needs the editor's draft as well as this form's values.
"""

from __future__ import annotations

from desktop.engine_text import engine_text
from desktop.qt import (QApplication, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea,
                        QVBoxLayout, QWidget)
from desktop.widgets.snippet_picker import SnippetPicker
from desktop.widgets.variable_form import VariableForm
from engine.knowledge.base import KnowledgeBase
from engine.prompts.compose import ComposedPrompt


class TemplateRunPanel(QWidget):
    def __init__(self, knowledge: KnowledgeBase, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.runner_title = QLabel()
        self.runner_title.setObjectName("pageTitle")
        self.runner_title.setWordWrap(True)
        header.addWidget(self.runner_title, 1)
        self.edit_button = QPushButton()  # the second mode: editing the template
        self.edit_button.setCheckable(True)
        header.addWidget(self.edit_button)
        layout.addLayout(header)
        self.description = QLabel()
        self.description.setObjectName("meta")
        self.description.setWordWrap(True)
        layout.addWidget(self.description)
        self.form = VariableForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 3)
        self.knowledge_box = QGroupBox()
        knowledge_layout = QVBoxLayout(self.knowledge_box)
        self.snippets = SnippetPicker(knowledge)
        knowledge_layout.addWidget(self.snippets)
        layout.addWidget(self.knowledge_box)
        self.preview_label = QLabel()
        layout.addWidget(self.preview_label)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        layout.addWidget(self.preview, 2)
        self.preview_meta = QLabel()
        self.preview_meta.setObjectName("meta")
        self.preview_meta.setWordWrap(True)
        layout.addWidget(self.preview_meta)
        self.preview_message = QLabel()
        self.preview_message.setObjectName("warning")
        self.preview_message.setWordWrap(True)
        layout.addWidget(self.preview_message)
        row = QHBoxLayout()
        self.run_button = QPushButton()
        self.run_button.setDefault(True)
        self.copy_button = QPushButton()
        row.addWidget(self.run_button)
        row.addWidget(self.copy_button)
        row.addStretch()
        layout.addLayout(row)
        self.copy_button.clicked.connect(self.copy_prompt)
        self._name = ""

    def retranslate(self) -> None:
        self.runner_title.setText(self._name or self.tr("Fill in and run"))
        self.edit_button.setText(self.tr("Edit template"))
        self.knowledge_box.setTitle(self.tr("Company knowledge"))
        self.preview_label.setText(self.tr("Preview of the prompt"))
        self.copy_button.setText(self.tr("Copy prompt"))
        self.form.retranslate()
        self.snippets.retranslate()

    def show_template(self, name: str, description: str) -> None:
        """The template being used, as its author described it."""
        self._name = name
        self.runner_title.setText(name or self.tr("Fill in and run"))
        self.description.setText(description)
        self.description.setVisible(bool(description))

    def set_kind(self, kind: str) -> None:
        """Image prompts go to Images: no knowledge snippets, another button text."""
        image = kind == "image"
        self.knowledge_box.setVisible(not image)
        self.run_button.setText(self.tr("Send to Images") if image else self.tr("Send to Chat"))

    def show_composed(self, composed: ComposedPrompt, framework: str | None) -> None:
        """The rendered prompt, its notes, and what went into it (voice, framework, sources)."""
        self.preview.setPlainText(composed.prompt)
        self.preview_message.setText("\n".join(engine_text(note) for note in composed.notes))
        meta = []
        if composed.negative:
            meta.append(self.tr("Negative: {text}").format(text=composed.negative))
        if composed.brand_voice:
            meta.append(self.tr("Brand voice: {name} (checked on the answer)").format(
                name=composed.brand_voice["name"]))
        if framework and "framework" in composed.annotations:
            meta.append(self.tr("Framework: {key}").format(key=framework))
        if composed.snippets:
            meta.append(self.tr("Sources: {list}").format(
                list=", ".join(f"[{i}] {s.label()}" for i, s in enumerate(composed.snippets, 1))))
        self.preview_meta.setText("\n".join(meta))
        self.preview_meta.setToolTip(composed.system or "")
        self.run_button.setEnabled(True)

    def show_problem(self, message: str, sketch: str | None) -> None:
        """Why the prompt cannot run yet, with its shape (blanks marked) when there is one."""
        self.preview_message.setText(message)
        self.run_button.setEnabled(False)
        if sketch is None:
            self.preview.clear()
        else:
            self.preview.setPlainText(sketch)
        self.preview_meta.clear()

    def copy_prompt(self) -> None:
        QApplication.clipboard().setText(self.preview.toPlainText())
