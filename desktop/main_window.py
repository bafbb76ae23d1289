"""The main window: a sidebar of pages, and a status bar that says what the engine is doing."""

from __future__ import annotations

import os

import psutil

from desktop.engine_text import engine_text
from desktop.pages.batch import BatchPage
from desktop.pages.chat import ChatPage
from desktop.pages.history import HistoryPage
from desktop.pages.images import ImagesPage
from desktop.pages.insights import InsightsPage
from desktop.pages.knowledge import KnowledgePage
from desktop.pages.models import ModelsPage
from desktop.pages.settings import SettingsPage
from desktop.pages.templates import TemplatesPage
from desktop.preferences import Preferences
from desktop.watcher import DatabaseWatcher
from desktop.lock_notice import LockWaitNotice
from desktop.qt import (QCloseEvent, QEvent, QHBoxLayout, QKeySequence, QLabel, QListWidget,
                        QListWidgetItem, QMainWindow, QShortcut, QStackedWidget, QTimer, QWidget)
from engine.workspace import Workspace


class MainWindow(QMainWindow):
    def __init__(self, ws: Workspace, prefs: Preferences):
        super().__init__()
        self.ws = ws
        self.prefs = prefs
        self.setMinimumSize(900, 600)
        self.resize(1200, 780)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(170)
        self.stack = QStackedWidget()
        self.chat = ChatPage(ws, prefs)
        self.images = ImagesPage(ws)
        self.templates = TemplatesPage(ws)
        self.batch = BatchPage(ws)
        self.knowledge = KnowledgePage(ws)
        self.history = HistoryPage(ws)
        self.insights = InsightsPage(ws)
        self.models = ModelsPage(ws)
        self.settings = SettingsPage(ws, prefs)
        self.pages = [self.chat, self.images, self.templates, self.batch, self.knowledge, self.history, self.insights,
                      self.models, self.settings]
        for page in self.pages:
            self.sidebar.addItem(QListWidgetItem())
            self.stack.addWidget(page)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.model_status = QLabel()
        self.device_status = QLabel()
        self.memory_status = QLabel()
        self.speed_status = QLabel()
        for label in (self.model_status, self.device_status, self.speed_status, self.memory_status):
            self.statusBar().addPermanentWidget(label)
        self._model = prefs.get("default_model")
        self._device = ""
        self._fallback = ""
        self._speed: float | None = None

        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.chat.model_status.connect(self._on_model_status)
        self.images.status.connect(self._on_model_status)
        self.chat.speed.connect(self._on_speed)
        self.chat.go_to.connect(lambda page: self.sidebar.setCurrentRow(self.pages.index(getattr(self, page))))
        self.history.open_conversation.connect(self.open_conversation)
        self.templates.send_to_chat.connect(self.run_in_chat)
        self.templates.send_to_images.connect(self.run_in_images)
        self.models.models_changed.connect(self._models_changed)
        self.settings.api.models_changed.connect(self._models_changed)  # a server's models, checked or removed
        self.settings.engine_settings_changed.connect(self.chat.preload)

        self.memory_timer = QTimer(self)
        self.memory_timer.setInterval(2000)
        self.memory_timer.timeout.connect(self._update_memory)
        self.memory_timer.start()
        # Work done elsewhere (the CLI, a second window) shows up without a manual refresh.
        self._known_models = self._model_keys()
        self.watcher = DatabaseWatcher(ws.db, self)
        self.watcher.changed.connect(self.work_done_elsewhere)
        self.lock_notice = LockWaitNotice(self.statusBar(), ws)  # "waiting for another Airlock program…"

        self._shortcuts()
        self.retranslate()
        self._restore()
        self._update_memory()

    def _shortcuts(self) -> None:
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_chat)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_search)
        for i in range(len(self.pages)):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self,
                      activated=lambda i=i: self.sidebar.setCurrentRow(i))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Airlock — private AI studio"))
        names = [self.tr("Chat"), self.tr("Images"), self.tr("Templates"), self.tr("Batch"), self.tr("Knowledge"),
                 self.tr("History"), self.tr("Insights"), self.tr("Models"), self.tr("Settings")]
        for i, name in enumerate(names):
            self.sidebar.item(i).setText(name)
            self.sidebar.item(i).setToolTip(f"{name} (Ctrl+{i + 1})")
        self._render_status()
        if self.memory_status.text():  # (first shown by its timer, not before)
            self._update_memory()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # actions -------------------------------------------------------------------------

    def new_chat(self) -> None:
        self.sidebar.setCurrentRow(0)
        self.chat.new_chat()

    def focus_search(self) -> None:
        self.sidebar.setCurrentRow(self.pages.index(self.history))
        self.history.search.setFocus()
        self.history.search.selectAll()

    def open_conversation(self, conversation_id: int) -> None:
        self.sidebar.setCurrentRow(0)
        self.chat.open_conversation(conversation_id)

    def run_in_chat(self, prompt: str, system: str, info: object) -> None:
        """A template's Run: a new chat with the rendered prompt (and its brand voice)."""
        self.sidebar.setCurrentRow(self.pages.index(self.chat))
        self.chat.start_with(prompt, system or None, info)

    def run_in_images(self, prompt: str, negative: str) -> None:
        """An image template's Run: fill the Images page; the person presses Generate."""
        self.sidebar.setCurrentRow(self.pages.index(self.images))
        self.images.start_with(prompt, negative)

    def _model_keys(self) -> list[tuple[str, str]]:
        return [(r.name, r.sha256) for r in self.ws.registry.list()]

    def work_done_elsewhere(self) -> None:
        """Another process wrote to the database: show the models, chats, images and history
        it made (the page on screen at once, the others when they are next shown)."""
        keys = self._model_keys()
        if keys != self._known_models:
            self._known_models = keys
            self.models.reload()
            self._models_changed()
        if not self.chat.bridge.busy:
            self.chat.reload_conversations()
        if self.images.isVisible():
            self.images.gallery_panel.apply_filters()
        if self.history.isVisible():
            self.history.reload_filters()
            self.history.model.refresh()

    def _models_changed(self) -> None:
        self.chat.reload_models()
        self.images.reload_models()
        self.settings.reload_models()

    # status bar ----------------------------------------------------------------------

    def _on_model_status(self, model: str, device: str, fallback: str) -> None:
        self._model, self._device, self._fallback = model, device, fallback
        self._render_status()

    def _on_speed(self, tps: float) -> None:
        self._speed = tps
        self._render_status()

    def _render_status(self) -> None:
        self.model_status.setText(self.tr("Model: {name}").format(name=self._model or "—"))
        if self._device:
            text = self.tr("Device: {device}").format(device=self._device)
            if self._fallback:
                text += " ⚠"
            self.device_status.setText(text)
            self.device_status.setToolTip(
                self.tr("Running on the CPU because {reason}.").format(reason=engine_text(self._fallback))
                if self._fallback else "")
        else:
            self.device_status.setText(self.tr("Device: not loaded"))
        self.speed_status.setText(self.tr("{tps:.1f} tokens/s").format(tps=self._speed)
                                  if self._speed else "")

    def _update_memory(self) -> None:
        total = psutil.Process(os.getpid()).memory_info().rss
        for pid in (pid for kind in ("text", "image") for pid in self.ws.backend(kind).pids()):
            try:
                total += psutil.Process(pid).memory_info().rss
            except psutil.Error:
                pass
        self.memory_status.setText(self.tr("Memory: {mb:.0f} MB").format(mb=total / 1e6))

    # window state --------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.prefs.bytes("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for name, splitter in self._splitters().items():
            state = self.prefs.bytes(f"splitter/{name}")
            if state is not None:
                splitter.restoreState(state)
        self.sidebar.setCurrentRow(min(int(self.prefs.get("last_page") or 0), len(self.pages) - 1))

    def _splitters(self) -> dict:
        return {"chat": self.chat.splitter, "images": self.images.splitter,
                "images_right": self.images.right_splitter, "history": self.history.splitter,
                "models": self.models.splitter}

    def save_state(self) -> None:
        self.prefs.set("window/geometry", self.saveGeometry())
        for name, splitter in self._splitters().items():
            self.prefs.set(f"splitter/{name}", splitter.saveState())
        self.prefs.set("last_page", self.sidebar.currentRow())
        self.prefs.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.chat.bridge.shutdown()
        self.images.bridge.shutdown()
        self.templates.shutdown()
        self.knowledge.shutdown()
        self.images.gallery_model.loader.stop()
        super().closeEvent(event)
