"""The Models page: registered models, import (dialog or drag-and-drop), verify, remove,
and the catalog of recommended models filtered by what fits this machine."""

from __future__ import annotations

from pathlib import Path

from desktop.qt import (QAbstractItemView, QApplication, QCheckBox, QColor, QDragEnterEvent, QDropEvent, QEvent,
                        QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QProgressBar,
                        QPushButton, QSplitter, Qt, QTableWidget, QTableWidgetItem, QVBoxLayout,
                        QWidget, Signal)
from desktop.widgets.page_header import add_page_header
from desktop.i18n import current_language
from engine.cli.output import human_size
from desktop.engine_text import engine_text
from desktop.tasks import Task
from engine.registry import memory
from engine.registry.registry import ModelRecord
from engine.workspace import Workspace
from engine.registry import catalog


def gib(n: int | None) -> str:
    """Memory as the CLI says it (``airlock models show``): GiB with one decimal."""
    return f"{n / memory.GiB:.1f} GiB" if n else "?"


def size_text(n: int | None) -> str:
    """A file size as the CLI prints it (15.9 MB, 4.1 GB): one figure everywhere."""
    return human_size(n)


class ModelsPage(QWidget):
    models_changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.task: Task | None = None
        self.setAcceptDrops(True)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.title, self.hint = add_page_header(layout)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.table = self._table(10)
        top_layout.addWidget(self.table)
        actions = QHBoxLayout()
        self.import_button = QPushButton()
        self.import_folder_button = QPushButton()  # diffusers folders: a file dialog cannot choose them
        self.verify_button = QPushButton()
        self.remove_button = QPushButton()
        for button in (self.import_button, self.import_folder_button, self.verify_button, self.remove_button):
            actions.addWidget(button)
        actions.addStretch()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setMinimumWidth(260)
        actions.addWidget(self.progress)
        self.cancel_button = QPushButton()
        self.cancel_button.setVisible(False)
        actions.addWidget(self.cancel_button)
        top_layout.addLayout(actions)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        top_layout.addWidget(self.message)
        self.splitter.addWidget(top)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        catalog_bar = QHBoxLayout()
        self.catalog_title = QLabel()
        self.catalog_title.setObjectName("pageTitle")
        catalog_bar.addWidget(self.catalog_title)
        catalog_bar.addStretch()
        self.fits_only = QCheckBox()
        self.fits_only.setChecked(True)
        catalog_bar.addWidget(self.fits_only)
        bottom_layout.addLayout(catalog_bar)
        self.catalog_hint = QLabel()
        self.catalog_hint.setObjectName("meta")
        self.catalog_hint.setWordWrap(True)
        bottom_layout.addWidget(self.catalog_hint)
        self.catalog_table = self._table(9)
        bottom_layout.addWidget(self.catalog_table)
        self.splitter.addWidget(bottom)
        layout.addWidget(self.splitter, 1)

        self.import_button.clicked.connect(self.choose_and_import)
        self.import_folder_button.clicked.connect(self.choose_folder_and_import)
        self.verify_button.clicked.connect(self.verify_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.cancel_button.clicked.connect(lambda: self.task and self.task.cancel())
        self.fits_only.toggled.connect(self.reload_catalog)
        self.table.itemSelectionChanged.connect(self._selection_changed)

    @staticmethod
    def _table(columns: int) -> QTableWidget:
        table = QTableWidget(0, columns)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def retranslate(self) -> None:
        self.title.setText(self.tr("Models"))
        self.hint.setText(self.tr("Import .gguf files (text) or .safetensors checkpoints and diffusers "
                                  "folders (images). Drop them here, or use Import file… or Import folder…. Airlock never "
                                  "downloads anything: fetch models on a connected machine."))
        self.import_button.setText(self.tr("Import file…"))
        self.import_folder_button.setText(self.tr("Import folder…"))
        self.import_folder_button.setToolTip(self.tr("A diffusers image model is a folder with model_index.json: "
                                                     "choose the folder itself."))
        self.verify_button.setText(self.tr("Verify"))
        self.remove_button.setText(self.tr("Remove…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Kind"), self.tr("Format"), self.tr("Architecture"),
            self.tr("Quantization"), self.tr("Size"), self.tr("Context"), self.tr("Memory needed"),
            self.tr("sha256"), self.tr("Notes")])
        self.catalog_title.setText(self.tr("Recommended models"))
        self.fits_only.setText(self.tr("Only what fits this machine"))
        self.catalog_hint.setText(self.tr("Models that write Traditional Chinese well come first. "
                                          "Fetch the file from its page on a connected machine, then "
                                          "import it: Airlock recognizes it and applies its settings."))
        self.catalog_table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Link"), self.tr("Languages"), self.tr("Parameters"), self.tr("Quantization"),
            self.tr("File size"), self.tr("Memory needed"), self.tr("Licence"), self.tr("Where to get it")])
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # tables --------------------------------------------------------------------------

    def reload(self) -> None:
        records = self.ws.registry.list()
        self.table.setRowCount(len(records))
        total = memory.memory_fit(0).total_bytes
        for row, record in enumerate(records):
            needed = record.memory_needed()  # the estimate the CLI and the runners use, images too
            fit = memory.MemoryFit(needed, memory.memory_fit(0).available_bytes, total)
            verdict = {"fits": self.tr("fits"), "tight": self.tr("tight"),
                       "too_big": self.tr("too big")}[fit.verdict]
            entry = catalog.match(record.sha256, record.path)
            name = record.name + (f"  ({entry.name})" if entry else "")
            notes = ""
            if entry:
                notes = entry.notes_zh_TW if current_language() == "zh_TW" else entry.notes
            values = [name, self.tr("Text") if record.kind == "text" else self.tr("Image"),
                      record.format, record.architecture or "", record.quantization or "",
                      size_text(record.size_bytes), str(record.context_length or ""),
                      f"~{gib(needed)} · {verdict}", record.sha256[:12], notes]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, record.name)
                if column == 8:
                    item.setToolTip(record.sha256)
                if column == 0:
                    item.setToolTip(record.path)
                if column == 9:
                    item.setToolTip(notes)
                if column == 7 and fit.verdict != "fits":
                    item.setForeground(QColor("#c0392b"))
                self.table.setItem(row, column, item)
        self._selection_changed()
        self.reload_catalog()

    def reload_catalog(self) -> None:
        total = memory.memory_fit(0).total_bytes
        items = [e for e in catalog.entries() if not self.fits_only.isChecked() or e.fits(total)]
        self.catalog_table.setRowCount(len(items))
        for row, entry in enumerate(items):
            size = size_text(entry.file_size_bytes) + (" ≈" if entry.size_is_estimate else "")
            values = [entry.name, "", ", ".join(entry.languages), entry.parameters, entry.quantization,
                      size, gib(entry.ram_needed_bytes), entry.licence, entry.page]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                notes = entry.notes_zh_TW if current_language() == "zh_TW" else entry.notes
                item.setToolTip(f"{notes}\n{entry.file_name}" + (f"\nsha256 {entry.sha256}" if entry.sha256 else ""))
                if column == 8:
                    item.setToolTip(entry.page)
                self.catalog_table.setItem(row, column, item)
            copy = QPushButton(self.tr("Copy link"))
            copy.setToolTip(entry.page)
            copy.clicked.connect(lambda _checked=False, url=entry.page: self.copy_link(url))
            self.catalog_table.setCellWidget(row, 1, copy)  # next to the name, never scrolled away

    def selected_name(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _selection_changed(self) -> None:
        selected = self.selected_name() is not None
        busy = self.task is not None and self.task.running
        self.verify_button.setEnabled(selected and not busy)
        self.remove_button.setEnabled(selected and not busy)
        self.import_button.setEnabled(not busy)

    # feedback ------------------------------------------------------------------------

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setObjectName("warning" if error else "meta")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(engine_text(text))
        self.message.setVisible(True)

    def _run(self, label: str, work, on_success) -> Task:
        task = Task(work, self)
        self.task = task
        self.progress.setVisible(True)
        self.progress.setValue(0)
        self.progress.setFormat(f"{label} %p%")
        self.cancel_button.setVisible(True)
        self.message.setVisible(False)
        task.progress.connect(lambda done, total: (self.progress.setMaximum(max(total, 1)),
                                                   self.progress.setValue(done)))
        task.succeeded.connect(on_success)
        task.failed.connect(lambda message: self.show_message(message, error=True))
        task.cancelled.connect(lambda: self.show_message(self.tr("Stopped; nothing was kept.")))
        task.finished.connect(self._task_finished)
        task.start()
        self._selection_changed()
        return task

    def _task_finished(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.reload()
        self.models_changed.emit()

    # actions -------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a model"), str(Path.home()),
            self.tr("Models (*.gguf *.safetensors);;All files (*)"))
        if path:
            self.import_path(Path(path))

    def choose_folder_and_import(self) -> None:
        """A diffusers model is a folder (model_index.json and its parts): choose the folder."""
        path = QFileDialog.getExistingDirectory(self, self.tr("Import a diffusers model folder"), str(Path.home()))
        if path:
            self.import_path(Path(path))

    def copy_link(self, url: str) -> None:
        QApplication.clipboard().setText(url)
        self.show_message(self.tr("Link copied: {url}. Open it on a connected machine to fetch the file.").format(
            url=url))

    def import_path(self, path: Path) -> Task:
        ws = self.ws

        def work(progress, cancelled) -> ModelRecord:
            with ws.connection() as conn:  # this thread's own connection; the policy's gate holds
                return conn.registry.import_model(path, progress=progress, cancel=cancelled)

        def done(record: ModelRecord) -> None:
            entry = catalog.match(record.sha256, record.path)
            text = self.tr("Imported '{name}' ({size}, sha256 {sha}).").format(
                name=record.name, size=size_text(record.size_bytes), sha=record.sha256[:12])
            if entry:
                text += " " + self.tr("Recognized as {entry}: its recommended settings apply.").format(
                    entry=entry.name)
            if record.chat_template_sha256:  # shown on import, flagged when suspicious (engine/trust)
                flags = record.metadata.get("chat_template_flags") or []
                text += " " + (self.tr("Its chat template (sha256 {sha}) looks suspicious: it {flags}.").format(
                    sha=record.chat_template_sha256[:12], flags="; ".join(engine_text(f) for f in flags)) if flags else
                    self.tr("Chat template sha256 {sha}: nothing suspicious found.").format(
                        sha=record.chat_template_sha256[:12]))
            self.show_message(text)

        return self._run(self.tr("Hashing {name}").format(name=path.name), work, done)

    def verify_selected(self) -> Task | None:
        name = self.selected_name()
        if name is None:
            return None
        ws = self.ws

        def work(progress, cancelled) -> ModelRecord:
            with ws.connection() as conn:
                return conn.registry.verify(name, progress, cancelled)

        return self._run(self.tr("Verifying {name}").format(name=name), work, lambda record: self.show_message(
            self.tr("'{name}' is unchanged since it was imported.").format(name=record.name)))

    def remove_selected(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove model"),
            self.tr("Remove '{name}' from Airlock? A copy Airlock made is deleted; a linked file "
                    "stays where it is. History is kept.").format(name=name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ws.registry.remove(name)
        self.show_message(self.tr("Removed '{name}'.").format(name=name))
        self.reload()
        self.models_changed.emit()

    # drag and drop -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls and not (self.task and self.task.running):
            self.import_path(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()
