"""Choosing company knowledge for a prompt: pick snippets from a search, or let Airlock
choose the top-k for the prompt (engine.knowledge.base). Used by the template runner and by
the Feed part of the SWIFT builder."""

from __future__ import annotations

from desktop.qt import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                        QSpinBox, Qt, QTimer, QToolButton, QVBoxLayout, QWidget, Signal)
from engine.knowledge.base import MAX_SNIPPETS, KnowledgeBase
from engine.prompts.compose import Retrieval


class SnippetPicker(QWidget):
    changed = Signal()

    def __init__(self, knowledge: KnowledgeBase, parent: QWidget | None = None):
        super().__init__(parent)
        self.knowledge = knowledge
        self.picked: dict[int, str] = {}  # chunk id -> label, in the order picked
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.auto = QCheckBox()
        top.addWidget(self.auto)
        self.top_k = QSpinBox()
        self.top_k.setRange(1, MAX_SNIPPETS)
        self.top_k.setValue(3)
        top.addWidget(self.top_k)
        self.collection = QComboBox()
        self.collection.setMinimumWidth(120)
        top.addWidget(self.collection, 1)
        layout.addLayout(top)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.results = QListWidget()
        self.results.setMaximumHeight(120)
        self.results.setWordWrap(True)
        layout.addWidget(self.results)
        bottom = QHBoxLayout()
        self.picked_label = QLabel()
        self.picked_label.setObjectName("meta")
        bottom.addWidget(self.picked_label, 1)
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("link")
        bottom.addWidget(self.clear_button)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.collection.currentIndexChanged.connect(lambda _i: (self.run_search(), self.changed.emit()))
        self.auto.toggled.connect(lambda _on: self.changed.emit())
        self.top_k.valueChanged.connect(lambda _v: self.changed.emit())
        self.results.itemChanged.connect(self._item_changed)
        self.clear_button.clicked.connect(self.clear)
        self.retranslate()
        self.reload_collections()

    def retranslate(self) -> None:
        self.auto.setText(self.tr("Add the best snippets automatically:"))
        self.auto.setToolTip(self.tr("Airlock searches your knowledge for the words of the prompt and adds "
                                     "the best matches, with their sources."))
        self.top_k.setToolTip(self.tr("How many snippets"))
        self.search.setPlaceholderText(self.tr("Search knowledge to pick snippets (Chinese or English)…"))
        self.clear_button.setText(self.tr("Clear"))
        if self.collection.count():
            self.collection.setItemText(0, self.tr("All collections"))
        self._update_label()

    def reload_collections(self) -> None:
        current = self.collection.currentData()
        self.collection.blockSignals(True)
        self.collection.clear()
        self.collection.addItem(self.tr("All collections"), None)
        for row in self.knowledge.collections():
            self.collection.addItem(f"{row['name']} ({row['documents']})", row["name"])
        index = self.collection.findData(current)
        self.collection.setCurrentIndex(max(index, 0))
        self.collection.blockSignals(False)

    def run_search(self) -> None:
        self.results.blockSignals(True)
        self.results.clear()
        query = self.search.text().strip()
        if query:
            for snippet in self.knowledge.search(query, collection=self.collection.currentData(), limit=30):
                text = " ".join(snippet.text.split())
                item = QListWidgetItem(f"{snippet.label()} — {text[:140]}")
                item.setToolTip(snippet.text[:1500])
                item.setData(Qt.ItemDataRole.UserRole, snippet.chunk_id)
                item.setData(Qt.ItemDataRole.UserRole + 1, snippet.label())
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if snippet.chunk_id in self.picked
                                   else Qt.CheckState.Unchecked)
                self.results.addItem(item)
        self.results.blockSignals(False)

    def _item_changed(self, item: QListWidgetItem) -> None:
        chunk_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.picked[chunk_id] = item.data(Qt.ItemDataRole.UserRole + 1)
        else:
            self.picked.pop(chunk_id, None)
        self._update_label()
        self.changed.emit()

    def _update_label(self) -> None:
        if self.picked:
            self.picked_label.setText(self.tr("Picked: {list}").format(list=", ".join(self.picked.values())))
        else:
            self.picked_label.setText(self.tr("No snippets picked."))
        self.clear_button.setVisible(bool(self.picked))

    def clear(self) -> None:
        self.picked.clear()
        self.run_search()
        self._update_label()
        self.changed.emit()

    def picked_ids(self) -> list[int]:
        return list(self.picked)

    def retrieval(self) -> Retrieval | None:
        if not self.auto.isChecked():
            return None
        return Retrieval(k=self.top_k.value(), collection=self.collection.currentData())
