"""The import step of a batch: choose a file, check the preview (another encoding if the
text looks wrong), map columns to the template's variables, see every failing row."""

from __future__ import annotations

from pathlib import Path

from desktop.engine_text import engine_text
from desktop.qt import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView,
                        QLabel, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)
from engine.batch import mapping as columns
from engine.batch.table import ENCODINGS, Table, read_table
from engine.errors import BadInput
from engine.prompts.templates import Template
from engine.workspace import Workspace

PREVIEW_ROWS = 8


class ImportDialog(QDialog):
    """Returns (template name, table, mapping) through :meth:`choice` when accepted."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, path: str | None = None):
        super().__init__(parent)
        self.ws = ws
        self.table: Table | None = None
        self.setMinimumSize(860, 600)
        self.setWindowTitle(self.tr("New batch"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path_label = QLabel(self.tr("No file chosen"))
        self.browse = QPushButton(self.tr("Choose CSV or XLSX…"))
        row.addWidget(self.path_label, 1)
        row.addWidget(self.browse)
        form.addRow(self.tr("File"), row)
        self.encoding = QComboBox()
        self.encoding.addItem(self.tr("Detect automatically"), None)
        for name in ENCODINGS:
            self.encoding.addItem(name, name)
        form.addRow(self.tr("Encoding"), self.encoding)
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 50)
        form.addRow(self.tr("Header row"), self.header_row)
        self.template = QComboBox()
        for t in ws.templates.list(kind="text"):
            self.template.addItem(t.name, t.name)
        batch_first = next((i for i in range(self.template.count()) if self.template.itemText(i).startswith(("Batch", "批次"))), 0)
        self.template.setCurrentIndex(batch_first)
        form.addRow(self.tr("Template"), self.template)
        layout.addLayout(form)
        self.detected = QLabel()
        self.detected.setObjectName("meta")
        layout.addWidget(self.detected)
        self.preview = QTableWidget(0, 0)
        self.preview.verticalHeader().setVisible(False)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.preview, 2)
        layout.addWidget(QLabel(self.tr("Columns for the template's variables")))
        self.mapping = QTableWidget(0, 2)
        self.mapping.setHorizontalHeaderLabels([self.tr("Variable"), self.tr("Column")])
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.mapping, 1)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setObjectName("error")
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create = self.buttons.addButton(self.tr("Create batch"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.create.clicked.connect(self._accept)
        self.browse.clicked.connect(self._browse)
        self.encoding.currentIndexChanged.connect(self.load)
        self.header_row.valueChanged.connect(self.load)
        self.template.currentIndexChanged.connect(self._fill_mapping)
        self.path: str | None = None
        if path:
            self.set_path(path)
        self._validate()

    # file -----------------------------------------------------------------------------

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a CRM export"), "",
                                              self.tr("Spreadsheets (*.csv *.tsv *.txt *.xlsx)"))
        if path:
            self.set_path(path)

    def set_path(self, path: str) -> None:
        self.path = path
        self.path_label.setText(Path(path).name)
        self.load()

    def load(self) -> None:
        """Read the file with the chosen (or detected) encoding; a refusal is shown, not raised."""
        if not self.path:
            return
        try:
            self.table = read_table(self.path, encoding=self.encoding.currentData(),
                                    header_row=self.header_row.value())
        except BadInput as exc:
            self.table = None
            self.detected.setText("")
            self.preview.setRowCount(0)
            self.preview.setColumnCount(0)
            self.problems.setText(engine_text(exc))
            self._validate()
            return
        t = self.table
        if t.encoding:
            self.detected.setText(self.tr("{rows} rows, encoding {encoding}, delimiter {delimiter}. If the text looks "
                                          "wrong, pick another encoding.").format(
                rows=len(t.rows), encoding=t.encoding, delimiter=repr(t.delimiter)))
        else:
            self.detected.setText(self.tr("{rows} rows from the workbook.").format(rows=len(t.rows)))
        self.preview.setColumnCount(len(t.columns))
        self.preview.setHorizontalHeaderLabels(list(t.columns))
        shown = t.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        for r, row in enumerate(shown):
            for c, value in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(value[:200]))
        self._fill_mapping()

    # mapping --------------------------------------------------------------------------

    def current_template(self) -> Template | None:
        name = self.template.currentData()
        return self.ws.templates.find(name) if name else None

    def _fill_mapping(self) -> None:
        template = self.current_template()
        self.mapping.setRowCount(0)
        if template is None or self.table is None:
            self._validate()
            return
        auto = columns.auto_map(template, self.table.columns)
        self.mapping.setRowCount(len(template.variables))
        for i, variable in enumerate(template.variables):
            label = variable.display_label + (" *" if variable.required else "")
            self.mapping.setItem(i, 0, QTableWidgetItem(label))
            box = QComboBox()
            box.addItem(self.tr("(none: use the default)"), None)
            for column in self.table.columns:
                box.addItem(column, column)
            if auto.get(variable.name):
                box.setCurrentIndex(box.findData(auto[variable.name]))
            box.currentIndexChanged.connect(self._validate)
            self.mapping.setCellWidget(i, 1, box)
        self._validate()

    def chosen_mapping(self) -> dict[str, str | None]:
        template = self.current_template()
        if template is None:
            return {}
        return {v.name: self.mapping.cellWidget(i, 1).currentData() for i, v in enumerate(template.variables)
                if self.mapping.cellWidget(i, 1) is not None}

    def problems_text(self, problems: list, limit: int = 10) -> str:
        """The failing rows in the person's language: the engine's lines, each translated."""
        return engine_text(columns.problems_message(problems, limit))

    def _validate(self) -> None:
        template = self.current_template()
        ok = False
        if self.table is not None and template is not None:
            try:
                problems = columns.validate_rows(template, self.table, self.chosen_mapping())
            except BadInput as exc:
                self.problems.setText(engine_text(exc))
            else:
                self.problems.setText(self.problems_text(problems) if problems else "")
                ok = not problems
        self.create.setEnabled(ok)

    def _accept(self) -> None:
        if self.create.isEnabled():
            self.accept()

    def choice(self) -> tuple[str, Table, dict[str, str | None]]:
        assert self.table is not None
        return self.template.currentData(), self.table, self.chosen_mapping()
