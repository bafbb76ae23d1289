"""The image gallery: past images as a virtualized grid of lazily loaded thumbnails.

Rows come from history a page at a time (keyset paging, like the History page), and a
thumbnail is decoded only when its cell is painted, on a background thread, at
thumbnail size (QImageReader scales while decoding). A small LRU cache keeps recent
thumbnails, so scrolling through 10,000 images stays smooth and light.
"""

from __future__ import annotations

import queue
import threading
from collections import OrderedDict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from desktop.qt import (QAbstractListModel, QColor, QImage, QImageReader, QModelIndex, QObject,
                        QPixmap, QSize, Qt, Signal)

if TYPE_CHECKING:
    from engine.store.history import History

PAGE = 200
THUMB = 160
CACHE = 600


class ThumbnailLoader(QObject):
    """Decodes thumbnails on one background thread, newest requests first."""

    loaded = Signal(str, QImage)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._queue: queue.LifoQueue[str | None] = queue.LifoQueue()
        self._pending: set[str] = set()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._work, name="thumbnails", daemon=True)
        self._thread.start()

    def request(self, path: str) -> None:
        with self._lock:
            if path in self._pending:
                return
            self._pending.add(path)
        self._queue.put(path)

    def stop(self) -> None:
        self._queue.put(None)

    def _work(self) -> None:
        while (path := self._queue.get()) is not None:
            reader = QImageReader(path)
            size = reader.size()
            if size.isValid():
                reader.setScaledSize(size.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio))
            image = reader.read()
            with self._lock:
                self._pending.discard(path)
            try:
                self.loaded.emit(path, image)
            except RuntimeError:  # the gallery was deleted
                return


class GalleryModel(QAbstractListModel):
    def __init__(self, history: "History", parent: QObject | None = None):
        super().__init__(parent)
        self.history = history
        self.rows: list[dict[str, Any]] = []
        self._row_of: dict[str, int] = {}
        self.exhausted = False
        self._pages: Iterator[list[dict[str, Any]]] = iter(())  # set by set_query
        self.query = ""
        self.filters: dict[str, Any] = {}
        self._cache: OrderedDict[str, QPixmap] = OrderedDict()
        self._placeholder = QPixmap(THUMB, THUMB)
        self._placeholder.fill(QColor("#8c96a3"))
        self.loader = ThumbnailLoader(self)
        self.loader.loaded.connect(self._thumbnail_loaded)

    def set_query(self, query: str = "", **filters: Any) -> None:
        self.beginResetModel()
        self.query = query.strip()
        self.filters = {k: v for k, v in filters.items() if v not in (None, "")}
        self.rows = []
        filters = {k: v for k, v in self.filters.items() if k != "seed"}
        self._pages = self.history.pages(self.query, size=PAGE, kind="image", **filters)
        self.rows = self._page()
        self._row_of = {r["output_path"]: i for i, r in enumerate(self.rows)}
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self.query, **self.filters)

    def _page(self) -> list[dict[str, Any]]:
        """The next page of images, without failed runs and, if asked, of one seed only."""
        seed = self.filters.get("seed")
        while True:  # skip whole pages that the filter empties, so the view always grows
            page = next(self._pages, [])
            self.exhausted = len(page) < PAGE
            kept = [r for r in page if r.get("output_path") and (seed is None or r.get("seed") == seed)]
            if kept or self.exhausted:
                return kept

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        if parent.isValid() or self.exhausted:
            return
        page = self._page()
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            for record in page:
                self._row_of[record["output_path"]] = len(self.rows)
                self.rows.append(record)
            self.endInsertRows()

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DecorationRole:
            path = row["output_path"]
            pixmap = self._cache.get(path)
            if pixmap is None:
                self.loader.request(path)
                return self._placeholder
            self._cache.move_to_end(path)
            return pixmap
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row['prompt'][:300]}\n{row.get('model')} · seed {row.get('seed')}"
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(THUMB + 12, THUMB + 12)
        return None

    def record(self, row: int) -> dict[str, Any]:
        return self.rows[row]

    def _thumbnail_loaded(self, path: str, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image) if not image.isNull() else self._placeholder
        self._cache[path] = pixmap
        while len(self._cache) > CACHE:
            self._cache.popitem(last=False)
        row = self._row_of.get(path)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
