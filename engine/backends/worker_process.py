"""One worker process per kind of model, and the parent's handle on it.

Inference runs in a child process (``spawn``) so that a native crash or an
out-of-memory kill takes down the worker, never the window. The parent talks to the
child over one duplex pipe: jobs and cancels go down, events come up. The child keeps
its model loaded between jobs; if it dies, the job in flight is reported as failed and
the next job starts a fresh child.

The child exits by itself when its parent dies, even by ``kill -9``: a watchdog thread
waits on the parent's sentinel (closed by the kernel when the parent goes), so no
orphan keeps gigabytes of model in memory.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine import jobs

log = logging.getLogger(__name__)

EventSink = Callable[[Any], None]
GRACE_SECONDS = 1.0


def describe_exit(code: int | None) -> str:
    """Say how a process ended, in words a person can act on."""
    if code is None:
        return "it stopped responding"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        if -code == signal.SIGKILL:
            return f"killed by {name}, for example when memory ran out or it was stopped from outside"
        if -code == getattr(signal, "SIGSEGV", -1):
            return f"crashed with {name} in native code"
        return f"ended by {name}"
    return f"exit code {code}"


class StartWatcher:
    """Passes a job's events on and keeps its :class:`jobs.Started` event for the record."""

    def __init__(self, on_event: EventSink | None = None):
        self.on_event = on_event
        self.started: jobs.Started | None = None

    def __call__(self, event: Any) -> None:
        if isinstance(event, jobs.Started):
            self.started = event
        if self.on_event:
            self.on_event(event)


class WorkerProcess:
    """The parent side: start on demand, run one job at a time, cancel, detect death.

    ``handler`` names a module-level factory, ``"package.module:function"``, that the
    child calls once to get a ``handle(job, emit, cancelled)`` callable.
    """

    name = "local"

    def __init__(self, kind: str, handler: str, *, log_dir: Path | None = None,
                 grace_seconds: float = GRACE_SECONDS):
        self.kind = kind
        self.handler = handler
        self.log_dir = log_dir
        self.grace_seconds = grace_seconds
        self._context = multiprocessing.get_context("spawn")
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: multiprocessing.connection.Connection | None = None
        self._run_lock = threading.Lock()
        self._send_lock = threading.Lock()
        self._current_job: str | None = None
        self._cancel_requested_at: float | None = None
        self._cancel_before_start: str | None = None  # a cancel that came before its job's run()
        # cancel() wakes the waiting run loop through this pipe, so the loop can block
        # without a timeout: a polling parent would steal CPU from the worker's threads.
        self._wake_reader, self._wake_writer = multiprocessing.Pipe(duplex=False)

    # lifecycle -----------------------------------------------------------------------

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process and self._process.is_alive() else None

    def pids(self) -> list[int]:
        return [self.pid] if self.pid else []

    def is_alive(self) -> bool:
        return bool(self._process and self._process.is_alive())

    def start(self) -> None:
        """Start the child if it is not running (a dead one is cleaned up first)."""
        if self.is_alive():
            return
        self._cleanup()
        parent_conn, child_conn = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=child_main,
            args=(self.kind, self.handler, child_conn, str(self.log_dir) if self.log_dir else None),
            name=f"airlock-{self.kind}-worker",
            daemon=True,
        )
        process.start()
        child_conn.close()
        self._process, self._conn = process, parent_conn
        log.info("started %s worker pid %s", self.kind, process.pid)

    def stop(self, timeout: float = 2.0) -> None:
        """Ask the child to exit, then make sure it has."""
        if self._process is None:
            return
        if self._process.is_alive():
            try:
                self._send(("shutdown",))
            except (OSError, ValueError):
                pass
            self._process.join(timeout)
            if self._process.is_alive():
                self._process.kill()
                self._process.join(timeout)
        self._cleanup()

    def kill(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.kill()
            self._process.join(5)

    def _cleanup(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._process is not None:
            self._process.join(0)
            if hasattr(self._process, "close") and not self._process.is_alive():
                try:
                    self._process.close()
                except ValueError:
                    pass
        self._process, self._conn = None, None

    def _send(self, message: tuple) -> None:
        with self._send_lock:
            assert self._conn is not None
            self._conn.send(message)

    # jobs ----------------------------------------------------------------------------

    def cancel(self, job_id: str) -> None:
        """Ask the running job to stop; it is killed if it has not stopped after the grace.

        A cancel for a job whose run() has not begun (another thread is about to start it)
        is remembered, and that run ends at once. The two sides write and read
        ``_cancel_before_start`` and ``_current_job`` in opposite orders, so at least one
        of them sees the other."""
        self._cancel_before_start = job_id
        if self._current_job != job_id:
            return
        self._cancel_requested_at = time.monotonic()
        try:
            self._send(("cancel", job_id))
        except (OSError, ValueError, AssertionError):
            pass
        self._wake_writer.send_bytes(b"")

    def run(self, job: Any, on_event: EventSink | None = None) -> Any:
        """Run ``job`` to its end in the child and return the terminal event.

        Every event is passed to ``on_event`` as it arrives (on the calling thread).
        Never raises for problems in the child: they come back as :class:`jobs.Failed`.
        """
        with self._run_lock:
            self._cancel_requested_at = None
            self._current_job = job.job_id
            try:
                if self._cancel_before_start == job.job_id:
                    return self._finish(jobs.Cancelled(job.job_id, {"text": ""}), on_event or (lambda event: None))
                return self._run(job, on_event or (lambda event: None))
            finally:
                self._current_job = None

    def _run(self, job: Any, on_event: EventSink) -> Any:
        try:
            self.start()
            self._send(("job", job))
        except Exception as exc:  # could not even start: report, do not raise
            log.exception("could not start the %s worker", self.kind)
            self._cleanup()
            return self._finish(jobs.Failed(job.job_id, f"the model process could not start ({exc})",
                                            "crashed"), on_event)
        assert self._conn is not None and self._process is not None
        conn, process = self._conn, self._process
        partial: list[str] = []
        while self._wake_reader.poll():
            self._wake_reader.recv_bytes()  # drop wake-ups left from an earlier job
        while True:
            timeout = None
            if self._cancel_requested_at is not None:
                timeout = max(0.0, self._cancel_requested_at + self.grace_seconds - time.monotonic())
            ready = multiprocessing.connection.wait([conn, process.sentinel, self._wake_reader],
                                                    timeout=timeout)
            if self._wake_reader in ready:
                self._wake_reader.recv_bytes()
            if conn in ready:
                try:
                    event = conn.recv()
                except (EOFError, OSError):
                    ready = [process.sentinel]
                else:
                    if isinstance(event, jobs.Token):
                        partial.append(event.text)
                    if jobs.is_terminal(event):
                        return self._finish(event, on_event)
                    on_event(event)
                    continue
            if process.sentinel in ready:
                process.join(1)
                reason = describe_exit(process.exitcode)
                log.error("%s worker pid %s ended during job %s: %s", self.kind, process.pid,
                          job.job_id, reason)
                self._cleanup()
                if self._cancel_requested_at is not None:
                    return self._finish(jobs.Cancelled(job.job_id, {"text": "".join(partial)}), on_event)
                return self._finish(
                    jobs.Failed(job.job_id, f"the model process ended ({reason})", "crashed"), on_event)
            if (self._cancel_requested_at is not None
                    and time.monotonic() - self._cancel_requested_at > self.grace_seconds):
                log.warning("%s worker did not stop within %.1fs; killing it", self.kind,
                            self.grace_seconds)
                self.kill()
                self._cleanup()
                return self._finish(jobs.Cancelled(job.job_id, {"text": "".join(partial)}), on_event)

    @staticmethod
    def _finish(event: Any, on_event: EventSink) -> Any:
        on_event(event)
        return event


# ---------------------------------------------------------------------------------------
# the child side


def _watch_parent() -> None:
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    parent.join()  # returns when the parent's sentinel closes: the parent is gone
    os._exit(0)


def _redirect_native_output(log_dir: str | None, kind: str) -> None:
    """Send the native libraries' stdout/stderr chatter to the worker's log file."""
    if not log_dir:
        return
    path = Path(log_dir) / f"{kind}-worker.log"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    sys.stdout.flush()
    sys.stderr.flush()
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)


def child_main(kind: str, handler: str, conn: multiprocessing.connection.Connection,
               log_dir: str | None) -> None:
    """Entry point of a worker process."""
    threading.Thread(target=_watch_parent, name="parent-watch", daemon=True).start()
    _redirect_native_output(log_dir, kind)
    if log_dir:
        from engine.logs import setup_logging

        setup_logging(Path(log_dir), f"{kind}-worker")
    module_name, _, factory_name = handler.partition(":")
    handle = getattr(importlib.import_module(module_name), factory_name)()

    job_queue: queue.Queue = queue.Queue()
    cancelled_ids: set[str] = set()
    send_lock = threading.Lock()

    def emit(event: Any) -> None:
        with send_lock:
            conn.send(event)

    def read_messages() -> None:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                os._exit(0)  # the parent closed the pipe: nobody is listening any more
            if message[0] == "job":
                job_queue.put(message[1])
            elif message[0] == "cancel":
                cancelled_ids.add(message[1])
            elif message[0] == "shutdown":
                job_queue.put(None)
                return

    threading.Thread(target=read_messages, name="pipe-reader", daemon=True).start()
    while True:
        job = job_queue.get()
        if job is None:
            break
        job_id = job.job_id
        try:
            handle(job, emit, lambda: job_id in cancelled_ids)
        except Exception as exc:  # the handler should report its own failures; this is the net
            logging.getLogger(__name__).exception("job %s failed", job_id)
            emit(jobs.Failed(job_id, f"the model process hit an internal error ({exc})"))
        finally:
            cancelled_ids.discard(job_id)
    conn.close()
