"""``airlock bench``: the engine against the raw library on the same work, in one run.

Text: the same chat, seed and sampling settings go through raw llama-cpp-python
(``Llama.create_chat_completion(stream=True)`` in this process) and through the engine
(worker process, event pipe, history write). Both models are loaded before any clock
starts. Each run uses a prompt that differs from the previous run's at its first token,
so the prompt is processed in full every time on both sides (no prefix-cache
advantage). Runs alternate raw/engine to spread machine noise; tokens/s is the
throughput over all runs, first-token time the median.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from engine import jobs
from engine.registry.registry import DEFAULT_TEXT_MODEL
from engine.text.runner import TextRequest, run_text
from engine.machine import physical_cores
from engine.workspace import Workspace

BENCH_PROMPT = ("Run {run}. Write a detailed, friendly product description for a reusable "
                "stainless-steel water bottle, covering materials, insulation, cleaning and the "
                "environmental benefits, in several paragraphs.")
N_CTX = 2048
PARAMS = dict(temperature=0.7, top_p=0.95, top_k=40, min_p=0.05, repeat_penalty=1.1)


def _raw_run(llm: Any, prompt: str, seed: int, max_tokens: int) -> dict[str, Any]:
    started = time.perf_counter()
    first = None
    pieces = []
    count = 0
    for chunk in llm.create_chat_completion(
            [{"role": "user", "content": prompt}], stream=True, seed=seed, max_tokens=max_tokens,
            **PARAMS):
        text = chunk["choices"][0]["delta"].get("content")
        if text:
            if first is None:
                first = time.perf_counter()
            count += 1
            pieces.append(text)
    end = time.perf_counter()
    return {"first_token_s": first - started, "tokens": count, "decode_s": end - first,
            "text": "".join(pieces)}


def _engine_run(ws: Workspace, model: str, prompt: str, seed: int, max_tokens: int,
                threads: int) -> dict[str, Any]:
    times: list[float] = []

    def on_event(event: Any) -> None:
        if isinstance(event, jobs.Token):
            times.append(time.perf_counter())

    started = time.perf_counter()
    outcome = run_text(ws, TextRequest(model=model, prompt=prompt, seed=seed, n_ctx=N_CTX,
                                       n_threads=threads, gpu_layers="auto",
                                       params=jobs.SamplingParams(max_tokens=max_tokens, **PARAMS)),
                       on_event)
    end = time.perf_counter()  # after the history write
    if not outcome.ok:
        raise RuntimeError(f"engine run failed: {outcome.event}")
    count = outcome.record["completion_tokens"]
    return {"first_token_s": times[0] - started, "tokens": count, "decode_s": end - times[0],
            "text": outcome.record["output"]}


def bench_text(ws: Workspace, *, model: str | None = None, max_tokens: int = 128,
               runs: int = 3) -> dict[str, Any]:
    import llama_cpp

    record = ws.registry.get(model or DEFAULT_TEXT_MODEL)
    threads = physical_cores()
    layers = -1 if llama_cpp.llama_supports_gpu_offload() else 0
    llm = llama_cpp.Llama(model_path=record.path, n_ctx=N_CTX, n_threads=threads,
                          n_threads_batch=threads, n_gpu_layers=layers, verbose=False)
    # Warm both sides: the engine's worker loads (and verifies) the model here, off the clock.
    _raw_run(llm, "Hello", 1, 4)
    _engine_run(ws, record.name, "Hello", 1, 4, threads)
    raw_runs, engine_runs = [], []
    for run in range(runs):
        prompt = BENCH_PROMPT.format(run=run + 1)
        raw_runs.append(_raw_run(llm, prompt, 1000 + run, max_tokens))
        engine_runs.append(_engine_run(ws, record.name, prompt, 1000 + run, max_tokens, threads))
    llm.close()

    def summary(results: list[dict[str, Any]]) -> dict[str, Any]:
        # Throughput over all runs (tokens after the first / time after the first), so a
        # run that the model ends early weighs by its length, not as a full sample.
        decoded = sum(r["tokens"] - 1 for r in results)
        return {"tokens_per_second": decoded / sum(r["decode_s"] for r in results),
                "first_token_s": statistics.median(r["first_token_s"] for r in results),
                "tokens": [r["tokens"] for r in results]}

    raw, engine = summary(raw_runs), summary(engine_runs)
    return {
        "model": record.name, "threads": threads, "n_ctx": N_CTX, "max_tokens": max_tokens,
        "runs": runs,
        "same_text": all(a["text"] == b["text"] for a, b in zip(raw_runs, engine_runs)),
        "raw": raw, "engine": engine,
        "ratio": {"tokens_per_second": engine["tokens_per_second"] / raw["tokens_per_second"],
                  "first_token_s": engine["first_token_s"] / raw["first_token_s"]},
    }


def format_text_report(report: dict[str, Any]) -> str:
    raw, engine, ratio = report["raw"], report["engine"], report["ratio"]
    return "\n".join([
        f"model {report['model']}, {report['threads']} threads, context {report['n_ctx']}, "
        f"up to {report['max_tokens']} tokens x {report['runs']} runs",
        f"{'':<8}{'tokens/s':>10}{'first token':>14}",
        f"{'raw':<8}{raw['tokens_per_second']:>10.1f}{raw['first_token_s'] * 1000:>11.0f} ms",
        f"{'engine':<8}{engine['tokens_per_second']:>10.1f}{engine['first_token_s'] * 1000:>11.0f} ms",
        f"{'ratio':<8}{ratio['tokens_per_second']:>10.3f}{ratio['first_token_s']:>14.3f}",
        f"same text both ways: {'yes' if report['same_text'] else 'no'}",
    ])
