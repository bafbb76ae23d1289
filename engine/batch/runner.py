"""Running a batch job row by row through the text backend, resumable at any moment.

One :class:`BatchRunner` drives one job: it claims the next pending row, sends its
prompt to ``ws.backend("text")`` (a local worker or a remote server, same protocol),
parses the structured reply, and records the row and its history entry in one
transaction. Pause and cancel stop the row in flight at once (it goes back to pending);
a worker that dies takes only its row back to pending, and the next row starts a fresh
worker. See engine/batch/store.py for how a crash of this process is recovered.

The runner blocks its thread: the CLI runs it in the foreground, the desktop app on a
worker thread with its own database connection (WAL lets the window write review
decisions beside it).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import sqlite_utils

from engine import jobs
from engine.batch.store import FINISHED, BatchJob, BatchRow, BatchStore, owner_alive, process_owner
from engine.errors import AirlockError, BadInput
from engine.prompts import brand_voice
from engine.store.history import History
from engine.text import structured

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
"""A row whose worker dies is tried again up to this many times in all, then marked failed
(a row that crashes the model every time must not stop the rest of the batch)."""
_ACTIVE: set[int] = set()  # jobs a runner of this process is running now
_ACTIVE_LOCK = threading.Lock()


@dataclass(frozen=True)
class BatchProgress:
    job_id: int
    total: int
    finished: int  # drafted or reviewed
    failed: int
    pending: int
    rows_per_minute: float | None
    eta_seconds: float | None
    row_number: int | None = None  # the row that just ended
    row_status: str | None = None


@dataclass(frozen=True)
class RunSummary:
    job_id: int
    state: str  # finished, paused, cancelled, stopped (a dry run or row limit reached)
    generated: int  # rows drafted in this run
    failed: int  # rows that failed in this run
    seconds: float
    counts: dict[str, int]
    message: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"job_id": self.job_id, "state": self.state, "generated": self.generated, "failed": self.failed,
                "seconds": round(self.seconds, 3), "rows": sum(self.counts.values()), "counts": self.counts,
                **({"message": self.message} if self.message else {})}


class BatchRunner:
    def __init__(self, ws: Any, job_id: int, *, db: sqlite_utils.Database | None = None,
                 on_progress: Callable[[BatchProgress], None] | None = None, concurrency: int | None = None,
                 close_db: bool = False):
        self.ws = ws
        self._owns_db = close_db  # ``db`` is this runner's own connection: close() closes it
        self.concurrency = concurrency
        """Rows generated at once; None: what the backend takes (1 on the local worker, the
        connection's setting, default 4, on an inference server: engine/backends/router.py)."""
        self._in_flight: set[str] = set()
        self.db = db or ws.db
        self.store = BatchStore(self.db, mask=ws.record_steps.apply_text)  # PII history mode
        self.history = History(self.db, ws.record_steps)
        self.job: BatchJob = self.store.job(job_id)
        self.on_progress = on_progress
        self.owner = process_owner()
        self._stop: str | None = None  # "paused" or "cancelled"
        self._current: str | None = None  # the text job in flight
        self._lock = threading.Lock()

    def close(self) -> None:
        """Close the runner's own connection (``close_db=True``); a shared one stays open."""
        if self._owns_db:
            self.db.conn.close()

    # control (any thread) -------------------------------------------------------------

    def pause(self) -> None:
        self._halt("paused")

    def cancel(self) -> None:
        self._halt("cancelled")

    def _halt(self, how: str) -> None:
        with self._lock:
            self._stop = self._stop or how
            current = [self._current, *self._in_flight] if self._current else list(self._in_flight)
        for job_id in current:
            self.ws.backend("text").cancel(job_id)

    # running -------------------------------------------------------------------------

    def run(self, *, upto: int | None = None, only: Sequence[int] | None = None) -> RunSummary:
        """Generate pending rows (those up to row ``upto`` for a dry run, or only the rows
        ``only``: a regenerated row) until none is left, or until paused or cancelled.
        Raises BadInput when the job cannot run at all."""
        job = self.job
        with _ACTIVE_LOCK:
            if job.id in _ACTIVE:
                raise BadInput(f"Batch job {job.id} is already running.")
            _ACTIVE.add(job.id)
        started = time.perf_counter()
        generated = failed = 0
        message = None
        try:
            self._take_over(job)
            model = self.ws.registry.get(job.model)
            if model.sha256 != job.model_sha256:
                raise BadInput(f"The model '{job.model}' is not the file this job started with; "
                               "import that file again or start a new job.")
            self.store.set_job(job.id, status="running", owner=self.owner, message=None)
            width = self._width(model)
            if width > 1:
                generated, failed = self._run_concurrently(model, width, upto, started, only)
            while width <= 1 and self._stop is None:
                row = self.store.claim_next(job.id, self.owner, upto=upto, only=only)
                if row is None:
                    break
                status = self._generate(row, model)
                generated += status == "done"
                failed += status == "failed"
                self._report(started, generated + failed, row.row_number, status)
        except sqlite3.OperationalError as exc:
            log.exception("batch %s stopped: database write failed", job.id)
            full = "full" in str(exc).lower()
            message = ("The disk is full; free some space, then resume the job." if full
                       else f"The batch could not be saved ({exc}); resume it once the problem is fixed.")
            self._stop = "paused"
            raise AirlockError(message) from exc
        finally:
            state = self._finish_state(upto)
            try:
                self.store.set_job(job.id, status={"stopped": "paused"}.get(state, state), owner=None,
                                   message=message)
            except sqlite3.Error:
                log.exception("could not record the batch job's state")
            with _ACTIVE_LOCK:
                _ACTIVE.discard(job.id)
        return RunSummary(job.id, state, generated, failed, time.perf_counter() - started,
                          self.store.counts(job.id), message)

    def _width(self, model: Any) -> int:
        if self.concurrency is not None:
            return max(1, int(self.concurrency))
        backend = self.ws.backend("text")
        return max(1, int(backend.concurrency(model.name))) if hasattr(backend, "concurrency") else 1

    def _run_concurrently(self, model: Any, width: int, upto: int | None, started: float,
                          only: Sequence[int] | None = None) -> tuple[int, int]:
        """Keep ``width`` rows generating at once (a batching server answers them in
        parallel); claims and records stay on this thread, the one that writes the store."""
        from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

        generated = failed = 0
        in_flight: dict[Any, tuple[BatchRow, jobs.TextJob, list[jobs.Started]]] = {}
        router = self.ws.backend("text")
        # Found here, on the thread that owns the store's connection: the pool threads only run jobs.
        options = {"backend": router.backend_for(model.name)} if hasattr(router, "backend_for") else {}
        with ThreadPoolExecutor(width, thread_name_prefix="batch-row") as pool:
            while True:
                while self._stop is None and len(in_flight) < width:
                    row = self.store.claim_next(self.job.id, self.owner, upto=upto, only=only)
                    if row is None:
                        break
                    text_job = self._text_job(row, model)
                    seen: list[jobs.Started] = []
                    with self._lock:
                        self._in_flight.add(text_job.job_id)
                    future = pool.submit(router.run, text_job,
                                         lambda e, seen=seen: seen.append(e) if isinstance(e, jobs.Started) else None,
                                         **options)
                    in_flight[future] = (row, text_job, seen)
                if not in_flight:
                    return generated, failed
                done, _ = wait(list(in_flight), return_when=FIRST_COMPLETED)
                for future in done:
                    row, text_job, seen = in_flight.pop(future)
                    with self._lock:
                        self._in_flight.discard(text_job.job_id)
                    try:
                        event = future.result()
                    except Exception as exc:  # a backend must not raise; if one does, the row fails, the run goes on
                        log.exception("batch row %s crashed in the backend", row.row_number)
                        event = jobs.Failed(text_job.job_id, f"the job could not run ({exc})")
                    status = self._settle(row, text_job, event, seen[0] if seen else None)
                    generated += status == "done"
                    failed += status == "failed"
                    self._report(started, generated + failed, row.row_number, status)

    def _take_over(self, job: BatchJob) -> None:
        """Refuse a job another live process is running; give back rows a dead run left."""
        current = self.store.job(job.id)
        if current.status == "running" and current.owner != self.owner and owner_alive(current.owner):
            raise BadInput(f"Batch job {job.id} is running in another Airlock process; pause it there first.")
        self.store.recover(job.id)
        # Rows this process claimed in a run that ended abnormally (e.g. a failed write).
        self.db.execute("update batch_rows set status = 'pending', owner = null "
                        "where job_id = ? and status = 'running' and owner = ?", [job.id, self.owner])

    def _finish_state(self, upto: int | None) -> str:
        if self._stop:
            return self._stop
        counts = self.store.counts(self.job.id)
        if counts["pending"] or counts["running"]:
            return "stopped"
        return "finished"

    def _text_job(self, row: BatchRow, model: Any) -> jobs.TextJob:
        job = self.job
        params = dict(job.params)
        n_ctx = int(params.pop("n_ctx", 4096))
        sampling = jobs.SamplingParams(**{k: v for k, v in params.items() if k in jobs.SamplingParams.__dataclass_fields__})
        messages = ([{"role": "system", "content": row.system}] if row.system else []) + \
            [{"role": "user", "content": row.prompt}]
        return jobs.TextJob(job_id=uuid.uuid4().hex, model_name=model.name, model_path=model.path,
                            model_sha256=model.sha256, messages=tuple(messages),
                            params=replace(sampling, seed=row.seed if row.seed is not None else job.seed),
                            n_ctx=n_ctx, overflow="refuse", json_schema=job.json_schema)

    def _generate(self, row: BatchRow, model: Any) -> str:
        text_job = self._text_job(row, model)
        with self._lock:
            if self._stop:
                self.store.release(row.id, self.owner)
                return "pending"
            self._current = text_job.job_id
        started: list[jobs.Started] = []
        try:
            event = self.ws.backend("text").run(
                text_job, lambda e: started.append(e) if isinstance(e, jobs.Started) else None)
        finally:
            with self._lock:
                self._current = None
        return self._settle(row, text_job, event, started[0] if started else None)

    def _settle(self, row: BatchRow, text_job: jobs.TextJob, event: Any, started: jobs.Started | None) -> str:
        """Record a row's finished job: back to pending when stopped or crashed (retried),
        failed, or drafted."""
        if isinstance(event, jobs.Cancelled):
            self.store.release(row.id, self.owner)
            return "pending"
        if isinstance(event, jobs.Failed):
            if event.kind == "crashed" and row.attempts < MAX_ATTEMPTS:
                log.warning("batch %s row %s: %s; trying again", row.job_id, row.row_number, event.message)
                self.store.release(row.id, self.owner, error=event.message)
                return "pending"
            self.store.finish(row.id, self.owner, "failed", error=event.message)
            return "failed"
        return self._record(row, text_job, event, started)

    def _record(self, row: BatchRow, text_job: jobs.TextJob, event: jobs.Done, started: jobs.Started | None) -> str:
        result = event.result
        text = result.get("text", "")
        fields: dict[str, Any] | None = None
        error = None
        if self.job.json_schema:
            try:
                fields = structured.parse_reply(text, self.job.json_schema)
            except structured.StructuredOutputError as exc:
                error = f"The draft could not be read as its fields: {exc}."
        flags = brand_voice.check_text(self.job.brand_voice, _flat(fields) if fields else text) \
            if self.job.brand_voice else None
        record = {
            "conversation_id": None, "kind": "text", "model": text_job.model_name,
            "model_sha256": text_job.model_sha256, "system": row.system, "prompt": row.prompt, "output": text,
            "params": {**text_job.params.as_dict(), "n_ctx": text_job.n_ctx,
                       "batch": {"job_id": row.job_id, "row": row.row_number},
                       "template": {"name": self.job.template_name, "version": self.job.template_version,
                                    "variables": row.input},
                       **({"brand_voice": self.job.brand_voice} if self.job.brand_voice else {}),
                       **({"knowledge": list(self.job.knowledge)} if self.job.knowledge else {})},
            "seed": text_job.params.seed, "prompt_tokens": result.get("prompt_tokens"),
            "completion_tokens": result.get("completion_tokens"), "first_token_s": result.get("first_token_s"),
            "seconds": result.get("seconds"), "tokens_per_second": result.get("tokens_per_second"),
            "device": result.get("device", started.device if started else None),
            "versions": result.get("versions", {}), "status": "failed" if error else "done", "error": error,
        }
        with self.db.atomic():
            generation_id = self.history.add(record)
            self.store.finish(
                row.id, self.owner, "failed" if error else "done", output_text=text, output_fields=fields,
                error=error, seconds=result.get("seconds"), prompt_tokens=result.get("prompt_tokens"),
                cached_tokens=result.get("cached_tokens"), completion_tokens=result.get("completion_tokens"),
                generation_id=generation_id, brand_voice_flags=flags)
        return "failed" if error else "done"

    def _report(self, started: float, ended_here: int, row_number: int, status: str) -> None:
        if not self.on_progress:
            return
        counts = self.store.counts(self.job.id)
        minutes = (time.perf_counter() - started) / 60
        rate = ended_here / minutes if ended_here and minutes > 0 else None
        pending = counts["pending"] + counts["running"]
        self.on_progress(BatchProgress(
            job_id=self.job.id, total=sum(counts.values()), finished=sum(counts[s] for s in FINISHED),
            failed=counts["failed"], pending=pending, rows_per_minute=rate,
            eta_seconds=pending / rate * 60 if rate else None, row_number=row_number, row_status=status))


def _flat(fields: dict[str, Any]) -> str:
    return "\n".join("\n".join(v) if isinstance(v, list) else str(v) for v in fields.values())

