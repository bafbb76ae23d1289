"""The local API inside the desktop app: the same server `airlock serve` runs, on a thread
of the GUI process, over the window's workspace.

It shares the window's worker processes (a chat and an API call queue for the same model
process, never load a second copy) and its one database writer: every write the API
makes is handed to the UI thread through a queued signal and waited for, exactly like
the window's own writes after a job. fastapi and uvicorn are imported only when the
switch is turned on, so they never slow the window's start.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future
from typing import Any

from desktop.qt import QCoreApplication, QObject, Qt, Signal
from engine.api import writer
from engine.workspace import Workspace

log = logging.getLogger(__name__)


class UiWriter(QObject):
    """``call(fn)`` from any thread runs ``fn`` on the UI thread and returns its result."""

    _run = Signal(object, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._run.connect(self._on_run, Qt.ConnectionType.QueuedConnection)

    def _on_run(self, fn: Any, future: Future) -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(fn())
        except BaseException as exc:  # handed back to the request thread, which answers 500
            future.set_exception(exc)

    def call(self, fn: Any) -> Any:
        return self.submit(fn).result(timeout=writer.WAIT_SECONDS)

    def submit(self, fn: Any) -> Future:
        future: Future = Future()
        self._run.emit(fn, future)
        return future


class ApiHost(QObject):
    """Start and stop the API for the window (the Settings page's switch)."""

    state_changed = Signal(bool, str)  # running, the address or the reason it could not start

    def __init__(self, ws: Workspace, parent: QObject | None = None):
        super().__init__(parent)
        self.ws = ws
        self.writer = UiWriter(self)
        self.server: Any = None
        app = QCoreApplication.instance()
        if app is not None:  # before the workspace closes, which stops the workers the API uses
            app.aboutToQuit.connect(self.stop)

    @property
    def running(self) -> bool:
        return self.server is not None

    def start(self) -> str:
        """Start listening; returns the address. Raises AirlockError with one sentence."""
        from engine.api import config
        from engine.api.server import ApiServer

        if self.server is None:
            self.server = ApiServer(self.ws, config.load(self.ws.db), writer=self.writer).start()
            self.state_changed.emit(True, self.server.url)
        return self.server.url

    def stop(self) -> None:
        if self.server is not None:
            server, self.server = self.server, None
            server.stop()
            self.state_changed.emit(False, "")
