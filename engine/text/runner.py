"""Running a text generation end to end: model check, conversation context, worker, record.

The CLI and the desktop app both call :func:`run_text`; it blocks the calling thread
(the GUI calls it from a worker thread) and reports every event through ``on_event``.
Whatever happens, the user's prompt is kept: a finished, stopped or failed generation is
written to history with its status.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from engine import jobs

from engine.registry import catalog, memory
from engine.errors import BadInput
from engine.backends.worker_process import StartWatcher
from engine.text.titles import title_from_prompt
from engine import messages as engine_messages  # "messages" is a local name here

if TYPE_CHECKING:
    from engine.prompts.compose import ComposedPrompt

Workspace = Any  # engine/workspace.py's façade; it sits above this package, so it is not imported here

OVERFLOW_POLICIES = ("truncate", "refuse")
MAX_CONTEXT = 1 << 20
"""No GGUF model today reads more than a million tokens; a bigger number is a typo."""


@dataclass(frozen=True)
class TextRequest:
    model: str
    prompt: str
    system: str | None = None
    conversation_id: int | None = None
    params: jobs.SamplingParams = field(default_factory=jobs.SamplingParams)
    seed: int | None = None  # None: a fresh random seed, recorded with the result
    n_ctx: int | None = None  # None: the model's recommended context
    overflow: str = "truncate"
    gpu_layers: str = "auto"
    n_threads: int | None = None
    annotations: dict[str, Any] | None = None
    """Where the prompt came from, kept in the record's params: the template and its
    version, the brand voice rules (whose check on the answer is recorded as
    ``brand_voice_flags``), the knowledge snippets cited. See engine/prompts/compose.py."""


@dataclass(frozen=True)
class TextOutcome:
    generation_id: int
    conversation_id: int
    event: Any  # the terminal event: jobs.Done, jobs.Failed or jobs.Cancelled
    record: dict[str, Any]
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return isinstance(self.event, jobs.Done)


def build_job(ws: Workspace, request: TextRequest) -> tuple[jobs.TextJob, int, list[str]]:
    """Check the request and turn it into a worker job; returns (job, conversation id, notes)."""
    if not request.prompt.strip():
        raise BadInput(engine_messages.PROMPT_EMPTY())
    params = request.params.validated()  # the one sampling check (engine/jobs.py)
    if request.seed is not None:
        jobs.check_sampling_value("seed", request.seed)
    if request.n_ctx is not None and not 64 <= request.n_ctx <= MAX_CONTEXT:
        raise BadInput(f"The context size must be from 64 to {MAX_CONTEXT} tokens.")
    if request.overflow not in OVERFLOW_POLICIES:
        raise BadInput(f"Unknown overflow policy '{request.overflow}' (use truncate or refuse).")
    model = ws.registry.get(request.model)
    if model.kind != "text":
        raise BadInput(engine_messages.IMAGE_MODEL_FOR_TEXT(name=model.name))
    n_ctx = request.n_ctx or catalog.recommended(model).context
    if n_ctx < 64:
        raise BadInput("The context size must be at least 64 tokens.")
    notes = []
    fit = memory.memory_fit(model.memory_needed(n_ctx))
    if fit.verdict == "too_big":
        raise BadInput(fit.message)
    if fit.verdict == "tight":
        notes.append(fit.message)
    conversation_id = request.conversation_id
    if conversation_id is None:
        # A new conversation from the command line is a one-off question: the chat list
        # shows those under their own heading.
        kind = "oneoff" if getattr(ws, "process_name", "") == "cli" else "text"
        conversation_id = ws.history.new_conversation(title=title_from_prompt(request.prompt), kind=kind)
    elif ws.history.conversation(conversation_id) is None:
        raise BadInput(f"There is no conversation {conversation_id}.")
    messages: list[dict[str, str]] = []
    if request.system:
        messages.append({"role": "system", "content": request.system})
    messages += ws.history.context_messages(conversation_id)
    messages.append({"role": "user", "content": request.prompt})
    seed = request.seed if request.seed is not None else random.randrange(2**31)
    job = jobs.TextJob(
        job_id=uuid.uuid4().hex, model_name=model.name, model_path=model.path,
        model_sha256=model.sha256, messages=tuple(messages),
        params=replace(params, seed=seed), n_ctx=n_ctx, n_threads=request.n_threads,
        gpu_layers=request.gpu_layers, overflow=request.overflow,
    )
    return job, conversation_id, notes


def recommended_params(ws: Workspace, model_name: str, **given: Any) -> jobs.SamplingParams:
    """Sampling settings for ``model_name``: each one given (None: not given), else what the
    catalog recommends for that file (engine/registry/catalog.recommended), else the
    defaults. The CLI and the API start here; the chat page shows the same values."""
    settings = {k: v for k, v in given.items() if v is not None}
    record = ws.registry.find(model_name)
    if "temperature" not in settings and record is not None and record.kind == "text":
        temperature = catalog.recommended(record).temperature
        if temperature is not None:
            settings["temperature"] = temperature
    return jobs.SamplingParams(**settings)


def load_job(ws: Workspace, model_name: str, *, n_ctx: int | None = None, gpu_layers: str = "auto",
             n_threads: int | None = None) -> jobs.TextJob:
    """A job that only loads (and verifies) a model, so the first message does not wait."""
    model = ws.registry.get(model_name)
    return jobs.TextJob(job_id=uuid.uuid4().hex, model_name=model.name, model_path=model.path,
                        model_sha256=model.sha256, messages=(), n_ctx=n_ctx or catalog.recommended(model).context,
                        n_threads=n_threads, gpu_layers=gpu_layers)


STREAM_SAVE_SECONDS = 1.0
"""While a generation runs, the text streamed so far is saved at most this often: a
kill -9 loses at most about a second of it."""


class LiveRecord:
    """The history row of a generation while it runs: written when it starts (status
    ``running``), its streamed text saved every :data:`STREAM_SAVE_SECONDS`, finished by
    :func:`record_outcome`. Call it on the thread that writes the database, or give
    ``write`` (the API server's: run a function on the writer's thread) and feed it tokens
    from any thread; :meth:`begin` itself runs on the writer's thread."""

    def __init__(self, ws: Workspace, generation_id: int,
                 write: Callable[[Callable[[], Any]], Any] | None = None):
        self.ws, self.generation_id = ws, generation_id
        self._write = write or (lambda fn: fn())
        self.pieces: list[str] = []
        self._saved_at = time.monotonic()
        self._saved_len = 0

    @classmethod
    def begin(cls, ws: Workspace, request: TextRequest, job: jobs.TextJob, conversation_id: int | None, *,
              write: Callable[[Callable[[], Any]], Any] | None = None) -> "LiveRecord":
        record = _record(request, job, conversation_id, None, None)
        live = cls(ws, ws.history.start(record), write)
        _LIVE[job.job_id] = live
        return live

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    def add(self, text: str) -> None:
        self.pieces.append(text)
        if time.monotonic() - self._saved_at >= STREAM_SAVE_SECONDS:
            self.save()

    def on_event(self, event: Any) -> None:
        if isinstance(event, jobs.Token):
            self.add(event.text)

    def save(self) -> None:
        self._saved_at = time.monotonic()
        text = self.text
        if len(text) != self._saved_len:
            self._saved_len = len(text)
            self._write(lambda: self.ws.history.stream(self.generation_id, text))

    def interrupt(self) -> None:
        """The process is being stopped (SIGTERM, Ctrl-C): keep what streamed, as interrupted."""
        _LIVE.pop(next((k for k, v in _LIVE.items() if v is self), ""), None)
        text = self.text

        def mark() -> None:
            row = self.ws.history.get(self.generation_id)
            if row is not None and row["status"] == "running":
                record = {k: v for k, v in row.items() if k not in ("id", "created_at", "rank")}
                self.ws.history.finish(self.generation_id, {
                    **record, "output": text, "status": "interrupted",
                    "error": "Stopped before it finished (the program was interrupted); the text kept is what "
                             "it had written."})

        self._write(mark)


_LIVE: dict[str, LiveRecord] = {}
"""Running generations of this process by job id, so :func:`record_outcome` finishes the
row a front end began (callers that never began one get a row added at the end)."""


def run_text(ws: Workspace, request: TextRequest,
             on_event: Callable[[Any], None] | None = None,
             on_job: Callable[[jobs.TextJob], None] | None = None) -> TextOutcome:
    """Generate, streaming events to ``on_event``, and record the generation: its row is
    written before the model runs and holds the streamed text as it grows.

    ``on_job`` receives the job before it starts, so the caller can cancel it by id.
    Raises BadInput before anything runs when the request itself is unusable.
    """
    job, conversation_id, notes = build_job(ws, request)
    live = LiveRecord.begin(ws, request, job, conversation_id)
    if on_job:
        on_job(job)

    def both(event: Any) -> None:
        live.on_event(event)
        if on_event:
            on_event(event)

    watcher = StartWatcher(both)
    try:
        event = ws.backend("text").run(job, watcher)
    except BaseException:  # Ctrl-C or SIGTERM while it ran: the row says interrupted, with its text
        live.interrupt()
        raise
    return record_outcome(ws, request, job, conversation_id, event, watcher.started, notes)


def _record(request: TextRequest, job: jobs.TextJob, conversation_id: int | None, event: Any,
            started: jobs.Started | None) -> dict[str, Any]:
    result = getattr(event, "result", {}) or {}
    annotations = dict(request.annotations or {})  # the brand-voice step flags the output
    return {
        "conversation_id": conversation_id,
        "kind": "text",
        "model": job.model_name,
        "model_sha256": job.model_sha256,
        "system": request.system,
        "prompt": request.prompt,
        "output": result.get("text", ""),
        "params": {**job.params.as_dict(), "n_ctx": job.n_ctx, "overflow": job.overflow,
                   "gpu_layers": job.gpu_layers,
                   "dropped_messages": started.dropped_messages if started else 0,
                   **({"failure": event.kind} if isinstance(event, jobs.Failed) else {}),
                   **annotations},
        "seed": job.params.seed,
        "prompt_tokens": result.get("prompt_tokens", started.prompt_tokens if started else None),
        "completion_tokens": result.get("completion_tokens"),
        "first_token_s": result.get("first_token_s"),
        "seconds": result.get("seconds"),
        "tokens_per_second": result.get("tokens_per_second"),
        "device": result.get("device", started.device if started else None),
        "versions": result.get("versions", {}),
        "status": {jobs.Done: "done", jobs.Cancelled: "stopped", type(None): "running"}.get(type(event), "failed"),
        "error": event.message if isinstance(event, jobs.Failed) else None,
    }


def record_outcome(ws: Workspace, request: TextRequest, job: jobs.TextJob, conversation_id: int | None,
                   event: Any, started: jobs.Started | None, notes: list[str]) -> TextOutcome:
    """Write the finished, stopped or failed generation to history (on the writer's thread):
    over the row :meth:`LiveRecord.begin` wrote, or as a new row when none was begun."""
    notes = list(notes)
    if started:
        if started.dropped_messages:
            notes.append(f"{started.dropped_messages} oldest messages were left out to fit the "
                         f"{started.n_ctx}-token context.")
        if started.fallback_reason and started.device == "CPU":
            notes.append(f"Running on the CPU: {started.fallback_reason}.")
    record = _record(request, job, conversation_id, event, started)
    live = _LIVE.pop(job.job_id, None)
    if live is not None and not record["output"] and live.text:
        record["output"] = live.text  # the worker crashed: keep what had streamed
    if live is not None:
        ws.history.finish(live.generation_id, record)
        generation_id = live.generation_id
    else:
        generation_id = ws.history.add(record)
    return TextOutcome(generation_id, conversation_id, event, record, tuple(notes))


def text_request(composed: "ComposedPrompt", *, model: str, seed: int | None = None,
                 params: jobs.SamplingParams | None = None, **options: Any) -> TextRequest:
    """The request for a composed text template: its prompt, system, recommended sampling
    settings (over the defaults, never over another run's) and where it came from."""
    from engine.prompts.compose import sampling_params

    if composed.kind != "text":
        raise BadInput(f"'{composed.template}' is an image template; send it to the image generator.")
    return TextRequest(model=model, prompt=composed.prompt, system=composed.system, seed=seed,
                       params=params or sampling_params(composed.params),
                       annotations=dict(composed.annotations), **options)
