"""The main window: a sidebar of pages, and a status bar that says what the engine is doing."""

from __future__ import annotations

import os

import psutil

from desktop.engine_text import engine_text
from desktop.pages.chat import ChatPage
from desktop.preferences import Preferences
from desktop.watcher import DatabaseWatcher
from desktop.lock_notice import LockWaitNotice
from desktop.qt import (QCloseEvent, QEvent, QHBoxLayout, QKeySequence, QLabel, QListWidget,
                        QListWidgetItem, QMainWindow, QShortcut, QStackedWidget, QTimer, QWidget)
from engine.workspace import Workspace


# The sidebar's pages in order. Only Chat (the home page, which preloads the model) and
# Images are built with the window; every other page is built the first time it is shown or used, so the
# window appears in well under a second however many pages there are.
PAGE_NAMES = ("chat", "images", "templates", "batch", "knowledge", "history", "insights", "models", "settings")


def _page_class(name: str) -> type:
    """A page's class, imported when that page is first built, not at window start (each
    pulls its own engine modules: jinja2, the batch importer, QtCharts' users...). Plain
    import statements, so PyInstaller's analysis still finds every page."""
    if name == "images":
        from desktop.pages.images import ImagesPage as page
    elif name == "templates":
        from desktop.pages.templates import TemplatesPage as page
    elif name == "batch":
        from desktop.pages.batch import BatchPage as page
    elif name == "knowledge":
        from desktop.pages.knowledge import KnowledgePage as page
    elif name == "history":
        from desktop.pages.history import HistoryPage as page
    elif name == "insights":
        from desktop.pages.insights import InsightsPage as page
    elif name == "models":
        from desktop.pages.models import ModelsPage as page
    elif name == "settings":
        from desktop.pages.settings import SettingsPage as page
    else:
        raise KeyError(name)
    return page


def _lazy_page(name: str) -> property:
    return property(lambda self: self.page(name), doc=f"The {name} page (built on first use).")


class MainWindow(QMainWindow):
    images = _lazy_page("images")
    templates = _lazy_page("templates")
    batch = _lazy_page("batch")
    knowledge = _lazy_page("knowledge")
    history = _lazy_page("history")
    insights = _lazy_page("insights")
    models = _lazy_page("models")
    settings = _lazy_page("settings")

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
        self._built: dict[str, QWidget] = {"chat": self.chat}
        for name in PAGE_NAMES:
            self.sidebar.addItem(QListWidgetItem())
            self.stack.addWidget(self.chat if name == "chat" else QWidget())  # a placeholder until shown
        # Images is built before the window shows too: building it in a shown window took the
        # window's keyboard focus away (its gallery view, under the offscreen platform at least).
        self.page("images")
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

        self.sidebar.currentRowChanged.connect(self._show_row)
        self.chat.model_status.connect(self._on_model_status)
        self.chat.speed.connect(self._on_speed)
        self.chat.go_to.connect(self.go_to)

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
        for i in range(len(PAGE_NAMES)):
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

    # pages -----------------------------------------------------------------------------

    def page(self, name: str) -> QWidget:
        """The page called ``name``, built (and wired to the rest of the window) on first use."""
        page = self._built.get(name)
        if page is None:
            cls = _page_class(name)
            page = cls(self.ws, self.prefs) if name == "settings" else cls(self.ws)
            self._built[name] = page
            index = PAGE_NAMES.index(name)
            placeholder = self.stack.widget(index)
            showing = self.stack.currentIndex() == index
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            if showing:
                self.stack.setCurrentIndex(index)
            self._wire(name, page)
            self._restore_splitters(name)
        return page

    def _wire(self, name: str, page: QWidget) -> None:
        if name == "images":
            page.status.connect(self._on_model_status)
        elif name == "history":
            page.open_conversation.connect(self.open_conversation)
        elif name == "templates":
            page.send_to_chat.connect(self.run_in_chat)
            page.send_to_images.connect(self.run_in_images)
        elif name == "models":
            page.models_changed.connect(self._models_changed)
        elif name == "settings":
            page.api.models_changed.connect(self._models_changed)  # a server's models, checked or removed
            page.engine_settings_changed.connect(self.chat.preload)

    @property
    def pages(self) -> list[QWidget]:
        """Every page in sidebar order (builds those not built yet)."""
        return [self.page(name) for name in PAGE_NAMES]

    def _built_page(self, name: str) -> QWidget | None:
        return self._built.get(name)

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(PAGE_NAMES):
            self.page(PAGE_NAMES[row])
        self.stack.setCurrentIndex(row)

    def go_to(self, name: str) -> None:
        self.sidebar.setCurrentRow(PAGE_NAMES.index(name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # actions -------------------------------------------------------------------------

    def new_chat(self) -> None:
        self.sidebar.setCurrentRow(0)
        self.chat.new_chat()

    def focus_search(self) -> None:
        self.go_to("history")
        self.history.search.setFocus()
        self.history.search.selectAll()

    def open_conversation(self, conversation_id: int) -> None:
        self.sidebar.setCurrentRow(0)
        self.chat.open_conversation(conversation_id)

    def run_in_chat(self, prompt: str, system: str, info: object) -> None:
        """A template's Run: a new chat with the rendered prompt (and its brand voice)."""
        self.go_to("chat")
        self.chat.start_with(prompt, system or None, info)

    def run_in_images(self, prompt: str, negative: str) -> None:
        """An image template's Run: fill the Images page; the person presses Generate."""
        self.go_to("images")
        self.images.start_with(prompt, negative)

    def _model_keys(self) -> list[tuple[str, str]]:
        return [(r.name, r.sha256) for r in self.ws.registry.list()]

    def work_done_elsewhere(self) -> None:
        """Another process wrote to the database: show the models, chats, images and history
        it made (the page on screen at once, the others when they are next shown)."""
        keys = self._model_keys()
        if keys != self._known_models:
            self._known_models = keys
            if models := self._built_page("models"):
                models.reload()
            self._models_changed()
        if not self.chat.bridge.busy:
            self.chat.reload_conversations()
        images, history = self._built_page("images"), self._built_page("history")
        if images is not None and images.isVisible():
            images.gallery_panel.apply_filters()
        if history is not None and history.isVisible():
            history.reload_filters()
            history.model.refresh()

    def _models_changed(self) -> None:
        """A page not built yet reads the models when it is built."""
        self.chat.reload_models()
        for name in ("images", "settings"):
            if page := self._built_page(name):
                page.reload_models()

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
        self._restore_splitters("chat")
        row = min(int(self.prefs.get("last_page") or 0), len(PAGE_NAMES) - 1)
        self.sidebar.setCurrentRow(row)
        self._show_row(row)  # (row 0 emits no change on a fresh list)

    def _splitters(self, name: str) -> dict:
        """The splitters whose sizes are kept, of page ``name`` (by their saved names)."""
        page = self._built_page(name)
        if page is None:
            return {}
        if name == "images":
            return {"images": page.splitter, "images_right": page.right_splitter}
        if name in ("chat", "history", "models"):
            return {name: page.splitter}
        return {}

    def _restore_splitters(self, name: str) -> None:
        for key, splitter in self._splitters(name).items():
            state = self.prefs.bytes(f"splitter/{key}")
            if state is not None:
                splitter.restoreState(state)

    def save_state(self) -> None:
        """Pages never built this time keep the sizes saved last time."""
        self.prefs.set("window/geometry", self.saveGeometry())
        for name in self._built:
            for key, splitter in self._splitters(name).items():
                self.prefs.set(f"splitter/{key}", splitter.saveState())
        self.prefs.set("last_page", self.sidebar.currentRow())
        self.prefs.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.chat.bridge.shutdown()
        if images := self._built_page("images"):
            images.bridge.shutdown()
            images.gallery_model.loader.stop()
        for name in ("templates", "knowledge"):
            if page := self._built_page(name):
                page.shutdown()
        super().closeEvent(event)
