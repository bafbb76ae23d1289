"""The API's engine side: from a validated request to a job on a backend, and to history.

Nothing here knows about HTTP. :class:`ApiService` runs over the same
:class:`~engine.workspace.Workspace` the GUI uses: ``ws.backend(kind)`` runs the job (the
window's own worker processes when the GUI hosts the API) and every call ends in
``History.add`` through the workspace's record steps, with the key's name, on the one
database writer (``write``; ``submit`` where nothing needs to wait for it). A bounded
:class:`~engine.api.admission.Admission` per backend keeps the waiting line short and
honest.
"""

from __future__ import annotations

import base64
import contextvars
import json
import logging
import random
import re
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from engine import jobs
from engine.api.admission import Admission
from engine.api.config import ServerConfig
from engine.api.keys import ApiKey, ApiKeys
from engine.api.schemas import ChatRequest, CompletionRequest, ImageRequestBody, ResponseFormat
from engine.api.writer import WriteCall, Writer
from engine.backends.worker_process import StartWatcher
from engine.errors import BadInput
from engine.registry import memory
from engine.trust.audit import audit

log = logging.getLogger(__name__)

TEMPLATE_PREFIX = "airlock/tpl-"
CALLER: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar("airlock_api_caller", default=None)


class NotFound(BadInput):
    """An unknown model (404 in OpenAI's API)."""


class Forbidden(BadInput):
    """The key lacks the scope for this endpoint (403)."""


def caller_step(record: dict[str, Any]) -> dict[str, Any]:
    """Record step: a generation made through the API keeps who called and how."""
    caller = CALLER.get()
    if caller is None:
        return record
    params = record.get("params")
    params = dict(params) if isinstance(params, dict) else json.loads(params or "{}")
    params["api"] = caller
    return {**record, "params": params}


def template_slug(name: str) -> str:
    """``Press release`` -> ``press-release``; letters of any script are kept (新聞稿)."""
    return re.sub(r"[\W_]+", "-", name.lower()).strip("-") or "template"


def template_ids(templates: list[Any]) -> dict[str, Any]:
    """Model id -> template, unique even when two names give the same slug (-2, -3...)."""
    ids: dict[str, Any] = {}
    for template in sorted(templates, key=lambda t: t.name):
        base = TEMPLATE_PREFIX + template_slug(template.name)
        ident, n = base, 2
        while ident in ids:
            ident, n = f"{base}-{n}", n + 1
        ids[ident] = template
    return ids


@dataclass
class Prepared:
    """A text job ready to run, and what its record needs."""

    job: jobs.TextJob
    request: Any  # engine.text.runner.TextRequest (prompt, system, annotations)
    model_id: str
    schema: dict[str, Any] | None
    serving: Any  # the backend that runs it, chosen while preparing (on the writer's thread)
    notes: list[str] = field(default_factory=list)


class PendingRow:
    """A call's running history row, being written on the writer's thread while its job
    starts. :meth:`live` waits for it; when the write failed, the call goes on without a
    running row (logged once) and its outcome is added as a new row at the end, as for a
    caller that never began one."""

    def __init__(self, future: Future):
        self._future = future
        self._failed = False

    def live(self) -> Any:
        if self._failed:
            return None
        try:
            return self._future.result()
        except Exception:
            self._failed = True
            log.exception("the call's running history row could not be written; it is recorded when it ends")
            return None


@dataclass
class TextResult:
    event: Any
    text: str
    finish_reason: str
    prompt_tokens: int
    completion_tokens: int
    generation_id: int | None
    queue_seconds: float
    parsed: Any = None


class ApiService:
    def __init__(self, ws: Any, config: ServerConfig, writer: Writer):
        self.ws = ws
        self.config = config
        self.write: WriteCall = writer.call
        self.submit = writer.submit
        self.keys = ApiKeys(ws.db)
        self._admissions: dict[str, Admission] = {}
        self._key_uses = ThreadPoolExecutor(max_workers=1, thread_name_prefix="api-key-use")
        ws.record_steps.add("api_caller", caller_step)

    # keys and models --------------------------------------------------------------------

    def authenticate(self, secret: str | None) -> ApiKey | None:
        key = self.keys.check(secret)
        if key is not None:  # noted beside the call, not before it: a commit is not worth the wait
            self._key_uses.submit(self._note_use, key)
        return key

    def close(self, *, wait: bool) -> None:
        """Finish (``wait``) or drop the key-use notes still queued. The window passes False:
        its writer is the UI thread that is calling this, so waiting would deadlock."""
        self._key_uses.shutdown(wait=wait, cancel_futures=not wait)

    def _note_use(self, key: ApiKey) -> None:
        """The key's last-used time and the audit entry, on the writer's thread (in order
        with the call's own writes, which the same writer runs after it)."""
        try:
            self.write(lambda: (self.keys.touch(key.id),  # and the audit log (engine/trust/audit.py)
                                audit(self.ws, "api_key.used", name=key.name, id=key.id)))
        except Exception:  # the last-used time is a convenience, not worth failing a call
            log.exception("could not note the key's last use")

    def admission(self, backend_name: str, concurrency: int = 1) -> Admission:
        if backend_name not in self._admissions:
            self._admissions[backend_name] = Admission(concurrency, self.config.queue_limit)
        return self._admissions[backend_name]

    def models(self) -> list[dict[str, Any]]:
        """Local models, then company templates as models (``airlock/tpl-<name>``)."""
        from engine.prompts.templates import TemplateLibrary

        created = int(time.time())
        listed = [{"id": m.name, "object": "model", "created": created, "owned_by": "airlock",
                   "kind": m.kind, "backend": m.metadata.get("connection", "local")}
                  for m in self.ws.registry.list()]
        for ident, template in template_ids(TemplateLibrary(self.ws.db).list()).items():
            listed.append({"id": ident, "object": "model", "created": created, "owned_by": "airlock",
                           "kind": template.kind, "template": template.name, "backend": "local"})
        return listed

    def _template(self, model_id: str) -> Any:
        from engine.prompts.templates import TemplateLibrary

        template = template_ids(TemplateLibrary(self.ws.db).list()).get(model_id)
        if template is not None:
            return template
        raise NotFound(f"There is no template model '{model_id}'; GET /v1/models lists them.")

    def _text_model(self, name: str) -> Any:
        from engine.registry.registry import DEFAULT_TEXT_MODEL

        try:
            model = self.ws.registry.get(name or DEFAULT_TEXT_MODEL)
        except BadInput as exc:
            raise NotFound(f"There is no model '{name}'; GET /v1/models lists them.") from exc
        if model.kind != "text":
            raise BadInput(f"'{model.name}' is an image model; use /v1/images/generations.")
        return model

    # text -------------------------------------------------------------------------------

    def prepare_chat(self, body: ChatRequest, key: ApiKey, endpoint: str = "chat") -> Prepared:
        """Check the request and build its job; BadInput (400/404) when unusable."""
        from engine.prompts.compose import compose, sampling_params
        from engine.text.runner import TextRequest

        messages = [{"role": "system" if m.role == "developer" else m.role, "content": m.text()}
                    for m in body.messages]
        if messages[-1]["role"] != "user":
            raise BadInput("The last message must be the user's.")
        annotations: dict[str, Any] = {}
        params = jobs.SamplingParams()
        model_id = body.model
        if body.model.startswith(TEMPLATE_PREFIX):
            template = self._template(body.model)
            if template.kind != "text":
                raise BadInput(f"'{body.model}' is an image template; use /v1/images/generations.")
            values = dict(body.template_variables or {})
            missing = [v.name for v in template.variables if v.required and v.name not in values]
            if missing:  # the user's message fills the first required variable not given
                values[missing[0]] = messages[-1]["content"]
            composed = compose(self.ws.db, template, values,
                               registered_models=[m.name for m in self.ws.registry.list()])
            messages[-1] = {"role": "user", "content": composed.prompt}
            if composed.system:
                messages.insert(0, {"role": "system", "content": composed.system})
            annotations = dict(composed.annotations)
            params = sampling_params(composed.params)
            model = self._text_model(composed.model or "")
        else:
            if body.template_variables is not None:
                raise BadInput("template_variables only applies to template models (airlock/tpl-...).")
            model = self._text_model(body.model)
        params = self._sampling(params, body, body.max_completion_tokens if isinstance(body, ChatRequest) else None)
        schema = self._schema(body.response_format)
        system = "\n\n".join(m["content"] for m in messages if m["role"] == "system") or None
        return self._prepared(model, model_id, messages, params, schema, annotations, system,
                              messages[-1]["content"], key, endpoint)

    def prepare_completion(self, body: CompletionRequest, key: ApiKey) -> Prepared:
        if body.model.startswith(TEMPLATE_PREFIX):
            raise BadInput("Template models answer on /v1/chat/completions.")
        try:
            prompt = body.prompt_text()
        except ValueError as exc:
            raise BadInput(str(exc)[0].upper() + str(exc)[1:] + ".") from exc
        model = self._text_model(body.model)
        params = self._sampling(jobs.SamplingParams(), body, None)
        schema = self._schema(body.response_format)
        if not prompt.strip():
            raise BadInput("The prompt is empty; give the text to complete.")
        # The raw prompt, as OpenAI and llama-server complete it: no chat template around it.
        return self._prepared(model, body.model, [], params, schema, {"raw_prompt": True},
                              None, prompt, key, "completions", raw_prompt=prompt)

    def _sampling(self, base: jobs.SamplingParams, body: Any, max_completion: int | None) -> jobs.SamplingParams:
        changes = {name: getattr(body, name) for name in ("temperature", "top_p", "top_k", "min_p",
                                                           "repeat_penalty", "seed")
                   if getattr(body, name) is not None}
        max_tokens = max_completion or body.max_tokens
        if max_tokens is not None:
            if max_tokens > self.config.max_tokens_limit:
                raise BadInput(f"max_tokens may be at most {self.config.max_tokens_limit} on this server.")
            changes["max_tokens"] = max_tokens
        if "seed" not in changes:
            changes["seed"] = random.randrange(2**31)
        params = replace(base, **changes)
        validated = getattr(params, "validated", None)  # the one sampling check (engine/jobs.py)
        return validated() if validated else params

    @staticmethod
    def _schema(response_format: ResponseFormat | None) -> dict[str, Any] | None:
        if response_format is None:
            return None
        try:
            schema = response_format.schema_dict()
        except ValueError as exc:
            raise BadInput(str(exc)[0].upper() + str(exc)[1:] + ".") from exc
        if schema is None:
            return None
        from engine.text import structured

        structured.check_schema(schema)
        return schema

    def _prepared(self, model: Any, model_id: str, messages: list[dict[str, str]], params: jobs.SamplingParams,
                  schema: dict[str, Any] | None, annotations: dict[str, Any], system: str | None, prompt: str,
                  key: ApiKey, endpoint: str, raw_prompt: str | None = None) -> Prepared:
        from engine.text.runner import TextRequest

        n_ctx = model.default_context()
        notes = []
        fit = memory.memory_fit(model.memory_needed(n_ctx))
        if fit.verdict == "too_big":
            raise BadInput(fit.message)
        if fit.verdict == "tight":
            notes.append(fit.message)
        extra: dict[str, Any] = {}
        if schema is not None:
            from engine.text import structured

            extra["json_schema"] = structured.check_schema(schema)
            annotations = {**annotations, "json_schema": schema}
        job = jobs.TextJob(job_id=uuid.uuid4().hex, model_name=model.name, model_path=model.path,
                           model_sha256=model.sha256, messages=tuple(messages), params=params, n_ctx=n_ctx,
                           raw_prompt=raw_prompt, **extra)
        request = TextRequest(model=model.name, prompt=prompt, system=system, params=params, seed=params.seed,
                              annotations=annotations)
        serving = self.text_backend(model.name)
        return Prepared(job, request, model_id, schema, serving, notes)

    def text_backend(self, model_name: str) -> Any:
        """The backend that will run this model: the local worker or a connection's server."""
        backend = self.ws.backend("text")
        return backend.backend_for(model_name) if hasattr(backend, "backend_for") else backend

    def run_text(self, prepared: Prepared, key: ApiKey, endpoint: str,
                 on_event: Callable[[Any], None] | None = None,
                 on_wait: Callable[[float], None] | None = None) -> TextResult:
        """Wait for a turn, run the job, validate structured output, record it. Blocking;
        the caller has already :meth:`Admission.reserve`-d a place (QueueFull answered 429)."""
        from engine.text.runner import record_outcome

        backend = self.ws.backend("text")  # the router: it sends the job where its model lives
        serving = prepared.serving
        with self.admission(serving.name, getattr(serving, "concurrency", 1)).slot() as waited:
            if on_wait:
                on_wait(waited)
            caller = {"key": key.name, "endpoint": endpoint, "backend": serving.name,
                      "queue_seconds": round(waited, 4)}
            # Stored as it starts (status running) and as it streams, so a killed server leaves
            # an interrupted row with its prompt and text, as the chat and the CLI do. The row is
            # written beside the job's start, not before it: the insert and its commit wait for
            # the writer, and the model needs no row to begin (tests/perf/test_api_overhead.py).
            row = PendingRow(self.submit(lambda: self._begin(prepared, caller)))

            def streamed(event: Any) -> None:
                if on_event:  # the caller's stream first: the live row's save may wait for the writer
                    on_event(event)
                live = row.live()  # in order: a save never runs before the row exists
                if live is not None:
                    live.on_event(event)

            watcher = StartWatcher(streamed)
            try:
                event = (backend.run(prepared.job, watcher, backend=serving) if hasattr(backend, "backend_for")
                         else backend.run(prepared.job, watcher))  # the router would read the store again
            except BaseException:
                live = row.live()
                if live is not None:
                    live.interrupt()
                raise
            row.live()  # the running row exists before the outcome finishes it (record_outcome)
        result = getattr(event, "result", {}) or {}
        text = result.get("text", "")
        parsed, error = None, None
        if isinstance(event, jobs.Done) and prepared.schema is not None:
            from engine.text import structured

            try:
                parsed = structured.parse_reply(text, prepared.schema)
            except structured.StructuredOutputError as exc:
                error = str(exc)
                event = jobs.Failed(event.job_id, f"the reply did not match the schema ({exc})", "internal",
                                    result)

        def record() -> int:
            token = CALLER.set(caller)
            try:
                return record_outcome(self.ws, prepared.request, prepared.job, None, event, watcher.started,
                                      prepared.notes).generation_id
            finally:
                CALLER.reset(token)

        generation_id = self.write(record)
        finish = result.get("finish_reason", "stop")
        if error is not None:
            log.warning("structured reply failed validation: %s", error)
        return TextResult(event, text, "length" if finish == "length" else "stop",
                          int(result.get("prompt_tokens") or (watcher.started.prompt_tokens if watcher.started else 0)),
                          int(result.get("completion_tokens") or 0), generation_id, waited, parsed)

    def _begin(self, prepared: Prepared, caller: dict[str, Any]) -> Any:
        """The generation's running row, with the caller stamped (on the writer's thread)."""
        from engine.text.runner import LiveRecord

        token = CALLER.set(caller)
        try:
            return LiveRecord.begin(self.ws, prepared.request, prepared.job, None, write=self.write)
        finally:
            CALLER.reset(token)

    def cancel(self, job_id: str) -> None:
        self.ws.backend("text").cancel(job_id)

    # images -----------------------------------------------------------------------------

    def prepare_image(self, body: ImageRequestBody) -> tuple[jobs.ImageJob, list[str]]:
        from engine.image.runner import ImageRequest, build_job
        from engine.image.settings import parse_size

        name = body.model
        if name is None:
            images = [m.name for m in self.ws.registry.list() if m.kind == "image"]
            if not images:
                raise NotFound("No image model is registered on this workstation.")
            name = images[0]
        elif self.ws.registry.find(name) is None:
            raise NotFound(f"There is no model '{name}'; GET /v1/models lists them.")
        width, height = parse_size(body.size) if body.size else (None, None)
        request = ImageRequest(model=name, prompt=body.prompt, negative=body.negative_prompt, steps=body.steps,
                               guidance=body.guidance, width=width, height=height, seed=body.seed, count=body.n,
                               preview_every=0)
        try:
            return build_job(self.ws, request)
        except BadInput as exc:
            if "no model" in str(exc).lower() or "not registered" in str(exc).lower():
                raise NotFound(str(exc)) from exc
            raise

    def run_image(self, job: jobs.ImageJob, notes: list[str], key: ApiKey) -> tuple[Any, list[dict[str, Any]], float]:
        from engine.image.runner import record_outcome

        backend = self.ws.backend("image")
        with self.admission("image:" + backend.name).slot() as waited:
            watcher = StartWatcher()
            event = backend.run(job, watcher)
        caller = {"key": key.name, "endpoint": "images", "backend": backend.name, "queue_seconds": round(waited, 4)}

        def record() -> Any:
            token = CALLER.set(caller)
            try:
                return record_outcome(self.ws, job, event, watcher.started, notes)
            finally:
                CALLER.reset(token)

        outcome = self.write(record)
        return event, [r for r in outcome.records if r.get("output_path")], waited


def image_data(record: dict[str, Any], response_format: str) -> dict[str, Any]:
    path = Path(record["output_path"])
    if response_format == "b64_json":
        return {"b64_json": base64.b64encode(path.read_bytes()).decode("ascii"), "seed": record["seed"]}
    return {"url": path.resolve().as_uri(), "path": str(path), "seed": record["seed"]}
