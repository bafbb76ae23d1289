"""The bridge between the engine's worker events and Qt signals.

A job runs on a plain Python thread that blocks on the worker process's pipe; the UI
thread never waits. Events cross to the UI thread as queued signals. Text tokens are
buffered and handed over at most every 30 ms, so a fast model cannot flood the event
loop. History is written on the UI thread (the store has one writer) once the job ends.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from desktop.qt import QObject, QTimer, Signal
from engine import jobs
from engine.image import runner as image_runner
from engine.image.runner import ImageOutcome, ImageRequest
from engine.text.runner import LiveRecord, TextOutcome, TextRequest, build_job, load_job, record_outcome
from engine.backends.base import Backend
from engine.backends.worker_process import StartWatcher
from engine.workspace import Workspace

log = logging.getLogger(__name__)
FLUSH_MS = 30


class JobBridge(QObject):
    """Runs one job at a time on a worker process for the UI."""

    busy_changed = Signal(bool)
    _event = Signal(object)  # job thread -> UI thread
    _ended = Signal(object, object)  # (terminal event, StartWatcher)

    def __init__(self, ws: Workspace, worker: Backend, parent: QObject | None = None):
        super().__init__(parent)
        self.ws = ws
        self.worker = worker
        self._job: Any = None
        self._pending: Any = None
        self._thread_done = threading.Event()
        self._thread_done.set()
        self._event.connect(self._on_event)
        self._ended.connect(self._on_ended)

    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def job_id(self) -> str | None:
        return self._job.job_id if self._job else None

    def cancel(self) -> None:
        if self._job is not None:
            self.worker.cancel(self._job.job_id)

    def shutdown(self, timeout: float = 3.0) -> None:
        """Stop the running job and wait for its thread, so nothing outlives the window."""
        if self._job is not None:
            self.cancel()
            self._thread_done.wait(timeout)

    # for subclasses ------------------------------------------------------------------

    def _on_event(self, event: Any) -> None:
        """A non-terminal event, on the UI thread."""

    def _finish(self, job: Any, pending: Any, event: Any, watcher: StartWatcher) -> None:
        """The job ended (``event`` is terminal), on the UI thread."""

    def _from_worker(self, event: Any) -> None:
        """Runs on the job thread: forward non-terminal events to the UI thread."""
        if not jobs.is_terminal(event):
            try:
                self._event.emit(event)
            except RuntimeError:  # the bridge is gone (window closed)
                pass

    # internals -----------------------------------------------------------------------

    def _start(self, job: Any, pending: Any) -> None:
        self._job, self._pending = job, pending
        self._thread_done.clear()
        self.busy_changed.emit(True)
        threading.Thread(target=self._run, args=(job,), name=f"{self.worker.kind}-job",
                         daemon=True).start()

    def _run(self, job: Any) -> None:
        watcher = StartWatcher(self._from_worker)
        try:
            event = self.worker.run(job, watcher)
        except Exception as exc:  # never leave the UI waiting
            log.exception("%s job crashed in the bridge", self.worker.kind)
            event = jobs.Failed(job.job_id, f"the job could not run ({exc})")
        try:
            self._ended.emit(event, watcher)
        except RuntimeError:  # the window closed while the job ran; nobody to tell
            log.info("job %s ended after its bridge was deleted", job.job_id)
        finally:
            self._thread_done.set()

    def _on_ended(self, event: Any, watcher: StartWatcher) -> None:
        job, pending = self._job, self._pending
        self._job, self._pending = None, None
        try:
            self._finish(job, pending, event, watcher)
        finally:
            self.busy_changed.emit(False)


class TextBridge(JobBridge):
    """Chat generations and model preloading on the text worker."""

    started = Signal(object)  # jobs.Started
    tokens = Signal(str)  # text that arrived since the last flush
    progress = Signal(str, int, int)  # stage ("verify", "load"), done, total
    finished = Signal(object)  # TextOutcome, already recorded in history
    loaded = Signal(object)  # the terminal event of a load-only job

    def __init__(self, ws: Workspace, parent: QObject | None = None):
        super().__init__(ws, ws.backend("text"), parent)  # local worker or a connection's server
        self._lock = threading.Lock()
        self._buffer: list[str] = []
        self._timer = QTimer(self)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self._flush)
        self._live: LiveRecord | None = None

    def send(self, request: TextRequest) -> int:
        """Start a generation; returns its conversation id. Raises BadInput at once
        (on the UI thread) when the request itself is unusable."""
        if self.busy:
            raise RuntimeError("a job is already running")
        job, conversation_id, notes = build_job(self.ws, request)
        self._live = LiveRecord.begin(self.ws, request, job, conversation_id)  # stored as it starts
        self._begin(job, (request, conversation_id, notes))
        return conversation_id

    def preload(self, model: str, *, n_ctx: int | None = None, gpu_layers: str = "auto",
                n_threads: int | None = None) -> None:
        """Load a model in the worker ahead of the first message."""
        if self.busy:
            return
        self._begin(load_job(self.ws, model, n_ctx=n_ctx, gpu_layers=gpu_layers, n_threads=n_threads), None)

    def _begin(self, job: jobs.TextJob, pending: Any) -> None:
        self._buffer.clear()
        self._timer.start()
        self._start(job, pending)

    def _from_worker(self, event: Any) -> None:
        if isinstance(event, jobs.Token):
            with self._lock:
                self._buffer.append(event.text)
        else:
            super()._from_worker(event)

    def _flush(self) -> None:
        with self._lock:
            text = "".join(self._buffer)
            self._buffer.clear()
        if text:
            if self._live is not None:
                self._live.add(text)  # saved every second or so, on this (the writer's) thread
            self.tokens.emit(text)

    def _on_event(self, event: Any) -> None:
        if isinstance(event, jobs.Started):
            self.started.emit(event)
        elif isinstance(event, jobs.Progress):
            self.progress.emit(event.stage, event.step, event.total)

    def _finish(self, job: jobs.TextJob, pending: Any, event: Any, watcher: StartWatcher) -> None:
        self._flush()
        self._timer.stop()
        if pending is None:
            self.loaded.emit(event)
            return
        request, conversation_id, notes = pending
        self._live = None
        outcome: TextOutcome = record_outcome(self.ws, request, job, conversation_id, event,
                                              watcher.started, notes)
        self.finished.emit(outcome)


class ImageBridge(JobBridge):
    """Image generations on the image worker."""

    started = Signal(object)  # jobs.Started
    progress = Signal(object)  # jobs.Progress (stage "verify", "load" or "denoise", maybe a preview)
    finished = Signal(object)  # ImageOutcome, already recorded in history

    def __init__(self, ws: Workspace, parent: QObject | None = None):
        super().__init__(ws, ws.backend("image"), parent)

    def generate(self, request: ImageRequest) -> jobs.ImageJob:
        """Start a generation. Raises BadInput at once when the request is unusable."""
        if self.busy:
            raise RuntimeError("a job is already running")
        job, notes = image_runner.build_job(self.ws, request)
        self._start(job, notes)
        return job

    def _on_event(self, event: Any) -> None:
        if isinstance(event, jobs.Started):
            self.started.emit(event)
        elif isinstance(event, jobs.Progress):
            self.progress.emit(event)

    def _finish(self, job: jobs.ImageJob, notes: Any, event: Any, watcher: StartWatcher) -> None:
        outcome: ImageOutcome = image_runner.record_outcome(self.ws, job, event, watcher.started, notes)
        self.finished.emit(outcome)
