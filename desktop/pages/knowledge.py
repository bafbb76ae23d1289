"""The Knowledge page: collections of company documents, imported with progress and
cancel, and searchable in Chinese and English. Templates and the SWIFT builder pick their
snippets from here (engine.knowledge.base)."""

from __future__ import annotations

from pathlib import Path

from desktop.engine_text import engine_text
from desktop.qt import (QAbstractItemView, QDragEnterEvent, QDropEvent, QEvent, QFileDialog, QHBoxLayout,
                        QHeaderView, QInputDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                        QProgressBar, QPushButton, QSplitter, Qt, QTableWidget, QTableWidgetItem, QTextBrowser,
                        QTimer, QVBoxLayout, QWidget, Signal)
from desktop.widgets.page_header import add_page_header
from desktop.tasks import Task
from engine.knowledge.documents import FORMATS
from engine.errors import BadInput
from engine.knowledge.base import ImportReport
from engine.workspace import Workspace


class KnowledgePage(QWidget):
    knowledge_changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.knowledge = ws.knowledge
        self.knowledge.discard_unfinished()  # left by a crash during an import
        self.task: Task | None = None
        self.last_report: ImportReport | None = None
        self.setAcceptDrops(True)
        self._build()
        self.retranslate()
        self.reload()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.title, self.hint = add_page_header(layout)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.collections = QListWidget()
        left_layout.addWidget(self.collections, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton()
        self.delete_collection_button = QPushButton()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_collection_button)
        left_layout.addLayout(row)
        self.splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.documents = QTableWidget(0, 5)
        self.documents.verticalHeader().setVisible(False)
        self.documents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.documents.horizontalHeader().setStretchLastSection(True)
        right_layout.addWidget(self.documents, 2)
        row = QHBoxLayout()
        self.import_button = QPushButton()
        self.remove_document_button = QPushButton()
        row.addWidget(self.import_button)
        row.addWidget(self.remove_document_button)
        row.addStretch()
        self.progress = QProgressBar()
        self.progress.setMinimumWidth(220)
        self.progress.setVisible(False)
        row.addWidget(self.progress)
        self.cancel_button = QPushButton()
        self.cancel_button.setVisible(False)
        row.addWidget(self.cancel_button)
        right_layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right_layout.addWidget(self.message)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        right_layout.addWidget(self.search)
        results = QSplitter(Qt.Orientation.Horizontal)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        results.addWidget(self.results)
        self.chunk_view = QTextBrowser()
        results.addWidget(self.chunk_view)
        right_layout.addWidget(results, 3)
        self.splitter.addWidget(right)
        self.splitter.setSizes([220, 800])
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.collections.currentItemChanged.connect(lambda *_a: (self.reload_documents(), self.run_search()))
        self.new_button.clicked.connect(self.new_collection)
        self.delete_collection_button.clicked.connect(self.delete_collection)
        self.import_button.clicked.connect(self.choose_and_import)
        self.remove_document_button.clicked.connect(self.remove_document)
        self.cancel_button.clicked.connect(lambda: self.task and self.task.cancel())
        self.results.currentItemChanged.connect(self._show_chunk)
        self.documents.itemSelectionChanged.connect(self._update_buttons)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Knowledge"))
        self.hint.setText(self.tr("Company documents that templates can quote from, with their sources: .txt, "
                                  ".md, .docx, .pdf (text), .xlsx and .csv. Drop files here or use Import. "
                                  "Everything stays on this computer."))
        self.new_button.setText(self.tr("New collection…"))
        self.delete_collection_button.setText(self.tr("Delete…"))
        self.import_button.setText(self.tr("Import documents…"))
        self.remove_document_button.setText(self.tr("Remove document"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.search.setPlaceholderText(self.tr("Search the knowledge (Chinese or English)…"))
        self.documents.setHorizontalHeaderLabels([self.tr("Document"), self.tr("Format"), self.tr("Chunks"),
                                                  self.tr("Characters"), self.tr("Imported")])
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # lists ---------------------------------------------------------------------------

    def current_collection(self) -> str | None:
        item = self.collections.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def reload(self) -> None:
        current = self.current_collection()
        self.collections.blockSignals(True)
        self.collections.clear()
        for row in self.knowledge.collections():
            item = QListWidgetItem(self.tr("{name} ({n} documents)").format(name=row["name"], n=row["documents"]))
            item.setData(Qt.ItemDataRole.UserRole, row["name"])
            self.collections.addItem(item)
            if row["name"] == current:
                self.collections.setCurrentItem(item)
        if self.collections.currentItem() is None and self.collections.count():
            self.collections.setCurrentRow(0)
        self.collections.blockSignals(False)
        self.reload_documents()

    def reload_documents(self) -> None:
        collection = self.current_collection()
        rows = self.knowledge.documents(collection) if collection else []
        self.documents.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for column, value in enumerate((row["name"], row["format"], str(row["chunks"]), f"{row['chars']:,}",
                                            row["imported_at"][:16].replace("T", " "))):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row["id"])
                if column == 0:
                    item.setToolTip(row["path"] or row["name"])
                self.documents.setItem(r, column, item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.task is not None and self.task.running
        self.import_button.setEnabled(not busy)
        self.new_button.setEnabled(not busy)
        self.delete_collection_button.setEnabled(not busy and self.current_collection() is not None)
        self.remove_document_button.setEnabled(not busy and bool(self.documents.selectedItems()))

    # collections and documents -------------------------------------------------------

    def new_collection(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New collection"), self.tr("Name of the collection:"))
        if ok and name.strip():
            self.create_collection(name)

    def create_collection(self, name: str) -> bool:
        try:
            row = self.knowledge.create_collection(name)
        except BadInput as exc:
            self.show_message(engine_text(exc))
            return False
        self.reload()
        self._select_collection(row["name"])
        self.knowledge_changed.emit()
        return True

    def _select_collection(self, name: str) -> None:
        for i in range(self.collections.count()):
            if self.collections.item(i).data(Qt.ItemDataRole.UserRole) == name:
                self.collections.setCurrentRow(i)

    def delete_collection(self) -> None:
        name = self.current_collection()
        if name is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete collection"), self.tr(
            "Delete the collection '{name}' and all its documents from Airlock? "
            "Your files stay where they are.").format(name=name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.knowledge.delete_collection(name)
        self.reload()
        self.run_search()
        self.knowledge_changed.emit()

    def remove_document(self) -> None:
        items = self.documents.selectedItems()
        if not items:
            return
        self.knowledge.delete_document(items[0].data(Qt.ItemDataRole.UserRole))
        self.reload()
        self.run_search()
        self.knowledge_changed.emit()

    # importing -----------------------------------------------------------------------

    def choose_and_import(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in FORMATS)
        file_filter = self.tr("Documents ({patterns});;All files (*)").format(patterns=patterns)
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import documents"), "", file_filter)
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path], collection: str | None = None) -> None:
        """Read, chunk and index on a background thread with its own database connection."""
        if self.task is not None and self.task.running:
            return
        collection = collection or self.current_collection()
        if collection is None:
            collection = self.tr("Documents")
        ws = self.ws

        def work(progress, cancelled):
            with ws.connection() as conn:  # this thread's own connection
                return collection, conn.knowledge.import_files(collection, paths, progress=progress,
                                                               cancel=cancelled)

        self.task = Task(work, self)
        self.task.progress.connect(self._on_progress)
        self.task.succeeded.connect(self._imported)
        self.task.failed.connect(self.show_message)
        self.task.cancelled.connect(lambda: self.show_message(
            self.tr("Import cancelled; the unfinished document was not kept."), warning=False))
        self.task.finished.connect(self._task_finished)
        self.progress.setValue(0)
        self.progress.setMaximum(0)  # until the files are read and the total is known
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.message.setVisible(False)
        self.task.start()
        self._update_buttons()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Indexing %p%"))

    def _imported(self, result) -> None:
        collection, report = result
        self.last_report = report
        chunks = sum(item["chunks"] for item in report.imported)
        lines = [self.tr("Imported {n} documents ({chunks} chunks) into '{collection}'.").format(
            n=len(report.imported), chunks=chunks, collection=collection)]
        for name, reason in report.skipped:
            lines.append(self.tr("Skipped {name}: {reason}").format(name=name, reason=engine_text(reason)))
        self.show_message("\n".join(lines), warning=bool(report.skipped))
        self.reload()
        self._select_collection(collection)
        self.knowledge_changed.emit()

    def _task_finished(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self._update_buttons()

    def show_message(self, text: str, warning: bool = True) -> None:
        self.message.setObjectName("warning" if warning else "meta")
        self.message.setText(text)
        self.message.setVisible(True)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # search --------------------------------------------------------------------------

    def run_search(self) -> None:
        self.results.clear()
        self.chunk_view.clear()
        query = self.search.text().strip()
        if not query:
            return
        snippets = self.knowledge.search(query, collection=self.current_collection(), limit=50)
        for snippet in snippets:
            item = QListWidgetItem(f"{snippet.label()}\n{' '.join(snippet.text.split())[:160]}")
            item.setData(Qt.ItemDataRole.UserRole, snippet.text)
            item.setData(Qt.ItemDataRole.UserRole + 1, f"{snippet.collection} / {snippet.label()}")
            self.results.addItem(item)
        if not snippets:
            self.results.addItem(QListWidgetItem(self.tr("Nothing found.")))

    def _show_chunk(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            self.chunk_view.clear()
            return
        source, text = item.data(Qt.ItemDataRole.UserRole + 1), item.data(Qt.ItemDataRole.UserRole)
        self.chunk_view.setPlainText(f"{source}\n\n{text}")

    def shutdown(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()
