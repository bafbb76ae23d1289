"""The Templates page: the template library (search, categories, editor with highlighting,
the variable form and a live preview, versions, packs), brand voices, and the SWIFT builder.

Running a text template emits :attr:`TemplatesPage.send_to_chat` (for
``ChatPage.start_with``); an image template emits :attr:`TemplatesPage.send_to_images`.
Rendering happens only in the engine's sandbox (engine.prompts.render).
"""

from __future__ import annotations

import json
import logging

from desktop.qt import (QAbstractItemView, QComboBox, QEvent, QFileDialog, QFormLayout, QGroupBox,
                        QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMenu,
                        QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QSplitter, Qt, QTabWidget,
                        QTableWidget, QTableWidgetItem, QTimer, QToolButton, QVBoxLayout, QWidget, Signal)
from desktop.tasks import Task
from desktop.widgets.brand_voice_editor import BrandVoiceEditor
from desktop.widgets.pack_dialogs import PackImportDialog, VersionsDialog
from desktop.widgets.snippet_picker import SnippetPicker
from desktop.widgets.swift_builder import SwiftBuilder
from desktop.widgets.template_highlighter import TemplateHighlighter, assigned_names
from desktop.widgets.variable_form import VariableForm
from engine.prompts.brand_voice import BrandVoices
from engine.errors import BadInput
from engine.prompts.frameworks import Frameworks
from engine.knowledge.base import KnowledgeBase
from engine.prompts.packs import build_pack, ensure_default_pack, import_pack, load_pack, preview, write_pack
from engine.prompts.compose import ComposedPrompt, compose
from engine.prompts.variables import VARIABLE_TYPES
from engine.prompts.templates import CATEGORIES, Template, TemplateLibrary
from engine.workspace import Workspace

log = logging.getLogger(__name__)

VARIABLE_COLUMNS = ("name", "type", "label", "default", "required", "options", "help")


class TemplatesPage(QWidget):
    send_to_chat = Signal(str, str, object)  # prompt, system ("" for none), info for ChatPage.start_with
    send_to_images = Signal(str, str)  # prompt, negative prompt

    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        try:
            ensure_default_pack(ws.db)
        except BadInput:
            log.exception("the default template pack could not be installed")
        self.library = TemplateLibrary(ws.db)
        self.voices = BrandVoices(ws.db)
        self.frameworks = Frameworks(ws.db)
        self.current: Template | None = None  # the saved template being edited (None: a new one)
        self.dirty = False
        self.composed: ComposedPrompt | None = None
        self.task: Task | None = None
        self._loading = False
        self._build()
        self._connect()
        self.retranslate()
        self.reload()

    # construction --------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        layout.addWidget(self.title)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        library_tab = QWidget()
        library_layout = QVBoxLayout(library_tab)
        library_layout.setContentsMargins(0, 4, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._build_list())
        self.splitter.addWidget(self._build_editor())
        self.splitter.addWidget(self._build_runner())
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 460, 380])
        library_layout.addWidget(self.splitter)
        self.tabs.addTab(library_tab, "")

        self.voice_editor = BrandVoiceEditor(self.voices)
        self.tabs.addTab(self.voice_editor, "")
        self.swift = SwiftBuilder(self.ws.db, self.library)
        self.tabs.addTab(self.swift, "")

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(250)

    def _build_list(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.category_filter = QComboBox()
        layout.addWidget(self.category_filter)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton()
        self.duplicate_button = QPushButton()
        self.delete_button = QPushButton()
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            row.addWidget(button)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.import_button = QPushButton()
        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.export_selected_action = self.export_menu.addAction("")
        self.export_all_action = self.export_menu.addAction("")
        self.export_button.setMenu(self.export_menu)
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.list_message = QLabel()
        self.list_message.setWordWrap(True)
        self.list_message.setVisible(False)
        layout.addWidget(self.list_message)
        return panel

    def _build_editor(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.editor_tabs = QTabWidget()
        layout.addWidget(self.editor_tabs, 1)

        prompt_tab = QWidget()
        prompt_layout = QVBoxLayout(prompt_tab)
        form = QFormLayout()
        self.name_label, self.name = QLabel(), QLineEdit()
        self.description_label, self.description = QLabel(), QLineEdit()
        form.addRow(self.name_label, self.name)
        form.addRow(self.description_label, self.description)
        prompt_layout.addLayout(form)
        self.body_label = QLabel()
        prompt_layout.addWidget(self.body_label)
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body_highlighter = TemplateHighlighter(self.body.document())
        prompt_layout.addWidget(self.body, 3)
        self.negative_label = QLabel()
        prompt_layout.addWidget(self.negative_label)
        self.negative = QPlainTextEdit()
        self.negative.setMaximumHeight(80)
        self.negative_highlighter = TemplateHighlighter(self.negative.document())
        prompt_layout.addWidget(self.negative, 1)
        self.system_label = QLabel()
        prompt_layout.addWidget(self.system_label)
        self.system = QPlainTextEdit()
        self.system.setMaximumHeight(80)
        self.system_highlighter = TemplateHighlighter(self.system.document())
        prompt_layout.addWidget(self.system, 1)
        self.editor_tabs.addTab(prompt_tab, "")

        variables_tab = QWidget()
        variables_layout = QVBoxLayout(variables_tab)
        self.variables_hint = QLabel()
        self.variables_hint.setObjectName("meta")
        self.variables_hint.setWordWrap(True)
        variables_layout.addWidget(self.variables_hint)
        self.variables_table = QTableWidget(0, len(VARIABLE_COLUMNS))
        self.variables_table.verticalHeader().setVisible(False)
        self.variables_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.variables_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.variables_table.horizontalHeader().setStretchLastSection(True)
        variables_layout.addWidget(self.variables_table, 1)
        row = QHBoxLayout()
        self.add_variable_button = QPushButton()
        self.remove_variable_button = QPushButton()
        self.detect_variables_button = QPushButton()
        for button in (self.add_variable_button, self.remove_variable_button, self.detect_variables_button):
            row.addWidget(button)
        row.addStretch()
        variables_layout.addLayout(row)
        self.editor_tabs.addTab(variables_tab, "")

        settings_tab = QWidget()
        settings_form = QFormLayout(settings_tab)
        self.category = QComboBox()
        self.category.setEditable(True)
        self.kind = QComboBox()
        self.kind.addItem("", "text")
        self.kind.addItem("", "image")
        self.language = QComboBox()
        self.language.addItem("繁體中文 (zh-TW)", "zh-TW")
        self.language.addItem("English (en)", "en")
        self.voice = QComboBox()
        self.framework = QComboBox()
        self.framework_summary = QLabel()
        self.framework_summary.setObjectName("meta")
        self.framework_summary.setWordWrap(True)
        self.model = QComboBox()
        self.params = QLineEdit()
        self.settings_labels = {key: QLabel() for key in ("category", "kind", "language", "voice", "framework",
                                                          "model", "params")}
        for key, widget in (("category", self.category), ("kind", self.kind), ("language", self.language),
                            ("voice", self.voice), ("framework", self.framework)):
            settings_form.addRow(self.settings_labels[key], widget)
        settings_form.addRow("", self.framework_summary)
        settings_form.addRow(self.settings_labels["model"], self.model)
        settings_form.addRow(self.settings_labels["params"], self.params)
        self.editor_tabs.addTab(settings_tab, "")

        self.editor_message = QLabel()
        self.editor_message.setWordWrap(True)
        self.editor_message.setObjectName("warning")
        layout.addWidget(self.editor_message)
        row = QHBoxLayout()
        self.save_button = QPushButton()
        self.revert_button = QPushButton()
        self.history_button = QPushButton()
        for button in (self.save_button, self.revert_button, self.history_button):
            row.addWidget(button)
        row.addStretch()
        self.version_label = QLabel()
        self.version_label.setObjectName("meta")
        row.addWidget(self.version_label)
        layout.addLayout(row)
        return panel

    def _build_runner(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.runner_title = QLabel()
        self.runner_title.setObjectName("pageTitle")
        layout.addWidget(self.runner_title)
        self.form = VariableForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 2)
        self.knowledge_box = QGroupBox()
        knowledge_layout = QVBoxLayout(self.knowledge_box)
        self.snippets = SnippetPicker(KnowledgeBase(self.ws.db))
        knowledge_layout.addWidget(self.snippets)
        layout.addWidget(self.knowledge_box)
        self.preview_label = QLabel()
        layout.addWidget(self.preview_label)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        layout.addWidget(self.preview, 3)
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
        return panel

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _t: self.reload_list())
        self.category_filter.currentIndexChanged.connect(lambda _i: self.reload_list())
        self.list.currentItemChanged.connect(self._template_selected)
        self.new_button.clicked.connect(self.new_template)
        self.duplicate_button.clicked.connect(self.duplicate_template)
        self.delete_button.clicked.connect(self.delete_template)
        self.import_button.clicked.connect(self.choose_and_import)
        self.export_selected_action.triggered.connect(lambda: self.choose_and_export(selected_only=True))
        self.export_all_action.triggered.connect(lambda: self.choose_and_export(selected_only=False))
        for edit in (self.name, self.description, self.params):
            edit.textChanged.connect(self._edited)
        for edit in (self.body, self.negative, self.system):
            edit.textChanged.connect(self._edited)
        for combo in (self.kind, self.language, self.voice, self.framework, self.model):
            combo.currentIndexChanged.connect(self._edited)
        self.category.currentTextChanged.connect(self._edited)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.framework.currentIndexChanged.connect(self._framework_changed)
        self.variables_table.itemChanged.connect(self._edited)
        self.add_variable_button.clicked.connect(lambda: self.add_variable_row())
        self.remove_variable_button.clicked.connect(self.remove_variable_rows)
        self.detect_variables_button.clicked.connect(self.add_missing_variables)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.history_button.clicked.connect(self.show_versions)
        self.form.changed.connect(self._preview_timer.start)
        self.snippets.changed.connect(self._preview_timer.start)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.run_button.clicked.connect(self.run)
        self.copy_button.clicked.connect(self.copy_prompt)
        self.voice_editor.voices_changed.connect(self._voices_changed)
        self.swift.send_to_chat.connect(self.send_to_chat)
        self.swift.template_saved.connect(self._swift_saved)
        self.tabs.currentChanged.connect(self._tab_changed)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Templates"))
        self.tabs.setTabText(0, self.tr("Library"))
        self.tabs.setTabText(1, self.tr("Brand voices"))
        self.tabs.setTabText(2, self.tr("SWIFT builder"))
        self.search.setPlaceholderText(self.tr("Search templates (Chinese or English)…"))
        self.new_button.setText(self.tr("New"))
        self.duplicate_button.setText(self.tr("Duplicate"))
        self.delete_button.setText(self.tr("Delete…"))
        self.import_button.setText(self.tr("Import pack…"))
        self.export_button.setText(self.tr("Export pack"))
        self.export_selected_action.setText(self.tr("This template (with its brand voice and framework)…"))
        self.export_all_action.setText(self.tr("Everything: all templates, voices and frameworks…"))
        self.editor_tabs.setTabText(0, self.tr("Prompt"))
        self.editor_tabs.setTabText(1, self.tr("Variables"))
        self.editor_tabs.setTabText(2, self.tr("Settings"))
        self.name_label.setText(self.tr("Name"))
        self.description_label.setText(self.tr("Description"))
        self.body_label.setText(self.tr("Prompt body: {{ variable }} inserts a value, {% if x %}…{% endif %} "
                                        "adds text only when x is filled in"))
        self.negative_label.setText(self.tr("Negative prompt (what the image should not show)"))
        self.system_label.setText(self.tr("System instructions (optional)"))
        self.variables_hint.setText(self.tr("Each variable becomes a field of the form. Types: short text, long "
                                            "text, choice (options separated by |), number, date (YYYY-MM-DD), "
                                            "boolean."))
        self.variables_table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Type"), self.tr("Label"), self.tr("Default"), self.tr("Required"),
            self.tr("Options"), self.tr("Help")])
        self.add_variable_button.setText(self.tr("Add variable"))
        self.remove_variable_button.setText(self.tr("Remove"))
        self.detect_variables_button.setText(self.tr("Add the ones the body uses"))
        texts = {"category": self.tr("Category"), "kind": self.tr("Kind"), "language": self.tr("Language"),
                 "voice": self.tr("Brand voice"), "framework": self.tr("Thinking framework"),
                 "model": self.tr("Recommended model"), "params": self.tr("Parameters (JSON)")}
        for key, text in texts.items():
            self.settings_labels[key].setText(text)
        self.kind.setItemText(0, self.tr("Text (to Chat)"))
        self.kind.setItemText(1, self.tr("Image prompt (to Images)"))
        self.params.setPlaceholderText(self.tr('e.g. {"temperature": 0.7, "max_tokens": 800}'))
        self.save_button.setText(self.tr("Save"))
        self.revert_button.setText(self.tr("Revert"))
        self.history_button.setText(self.tr("Versions…"))
        self.runner_title.setText(self.tr("Fill in and run"))
        self.knowledge_box.setTitle(self.tr("Company knowledge"))
        self.preview_label.setText(self.tr("Preview of the prompt"))
        self.copy_button.setText(self.tr("Copy prompt"))
        self.form.retranslate()
        self.snippets.retranslate()
        self.voice_editor.retranslate()
        self.swift.retranslate()
        self._fill_category_filter()
        self._fill_reference_combos()
        self._update_run_button()
        self._update_version_label()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def category_name(self, key: str) -> str:
        names = {"social_post": self.tr("Social post"), "edm": self.tr("EDM / e-mail"),
                 "product_copy": self.tr("Product copy"), "press_release": self.tr("Press release"),
                 "customer_service": self.tr("Customer service"), "job_post": self.tr("Job post"),
                 "image_prompt": self.tr("Image prompt"), "other": self.tr("Other")}
        return names.get(key, key)

    # the list ------------------------------------------------------------------------

    def reload(self) -> None:
        self._fill_category_filter()
        self._fill_reference_combos()
        self.reload_list()
        if self.current is None and self.list.count() and not self.dirty:
            self.list.setCurrentRow(0)

    def _fill_category_filter(self) -> None:
        current = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("All categories"), None)
        for key in dict.fromkeys([*CATEGORIES, *self.library.categories()]):
            self.category_filter.addItem(self.category_name(key), key)
        self.category_filter.setCurrentIndex(max(self.category_filter.findData(current), 0))
        self.category_filter.blockSignals(False)
        text = self.category.currentText()
        self.category.blockSignals(True)
        self.category.clear()
        for key in dict.fromkeys([*CATEGORIES, *self.library.categories()]):
            self.category.addItem(key)
            self.category.setItemData(self.category.count() - 1, self.category_name(key), Qt.ItemDataRole.ToolTipRole)
        self.category.setEditText(text)
        self.category.blockSignals(False)

    def _fill_reference_combos(self) -> None:
        self._loading, was_loading = True, self._loading
        language = "zh-TW" if self.language.currentData() == "zh-TW" else "en"
        for combo, entries in ((self.voice, [(v.name, v.name) for v in self.voices.list()]),
                               (self.framework, [(f"{f.key} · {f.name_for(language)}", f.key)
                                                 for f in self.frameworks.list()]),
                               (self.model, [(m.name, m.name) for m in self.ws.registry.list()])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("None"), None)
            for label, value in entries:
                combo.addItem(label, value)
            if current is not None and combo.findData(current) < 0:
                combo.addItem(self.tr("{name} (missing)").format(name=current), current)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self._loading = was_loading
        self._framework_changed()

    def reload_list(self) -> None:
        selected = self.current.name if self.current else None
        templates = self.library.list(query=self.search.text(), category=self.category_filter.currentData())
        self.list.blockSignals(True)
        self.list.clear()
        for template in templates:
            suffix = self.tr("  (image)") if template.kind == "image" else ""
            item = QListWidgetItem(template.name + suffix)
            item.setData(Qt.ItemDataRole.UserRole, template.name)
            item.setToolTip(f"{self.category_name(template.category)} · {template.language}\n{template.description}")
            self.list.addItem(item)
            if template.name == selected:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def template_names(self) -> list[str]:
        """The names the list shows, in order (for tests and the main window)."""
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def select(self, name: str) -> bool:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == name:
                if self.list.currentRow() == i:
                    self._template_selected(self.list.item(i), self.list.item(i))
                else:
                    self.list.setCurrentRow(i)
                return self.current is not None and self.current.name == name
        return False

    def _template_selected(self, item: QListWidgetItem | None, previous: QListWidgetItem | None = None) -> None:
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        if self.current is not None and name == self.current.name:
            return
        if not self.maybe_keep_changes():
            self.list.blockSignals(True)
            self.list.setCurrentItem(previous)
            self.list.blockSignals(False)
            return
        template = self.library.find(name)
        if template is not None:
            self.show_template(template)

    def maybe_keep_changes(self) -> bool:
        """Ask what to do with unsaved edits; False means stay where we are."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to this template first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # the editor ----------------------------------------------------------------------

    def show_template(self, template: Template | None) -> None:
        """Load a template (None: an empty new one) into the editor."""
        self._loading = True
        self.current = template if template is not None and template.id is not None else None
        t = template or Template(name="", body="")
        self.name.setText(t.name)
        self.description.setText(t.description)
        self.body.setPlainText(t.body)
        self.negative.setPlainText(t.negative)
        self.system.setPlainText(t.system)
        self.category.setEditText(t.category)
        self.kind.setCurrentIndex(max(self.kind.findData(t.kind), 0))
        self.language.setCurrentIndex(max(self.language.findData(t.language), 0))
        for combo, value in ((self.voice, t.brand_voice), (self.framework, t.framework), (self.model, t.model)):
            index = combo.findData(value)
            if index < 0 and value is not None:
                combo.addItem(self.tr("{name} (missing)").format(name=value), value)
                index = combo.count() - 1
            combo.setCurrentIndex(max(index, 0))
        self.params.setText(json.dumps(dict(t.params), ensure_ascii=False) if t.params else "")
        self.variables_table.setRowCount(0)
        for variable in t.variables:
            self.add_variable_row(variable.as_dict())
        self._loading = False
        self.dirty = False
        self._kind_changed()
        self._update_version_label()
        self.editor_message.clear()
        self.delete_button.setEnabled(self.current is not None)
        self.duplicate_button.setEnabled(self.current is not None)
        self.history_button.setEnabled(self.current is not None)
        self.revert_button.setEnabled(False)
        self.refresh_preview()

    def _update_version_label(self) -> None:
        if self.current is None:
            self.version_label.setText(self.tr("new, not saved"))
        else:
            text = self.tr("version {v}").format(v=self.current.version)
            self.version_label.setText(text + (self.tr(" · edited") if self.dirty else ""))

    def add_variable_row(self, data: dict | None = None) -> None:
        data = data or {"name": "", "type": "short_text", "label": "", "default": None, "required": False}
        was_loading, self._loading = self._loading, True
        row = self.variables_table.rowCount()
        self.variables_table.insertRow(row)
        type_box = QComboBox()
        for kind in VARIABLE_TYPES:
            type_box.addItem(kind, kind)
        type_box.setCurrentIndex(max(type_box.findData(data.get("type", "short_text")), 0))
        type_box.currentIndexChanged.connect(self._edited)
        self.variables_table.setCellWidget(row, 1, type_box)
        default = data.get("default")
        values = {"name": data.get("name", ""), "label": data.get("label", ""),
                  "default": "" if default is None else (str(default).lower() if isinstance(default, bool) else
                                                         str(default)),
                  "options": " | ".join(data.get("options") or []), "help": data.get("help", "")}
        for column, key in enumerate(VARIABLE_COLUMNS):
            if key == "type":
                continue
            item = QTableWidgetItem()
            if key == "required":
                item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                              | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(Qt.CheckState.Checked if data.get("required") else Qt.CheckState.Unchecked)
            else:
                item.setText(values[key])
            self.variables_table.setItem(row, column, item)
        self._loading = was_loading
        self._edited()

    def remove_variable_rows(self) -> None:
        rows = sorted({index.row() for index in self.variables_table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.variables_table.removeRow(row)
        if rows:
            self._edited()

    def variable_definitions(self) -> list[dict]:
        """The variables table as plain definitions (checked by the engine on save)."""
        definitions = []
        for row in range(self.variables_table.rowCount()):
            def text(column: int) -> str:
                item = self.variables_table.item(row, column)
                return item.text().strip() if item else ""

            kind = self.variables_table.cellWidget(row, 1).currentData()
            if not text(0):
                continue
            definition = {"name": text(0), "type": kind, "label": text(2), "help": text(6),
                          "default": text(3) or None,
                          "required": self.variables_table.item(row, 4).checkState() == Qt.CheckState.Checked}
            if kind == "choice":
                definition["options"] = [o.strip() for o in text(5).split("|") if o.strip()]
            definitions.append(definition)
        return definitions

    def add_missing_variables(self) -> None:
        """Add a short-text variable for every name the body uses but does not declare."""
        from jinja2 import nodes

        from engine.prompts.render import BUILTIN_NAMES, environment

        declared = {d["name"] for d in self.variable_definitions()}
        names: dict[str, None] = {}
        for source in (self.body.toPlainText(), self.negative.toPlainText(), self.system.toPlainText()):
            try:
                tree = environment().parse(source)
            except Exception:  # a syntax error is reported by the preview
                continue
            assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
            for node in tree.find_all(nodes.Name):
                if node.ctx == "load" and node.name not in declared | assigned | BUILTIN_NAMES | {"self"}:
                    names[node.name] = None
        for name in names:
            self.add_variable_row({"name": name, "type": "short_text", "label": name, "required": True})

    def draft(self) -> Template:
        """The editor's content as a checked template; BadInput says what is wrong."""
        params_text = self.params.text().strip()
        try:
            params = json.loads(params_text) if params_text else {}
        except ValueError:
            raise BadInput(self.tr("Parameters must be JSON, for example {\"temperature\": 0.7}.")) from None
        template = Template.from_dict({
            "name": self.name.text().strip() or self.tr("(untitled)"), "description": self.description.text().strip(),
            "category": self.category.currentText().strip() or "other", "kind": self.kind.currentData(),
            "language": self.language.currentData(), "body": self.body.toPlainText(),
            "negative": self.negative.toPlainText() if self.kind.currentData() == "image" else "",
            "system": self.system.toPlainText() if self.kind.currentData() == "text" else "",
            "variables": self.variable_definitions(), "brand_voice": self.voice.currentData(),
            "framework": self.framework.currentData(), "model": self.model.currentData(), "params": params,
            "version": self.current.version if self.current else 1})
        return template

    def _edited(self, *_args) -> None:
        if self._loading:
            return
        self.dirty = True
        self.revert_button.setEnabled(self.current is not None)
        self._update_version_label()
        self._preview_timer.start()

    def _kind_changed(self, *_args) -> None:
        image = self.kind.currentData() == "image"
        for widget in (self.negative_label, self.negative):
            widget.setVisible(image)
        for widget in (self.system_label, self.system, self.knowledge_box):
            widget.setVisible(not image)
        self.voice.setEnabled(not image)
        self._update_run_button()

    def _framework_changed(self, *_args) -> None:
        key = self.framework.currentData()
        framework = self.frameworks.find(key) if key else None
        language = "zh-TW" if self.language.currentData() == "zh-TW" else "en"
        self.framework_summary.setText(framework.summary_for(language) if framework else "")

    def _update_run_button(self) -> None:
        image = self.kind.currentData() == "image"
        self.run_button.setText(self.tr("Send to Images") if image else self.tr("Send to Chat"))

    def new_template(self) -> None:
        if not self.maybe_keep_changes():
            return
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.show_template(None)
        self.name.setFocus()

    def duplicate_template(self) -> None:
        if self.current is None or not self.maybe_keep_changes():
            return
        base = self.current
        name = self.tr("{name} (copy)").format(name=base.name)
        n = 2
        while self.library.find(name) is not None:
            name = self.tr("{name} (copy {n})").format(name=base.name, n=n)
            n += 1
        from dataclasses import replace

        copy = self.library.save(replace(base, name=name, id=None, version=1), note="duplicated", create=True)
        self.current = copy
        self.reload_list()
        self.select(copy.name)
        self.show_template(copy)

    def delete_template(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete template"), self.tr(
            "Delete the template '{name}' and all its versions? Packs you exported keep their copy.").format(
            name=self.current.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.library.delete(self.current.name)
        self.current = None
        self.dirty = False
        self.reload()
        if not self.list.count():
            self.show_template(None)

    def save(self) -> bool:
        try:
            template = self.draft()
            if not self.name.text().strip():
                raise BadInput(self.tr("Give the template a name."))
            saved = self.library.save(template, previous_name=self.current.name if self.current else None,
                                      create=self.current is None)
        except BadInput as exc:
            self.editor_message.setText(str(exc))
            return False
        self.editor_message.clear()
        self.current = saved
        self.dirty = False
        self.revert_button.setEnabled(False)
        self._fill_category_filter()
        self.reload_list()
        self.delete_button.setEnabled(True)
        self.duplicate_button.setEnabled(True)
        self.history_button.setEnabled(True)
        self._update_version_label()
        return True

    def revert(self) -> None:
        if self.current is not None:
            self.show_template(self.library.get(self.current.name))

    def show_versions(self) -> None:
        if self.current is None or not self.maybe_keep_changes():
            return
        dialog = VersionsDialog(self.library, self.current.name, self)
        dialog.exec()
        if dialog.restored_version is not None:
            self.show_template(self.library.get(self.current.name))

    # preview and run -----------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Render the editor's draft with the form's values, live; say what is missing."""
        self._preview_timer.stop()
        self.composed = None
        declared = {d["name"] for d in self.variable_definitions()}
        was_loading, self._loading = self._loading, True  # re-highlighting emits textChanged
        for highlighter, edit in ((self.body_highlighter, self.body), (self.negative_highlighter, self.negative),
                                  (self.system_highlighter, self.system)):
            highlighter.set_declared(declared | assigned_names(edit.toPlainText()))
        self._loading = was_loading
        try:
            template = self.draft()
        except BadInput as exc:
            self.editor_message.setText(str(exc))
            self.preview_message.setText(str(exc))
            self.run_button.setEnabled(False)
            return
        self.editor_message.clear()
        self.form.set_variables(template.variables)
        values = self.form.values()
        registered = [m.name for m in self.ws.registry.list()]
        try:
            self.composed = compose(self.ws.db, template, values, snippet_ids=self.snippets.picked_ids(),
                                    retrieval=self.snippets.retrieval(), registered_models=registered)
        except BadInput as exc:
            self.preview_message.setText(str(exc))
            self.run_button.setEnabled(False)
            placeholders = {v.name: f"[{v.display_label}]" for v in template.variables
                            if v.required and v.name not in values and v.type in ("short_text", "long_text")}
            try:  # still show the shape of the prompt, with the blanks marked
                sketch = compose(self.ws.db, template, {**values, **placeholders}, registered_models=registered)
                self.preview.setPlainText(sketch.prompt)
            except BadInput:
                self.preview.clear()
            self.preview_meta.clear()
            return
        self.preview.setPlainText(self.composed.prompt)
        self.preview_message.setText("\n".join(self.composed.notes))
        meta = []
        if self.composed.negative:
            meta.append(self.tr("Negative: {text}").format(text=self.composed.negative))
        if self.composed.brand_voice:
            meta.append(self.tr("Brand voice: {name} (checked on the answer)").format(
                name=self.composed.brand_voice["name"]))
        if template.framework and "framework" in self.composed.annotations:
            meta.append(self.tr("Framework: {key}").format(key=template.framework))
        if self.composed.snippets:
            meta.append(self.tr("Sources: {list}").format(
                list=", ".join(f"[{i}] {s.label()}" for i, s in enumerate(self.composed.snippets, 1))))
        self.preview_meta.setText("\n".join(meta))
        self.preview_meta.setToolTip(self.composed.system or "")
        self.run_button.setEnabled(True)

    def run(self) -> None:
        """Send the rendered prompt to Chat (text) or to Images (image prompts)."""
        self.refresh_preview()
        composed = self.composed
        if composed is None:
            return
        if composed.kind == "image":
            self.send_to_images.emit(composed.prompt, composed.negative)
            return
        annotations = dict(composed.annotations)
        if self.dirty:
            annotations["template"] = {**annotations["template"], "unsaved_changes": True}
        info = {"template": composed.template, "annotations": annotations, "model": composed.model,
                "params": dict(composed.params)}
        self.send_to_chat.emit(composed.prompt, composed.system or "", info)

    def copy_prompt(self) -> None:
        from desktop.qt import QApplication

        QApplication.clipboard().setText(self.preview.toPlainText())

    # packs ---------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a template pack"), "",
                                              self.tr("Airlock packs (*.json *.zip);;All files (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Read and validate the pack off the UI thread, then show what importing would do."""
        if self.task is not None and self.task.running:
            return
        self.task = Task(lambda _progress, _cancelled: load_pack(path), self)
        self.task.succeeded.connect(self._pack_loaded)
        self.task.failed.connect(self._show_list_message)
        self.import_button.setEnabled(False)
        self.task.finished.connect(lambda: self.import_button.setEnabled(True))
        self.task.start()

    def _pack_loaded(self, pack) -> None:
        try:
            items = preview(self.ws.db, pack)
        except BadInput as exc:
            self._show_list_message(str(exc))
            return
        dialog = PackImportDialog(pack, items, self)
        if not self.confirm_import(dialog):
            return
        try:
            result = import_pack(self.ws.db, pack, decisions=dialog.decisions())
        except BadInput as exc:
            self._show_list_message(str(exc))
            return
        self._show_list_message(self.tr("Imported '{name}': {added} added, {replaced} replaced, {copies} kept "
                                        "as copies, {skipped} skipped.").format(
            name=pack.name, added=len(result.added), replaced=len(result.replaced), copies=len(result.kept_both),
            skipped=len(result.skipped)), warning=False)
        self.voice_editor.reload()
        self.swift.reload_frameworks()
        self.reload()
        if self.current is not None:
            fresh = self.library.find(self.current.name)
            if fresh is not None and not self.dirty:
                self.show_template(fresh)

    def confirm_import(self, dialog: PackImportDialog) -> bool:
        """Show the import preview; tests replace this to choose for the user."""
        return dialog.exec() == PackImportDialog.DialogCode.Accepted

    def choose_and_export(self, *, selected_only: bool) -> None:
        if selected_only and self.current is None:
            return
        suggested = (self.current.name if selected_only else "airlock-templates") + ".json"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export a template pack"), suggested,
                                              self.tr("Pack (*.json);;Zipped pack with manifest (*.zip)"))
        if path:
            self.export_to(path, selected_only=selected_only)

    def export_to(self, path: str, *, selected_only: bool) -> None:
        try:
            pack = build_pack(self.ws.db, [self.current.name] if selected_only and self.current else None)
            written = write_pack(pack, path)
        except BadInput as exc:
            self._show_list_message(str(exc))
            return
        self._show_list_message(self.tr("Exported {n} templates to {path}.").format(
            n=len(pack.templates), path=written), warning=False)

    def _show_list_message(self, text: str, warning: bool = True) -> None:
        self.list_message.setObjectName("warning" if warning else "meta")
        self.list_message.setText(text)
        self.list_message.setVisible(True)
        self.list_message.style().unpolish(self.list_message)
        self.list_message.style().polish(self.list_message)

    # other tabs ----------------------------------------------------------------------

    def _voices_changed(self) -> None:
        self._fill_reference_combos()
        self.refresh_preview()

    def _swift_saved(self, name: str) -> None:
        self.reload()
        self.tabs.setCurrentIndex(0)
        if self.maybe_keep_changes():
            self.dirty = False
            self.select(name)

    def _tab_changed(self, index: int) -> None:
        if index == 2:
            self.swift.reload_knowledge()
            self.swift.reload_frameworks()

    def showEvent(self, event) -> None:
        """Collections and models may have changed on other pages."""
        self.snippets.reload_collections()
        was_dirty = self.dirty
        self._fill_reference_combos()
        self.dirty = was_dirty
        super().showEvent(event)

    def shutdown(self) -> None:
        """Stop background reads (called by the main window when it closes)."""
        for task in (self.task, self.swift.task):
            if task is not None and task.running:
                task.cancel()
