"""A text backend on an OpenAI-compatible inference server (engine/backends/base.py protocol).

The company's GPUs sit in one on-prem server (vLLM, llama-server...); every workstation's
Airlock sends its text jobs there over HTTPS with the connection's key, streams the
reply back as the same :mod:`engine.jobs` events a local worker emits, and records the
generation locally as always. TLS trusts the OS certificate store (``truststore``) or the
company CA file the connection names. Three timeouts: connecting, listing models, and the
wait for the first token (a busy server queues prompts); after that a silent stream for
as long as the first-token timeout is a failure too.

A job fails with one sentence (which server, what happened, what to do) and keeps the text
that arrived; nothing is retried behind the user's back. The offline guard lets these
connections through only for the configured hosts (engine/offline.py ``allow_hosts``).
"""

from __future__ import annotations

import json
import logging
import ssl
import threading
import time
from typing import Any
from urllib.parse import urlsplit

from engine import jobs
from engine.backends.connections import Connection

log = logging.getLogger(__name__)

PROBE_SCHEMA = {"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"],
                "additionalProperties": False}


class ServerError(Exception):
    """A connection problem, already worded for a person."""


def ssl_context(connection: Connection) -> ssl.SSLContext:
    if connection.ca_file:
        return ssl.create_default_context(cafile=connection.ca_file)
    import truststore

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def let_through(connection: Connection) -> None:
    """Resolve the server's name (the guard lets configured hosts resolve) and let the
    guard pass connections to those addresses; an unconfigured host stays refused."""
    import socket

    from engine import offline

    host = connection.host
    if offline.is_loopback_host(host) or host not in offline.allowed_hosts():
        return
    port = urlsplit(connection.base_url).port or (443 if connection.base_url.startswith("https") else 80)
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    offline.allow_resolved(host, [str(info[4][0]) for info in infos])


def client(connection: Connection, key: str | None, read_timeout: float) -> Any:
    import httpx

    let_through(connection)

    headers = {"Authorization": f"Bearer {key}"} if key else {}
    timeout = httpx.Timeout(connect=connection.connect_timeout, read=read_timeout, write=30.0, pool=30.0)
    verify: Any = ssl_context(connection) if connection.base_url.startswith("https") else False
    return httpx.Client(base_url=connection.base_url.rstrip("/"), headers=headers, timeout=timeout, verify=verify,
                        trust_env=False, follow_redirects=False)


def _explain(connection: Connection, exc: Exception, doing: str) -> ServerError:
    import httpx

    where = f"the inference server '{connection.name}' ({connection.base_url})"
    if isinstance(exc, httpx.ConnectTimeout):
        text = f"{where} did not answer within {connection.connect_timeout:g} s while {doing}; check the address"
    elif isinstance(exc, httpx.ReadTimeout):
        text = f"{where} sent nothing for too long while {doing}; it may be overloaded"
    elif isinstance(exc, httpx.ConnectError):
        text = f"cannot reach {where} while {doing} ({exc}); check the address and that the server runs"
    elif isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError)):
        text = f"{where} closed the connection while {doing}; it may have stopped"
    elif isinstance(exc, httpx.HTTPStatusError):
        code = exc.response.status_code
        if code in (401, 403):
            text = f"{where} refused the key (HTTP {code}); enter the key IT gave you in Settings > Connections"
        else:
            text = f"{where} answered HTTP {code} while {doing}"
    elif isinstance(exc, ssl.SSLError) or "CERTIFICATE" in str(exc).upper():
        text = f"{where} has a certificate this computer does not trust; add the company CA file to the connection"
    else:
        text = f"{where} failed while {doing} ({exc})"
    return ServerError(text)


def list_models(connection: Connection, key: str | None) -> list[str]:
    """The model ids the server offers (an authenticated GET /models)."""
    try:
        with client(connection, key, connection.list_timeout) as http:
            response = http.get("/models")
            response.raise_for_status()
            data = response.json().get("data", [])
    except ServerError:
        raise
    except Exception as exc:
        raise _explain(connection, exc, "listing its models") from exc
    return [str(m["id"]) for m in data if isinstance(m, dict) and m.get("id")]


def response_format(schema: dict[str, Any], form: str) -> dict[str, Any]:
    """A schema in the form the server takes (see Connection.schema_form)."""
    if form == "json_object":
        return {"type": "json_object", "schema": schema}
    return {"type": "json_schema", "json_schema": {"name": "reply", "schema": schema}}


def health_check(connection: Connection, key: str | None) -> dict[str, Any]:
    """Authenticated model list, then a tiny schema probe in each form a server may take:
    a server that ignores ``response_format`` (some do) is reported, since structured
    batch drafts rely on it. ``schema_form`` says which form it enforced."""
    import httpx

    models = list_models(connection, key)
    report: dict[str, Any] = {"ok": True, "models": models, "schema_enforced": False, "schema_form": None,
                              "notes": []}
    if not models:
        report["notes"].append("The server lists no models.")
        return report
    for form in ("json_schema", "json_object"):
        body = {"model": models[0], "max_tokens": 24, "temperature": 0, "stream": False,
                "messages": [{"role": "user", "content": "Answer with a JSON object saying ok."}],
                "response_format": response_format(PROBE_SCHEMA, form)}
        try:
            with client(connection, key, connection.first_token_timeout) as http:
                response = http.post("/chat/completions", json=body)
                if response.status_code in (400, 422, 500):  # this form is not understood: try the next
                    continue
                response.raise_for_status()
                text = response.json()["choices"][0]["message"]["content"] or ""
            value = json.loads(text)
        except (ValueError, KeyError, TypeError, IndexError):
            continue
        except httpx.HTTPError as exc:
            raise _explain(connection, exc, "answering a test prompt") from exc
        if isinstance(value, dict) and set(value) == {"ok"} and isinstance(value["ok"], bool):
            report["schema_enforced"], report["schema_form"] = True, form
            break
    if not report["schema_enforced"]:
        report["notes"].append("The server does not enforce JSON schemas; structured drafts are checked here "
                               "and may fail more often.")
    return report


class RemoteBackend:
    """Text jobs on one connection. Several jobs may run at once (up to the connection's
    concurrency, which batch uses); each has its own HTTP stream."""

    kind = "text"

    def __init__(self, connection: Connection, key: str | None):
        self.connection = connection
        self.key = key
        self.name = connection.name
        self.concurrency = connection.concurrency
        self._cancelled: set[str] = set()
        self._lock = threading.Lock()

    def pids(self) -> list[int]:
        return []

    def stop(self) -> None:
        with self._lock:
            self._cancelled.clear()

    def cancel(self, job_id: str) -> None:
        with self._lock:
            self._cancelled.add(job_id)

    def _is_cancelled(self, job_id: str) -> bool:
        with self._lock:
            return job_id in self._cancelled

    @staticmethod
    def _path(job: jobs.TextJob) -> str:
        """A raw completion goes to the server's /completions (no chat template), a chat
        to /chat/completions."""
        return "/completions" if job.raw_prompt is not None else "/chat/completions"

    def _body(self, job: jobs.TextJob, model: str) -> dict[str, Any]:
        p = job.params
        body: dict[str, Any] = {"model": model, "stream": True,
                                "max_tokens": p.max_tokens, "temperature": p.temperature, "top_p": p.top_p,
                                "seed": p.seed, "stream_options": {"include_usage": True}}
        if job.raw_prompt is not None:
            body["prompt"] = job.raw_prompt
        else:
            body["messages"] = list(job.messages)
        schema = getattr(job, "json_schema", None)
        if schema:
            body["response_format"] = response_format(json.loads(schema), self.connection.schema_form)
        return body

    def run(self, job: jobs.TextJob, on_event: Any = None) -> Any:
        emit = on_event or (lambda event: None)
        model = job.model_name.partition("/")[2] or job.model_name
        pieces: list[str] = []
        usage: dict[str, Any] = {}
        finish = "stop"
        started = time.perf_counter()
        first_token_s: float | None = None
        ended = False
        try:
            with client(self.connection, self.key, self.connection.first_token_timeout) as http:
                with http.stream("POST", self._path(job), json=self._body(job, model)) as response:
                    if response.status_code >= 400:
                        response.read()
                        response.raise_for_status()
                    emit(jobs.Started(job.job_id, f"server {self.name}", None, job.n_ctx, 0, 0, None))
                    for line in response.iter_lines():
                        if self._is_cancelled(job.job_id):
                            finish = "cancelled"
                            break
                        if not line.startswith("data:"):
                            continue
                        data = line[5:].strip()
                        if data == "[DONE]":
                            ended = True
                            break
                        chunk = json.loads(data)
                        if chunk.get("error"):
                            raise ServerError(f"the inference server '{self.name}' reported an error: "
                                              f"{chunk['error'].get('message', chunk['error'])}")
                        usage = chunk.get("usage") or usage
                        for choice in chunk.get("choices") or []:
                            text = ((choice.get("delta") or {}).get("content") if "delta" in choice
                                    else choice.get("text")) or ""  # a chat chunk, or a completion's
                            if text:
                                if first_token_s is None:
                                    first_token_s = time.perf_counter() - started
                                pieces.append(text)
                                emit(jobs.Token(job.job_id, text))
                            if choice.get("finish_reason"):
                                ended = True
                                finish = "length" if choice["finish_reason"] == "length" else "stop"
                    if not ended and finish != "cancelled":
                        raise ServerError(f"the inference server '{self.name}' ended the answer before it was "
                                          "complete; try again")
        except ServerError as exc:
            return self._failed(job, str(exc), pieces, emit, started, first_token_s)
        except Exception as exc:  # httpx errors and a malformed stream: one sentence, the rest to the log
            log.warning("remote job %s on %s failed", job.job_id, self.name, exc_info=True)
            doing = "streaming the answer" if pieces else "answering"
            return self._failed(job, str(_explain(self.connection, exc, doing)), pieces, emit, started,
                                first_token_s)
        finally:
            with self._lock:
                self._cancelled.discard(job.job_id)
        result = self._result(pieces, usage, started, first_token_s, finish)
        event: Any = jobs.Cancelled(job.job_id, result) if finish == "cancelled" else jobs.Done(job.job_id, result)
        emit(event)
        return event

    def _result(self, pieces: list[str], usage: dict[str, Any], started: float, first_token_s: float | None,
                finish: str) -> dict[str, Any]:
        seconds = time.perf_counter() - started
        completion = int(usage.get("completion_tokens") or len(pieces))
        decode = seconds - (first_token_s or 0.0)
        return {"text": "".join(pieces), "prompt_tokens": usage.get("prompt_tokens"),
                "completion_tokens": completion, "first_token_s": first_token_s, "seconds": seconds,
                "tokens_per_second": (completion - 1) / decode if completion > 1 and decode > 0 else None,
                "finish_reason": finish, "device": f"server {self.name}",
                "versions": {"server": self.connection.base_url}}

    def _failed(self, job: jobs.TextJob, message: str, pieces: list[str], emit: Any, started: float,
                first_token_s: float | None) -> Any:
        event = jobs.Failed(job.job_id, message, "crashed",
                            self._result(pieces, {}, started, first_token_s, "failed"))
        emit(event)
        return event
