"""One thread that does every database write of the API server, in order.

The store has one writer (DESIGN: processes). When `airlock serve` runs alone this thread
is that writer; when the desktop app hosts the API it passes its own (desktop/api_host.py)
instead, which runs the write on the UI thread like every other write of the window.
Either way a function is handed over and its result waited for: by a request thread
(``call``) or by the event loop on a future (``submit``).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
WriteCall = Callable[[Callable[[], Any]], Any]

WAIT_SECONDS = 60.0
"""How long the API waits for the writer (the window's UI thread can be busy): a request's
store work (key check, model list, preparing a job) is answered 503 after it, and the
window's ``UiWriter.call`` raises TimeoutError. A request fails with a reason rather than
hang with its client."""


class WriterBusy(Exception):
    """The writer did not take a request's store work within :data:`WAIT_SECONDS`."""


class Writer(Protocol):
    """What the API needs of the store's one writer: ``call`` waits for the result (a
    request thread), ``submit`` does not (the event loop awaits the future instead of
    parking a thread on it)."""

    def call(self, fn: Callable[[], T]) -> T: ...

    def submit(self, fn: Callable[[], T]) -> Future: ...


class SerialWriter:
    def __init__(self, name: str = "api-db-writer"):
        self._queue: queue.Queue[tuple[Callable[[], Any], Future] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            fn, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn())
            except BaseException as exc:  # handed back to the caller, who reports it
                future.set_exception(exc)

    def call(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` on the writer thread and return its result (or raise its error)."""
        if threading.current_thread() is self._thread:
            return fn()
        return self.submit(fn).result()

    def submit(self, fn: Callable[[], T]) -> Future:
        """Queue ``fn`` for the writer thread; its future holds the result."""
        future: Future = Future()
        self._queue.put((fn, future))
        return future

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(5)
