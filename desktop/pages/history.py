"""The History page: every past generation, searchable, filterable, reusable, exportable.

The table loads lazily, a page at a time, through Qt's canFetchMore/fetchMore, using
keyset paging in the store, so 100,000 records open as fast as 100.
"""

from __future__ import annotations

from pathlib import Path
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from desktop.qt import (QAbstractItemView, QAbstractTableModel, QCheckBox, QComboBox, QDate,
                        QDateEdit, QEvent, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                        QLineEdit, QMessageBox, QModelIndex, QProgressDialog, QPushButton,
                        QSplitter, Qt, QTableView, QTextBrowser, QTimer, QVBoxLayout, QWidget,
                        Signal)
from desktop.tasks import Task
from desktop.widgets.page_header import add_title
from engine.files import atomic_write
from desktop.widgets.history_detail import HistoryDetail
from engine.localtime import day_range, local_text
from engine.workspace import Workspace
from engine.trust import install as trust
from desktop.widgets.pii_preview import PiiPreviewDialog

if TYPE_CHECKING:
    from engine.store.history import History

PAGE = 200


class HistoryTableModel(QAbstractTableModel):
    COLUMNS = ("created_at", "kind", "model", "prompt", "status")

    def __init__(self, history: "History", parent=None):
        super().__init__(parent)
        self.history = history
        self.rows: list[dict[str, Any]] = []
        self.exhausted = False
        self._pages: Iterator[list[dict[str, Any]]] = iter(())  # set by set_query
        self.filters: dict[str, Any] = {}
        self.query = ""

    # filtering -----------------------------------------------------------------------

    def set_query(self, query: str, **filters: Any) -> None:
        self.beginResetModel()
        self.query = query.strip()
        self.filters = {k: v for k, v in filters.items() if v}
        self.rows = []
        self._pages = self.history.pages(self.query, size=PAGE, **self.filters)
        self.rows = self._page()
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self.query, **self.filters)

    def _page(self) -> list[dict[str, Any]]:
        page = next(self._pages, [])
        self.exhausted = len(page) < PAGE
        return page

    # Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        if parent.isValid() or self.exhausted:
            return
        page = self._page()
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("When"), self.tr("Kind"), self.tr("Model"), self.tr("Prompt"),
                self.tr("Status")][section]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.get(column) or ""
            if column == "created_at":
                return local_text(value)  # this computer's time, as the gallery and the detail show it
            if column == "prompt":
                return " ".join(value.split())[:200]
            if column == "kind":
                return {"text": self.tr("Text"), "image": self.tr("Image")}.get(value, value)
            if column == "status":
                return {"running": self.tr("running"), "done": self.tr("done"), "stopped": self.tr("stopped"),
                        "failed": self.tr("failed"), "interrupted": self.tr("interrupted")}.get(value, value)
            return value
        if role == Qt.ItemDataRole.ToolTipRole and column == "prompt":
            return row.get("prompt", "")[:1000]
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def record(self, row: int) -> dict[str, Any]:
        return self.rows[row]


class HistoryPage(QWidget):
    open_conversation = Signal(int)

    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.model = HistoryTableModel(ws.history, self)
        self._export_task: Task | None = None
        self._build()
        self.retranslate()
        self.reload_filters()
        self.apply_filters()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.title = add_title(layout)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 2)
        self.order = QComboBox()  # how search results are ordered: visible, and switchable
        self.order.addItem("", "relevance")
        self.order.addItem("", "newest")
        self.order.setEnabled(False)
        bar.addWidget(self.order)
        self.model_filter = QComboBox()
        bar.addWidget(self.model_filter)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem("", None)
        self.kind_filter.addItem("", "text")
        self.kind_filter.addItem("", "image")
        bar.addWidget(self.kind_filter)
        self.date_check = QCheckBox()
        bar.addWidget(self.date_check)
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-1))
        self.date_to = QDateEdit(QDate.currentDate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            bar.addWidget(edit)
        layout.addLayout(bar)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(1, 60)
        self.table.setColumnWidth(2, 160)
        self.splitter.addWidget(self.table)
        self.detail = HistoryDetail()
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([400, 200])
        layout.addWidget(self.splitter, 1)

        actions = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("meta")
        actions.addWidget(self.count_label, 1)
        self.open_button = QPushButton()
        self.delete_button = QPushButton()
        self.export_selected_button = QPushButton()
        self.export_all_button = QPushButton()
        # Exports can mask personal data (engine/trust/pii.py); the policy may require it.
        self.redact_check = QCheckBox()
        self.preview_button = QPushButton()
        for button in (self.open_button, self.delete_button, self.redact_check, self.preview_button,
                       self.export_selected_button, self.export_all_button):
            actions.addWidget(button)
        layout.addLayout(actions)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.model_filter.currentIndexChanged.connect(self.apply_filters)
        self.kind_filter.currentIndexChanged.connect(self.apply_filters)
        self.order.currentIndexChanged.connect(self.apply_filters)
        self.date_check.toggled.connect(self._date_toggled)
        self.date_from.dateChanged.connect(self.apply_filters)
        self.date_to.dateChanged.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_selected_button.clicked.connect(lambda: self.export(selected_only=True))
        self.export_all_button.clicked.connect(lambda: self.export(selected_only=False))
        self.preview_button.clicked.connect(self.preview_masking)
        forced = "exports" in self.ws.trust.pii_mode()
        self.redact_check.setChecked(forced)
        self.redact_check.setEnabled(not (forced and self.ws.trust.locked("pii_mode")))
        self._selection_changed()

    def retranslate(self) -> None:
        self.order.setItemText(0, self.tr("Best match first"))
        self.order.setItemText(1, self.tr("Newest first"))
        self.order.setToolTip(self.tr("How search results are ordered"))
        self.title.setText(self.tr("History"))
        self.search.setPlaceholderText(self.tr("Search prompts and answers (Chinese or English)…"))
        self.kind_filter.setItemText(0, self.tr("All kinds"))
        self.kind_filter.setItemText(1, self.tr("Text"))
        self.kind_filter.setItemText(2, self.tr("Image"))
        if self.model_filter.count():
            self.model_filter.setItemText(0, self.tr("All models"))
        self.date_check.setText(self.tr("Dates"))
        self.open_button.setText(self.tr("Open in chat"))
        self.delete_button.setText(self.tr("Delete…"))
        self.export_selected_button.setText(self.tr("Export selected…"))
        self.export_all_button.setText(self.tr("Export all…"))
        self.redact_check.setText(self.tr("Mask personal data"))
        self.preview_button.setText(self.tr("Preview masking…"))
        self.redact_check.setToolTip(self.tr("Managed by your organization") if not self.redact_check.isEnabled()
                                     else self.tr("E-mails, phone numbers, ID numbers, cards and your protected "
                                                  "terms are replaced by labels in every field of the export."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.COLUMNS) - 1)
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        self.reload_filters()
        self.model.refresh()
        self._update_count()
        super().showEvent(event)

    # filters -------------------------------------------------------------------------

    def reload_filters(self) -> None:
        current = self.model_filter.currentData()
        self.model_filter.blockSignals(True)
        self.model_filter.clear()
        self.model_filter.addItem(self.tr("All models"), None)
        for name in self.ws.history.models_used():
            self.model_filter.addItem(name, name)
        self.model_filter.setCurrentIndex(max(0, self.model_filter.findData(current)))
        self.model_filter.blockSignals(False)

    def _date_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply_filters()

    def apply_filters(self) -> None:
        since = until = None
        if self.date_check.isChecked():
            since, until = day_range(self.date_from.date().toPython(), self.date_to.date().toPython())
        query = self.search.text().strip()
        self.order.setEnabled(bool(query))
        order = self.order.currentData() if query else None
        self.model.set_query(self.search.text(), model=self.model_filter.currentData(),
                             kind=self.kind_filter.currentData(), since=since, until=until, order=order)
        self._update_count()
        self._selection_changed()

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        more = "+" if not self.model.exhausted else ""
        self.count_label.setText(self.tr("{n} shown · {total} in history").format(
            n=f"{shown}{more}", total=self.ws.history.count()))

    # selection and actions -----------------------------------------------------------

    def selected_records(self) -> list[dict[str, Any]]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.record(r) for r in rows]

    def _selection_changed(self, *_args) -> None:
        records = self.selected_records()
        self.open_button.setEnabled(len(records) == 1 and records[0].get("conversation_id") is not None)
        self.delete_button.setEnabled(bool(records))
        self.export_selected_button.setEnabled(bool(records))
        self.preview_button.setEnabled(bool(records))
        self.detail.show_record(records[0] if len(records) == 1 else None)

    def open_selected(self) -> None:
        records = self.selected_records()
        if len(records) == 1 and records[0].get("conversation_id") is not None:
            self.open_conversation.emit(records[0]["conversation_id"])

    def preview_masking(self) -> None:
        """Show what an export of the selected generations will mask."""
        records = self.selected_records()
        if records:
            PiiPreviewDialog(records, self.ws.trust.pii_rules(), self).exec()

    def delete_selected(self) -> None:
        records = self.selected_records()
        if not records:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete from history"),
            self.tr("Delete {n} generation(s) from history? This cannot be undone.").format(n=len(records)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ws.delete_generations(r["id"] for r in records)  # files go too; audited
        self.model.refresh()
        self._update_count()

    def export(self, *, selected_only: bool, path: str | None = None, fmt: str | None = None) -> Task | None:
        """Export to Markdown or JSON Lines in the background, with progress and cancel."""
        ids = [r["id"] for r in self.selected_records()] if selected_only else None
        if path is None:
            path, chosen = QFileDialog.getSaveFileName(
                self, self.tr("Export history"), str(Path.home() / "airlock-history.md"),
                self.tr("Markdown (*.md);;JSON Lines (*.jsonl)"))
            if not path:
                return None
            fmt = "jsonl" if path.endswith(".jsonl") or "jsonl" in chosen else "md"
        fmt = fmt or ("jsonl" if path.endswith(".jsonl") else "md")
        ws = self.ws
        target = Path(path)
        rules = trust.export_rules(self.ws, self.redact_check.isChecked())

        def work(progress, cancelled):
            with ws.connection() as conn:  # a reader of its own on this thread
                # the save dialog asked before replacing a file
                with atomic_write(target, replace=True) as out:
                    return conn.history.export(out, fmt=fmt, ids=ids, progress=progress,
                                               cancel=cancelled, redact=rules or False)

        dialog = QProgressDialog(self.tr("Exporting history…"), self.tr("Cancel"), 0, 100, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        task = Task(work, self)
        task.progress.connect(lambda done, total: (dialog.setMaximum(max(total, 1)), dialog.setValue(done)))
        dialog.canceled.connect(task.cancel)
        task.succeeded.connect(lambda count: trust.exported(self.ws, "history", path=str(target), count=count,
                                                            redacted=rules is not None, fmt=fmt))
        task.succeeded.connect(lambda count: (dialog.reset(), self.count_label.setText(
            self.tr("Exported {n} generations to {path}.").format(n=count, path=target))))
        task.failed.connect(lambda message: (dialog.reset(), QMessageBox.warning(
            self, self.tr("Export failed"), message)))
        task.cancelled.connect(dialog.reset)
        self._export_task = task
        task.start()
        return task
