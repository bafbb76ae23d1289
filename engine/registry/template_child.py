"""A model's chat template renders in a child process it cannot outgrow or outlast.

The sandbox (engine/sandbox.py) counts loops, calls and sizes while a template runs, but it
can only look between steps: one step that is itself huge or slow (``s.replace('x', s)``
building gigabytes, ``(10 ** 10000) ** 100 ** …`` running for hours) finishes before any
check sees it. So the template renders in a separate process:

- its address space is capped (``RLIMIT_AS``: what it had after starting, plus
  :data:`MEMORY_BYTES`), so such a step fails at once with MemoryError; where the OS does
  not enforce that limit (macOS, Windows) the parent also kills it when its resident
  memory passes the same mark;
- the parent waits for the answer at most the render's seconds and then kills it: a wall
  clock the template cannot outrun, whatever it does.

The child is started once (with the model, in the text worker; per import for the check at
import) and renders every prompt of that model: a render costs one pipe round trip. A
killed child is started again for the next render.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import sys
import threading
import time
from typing import Any

from engine.errors import BadInput

log = logging.getLogger(__name__)

MEMORY_BYTES = 512 * 1024 * 1024
"""What a render may add to the child's memory (a 4-million-character prompt needs ~50 MB)."""
START_SECONDS = 60.0
"""How long the child may take to start (a loaded two-core machine imports slowly)."""
WATCH_SECONDS = 0.1
"""How often the parent looks at the child's memory while it renders (no time otherwise)."""
WHERE = "The model's chat template"


def _memory_now() -> int:
    import psutil

    return int(psutil.Process().memory_info().vms)


def _cap_memory(extra: int) -> bool:
    """Cap this process's address space at what it uses now plus ``extra`` (where the OS can)."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    limit = _memory_now() + extra
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        return sys.platform.startswith("linux")  # macOS accepts it but does not enforce it
    except (ValueError, OSError):
        return False


def _child(conn: multiprocessing.connection.Connection, extra: int) -> None:
    """The child: render (source, values) requests until the pipe closes."""
    from datetime import datetime

    from engine.registry import chat_template

    parent = multiprocessing.parent_process()
    if parent is not None:  # a killed parent must not leave a runaway render behind
        threading.Thread(target=lambda: (parent.join(), os._exit(0)), daemon=True).start()
    compiled: dict[str, Any] = {}
    enforced = _cap_memory(extra)
    conn.send(("ready", {"baseline": _memory_now(), "enforced": enforced}))
    while True:
        try:
            source, values = conn.recv()
        except (EOFError, OSError):
            return
        try:
            template = compiled.get(source)
            if template is None:
                compiled.clear()  # one model's template at a time
                template = compiled[source] = chat_template.compile_template(source)
            values.setdefault("strftime_now", lambda fmt: datetime.now().strftime(fmt))
            reply: tuple[str, str] = ("ok", chat_template.render_limited(template, **values))
        except BadInput as exc:
            reply = ("bad", str(exc))
        except MemoryError:
            reply = ("bad", f"{WHERE} needed more memory than a template may use.")
        except Exception as exc:  # noqa: BLE001 - whatever the template did: one sentence
            reply = ("bad", f"{WHERE} failed to render ({exc}).")
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("bad", f"{WHERE} needed more memory than a template may use."))


@contextlib.contextmanager
def _children_allowed() -> Any:
    """The text worker is a daemonic process, and multiprocessing refuses to start children
    of one (a daemon is killed at its parent's exit and would orphan them). This child
    exits with its parent (the watchdog in :func:`_child`), so the worker may start it."""
    me = multiprocessing.current_process()
    was = me._config.get("daemon")
    me._config["daemon"] = False
    try:
        yield
    finally:
        me._config["daemon"] = was


class TemplateChild:
    """The parent's handle on one rendering child (thread-safe: renders are serialised)."""

    def __init__(self, memory_bytes: int = MEMORY_BYTES):
        self.memory_bytes = memory_bytes
        self._process: Any = None
        self._conn: multiprocessing.connection.Connection | None = None
        self._baseline = 0
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the child now (it renders faster later); a no-op while it runs."""
        with self._lock:
            self._ensure()

    def _ensure(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        self._stop()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=_child, args=(child, self.memory_bytes), daemon=True,
                                  name="airlock-chat-template")
        with _children_allowed():
            process.start()
        child.close()
        self._process, self._conn = process, parent
        ready = multiprocessing.connection.wait([parent, process.sentinel], timeout=START_SECONDS)
        if parent not in ready:
            self._stop()
            raise BadInput(f"{WHERE} could not be checked: its sandbox process did not start.")
        _status, info = parent.recv()
        self._baseline = int(info["baseline"])

    def render(self, source: str, values: dict[str, Any], *, seconds: float) -> str:
        """``source`` rendered with ``values`` (plain data) in the child, within ``seconds``
        and the memory cap; BadInput with the limit it hit otherwise."""
        values = {k: v for k, v in values.items() if not callable(v)}  # raise_exception, strftime_now: the child's own
        with self._lock:
            self._ensure()
            assert self._conn is not None
            try:
                self._conn.send((source, values))
            except (OSError, ValueError) as exc:
                self._stop()
                raise BadInput(f"{WHERE} could not be rendered ({exc}).") from exc
            return self._answer(seconds)

    def _answer(self, seconds: float) -> str:
        import psutil

        conn, process = self._conn, self._process
        assert conn is not None
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self._stop()
                raise BadInput(f"{WHERE} took longer than {seconds:.0f} seconds to render.")
            ready = multiprocessing.connection.wait([conn, process.sentinel], timeout=min(left, WATCH_SECONDS))
            if conn in ready:
                try:
                    status, payload = conn.recv()
                except (EOFError, OSError):
                    ready = [process.sentinel]
                else:
                    if status == "ok":
                        return str(payload)
                    raise BadInput(payload)
            if process.sentinel in ready or not process.is_alive():
                self._stop()
                raise BadInput(f"{WHERE} needed more memory than a template may use (its process ended).")
            with contextlib.suppress(psutil.Error):
                if psutil.Process(process.pid).memory_info().rss > self._baseline + self.memory_bytes:
                    self._stop()
                    raise BadInput(f"{WHERE} needed more memory than a template may use.")

    def _stop(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is not None:
            if process.is_alive():
                process.kill()
            process.join(5)
            with contextlib.suppress(ValueError):
                process.close()

    def close(self) -> None:
        with self._lock:
            self._stop()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

