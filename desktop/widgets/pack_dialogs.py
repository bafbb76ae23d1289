"""Dialogs of the template library: what a pack import will do (with a choice per
conflict), and a template's version history (diff and restore)."""

from __future__ import annotations

from desktop.qt import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFontDatabase,
                        QHeaderView, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
                        QSplitter, Qt, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)
from engine.prompts.packs import Pack, PreviewItem
from engine.prompts.templates import TemplateLibrary


class PackImportDialog(QDialog):
    """Shows every item of a pack as new, already here, or in conflict; conflicts get a choice."""

    def __init__(self, pack: Pack, items: list[PreviewItem], parent: QWidget | None = None):
        super().__init__(parent)
        self.items = items
        self.choices: dict[tuple[str, str], QComboBox] = {}
        self.setMinimumSize(640, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(items), 4)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.pack = pack
        for row, item in enumerate(items):
            if item.status == "conflict":
                combo = QComboBox()
                for decision in ("keep_both", "replace", "skip"):
                    combo.addItem("", decision)
                self.choices[(item.kind, item.name)] = combo
                self.table.setCellWidget(row, 3, combo)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import pack"))
        counts = {s: sum(1 for i in self.items if i.status == s) for s in ("new", "same", "conflict")}
        self.summary.setText(self.tr("Pack '{name}': {new} new, {same} already here, {conflict} in conflict. "
                                     "Nothing is imported until you press OK, and then all at once.").format(
            name=self.pack.name, **counts))
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Name"), self.tr("Status"),
                                              self.tr("If it exists")])
        kinds = {"template": self.tr("Template"), "brand_voice": self.tr("Brand voice"),
                 "framework": self.tr("Framework")}
        for row, item in enumerate(self.items):
            if item.status == "new":
                status = self.tr("new (version {v})").format(v=item.incoming_version)
            elif item.status == "same":
                status = self.tr("already here, identical")
            else:
                status = self.tr("different: here version {here}, pack version {pack}").format(
                    here=item.existing_version, pack=item.incoming_version)
            for column, text in enumerate((kinds[item.kind], item.name, status)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        for combo in self.choices.values():
            texts = (self.tr("Keep both (import a copy)"), self.tr("Replace (old one stays in history)"),
                     self.tr("Skip"))
            for index, text in enumerate(texts):
                combo.setItemText(index, text)

    def decisions(self) -> dict[tuple[str, str], str]:
        return {key: combo.currentData() for key, combo in self.choices.items()}


class VersionsDialog(QDialog):
    """Every saved version of a template; shows the diff to the current one and restores."""

    def __init__(self, library: TemplateLibrary, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.name = name
        self.restored_version: int | None = None
        self.setMinimumSize(760, 480)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.versions = QListWidget()
        splitter.addWidget(self.versions)
        self.diff = QPlainTextEdit()
        self.diff.setReadOnly(True)
        self.diff.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        splitter.addWidget(self.diff)
        splitter.setSizes([220, 540])
        layout.addWidget(splitter, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton()
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.versions.currentItemChanged.connect(self._show)
        self.restore_button.clicked.connect(self.restore)
        self.reload()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Versions of '{name}'").format(name=self.name))
        self.restore_button.setText(self.tr("Restore this version"))

    def reload(self) -> None:
        self.versions.clear()
        self.current = self.library.get(self.name).version
        for row in self.library.versions(self.name):
            when = row["created_at"][:16].replace("T", " ")
            item = QListWidgetItem(f"v{row['version']}  {when}" + (f"\n{row['note']}" if row["note"] else ""))
            item.setData(Qt.ItemDataRole.UserRole, row["version"])
            self.versions.addItem(item)
        if self.versions.count() > 1:
            self.versions.setCurrentRow(1)
        elif self.versions.count():
            self.versions.setCurrentRow(0)

    def selected_version(self) -> int | None:
        item = self.versions.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show(self, *_args) -> None:
        version = self.selected_version()
        self.restore_button.setEnabled(version is not None and version != self.current)
        if version is None:
            self.diff.clear()
            return
        if version == self.current:
            self.diff.setPlainText(self.tr("This is the current version."))
            return
        text = self.library.diff(self.name, version, self.current)
        self.diff.setPlainText(text or self.tr("No differences."))

    def restore(self) -> None:
        version = self.selected_version()
        if version is None or version == self.current:
            return
        self.library.restore(self.name, version)
        self.restored_version = version
        self.reload()
