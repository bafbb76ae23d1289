"""Long work off the UI thread (hashing, importing, exporting), with progress and cancel.

``work(progress, cancelled)`` runs on a background thread. It reports with
``progress(done, total)`` and stops when ``cancelled()`` turns true (by raising
engine.errors.Cancelled). Its result or its one-sentence error comes back as a signal on
the UI thread. It must not touch the UI thread's database connection; open its own.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from desktop.engine_text import engine_text
from desktop.qt import QObject, Signal
from engine.errors import AirlockError, Cancelled

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class Task(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, work: Work, parent: QObject | None = None):
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self.running = False

    def start(self) -> None:
        self.running = True
        threading.Thread(target=self._run, name="airlock-task", daemon=True).start()

    def cancel(self) -> None:
        self._cancel.set()

    def _report(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last_progress >= 0.05 or done >= total:  # ~20 updates a second at most
            self._last_progress = now
            self.progress.emit(done, total)

    def _run(self) -> None:
        try:
            result = self._work(self._report, self._cancel.is_set)
        except Cancelled:
            self.cancelled.emit()
        except AirlockError as exc:
            self.failed.emit(engine_text(exc))
        except OSError as exc:
            log.exception("task failed")
            self.failed.emit(f"{exc.strerror or exc}: {exc.filename or ''}".strip(": "))
        except Exception as exc:  # one sentence for the user, details to the log
            log.exception("task failed")
            self.failed.emit(self.tr("Something went wrong: {error}").format(error=exc))
        else:
            self.succeeded.emit(result)
        finally:
            self.running = False
            self.finished.emit()
