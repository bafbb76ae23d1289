"""The text worker: runs inside its own process, holds one GGUF model, streams tokens.

Only this module (and the benchmark's raw baseline) imports llama_cpp. It formats the
conversation with the model's own chat template (or, for a raw completion, takes the
prompt text as it is), fits it into the context window
(dropping the oldest turns or refusing, as the job says, and reporting which), verifies
the file's sha256 before every load, and streams tokens, checking for a cancel after
each one so that it is seen within one token. During prompt processing, which can take seconds for a long
prompt, a llama.cpp abort callback makes the cancel just as quick.
"""

from __future__ import annotations

import codecs
import logging
import sys
import time
from collections.abc import Callable
from typing import Any

import llama_cpp

from engine import jobs
from engine.registry import chat_template
from engine.text import prompt_tokens
from engine.text import structured
from engine.machine import library_versions, nvidia_gpu_present, physical_cores
from engine.errors import BadInput, Cancelled
from engine.backends.local import check_loaded_same, verify_before_load
from engine import messages as engine_messages  # "messages" is a local name here

log = logging.getLogger(__name__)

Emit = Callable[[Any], None]
TOKEN_BATCH_SECONDS = 0.025
"""Tokens are sent to the parent at most this often (the first one at once): each message
wakes the parent, and on a small machine every wake-up steals time from llama.cpp's
threads. 25 ms is below what a reader can see and below the GUI's own 30 ms batching."""
IsCancelled = Callable[[], bool]
PROMPT_PROGRESS_TOKENS = 256
"""Prompts with more uncached tokens than this are processed a batch at a time with
progress events (a shorter one is over before a progress bar could be read)."""


def choose_gpu_layers(policy: str) -> tuple[int, str, str | None]:
    """Pick (n_gpu_layers, device, why-not-GPU) from the setting and this build's abilities."""
    if policy == "cpu":
        return 0, "CPU", "GPU offload is switched off in the settings"
    if not llama_cpp.llama_supports_gpu_offload():
        if nvidia_gpu_present():
            return 0, "CPU", ("an NVIDIA GPU is present but this llama-cpp-python build has no CUDA "
                              "support; reinstall it with CMAKE_ARGS=-DGGML_CUDA=on")
        if sys.platform == "darwin":
            return 0, "CPU", "this llama-cpp-python build has no Metal support"
        return 0, "CPU", None  # no GPU here: the CPU is not a fallback
    layers = -1 if policy == "auto" else int(policy)
    return layers, "GPU" if layers != 0 else "CPU", None


class PlainTranscript:
    """For models without a chat template (base models): a readable transcript prompt."""

    def __call__(self, *, messages: list[dict[str, str]]) -> Any:
        lines = [f"{m['role'].capitalize()}: {m['content']}" for m in messages]
        prompt = "\n\n".join(lines) + "\n\nAssistant:"
        return type("Formatted", (), {"prompt": prompt, "added_special": False})()


class TextWorker:
    """State of one text worker process: the loaded model and how it was loaded."""

    def __init__(self) -> None:
        self.llm: llama_cpp.Llama | None = None
        self.key: tuple | None = None
        self.device = "CPU"
        self.fallback_reason: str | None = None
        self.formatter: Any = None
        self._cancelled: IsCancelled = lambda: False
        self._abort_callback = llama_cpp.ggml_abort_callback(lambda _data: bool(self._cancelled()))
        self._no_abort = llama_cpp.ggml_abort_callback()

    # loading -------------------------------------------------------------------------

    def ensure_loaded(self, job: jobs.TextJob, emit: Emit, cancelled: IsCancelled) -> float | None:
        key = (job.model_path, job.model_sha256, job.n_ctx, job.n_threads, job.gpu_layers,
               getattr(job, "prompt_lookup", 0))
        if self.llm is not None and self.key == key:
            return None
        self.unload()
        started = time.perf_counter()
        hashed = verify_before_load(job, emit, cancelled)
        layers, device, reason = choose_gpu_layers(job.gpu_layers)
        threads = job.n_threads or physical_cores()
        try:
            llm = self._load(job, layers, threads)
        except (ValueError, RuntimeError) as exc:
            if layers == 0:
                raise
            log.warning("GPU load failed, falling back to the CPU: %s", exc)
            layers, device, reason = 0, "CPU", f"loading on the GPU failed ({exc}); running on the CPU"
            llm = self._load(job, 0, threads)
        try:
            check_loaded_same(job, hashed)  # what llama.cpp opened is what was hashed
            formatter = self._formatter(llm)
        except BadInput:
            llm.close()
            raise
        self.llm, self.key, self.device, self.fallback_reason = llm, key, device, reason
        self.formatter = formatter
        emit(jobs.Progress(job.job_id, 1, 1, "load"))
        return time.perf_counter() - started

    @staticmethod
    def _load(job: jobs.TextJob, layers: int, threads: int) -> llama_cpp.Llama:
        draft = None
        if getattr(job, "prompt_lookup", 0):
            from llama_cpp.llama_speculative import LlamaPromptLookupDecoding

            draft = LlamaPromptLookupDecoding(num_pred_tokens=job.prompt_lookup)
        with chat_template.loading_without_compiling():  # the GGUF's template is not compiled here, unlimited
            return llama_cpp.Llama(
                model_path=job.model_path, n_ctx=job.n_ctx, n_threads=threads,
                n_threads_batch=threads, n_gpu_layers=layers, seed=job.params.seed, verbose=False,
                draft_model=draft,
            )

    @staticmethod
    def _formatter(llm: llama_cpp.Llama) -> Any:
        template = llm.metadata.get("tokenizer.chat_template")
        if not template:
            return PlainTranscript()
        model = llm._model
        eos_id, bos_id = llm.token_eos(), llm.token_bos()
        return chat_template.formatter(  # the model's template runs with time and size limits
            template,
            eos_token=model.token_get_text(eos_id) if eos_id != -1 else "",
            bos_token=model.token_get_text(bos_id) if bos_id != -1 else "",
            stop_token_ids=[eos_id],
        )

    def unload(self) -> None:
        if self.llm is not None:
            self.llm.close()
        if self.formatter is not None:
            chat_template.close_formatter(self.formatter)  # its rendering child
        self.llm, self.key, self.formatter = None, None, None

    # prompting -----------------------------------------------------------------------

    def tokenize_messages(self, messages: list[dict[str, str]]) -> list[int]:
        """The chat's tokens; what people wrote is never parsed as control tokens, only the
        chat template's own markers are (engine/text/prompt_tokens.py)."""
        llm = self.llm
        assert llm is not None
        return prompt_tokens.tokenize_chat(
            self.formatter, messages, lambda text, bos, special: llm.tokenize(text, add_bos=bos, special=special),
            self.control_texts(), template_markers=not isinstance(self.formatter, PlainTranscript))

    def tokenize_raw(self, text: str) -> list[int]:
        """A raw completion prompt's tokens: the model's BOS where its vocabulary asks for
        one, then the text as plain text (``<|im_start|>`` in it stays text, as in a chat)."""
        llm = self.llm
        assert llm is not None
        tokens = llm.tokenize(text.encode("utf-8"), add_bos=True, special=False)
        if not tokens:
            raise BadInput(engine_messages.PROMPT_EMPTY())
        return tokens

    def control_texts(self) -> list[str]:
        """The text of every control token of the loaded model's vocabulary (cached)."""
        llm = self.llm
        assert llm is not None
        if getattr(self, "_control_for", None) is not llm:
            vocab = llm._model.vocab
            self._control = [llm._model.token_get_text(i) for i in range(llm.n_vocab())
                             if llama_cpp.llama_vocab_get_attr(vocab, i) & llama_cpp.LLAMA_TOKEN_ATTR_CONTROL]
            self._control_for = llm
        return self._control

    def fit_context(self, job: jobs.TextJob) -> tuple[list[int], int, int]:
        """Return (prompt tokens, messages dropped, max new tokens) for the job.

        The prompt must leave room for an answer of ``min(max_tokens, n_ctx // 4)`` tokens.
        The system message and the last user message are never dropped.
        """
        n_ctx = job.n_ctx
        reserve = max(1, min(job.params.max_tokens, n_ctx // 4))
        if job.raw_prompt is not None:  # a plain completion: nothing to drop, it fits or it is refused
            tokens = self.tokenize_raw(job.raw_prompt)
            if len(tokens) + reserve > n_ctx:
                raise BadInput(engine_messages.PROMPT_TOO_LONG(n_ctx=n_ctx, tokens=len(tokens), reserve=reserve))
            return tokens, 0, min(job.params.max_tokens, n_ctx - len(tokens))
        messages = list(job.messages)
        tokens = self.tokenize_messages(messages)
        dropped = 0
        if len(tokens) + reserve > n_ctx and job.overflow == "refuse" and len(messages) > 1:
            raise BadInput(engine_messages.CONVERSATION_FULL(tokens=len(tokens), n_ctx=n_ctx))
        while len(tokens) + reserve > n_ctx:
            first = 1 if messages and messages[0]["role"] == "system" else 0
            if len(messages) - first <= 1:
                raise BadInput(engine_messages.PROMPT_TOO_LONG(n_ctx=n_ctx, tokens=len(tokens), reserve=reserve))
            # Drop the oldest turn: a user message and the assistant reply after it.
            count = 2 if len(messages) - first > 2 and messages[first + 1]["role"] == "assistant" else 1
            del messages[first : first + count]
            dropped += count
            tokens = self.tokenize_messages(messages)
        return tokens, dropped, min(job.params.max_tokens, n_ctx - len(tokens))

    # generating ----------------------------------------------------------------------

    def handle(self, job: jobs.TextJob, emit: Emit, cancelled: IsCancelled) -> None:
        try:
            load_seconds = self.ensure_loaded(job, emit, cancelled)
            if not job.messages and job.raw_prompt is None:  # a load-only job: the app preloads the model it shows
                emit(jobs.Done(job.job_id, {"loaded": True, "device": self.device,
                                            "fallback_reason": self.fallback_reason,
                                            "load_seconds": load_seconds}))
                return
            prompt, dropped, max_new = self.fit_context(job)
        except BadInput as exc:
            emit(jobs.Failed(job.job_id, str(exc), "bad_input"))
            return
        except Cancelled:
            emit(jobs.Cancelled(job.job_id, {"text": ""}))
            return
        except (ValueError, RuntimeError, OSError) as exc:
            log.exception("loading %s failed", job.model_path)
            self.unload()
            emit(jobs.Failed(job.job_id, f"the model could not be loaded ({exc})", "bad_input"))
            return
        emit(jobs.Started(job.job_id, self.device, self.fallback_reason, job.n_ctx, len(prompt),
                          dropped, load_seconds))
        self._generate(job, prompt, max_new, emit, cancelled)

    def _generate(self, job: jobs.TextJob, prompt: list[int], max_new: int, emit: Emit,
                  cancelled: IsCancelled) -> None:
        llm = self.llm
        assert llm is not None
        p = job.params
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        pieces: list[str] = []
        pending: list[str] = []  # text not yet sent to the parent
        last_sent = 0.0  # the first token goes out at once
        completion_tokens = 0
        finish = "length"
        first_token_s: float | None = None
        self._cancelled = cancelled
        llama_cpp.llama_set_abort_callback(llm._ctx.ctx, self._abort_callback, None)
        abort_armed = True
        started = time.perf_counter()
        llm.set_seed(p.seed)
        cached_tokens = shared_prefix(llm, prompt)  # llama-cpp-python keeps this part's KV cache
        try:
            grammar = structured.grammar_for(job.json_schema) if getattr(job, "json_schema", None) else None
        except BadInput as exc:
            self._cancelled = lambda: False
            llama_cpp.llama_set_abort_callback(llm._ctx.ctx, self._no_abort, None)
            emit(jobs.Failed(job.job_id, str(exc), "bad_input"))
            return
        try:
            self._prefill(job, prompt, cached_tokens, emit)
            for token in llm.generate(prompt, top_k=p.top_k, top_p=p.top_p, min_p=p.min_p,
                                      temp=p.temperature, repeat_penalty=p.repeat_penalty,
                                      grammar=grammar):
                if abort_armed:  # the callback costs time per graph node: prefill only
                    llama_cpp.llama_set_abort_callback(llm._ctx.ctx, self._no_abort, None)
                    abort_armed = False
                    first_token_s = time.perf_counter() - started
                if llama_cpp.llama_vocab_is_eog(llm._model.vocab, token):
                    finish = "stop"
                    break
                completion_tokens += 1
                text = decoder.decode(llm.detokenize([token]))
                if text:
                    pieces.append(text)
                    pending.append(text)
                    now = time.perf_counter()
                    if now - last_sent >= TOKEN_BATCH_SECONDS:
                        emit(jobs.Token(job.job_id, "".join(pending)))
                        pending.clear()
                        last_sent = now
                if cancelled():
                    finish = "cancelled"
                    break
                if completion_tokens >= max_new:
                    break
        except RuntimeError as exc:
            llm.reset()
            if not cancelled():
                log.exception("generation failed")
                emit(jobs.Failed(job.job_id, f"generation failed inside llama.cpp ({exc})"))
                return
            finish = "cancelled"
        finally:
            if abort_armed:
                llama_cpp.llama_set_abort_callback(llm._ctx.ctx, self._no_abort, None)
            self._cancelled = lambda: False
        tail = decoder.decode(b"", final=True)
        if tail:
            pieces.append(tail)
            pending.append(tail)
        if pending:
            emit(jobs.Token(job.job_id, "".join(pending)))
        seconds = time.perf_counter() - started
        decode_seconds = seconds - (first_token_s or 0.0)
        result = {
            "text": "".join(pieces),
            "prompt_tokens": len(prompt),
            "cached_tokens": cached_tokens,
            "completion_tokens": completion_tokens,
            "first_token_s": first_token_s,
            "seconds": seconds,
            "tokens_per_second": ((completion_tokens - 1) / decode_seconds
                                  if completion_tokens > 1 and decode_seconds > 0 else None),
            "finish_reason": finish,
            "device": self.device,
            "versions": library_versions("llama-cpp-python"),
        }
        emit(jobs.Cancelled(job.job_id, result) if finish == "cancelled" else jobs.Done(job.job_id, result))

    def _prefill(self, job: jobs.TextJob, prompt: list[int], cached: int, emit: Emit) -> None:
        """Process a long prompt a batch at a time, reporting ``Progress(done, total,
        "prompt")`` after each batch, so a person sees how far it is (minutes on a busy
        CPU) and a stop lands between batches as well as inside one (the abort callback).

        The last prompt token is left to ``Llama.generate``, which finds the rest already in
        the KV cache (its prefix match) and evaluates just that one to get the logits."""
        llm = self.llm
        assert llm is not None
        end = len(prompt) - 1
        if end - cached < PROMPT_PROGRESS_TOKENS:
            return
        llm.n_tokens = cached  # eval() drops whatever the cache holds beyond this
        emit(jobs.Progress(job.job_id, cached, len(prompt), "prompt"))
        step = max(1, llm.n_batch)
        for start in range(cached, end, step):
            if self._cancelled():
                raise RuntimeError("stopped during prompt processing")
            llm.eval(prompt[start : min(end, start + step)])
            emit(jobs.Progress(job.job_id, llm.n_tokens, len(prompt), "prompt"))


def shared_prefix(llm: llama_cpp.Llama, prompt: list[int]) -> int:
    """How many of the prompt's first tokens are already in the model's KV cache (from the
    previous job): batch rows laid out fixed part first share most of their prompt."""
    count = 0
    for a, b in zip(llm._input_ids[: llm.n_tokens], prompt):
        if a != b:
            break
        count += 1
    return min(count, max(len(prompt) - 1, 0))


def make_handler() -> Callable[[jobs.TextJob, Emit, IsCancelled], None]:
    """The factory :mod:`engine.backends.worker_process` calls in the child."""
    return TextWorker().handle
