"""``airlock bench …``: the engine against the raw library on the same work, same run."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from engine.cli.output import Output, Parser, _json_option
from engine.errors import BadInput


def add_parsers(command: Callable[..., argparse.ArgumentParser]) -> None:
    bench = command("bench", "engine against the raw library on the same work").add_subparsers(
        dest="action", required=True, parser_class=Parser)
    sub = command("text", "tokens/s and time to first token, raw llama-cpp-python vs engine", bench)
    sub.add_argument("--model", default=None)
    sub.add_argument("--tokens", type=int, default=128)
    sub.add_argument("--runs", type=int, default=7)
    _json_option(sub)
    sub = command("batch", "a batch with the shared prompt prefix reused vs cold, and prompt-lookup decoding", bench)
    sub.add_argument("--model", default=None)
    sub.add_argument("--rows", type=int, default=50)
    sub.add_argument("--tokens", type=int, default=16, help="new tokens per row (default 16)")
    sub.add_argument("--threads", type=int, default=None,
                     help="llama.cpp threads (default: the physical cores, as the text worker uses)")
    _json_option(sub)
    sub = command("image", "seconds per step, raw diffusers vs engine, and faster CPU paths", bench)
    sub.add_argument("--steps", default="1,4", help="two step counts; s/step is the difference (default 1,4)")
    sub.add_argument("--size", type=int, default=512, help="image side in pixels (default 512)")
    sub.add_argument("--runs", type=int, default=2, help="repeats of the raw/engine pair (default 2)")
    sub.add_argument("--skip-variants", action="store_true",
                     help="only raw against engine, not channels_last/bf16/torch.compile")
    sub.add_argument("--no-compile", action="store_true", help="leave torch.compile out (it takes minutes)")
    _json_option(sub)


def cmd_bench(ws: Any, args: argparse.Namespace) -> Output:
    if args.action == "batch":
        from engine.bench.batch import bench_batch, format_batch_report

        if args.rows < 2 or args.tokens < 1 or (args.threads is not None and args.threads < 1):
            raise BadInput("--rows must be at least 2, --tokens and --threads at least 1.")
        report = bench_batch(ws, rows=args.rows, tokens=args.tokens, model=args.model, threads=args.threads)
        return Output(report, format_batch_report(report))
    if args.action == "image":
        from engine.bench.image import bench_image, format_image_report

        parts = args.steps.split(",")
        if len(parts) != 2 or not all(p.strip().isdigit() and int(p) >= 1 for p in parts) or \
                int(parts[0]) >= int(parts[1]):
            raise BadInput("--steps takes two step counts, the smaller first, for example 1,4.")
        if args.size % 8 or not 64 <= args.size <= 1024:
            raise BadInput("--size must be a multiple of 8 between 64 and 1024.")
        if args.runs < 1:
            raise BadInput("--runs must be at least 1.")
        report = bench_image(ws, steps=(int(parts[0]), int(parts[1])), size=args.size, runs=args.runs,
                             variants=not args.skip_variants, compile_budget=0 if args.no_compile else 900,
                             progress=None if args.json else (lambda line: print(line, file=sys.stderr)))
        return Output(report, format_image_report(report))
    from engine.bench.text import bench_text, format_text_report

    report = bench_text(ws, model=args.model, max_tokens=args.tokens, runs=args.runs)
    return Output(report, format_text_report(report))


COMMANDS = {"bench": cmd_bench}
