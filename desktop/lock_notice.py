"""Saying in the status bar that a database write is waiting for another Airlock program.

The engine retries a write while another process holds the database's write lock and,
after a second, says so (engine/store/locking.py); this shows that sentence, translated,
in the window's status bar until the wait is over. The engine calls from whichever thread
is writing: from a background thread the signal is queued to the window; on the window's
own thread the message is painted at once, since the event loop is held by the write.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from desktop.engine_text import engine_text
from desktop.qt import QObject, QStatusBar, Signal


class LockWaitNotice(QObject):
    waiting = Signal(str)  # the engine's sentence: "waiting for another Airlock process … (up to 60 s)…"
    over = Signal(float)  # seconds waited

    def __init__(self, status_bar: QStatusBar, ws) -> None:
        super().__init__(status_bar)
        self.status_bar = status_bar
        self._shown = ""
        self.waiting.connect(self._show)
        self.over.connect(self._clear)
        ws.on_lock_wait(_relay(self, "waiting"), _relay(self, "over"))

    def _show(self, message: str) -> None:
        text = engine_text(message)
        self._shown = text[:1].upper() + text[1:]
        self.status_bar.showMessage(self._shown)
        self.status_bar.repaint()  # painted now, also while the window's own thread waits

    def _clear(self, _seconds: float) -> None:
        if self.status_bar.currentMessage() == self._shown:
            self.status_bar.clearMessage()
        self._shown = ""


def _relay(notice: LockWaitNotice, signal: str) -> Callable[[Any], None]:
    """Emit ``notice.<signal>`` while the notice lives; a closed window's notice hears nothing
    (the workspace, and a later window, may outlive it)."""
    ref = weakref.ref(notice)

    def relay(value: Any) -> None:
        owner = ref()
        if owner is None:
            return
        try:
            getattr(owner, signal).emit(value)
        except RuntimeError:  # its C++ side is already deleted
            pass

    return relay
