"""The HTTP face of the API: FastAPI routes in OpenAI's shapes over :class:`ApiService`.

Security by default (issue 15): every /v1 route needs a key (``Authorization: Bearer``),
loopback included; the Host header must be one of the server's own names (a DNS-rebinding
page cannot reach it under another name); a request that carries an ``Origin`` not on
the allowlist is refused before anything runs (CORS headers alone would still let the
generation happen); bodies over the size limit are refused while they arrive; unknown
parameters answer 400; a full queue answers 429 with Retry-After.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sse_starlette.sse import EventSourceResponse
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from engine import jobs
from engine.api import writer
from engine.api.admission import QueueFull
from engine.api.keys import ApiKey
from engine.api.schemas import ChatRequest, CompletionRequest, ImageRequestBody
from engine.api.service import ApiService, Forbidden, NotFound, Prepared, image_data
from engine.errors import BadInput

log = logging.getLogger(__name__)


def error_body(message: str, kind: str = "invalid_request_error", code: str | None = None,
               param: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


def error_response(status: int, message: str, kind: str = "invalid_request_error", code: str | None = None,
                   param: str | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(message, kind, code, param), status_code=status, headers=headers)


class BodyLimit:
    """Refuse bodies over ``limit`` bytes: by Content-Length at once, else as they stream in."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await error_response(413, f"The request body is larger than {self.limit} bytes.",
                                 code="request_too_large")(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        await self.app(scope, limited, send)


class BodyTooLarge(Exception):
    def __init__(self, limit: int):
        super().__init__(f"The request body is larger than {limit} bytes.")


class OriginGuard:
    """A browser request from an origin not on the allowlist is refused (403) outright."""

    def __init__(self, app: ASGIApp, origins: tuple[str, ...]):
        self.app, self.origins = app, set(origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            origin = dict(scope.get("headers") or []).get(b"origin")
            if origin is not None and origin.decode("latin-1") not in self.origins:
                log.warning("refused a request from origin %r", origin)
                await error_response(403, "Requests from this web origin are not allowed; an administrator can "
                                          "add it to the API's CORS allowlist.", "permission_error",
                                     "origin_not_allowed")(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(service: ApiService) -> FastAPI:
    config = service.config
    app = FastAPI(title="Airlock API", docs_url=None, redoc_url=None, openapi_url=None)
    executor = ThreadPoolExecutor(max_workers=config.queue_limit + 4, thread_name_prefix="api-job")
    app.state.executor = executor

    async def on_writer(fn: Any) -> Any:
        """Run ``fn`` where the store is used, the writer's thread: request threads reading
        the one connection while the writer is inside a transaction broke its savepoints
        ('no such savepoint' under 8 concurrent clients)."""
        future = service.submit(fn)  # straight to the writer, no thread between
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), writer.WAIT_SECONDS)
        except asyncio.TimeoutError:
            future.cancel()  # not yet taken: it never runs
            raise writer.WriterBusy() from None

    # Outermost first: host, then origin, then size.
    app.add_middleware(BodyLimit, limit=config.max_body_bytes)
    if config.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(config.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["authorization", "content-type"])
    app.add_middleware(OriginGuard, origins=config.cors_origins)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=sorted(config.host_allowlist()))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        if first.get("type") == "extra_forbidden":
            message = f"Airlock does not support the parameter '{where}'."
        else:
            message = f"Invalid value for '{where}': {first.get('msg', 'not accepted')}."
        return error_response(400, message, param=where or None, code=first.get("type"))

    @app.exception_handler(BadInput)
    async def bad_input(_request: Request, exc: BadInput) -> JSONResponse:
        if isinstance(exc, NotFound):
            return error_response(404, str(exc), code="model_not_found")
        if isinstance(exc, Forbidden):
            return error_response(403, str(exc), "permission_error", "insufficient_scope")
        return error_response(400, str(exc))

    @app.exception_handler(BodyTooLarge)
    async def too_large(_request: Request, exc: BodyTooLarge) -> JSONResponse:
        return error_response(413, str(exc), code="request_too_large")

    @app.exception_handler(QueueFull)
    async def busy(_request: Request, exc: QueueFull) -> JSONResponse:
        return error_response(429, f"The model is busy; retry after {exc.retry_after} s.", "rate_limit_error",
                              "queue_full", headers={"Retry-After": str(exc.retry_after)})

    def key_with(scope: str):
        async def check(request: Request) -> ApiKey:
            header = request.headers.get("authorization", "")
            secret = header[7:].strip() if header.lower().startswith("bearer ") else None
            key = await on_writer(lambda: service.authenticate(secret))  # the store is read on the writer's thread
            if key is None:
                raise Unauthorized()
            if scope not in key.scopes:
                raise Forbidden(f"The key '{key.name}' may not use {scope} endpoints.")
            return key
        return check

    @app.exception_handler(writer.WriterBusy)
    async def writer_busy(_request: Request, _exc: writer.WriterBusy) -> JSONResponse:
        return error_response(503, "Airlock is busy saving other work; retry in a few seconds.", "server_error",
                              "busy", headers={"Retry-After": "5"})

    @app.exception_handler(Unauthorized)
    async def unauthorized(_request: Request, _exc: Unauthorized) -> JSONResponse:
        return error_response(401, "A valid API key is required (Authorization: Bearer ...); create one with "
                                   "'airlock api keys create --name NAME'.", "authentication_error",
                              "invalid_api_key", headers={"WWW-Authenticate": "Bearer"})

    @app.get("/health")
    async def health() -> dict[str, Any]:
        return {"status": "ok"}

    @app.get("/v1/models")
    async def models(key: ApiKey = Depends(key_with("text"))) -> dict[str, Any]:
        return {"object": "list", "data": await on_writer(service.models)}

    async def run_text(prepared: Prepared, key: ApiKey, endpoint: str, stream: bool, include_usage: bool) -> Any:
        serving = prepared.serving  # chosen while preparing, on the writer's thread
        admission = service.admission(serving.name, getattr(serving, "concurrency", 1))
        admission.reserve()
        created = int(time.time())
        ident = ("chatcmpl-" if endpoint == "chat" else "cmpl-") + uuid.uuid4().hex[:24]
        loop = asyncio.get_running_loop()
        if not stream:
            result = await loop.run_in_executor(executor, service.run_text, prepared, key, endpoint)
            failure = _failure(result.event)
            if failure is not None:
                return failure
            usage = _usage(result)
            if endpoint == "chat":
                choice = {"index": 0, "message": {"role": "assistant", "content": result.text},
                          "finish_reason": result.finish_reason, "logprobs": None}
                body = {"id": ident, "object": "chat.completion", "created": created, "model": prepared.model_id,
                        "choices": [choice], "usage": usage}
            else:
                body = {"id": ident, "object": "text_completion", "created": created, "model": prepared.model_id,
                        "choices": [{"index": 0, "text": result.text, "finish_reason": result.finish_reason,
                                     "logprobs": None}], "usage": usage}
            return JSONResponse(body, headers=_headers(result))

        stream_out = TokenStream(loop)
        future = loop.run_in_executor(executor, service.run_text, prepared, key, endpoint, stream_out.on_event)
        future.add_done_callback(lambda _f: stream_out.close())

        def chunk(delta_text: str | None, finish: str | None = None, role: bool = False) -> str:
            if endpoint == "chat":
                delta: dict[str, Any] = {}
                if role:
                    delta["role"] = "assistant"
                if delta_text is not None:
                    delta["content"] = delta_text
                choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
                kind = "chat.completion.chunk"
            else:
                choice = {"index": 0, "text": delta_text or "", "finish_reason": finish, "logprobs": None}
                kind = "text_completion"
            return json.dumps({"id": ident, "object": kind, "created": created, "model": prepared.model_id,
                               "choices": [choice]}, ensure_ascii=False)

        # A token chunk is the same JSON every time but for its text: encode the rest once.
        marker = "\ue000airlock-text\ue001"
        head, _, tail = chunk(marker).partition(json.dumps(marker, ensure_ascii=False))

        async def events() -> Any:
            try:
                if endpoint == "chat":
                    yield {"data": chunk(None, role=True)}
                while True:
                    text = await stream_out.next_text()
                    if text is None:
                        break
                    yield {"data": head + json.dumps(text, ensure_ascii=False) + tail}
                result = future.result()
                if not isinstance(result.event, jobs.Done):
                    message = getattr(result.event, "message", "the generation was stopped")
                    yield {"data": json.dumps(error_body(_sentence(message), "server_error"))}
                    return
                yield {"data": chunk(None, result.finish_reason)}
                if include_usage:
                    yield {"data": json.dumps({"id": ident, "object": "chat.completion.chunk", "created": created,
                                               "model": prepared.model_id, "choices": [],
                                               "usage": _usage(result)})}
                yield {"data": "[DONE]"}
            finally:
                if not future.done():  # the client went away: stop the model, keep what was written
                    service.cancel(prepared.job.job_id)

        return EventSourceResponse(events(), ping=15)

    @app.post("/v1/chat/completions")
    async def chat(body: ChatRequest, key: ApiKey = Depends(key_with("text"))) -> Any:
        prepared = await on_writer(lambda: service.prepare_chat(body, key))
        include_usage = bool(body.stream_options and body.stream_options.include_usage)
        return await run_text(prepared, key, "chat", body.stream, include_usage)

    @app.post("/v1/completions")
    async def completions(body: CompletionRequest, key: ApiKey = Depends(key_with("text"))) -> Any:
        prepared = await on_writer(lambda: service.prepare_completion(body, key))
        include_usage = bool(body.stream_options and body.stream_options.include_usage)
        return await run_text(prepared, key, "completions", body.stream, include_usage)

    @app.post("/v1/images/generations")
    async def images(body: ImageRequestBody, key: ApiKey = Depends(key_with("image"))) -> Any:
        job, notes = await on_writer(lambda: service.prepare_image(body))
        admission = service.admission("image:" + service.ws.backend("image").name)
        admission.reserve()
        loop = asyncio.get_running_loop()
        event, records, waited = await loop.run_in_executor(executor, service.run_image, job, notes, key)
        failure = _failure(event)
        if failure is not None:
            return failure
        data = [image_data(r, body.response_format) for r in records]
        return JSONResponse({"created": int(time.time()), "data": data},
                            headers={"x-airlock-queue-seconds": f"{waited:.4f}"})

    return app


class Unauthorized(Exception):
    pass


class TokenStream:
    """Tokens from the job's thread to the response's event loop, with as few wake-ups as
    possible: the job thread appends to a buffer and wakes the loop only when the loop is
    not already due to look; the loop takes everything buffered as one chunk. So a loop
    that falls behind (a busy machine) sends one chunk, one socket write, for all the
    tokens that arrived meanwhile instead of one per token, and every wake-up it saves is
    CPU time the model's threads keep (on a small CPU they share the cores)."""

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self._loop = loop
        self._lock = threading.Lock()
        self._pieces: list[str] = []
        self._closed = False
        self._ready = asyncio.Event()
        self._wake_pending = False

    def on_event(self, event: Any) -> None:
        """Called on the job's thread for every event."""
        if isinstance(event, jobs.Token) and event.text:
            with self._lock:
                self._pieces.append(event.text)
                if self._wake_pending:
                    return
                self._wake_pending = True
            self._loop.call_soon_threadsafe(self._ready.set)

    def close(self) -> None:
        """The job ended (called on the loop, by the job future's done callback)."""
        with self._lock:
            self._closed = True
        self._ready.set()

    async def next_text(self) -> str | None:
        """Everything that arrived since the last call, or None once the job ended and all
        of it was taken."""
        while True:
            with self._lock:
                if self._pieces:
                    text = "".join(self._pieces)
                    self._pieces.clear()
                    self._wake_pending = False
                    self._ready.clear()
                    return text
                if self._closed:
                    return None
                self._wake_pending = False
                self._ready.clear()
            await self._ready.wait()


def _sentence(message: str) -> str:
    message = message.strip()
    message = message[0].upper() + message[1:] if message else "The generation failed"
    return message if message.endswith(".") else message + "."


def _failure(event: Any) -> JSONResponse | None:
    if isinstance(event, jobs.Done):
        return None
    if isinstance(event, jobs.Cancelled):
        return error_response(503, "The generation was stopped before it finished.", "server_error", "stopped")
    status = 400 if event.kind == "bad_input" else 500
    return error_response(status, _sentence(event.message), "invalid_request_error" if status == 400 else "server_error",
                          event.kind)


def _usage(result: Any) -> dict[str, int]:
    return {"prompt_tokens": result.prompt_tokens, "completion_tokens": result.completion_tokens,
            "total_tokens": result.prompt_tokens + result.completion_tokens}


def _headers(result: Any) -> dict[str, str]:
    headers = {"x-airlock-queue-seconds": f"{result.queue_seconds:.4f}"}
    if result.generation_id is not None:
        headers["x-airlock-generation-id"] = str(result.generation_id)
    return headers
