"""``airlock bench batch``: what reusing the shared prompt prefix saves on a batch, and
whether prompt-lookup decoding pays on this machine.

The same rendered rows (a batch template over the sample customers, fixed part first)
run on two contexts of one model file, row by row in turn: *cold* (the KV cache cleared
before every row, as if each row were a fresh prompt) and *reuse* (the cache kept, so
llama-cpp-python re-evaluates only what differs from the previous row, which is what the
text worker does). The two sides alternate row by row, and which goes first alternates
too, so a change in the machine's load lands on both alike (a busy shared machine moved
the same work by several times from one minute to the next when the sides ran one after
the other). Reported as the ratio reuse/cold of total time (goal <= 0.6), the cache hit
rate (prompt tokens not evaluated again / all prompt tokens), the threads and the load
average at the start and the end. Then a rewrite-style prompt is decoded greedily with
and without ``LlamaPromptLookupDecoding``: the ratio of tokens/s and whether the text is
identical. Batch jobs keep it off unless it is faster with the same text
(engine/batch/plan.py sets no ``prompt_lookup``).
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, Any

from engine.batch.mapping import auto_map
from engine.batch.plan import render_rows
from engine.batch.table import Table, read_table
from engine.paths import RESOURCES
from engine.registry.registry import DEFAULT_TEXT_MODEL

if TYPE_CHECKING:
    from engine.workspace import Workspace

TEMPLATE = "Batch: customer follow-up mail"
REWRITE = ("Rewrite this paragraph in plain English, keeping every fact and number exactly:\n\n"
           "Our Ridge 2 tent weighs 2.1 kg, pitches in under five minutes and keeps two people dry in "
           "winds of up to 60 km/h. The fly is 20D ripstop nylon with a 3000 mm hydrostatic head, and the "
           "floor is 40D nylon with 5000 mm. Two doors, two vestibules and four inner pockets mean that each "
           "person has their own way in and room for boots and packs. Every tent is checked by hand before it "
           "leaves our workshop.")


def _rows(ws: "Workspace", count: int) -> list[tuple[str | None, str]]:
    sample = read_table(RESOURCES / "batch" / "sample-customers.csv")
    records = [sample.rows[i % len(sample.rows)] for i in range(count)]
    table = Table(columns=sample.columns, rows=tuple(records), source_name=sample.source_name)
    template = ws.templates.get(TEMPLATE)
    rendered, _ = render_rows(ws.db, template, table, auto_map(template, table.columns))
    return [(r["system"], r["prompt"]) for r in rendered]


def bench_batch(ws: "Workspace", *, rows: int = 50, tokens: int = 16, model: str | None = None,
                threads: int | None = None) -> dict[str, Any]:
    import llama_cpp
    from llama_cpp.llama_speculative import LlamaPromptLookupDecoding

    from engine.machine import physical_cores
    from engine.text.worker import TextWorker

    record = ws.registry.get(model or DEFAULT_TEXT_MODEL)
    threads = threads or physical_cores()  # what the text worker uses unless told
    load_start = _load_average()

    def load() -> Any:
        return llama_cpp.Llama(model_path=record.path, n_ctx=2048, n_threads=threads, n_threads_batch=threads,
                               verbose=False)

    cold_llm, reuse_llm = load(), load()  # the weights are mapped once; each has its own KV cache
    worker = TextWorker()
    worker.llm, worker.formatter = cold_llm, TextWorker._formatter(cold_llm)
    prompts = [worker.tokenize_messages(([{"role": "system", "content": s}] if s else []) +
                                        [{"role": "user", "content": p}]) for s, p in _rows(ws, rows)]

    def row(llm: Any, prompt: list[int], cold: bool) -> tuple[float, int, str]:
        started = time.perf_counter()
        if cold:
            llm.reset()
        cached = _shared(llm, prompt)
        out: list[int] = []
        for token in llm.generate(prompt, temp=0.0, top_k=1, repeat_penalty=1.0):
            if llama_cpp.llama_vocab_is_eog(llm._model.vocab, token) or len(out) >= tokens:
                break
            out.append(token)
        return time.perf_counter() - started, cached, llm.detokenize(out).decode("utf-8", "replace")

    seconds = {"cold": 0.0, "reuse": 0.0}
    cached = {"cold": 0, "reuse": 0}
    texts: dict[str, list[str]] = {"cold": [], "reuse": []}
    for number, prompt in enumerate(prompts):
        for side in ("cold", "reuse") if number % 2 == 0 else ("reuse", "cold"):
            took, hit, text = row(cold_llm if side == "cold" else reuse_llm, prompt, side == "cold")
            seconds[side] += took
            cached[side] += hit
            texts[side].append(text)
    cold_s, reuse_s = seconds["cold"], seconds["reuse"]
    total_prompt = sum(len(p) for p in prompts)
    cold_llm.close()
    reuse_llm.close()

    lookup = _prompt_lookup(record.path, threads, LlamaPromptLookupDecoding)
    return {
        "model": record.name, "rows": rows, "tokens_per_row": tokens, "prompt_tokens": total_prompt,
        "threads": threads, "load_average": [load_start, _load_average()],
        "cold_seconds": round(cold_s, 3), "reuse_seconds": round(reuse_s, 3),
        "reuse_over_cold": round(reuse_s / cold_s, 3), "goal": 0.6,
        "cache_hit_rate": round(cached["reuse"] / total_prompt, 3),
        "cold_hit_rate": round(cached["cold"] / total_prompt, 3),
        "same_text": texts["cold"] == texts["reuse"], "prompt_lookup": lookup,
    }


def _load_average() -> float | None:
    """The 1-minute load average (None where the platform has none, e.g. Windows)."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def _shared(llm: Any, prompt: list[int]) -> int:
    from engine.text.worker import shared_prefix

    return shared_prefix(llm, prompt)


def _prompt_lookup(path: str, threads: int, decoding: Any, tokens: int = 120, rounds: int = 2) -> dict[str, Any]:
    """Plain and prompt-lookup decoding of the same prompt, in the order plain, lookup,
    lookup, plain, ... so a change in load lands on both alike."""
    import llama_cpp

    llms = {name: llama_cpp.Llama(model_path=path, n_ctx=2048, n_threads=threads, n_threads_batch=threads,
                                  verbose=False, draft_model=draft)
            for name, draft in (("plain", None), ("lookup", decoding(num_pred_tokens=10)))}
    made = {"plain": 0, "lookup": 0}
    took = {"plain": 0.0, "lookup": 0.0}
    texts: dict[str, set[bytes]] = {"plain": set(), "lookup": set()}
    for turn in range(rounds * 2):
        for name in ("plain", "lookup") if turn % 2 == 0 else ("lookup", "plain"):
            llm = llms[name]
            llm.reset()
            prompt = llm.tokenize(f"<|im_start|>user\n{REWRITE}<|im_end|>\n<|im_start|>assistant\n".encode(),
                                  special=True)
            out: list[int] = []
            started = time.perf_counter()
            for token in llm.generate(prompt, temp=0.0, top_k=1, repeat_penalty=1.0):
                if llama_cpp.llama_vocab_is_eog(llm._model.vocab, token) or len(out) >= tokens:
                    break
                out.append(token)
            took[name] += time.perf_counter() - started
            made[name] += len(out)
            texts[name].add(llm.detokenize(out))
    for llm in llms.values():
        llm.close()
    rate = {name: made[name] / took[name] if took[name] else 0.0 for name in llms}
    return {"tokens_per_second_plain": round(rate["plain"], 2),
            "tokens_per_second_lookup": round(rate["lookup"], 2),
            "lookup_over_plain": round(rate["lookup"] / rate["plain"], 3) if rate["plain"] else None,
            "identical_greedy_text": len(texts["plain"]) == 1 and texts["plain"] == texts["lookup"]}


def format_batch_report(report: dict[str, Any]) -> str:
    lookup = report["prompt_lookup"]
    return "\n".join([
        f"batch of {report['rows']} rows on {report['model']} ({report['prompt_tokens']} prompt tokens, "
        f"{report['tokens_per_row']} new tokens a row, greedy, {report['threads']} threads, "
        f"load average {report['load_average'][0]} at the start, {report['load_average'][1]} at the end)",
        f"  cold (cache cleared each row): {report['cold_seconds']:.2f} s",
        f"  prefix reuse:                  {report['reuse_seconds']:.2f} s",
        f"  reuse / cold: {report['reuse_over_cold']:.3f} (goal <= {report['goal']}), "
        f"cache hit rate {report['cache_hit_rate']:.1%}, same text: {report['same_text']}",
        f"prompt-lookup decoding (rewrite, greedy): {lookup['tokens_per_second_lookup']} vs "
        f"{lookup['tokens_per_second_plain']} tokens/s = {lookup['lookup_over_plain']}x, identical text: "
        f"{lookup['identical_greedy_text']}",
    ])
