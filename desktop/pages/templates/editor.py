"""The template editor: name, description, the highlighted prompt body (and negative or
system prompt), the variables table, the settings (category, kind, language, brand
voice, framework, model, parameters) and the output fields (the shape of a structured
draft that batch jobs generate, engine/prompts/outputs.py), with Save / Revert / Versions.

The editor holds the fields only; whether they differ from the saved template, and what
Save does with them, is the page's business (:class:`TemplatesPage`). It emits
:attr:`edited` for every change the user makes (not for loading a template).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from desktop.qt import (QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                        QLineEdit, QPlainTextEdit, QPushButton, Qt, QTableWidget, QTableWidgetItem, QTabWidget,
                        QVBoxLayout, QWidget, Signal)
from desktop.widgets.template_highlighter import TemplateHighlighter
from engine.errors import BadInput
from engine.prompts.frameworks import Frameworks
from engine.prompts.outputs import FIELD_KINDS
from engine.prompts.render import variable_names
from engine.prompts.templates import Template
from engine.prompts.variables import VARIABLE_TYPES

VARIABLE_COLUMNS = ("name", "type", "label", "default", "required", "options", "help")
OUTPUT_COLUMNS = ("name", "label", "kind", "items", "max_chars")


class TemplateEditor(QWidget):
    edited = Signal()
    kind_changed = Signal(str)  # "text" or "image"

    def __init__(self, frameworks: Frameworks, parent: QWidget | None = None):
        super().__init__(parent)
        self.frameworks = frameworks
        self._loading = False
        self._build()
        self._connect()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
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
        self.body_label.setWordWrap(True)  # the hint is read whole, never cut at the panel's edge
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

        outputs_tab = QWidget()
        outputs_layout = QVBoxLayout(outputs_tab)
        self.outputs_hint = QLabel()
        self.outputs_hint.setObjectName("meta")
        self.outputs_hint.setWordWrap(True)
        outputs_layout.addWidget(self.outputs_hint)
        self.outputs_table = QTableWidget(0, len(OUTPUT_COLUMNS))
        self.outputs_table.verticalHeader().setVisible(False)
        self.outputs_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.outputs_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.outputs_table.horizontalHeader().setStretchLastSection(True)
        outputs_layout.addWidget(self.outputs_table, 1)
        row = QHBoxLayout()
        self.add_output_button = QPushButton()
        self.remove_output_button = QPushButton()
        for button in (self.add_output_button, self.remove_output_button):
            row.addWidget(button)
        row.addStretch()
        outputs_layout.addLayout(row)
        self.editor_tabs.addTab(outputs_tab, "")

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

    def _connect(self) -> None:
        for edit in (self.name, self.description, self.params):
            edit.textChanged.connect(self._changed)
        for edit in (self.body, self.negative, self.system):
            edit.textChanged.connect(self._changed)
        for combo in (self.kind, self.language, self.voice, self.framework, self.model):
            combo.currentIndexChanged.connect(self._changed)
        self.category.currentTextChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.framework.currentIndexChanged.connect(self._framework_changed)
        self.variables_table.itemChanged.connect(self._changed)
        self.outputs_table.itemChanged.connect(self._changed)
        self.add_output_button.clicked.connect(lambda: self.add_output_row())
        self.remove_output_button.clicked.connect(self.remove_output_rows)
        self.add_variable_button.clicked.connect(lambda: self.add_variable_row())
        self.remove_variable_button.clicked.connect(self.remove_variable_rows)
        self.detect_variables_button.clicked.connect(self.add_missing_variables)

    def retranslate(self) -> None:
        self.editor_tabs.setTabText(0, self.tr("Prompt"))
        self.editor_tabs.setTabText(1, self.tr("Variables"))
        self.editor_tabs.setTabText(2, self.tr("Settings"))
        self.editor_tabs.setTabText(3, self.tr("Output fields"))
        self.outputs_hint.setText(self.tr("For batch jobs: the fields each draft is made of (for a mail: subject "
                                          "and body). The model is held to this shape and the review shows each "
                                          "field apart. Kind: text, or list (Items: how many entries, empty for 1 "
                                          "to 10). Leave the table empty for free text."))
        self.outputs_table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Label"), self.tr("Kind"), self.tr("Items"), self.tr("Max characters")])
        self.add_output_button.setText(self.tr("Add field"))
        self.remove_output_button.setText(self.tr("Remove field"))
        self._name_output_kinds()
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

    def _changed(self, *_args) -> None:
        if not self._loading:
            self.edited.emit()

    # filling -------------------------------------------------------------------------

    def fill_categories(self, keys: Iterable[str], display: Callable[[str], str]) -> None:
        """The editable category box: readable names as items (the key is the item's data),
        so nobody reads ``customer_service``; a typed label is its own key."""
        key = self.category_key()
        self.category.blockSignals(True)
        self.category.clear()
        for item in keys:
            self.category.addItem(display(item), item)
        self.set_category(key)
        self.category.blockSignals(False)

    def category_key(self) -> str:
        text = self.category.currentText().strip()
        index = self.category.findText(text)
        return (self.category.itemData(index) if index >= 0 else text) or "other"

    def set_category(self, key: str) -> None:
        index = self.category.findData(key)
        if index >= 0:
            self.category.setCurrentIndex(index)
        else:
            self.category.setEditText(key)

    def fill_reference_combos(self, voices: list[str], models: list[str]) -> None:
        """Brand voices, frameworks and models to choose from, keeping the current choice."""
        self._loading, was_loading = True, self._loading
        language = self.language_code()
        for combo, entries in ((self.voice, [(v, v) for v in voices]),
                               (self.framework, [(f"{f.key} · {f.name_for(language)}", f.key)
                                                 for f in self.frameworks.list()]),
                               (self.model, [(m, m) for m in models])):
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

    def language_code(self) -> str:
        return "zh-TW" if self.language.currentData() == "zh-TW" else "en"

    def load(self, template: Template | None) -> None:
        """Show a template (None: an empty new one) without emitting :attr:`edited`."""
        self._loading = True
        t = template or Template(name="", body="")
        self.name.setText(t.name)
        self.description.setText(t.description)
        self.body.setPlainText(t.body)
        self.negative.setPlainText(t.negative)
        self.system.setPlainText(t.system)
        self.set_category(t.category)
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
        self.outputs_table.setRowCount(0)
        for output in t.outputs:
            self.add_output_row(output.as_dict())
        self._loading = False
        self._kind_changed()
        self.editor_message.clear()

    def show_version(self, current: Template | None, dirty: bool) -> None:
        if current is None:
            self.version_label.setText(self.tr("new, not saved"))
        else:
            text = self.tr("version {v}").format(v=current.version)
            self.version_label.setText(text + (self.tr(" · edited") if dirty else ""))

    def highlight(self, declared: set[str]) -> None:
        """Mark undeclared names in the three prompt fields (re-highlighting is not an edit)."""
        was_loading, self._loading = self._loading, True
        for highlighter, edit in ((self.body_highlighter, self.body), (self.negative_highlighter, self.negative),
                                  (self.system_highlighter, self.system)):
            try:
                highlighter.set_unknown(set(variable_names(edit.toPlainText()).undeclared(declared)))
            except BadInput:
                pass  # mid-edit syntax error: the preview says so; the marks stay as they were
        self._loading = was_loading

    # reading -------------------------------------------------------------------------

    def draft(self, version: int = 1) -> Template:
        """The editor's content as a checked template; BadInput says what is wrong."""
        params_text = self.params.text().strip()
        try:
            params = json.loads(params_text) if params_text else {}
        except ValueError:
            raise BadInput(self.tr("Parameters must be JSON, for example {\"temperature\": 0.7}.")) from None
        return Template.from_dict({
            "name": self.name.text().strip() or self.tr("(untitled)"), "description": self.description.text().strip(),
            "category": self.category_key(), "kind": self.kind.currentData(),
            "language": self.language.currentData(), "body": self.body.toPlainText(),
            "negative": self.negative.toPlainText() if self.kind.currentData() == "image" else "",
            "system": self.system.toPlainText() if self.kind.currentData() == "text" else "",
            "variables": self.variable_definitions(), "brand_voice": self.voice.currentData(),
            "framework": self.framework.currentData(), "model": self.model.currentData(), "params": params,
            "outputs": self.output_definitions() if self.kind.currentData() == "text" else [], "version": version})

    def _kind_changed(self, *_args) -> None:
        image = self.kind.currentData() == "image"
        for widget in (self.negative_label, self.negative):
            widget.setVisible(image)
        for widget in (self.system_label, self.system):
            widget.setVisible(not image)
        self.voice.setEnabled(not image)
        self.editor_tabs.setTabVisible(3, not image)  # an image prompt has no structured draft
        self.kind_changed.emit(self.kind.currentData())

    def _framework_changed(self, *_args) -> None:
        key = self.framework.currentData()
        framework = self.frameworks.find(key) if key else None
        self.framework_summary.setText(framework.summary_for(self.language_code()) if framework else "")

    # the variables table -------------------------------------------------------------

    def add_variable_row(self, data: dict | None = None) -> None:
        data = data or {"name": "", "type": "short_text", "label": "", "default": None, "required": False}
        was_loading, self._loading = self._loading, True
        row = self.variables_table.rowCount()
        self.variables_table.insertRow(row)
        type_box = QComboBox()
        for kind in VARIABLE_TYPES:
            type_box.addItem(kind, kind)
        type_box.setCurrentIndex(max(type_box.findData(data.get("type", "short_text")), 0))
        type_box.currentIndexChanged.connect(self._changed)
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
        self._changed()

    def remove_variable_rows(self) -> None:
        rows = sorted({index.row() for index in self.variables_table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.variables_table.removeRow(row)
        if rows:
            self._changed()

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
        declared = {d["name"] for d in self.variable_definitions()}
        names: dict[str, None] = {}
        for source in (self.body.toPlainText(), self.negative.toPlainText(), self.system.toPlainText()):
            try:
                found = variable_names(source).undeclared(declared | {"self"})
            except BadInput:  # a syntax error is reported by the preview
                continue
            names.update(dict.fromkeys(found))
        for name in names:
            self.add_variable_row({"name": name, "type": "short_text", "label": name, "required": True})

    # the output fields table ---------------------------------------------------------

    def add_output_row(self, data: dict | None = None) -> None:
        data = data or {"name": "", "label": "", "kind": "text"}
        was_loading, self._loading = self._loading, True
        row = self.outputs_table.rowCount()
        self.outputs_table.insertRow(row)
        kind_box = QComboBox()
        for kind in FIELD_KINDS:
            kind_box.addItem(kind, kind)
        kind_box.setCurrentIndex(max(kind_box.findData(data.get("kind", "text")), 0))
        kind_box.currentIndexChanged.connect(self._changed)
        self.outputs_table.setCellWidget(row, 2, kind_box)
        for column, key in enumerate(OUTPUT_COLUMNS):
            if key != "kind":
                value = data.get(key)
                self.outputs_table.setItem(row, column, QTableWidgetItem("" if value is None else str(value)))
        self._name_output_kinds()
        self._loading = was_loading
        self._changed()

    def _name_output_kinds(self) -> None:
        names = {"text": self.tr("text"), "list": self.tr("list")}
        for row in range(self.outputs_table.rowCount()):
            box = self.outputs_table.cellWidget(row, 2)
            for index in range(box.count()):
                box.setItemText(index, names.get(box.itemData(index), box.itemData(index)))

    def remove_output_rows(self) -> None:
        rows = sorted({index.row() for index in self.outputs_table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.outputs_table.removeRow(row)
        if rows:
            self._changed()

    def output_definitions(self) -> list[dict]:
        """The output fields table as plain definitions (checked by the engine on save: a
        wrong number or name is one sentence in the editor's message)."""
        definitions = []
        for row in range(self.outputs_table.rowCount()):
            def text(column: int) -> str:
                item = self.outputs_table.item(row, column)
                return item.text().strip() if item else ""

            if not text(0):
                continue
            kind = self.outputs_table.cellWidget(row, 2).currentData()
            definition: dict = {"name": text(0), "label": text(1), "kind": kind}
            for column, key in ((3, "items"), (4, "max_chars")):
                if text(column):
                    try:
                        definition[key] = int(text(column))
                    except ValueError:
                        raise BadInput(self.tr("Output field '{name}': {what} must be a whole number.").format(
                            name=text(0), what=self.outputs_table.horizontalHeaderItem(column).text())) from None
            definitions.append(definition)
        return definitions
