"""The Images page's gallery: past images to search (prompt, model, date, seed), open,
copy as A1111 parameters, reuse, reveal and delete.

The grid itself is :class:`desktop.widgets.gallery.GalleryModel` (virtualized, lazy
thumbnails); this panel adds the filters and the actions, and tells the page what was
picked (:attr:`GalleryPanel.picked`), what to reuse and what to say.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.qt import (QAbstractItemView, QApplication, QComboBox, QDesktopServices, QHBoxLayout, QLabel,
                        QLineEdit, QListView, QMenu, QMessageBox, QPushButton, QSize, Qt, QTimer, QUrl,
                        QVBoxLayout, QWidget, Signal)
from desktop.widgets.gallery import THUMB, GalleryModel
from engine.image.png_parameters import record_parameters
from engine.localtime import period_start

if TYPE_CHECKING:
    from engine.store.history import History

PERIODS = (None, 0, 7, 30, 365)
"""The gallery's date filter: days back from the start of today (None: any time)."""


class GalleryPanel(QWidget):
    picked = Signal(str)  # the output path of the one selected image
    reuse_requested = Signal(dict)  # a record whose settings go back into the form
    message = Signal(str)  # what an action did, for the page's message line
    deleted = Signal()

    def __init__(self, history: "History", parent: QWidget | None = None):
        super().__init__(parent)
        self.history = history
        self._build()
        self._connect()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.gallery_title = QLabel()
        self.gallery_title.setObjectName("pageTitle")
        bar.addWidget(self.gallery_title)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 1)
        self.gallery_model_filter = QComboBox()
        bar.addWidget(self.gallery_model_filter)
        self.date_filter = QComboBox()
        for days in PERIODS:
            self.date_filter.addItem("", days)
        bar.addWidget(self.date_filter)
        self.seed_filter = QLineEdit()
        self.seed_filter.setMaximumWidth(110)
        bar.addWidget(self.seed_filter)
        layout.addLayout(bar)
        self.gallery_model = GalleryModel(self.history, self)
        self.gallery = QListView()
        self.gallery.setModel(self.gallery_model)
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(THUMB, THUMB))
        self.gallery.setGridSize(QSize(THUMB + 16, THUMB + 16))
        self.gallery.setResizeMode(QListView.ResizeMode.Adjust)
        self.gallery.setUniformItemSizes(True)
        self.gallery.setLayoutMode(QListView.LayoutMode.Batched)
        self.gallery.setBatchSize(100)
        self.gallery.setMovement(QListView.Movement.Static)
        self.gallery.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.gallery.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout.addWidget(self.gallery, 1)
        actions = QHBoxLayout()
        self.open_button = QPushButton()
        self.copy_button = QPushButton()
        self.reuse_button = QPushButton()
        self.reveal_button = QPushButton()
        self.delete_button = QPushButton()
        for button in self.action_buttons():
            actions.addWidget(button)
        actions.addStretch()
        layout.addLayout(actions)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)

    def action_buttons(self) -> tuple[QPushButton, ...]:
        return (self.open_button, self.copy_button, self.reuse_button, self.reveal_button, self.delete_button)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._debounce.start)
        self.seed_filter.textChanged.connect(self._debounce.start)
        self._debounce.timeout.connect(self.apply_filters)
        self.gallery_model_filter.currentIndexChanged.connect(self.apply_filters)
        self.date_filter.currentIndexChanged.connect(self.apply_filters)
        self.gallery.selectionModel().selectionChanged.connect(self._selection_changed)
        self.gallery.doubleClicked.connect(lambda _i: self.open_selected())
        self.gallery.customContextMenuRequested.connect(self._gallery_menu)
        self.open_button.clicked.connect(self.open_selected)
        self.copy_button.clicked.connect(self.copy_parameters)
        self.reuse_button.clicked.connect(self.reuse_selected)
        self.reveal_button.clicked.connect(self.reveal_selected)
        self.delete_button.clicked.connect(self.delete_selected)

    def retranslate(self) -> None:
        self.gallery_title.setText(self.tr("Gallery"))
        self.search.setPlaceholderText(self.tr("Search prompts…"))
        self.seed_filter.setPlaceholderText(self.tr("Seed"))
        periods = (self.tr("Any time"), self.tr("Today"), self.tr("Last 7 days"), self.tr("Last 30 days"),
                   self.tr("Last 12 months"))
        for index, text in enumerate(periods):
            self.date_filter.setItemText(index, text)
        if self.gallery_model_filter.count():
            self.gallery_model_filter.setItemText(0, self.tr("All models"))
        self.open_button.setText(self.tr("Open"))
        self.copy_button.setText(self.tr("Copy parameters"))
        self.reuse_button.setText(self.tr("Reuse settings"))
        self.reveal_button.setText(self.tr("Show in folder"))
        self.delete_button.setText(self.tr("Delete…"))
        self._selection_changed()

    def set_models(self, names: list[str]) -> None:
        """The model filter: all models, then each image model (signals blocked)."""
        self.gallery_model_filter.blockSignals(True)
        selected = self.gallery_model_filter.currentData()
        self.gallery_model_filter.clear()
        self.gallery_model_filter.addItem(self.tr("All models"), None)
        for name in names:
            self.gallery_model_filter.addItem(name, name)
        self.gallery_model_filter.setCurrentIndex(max(0, self.gallery_model_filter.findData(selected)))
        self.gallery_model_filter.blockSignals(False)

    def apply_filters(self) -> None:
        seed_text = self.seed_filter.text().strip()
        seed = int(seed_text) if seed_text.isdigit() else None
        self.gallery_model.set_query(self.search.text(), model=self.gallery_model_filter.currentData(),
                                     seed=seed, since=period_start(self.date_filter.currentData()))
        self._selection_changed()

    def selected_records(self) -> list[dict[str, Any]]:
        rows = sorted({i.row() for i in self.gallery.selectionModel().selectedIndexes()})
        return [self.gallery_model.record(r) for r in rows]

    def _selection_changed(self, *_args) -> None:
        records = self.selected_records()
        one = len(records) == 1
        for button in (self.open_button, self.copy_button, self.reuse_button, self.reveal_button):
            button.setEnabled(one)
        self.delete_button.setEnabled(bool(records))
        if one:
            self.picked.emit(records[0]["output_path"])

    def _gallery_menu(self, position) -> None:
        if not self.selected_records():
            return
        menu = QMenu(self)
        for button in self.action_buttons():
            if button.isEnabled():
                menu.addAction(button.text(), button.click)
        menu.exec(self.gallery.mapToGlobal(position))

    def open_selected(self) -> None:
        records = self.selected_records()
        if len(records) == 1:
            path = records[0]["output_path"]
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
                self.message.emit(self.tr("No program to show pictures is set up on this computer; the image "
                                          "is at {path}.").format(path=path))

    def reveal_selected(self) -> None:
        records = self.selected_records()
        if len(records) == 1:
            folder = str(Path(records[0]["output_path"]).parent)
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(folder)):
                self.message.emit(self.tr("No file manager is set up on this computer; the image is in "
                                          "{folder}.").format(folder=folder))

    def copy_parameters(self) -> None:
        records = self.selected_records()
        if len(records) == 1:
            QApplication.clipboard().setText(record_parameters(records[0]))
            self.message.emit(self.tr("Parameters copied."))

    def reuse_selected(self) -> None:
        records = self.selected_records()
        if len(records) == 1:
            self.reuse_requested.emit(records[0])

    def delete_selected(self) -> None:
        records = self.selected_records()
        if not records:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete images"),
            self.tr("Delete {n} image(s) and their files? This cannot be undone.").format(n=len(records)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.history.delete(r["id"] for r in records)  # their files go with them
        self.apply_filters()
        self.deleted.emit()
