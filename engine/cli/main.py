"""The ``airlock`` command: the same engine the desktop app uses, from a terminal.

Contract (DESIGN.md): every command takes ``--home``; ``--json`` prints exactly one JSON
value on stdout; exit status 0 success, 2 bad input, 1 failure inside; errors are one
line on stderr starting ``error: ``, tracebacks go to ``logs/``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from engine import jobs
from engine.cli.output import (Parser, UsageError, _home_option, _json_option, emit_json, human_size, note,
                               progress_printer, stream_text, whole_number)
from engine.errors import AirlockError, BadInput

log = logging.getLogger("airlock.cli")


def build_parser() -> Parser:
    parser = Parser(prog="airlock", description="Private generative AI on this workstation.")
    _home_option(parser, top=True)
    commands = parser.add_subparsers(dest="command", parser_class=Parser)

    def command(name: str, help_text: str, parent: Any = commands) -> Parser:
        sub = parent.add_parser(name, help=help_text, description=help_text)
        _home_option(sub)
        return sub

    models = command("models", "manage model files").add_subparsers(dest="action", required=True,
                                                                      parser_class=Parser)
    sub = command("list", "list registered models", models)
    _json_option(sub)
    sub = command("import", "check, hash and register a model file or diffusers folder", models)
    sub.add_argument("path")
    sub.add_argument("--name", help="name to register it under (default: from the file name)")
    sub.add_argument("--link", action="store_true",
                     help="use the file where it is instead of copying it into the home")
    sub.add_argument("--family", default=None,
                     help="image models: sd15, sd2, sd2-v, sd-turbo, sdxl or sdxl-turbo (default: detected)")
    sub.add_argument("--prediction", default=None, choices=("epsilon", "v"),
                     help="image models: what the model predicts (default: detected; SD 2.x 768 models use v)")
    sub.add_argument("--config", default=None, metavar="DIR",
                     help="image checkpoints of unusual sizes: a diffusers folder of matching configs")
    _json_option(sub)
    sub = command("remove", "unregister a model (and delete Airlock's copy of it)", models)
    sub.add_argument("name")
    _json_option(sub)
    sub = command("verify", "hash a model file again and compare with its import", models)
    sub.add_argument("name")
    _json_option(sub)

    sub = command("text", "generate text with a local model (streams as it goes)")
    sub.add_argument("prompt")
    sub.add_argument("--model", default=None, help="model name (default: smollm2-135m)")
    sub.add_argument("--system", default=None, help="system prompt")
    sub.add_argument("--seed", type=int, default=None)
    sub.add_argument("--max-tokens", type=int, default=512)
    sub.add_argument("--temperature", type=float, default=0.7)
    sub.add_argument("--top-p", type=float, default=0.95)
    sub.add_argument("--top-k", type=int, default=40)
    sub.add_argument("--min-p", type=float, default=0.05)
    sub.add_argument("--repeat-penalty", type=float, default=1.1)
    sub.add_argument("--context", type=int, default=None, help="context size in tokens")
    sub.add_argument("--conversation", type=whole_number(), default=None,
                     help="continue this conversation (id from history)")
    sub.add_argument("--on-overflow", choices=("truncate", "refuse"), default="truncate",
                     help="when the conversation outgrows the context: drop oldest turns or refuse")
    sub.add_argument("--gpu", default="auto", help="GPU layers: auto, cpu, or a number")
    _json_option(sub)

    sub = command("image", "generate images with a local Stable Diffusion model")
    sub.add_argument("prompt")
    sub.add_argument("--model", default=None, help="image model name (default: the only one registered)")
    sub.add_argument("--negative", default="", help="what the image should not show")
    sub.add_argument("--steps", type=int, default=None, help="denoising steps (default: from the preset)")
    sub.add_argument("--guidance", type=float, default=None, help="CFG scale (default: from the preset)")
    sub.add_argument("--seed", type=int, default=None, help="seed of the first image (default: random)")
    sub.add_argument("--size", default=None, metavar="WxH", help="image size (default: the model's own)")
    sub.add_argument("--scheduler", default=None,
                     help="Euler, 'Euler a', 'DPM++ 2M Karras', DDIM or LCM (default: from the preset)")
    sub.add_argument("--count", type=int, default=1, help="how many images (seeds seed, seed+1, ...)")
    sub.add_argument("--init-image", default=None, metavar="FILE", help="start from this picture (img2img)")
    sub.add_argument("--strength", type=float, default=None,
                     help="img2img: how much to change the picture, 0-1 (default 0.75)")
    sub.add_argument("--preset", default=None, choices=("standard", "turbo", "lcm"),
                     help="defaults and limits for the kind of model (default: what suits it)")
    sub.add_argument("--out", default=None, metavar="FILE",
                     help="PNG file to write (default: a new file in the home's outputs/)")
    sub.add_argument("--no-parameters", action="store_true",
                     help="leave the generation settings out of the PNG")
    sub.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda"))
    for option in ("vae-tiling", "attention-slicing", "cpu-offload"):
        sub.add_argument(f"--{option}", default="auto", choices=("auto", "on", "off"))
    sub.add_argument("--threads", type=int, default=None, help="CPU threads (default: one per core)")
    sub.add_argument("--bf16", action="store_true",
                     help="on a CPU with native bfloat16 (AVX512-BF16, AMX), compute in it: about twice as "
                          "fast, pixels differ slightly from fp32")
    _json_option(sub)

    history = command("history", "find, show and export past generations").add_subparsers(
        dest="action", required=True, parser_class=Parser)
    sub = command("list", "newest generations first", history)
    sub.add_argument("--limit", type=whole_number(), default=20)
    sub.add_argument("--model", default=None)
    _json_option(sub)
    sub = command("search", "full-text search (Chinese and English)", history)
    sub.add_argument("query")
    sub.add_argument("--limit", type=whole_number(), default=20)
    _json_option(sub)
    sub = command("show", "one generation with all its parameters", history)
    sub.add_argument("id", type=whole_number())
    _json_option(sub)
    sub = command("export", "write history as JSON Lines or Markdown", history)
    sub.add_argument("--format", choices=("jsonl", "md"), default="jsonl")
    sub.add_argument("--redact", action="store_true", help="mask e-mails, phones, IDs, cards, IPs")
    sub.add_argument("--out", default=None, help="file to write (default: standard output)")
    _json_option(sub)

    bench = command("bench", "engine against the raw library on the same work").add_subparsers(
        dest="action", required=True, parser_class=Parser)
    sub = command("text", "tokens/s and time to first token, raw llama-cpp-python vs engine", bench)
    sub.add_argument("--model", default=None)
    sub.add_argument("--tokens", type=int, default=128)
    sub.add_argument("--runs", type=int, default=7)
    _json_option(sub)
    sub = command("image", "seconds per step, raw diffusers vs engine, and faster CPU paths", bench)
    sub.add_argument("--steps", default="1,4", help="two step counts; s/step is the difference (default 1,4)")
    sub.add_argument("--size", type=int, default=512, help="image side in pixels (default 512)")
    sub.add_argument("--runs", type=int, default=2, help="repeats of the raw/engine pair (default 2)")
    sub.add_argument("--skip-variants", action="store_true",
                     help="only raw against engine, not channels_last/bf16/torch.compile")
    sub.add_argument("--no-compile", action="store_true", help="leave torch.compile out (it takes minutes)")
    _json_option(sub)

    for group in command_groups():
        group.add_parsers(command)
    return parser


GROUPS = ("templates", "serve", "api", "audit", "trust")
"""Command groups that live in their own module under engine/cli/: each has
``add_parsers(command)`` (``command`` is build_parser's helper, which adds ``--home``) and
``COMMANDS``, a dict from command name to ``handler(ws, args) -> exit status``. A new group
is one module and one name here."""


def command_groups() -> list[Any]:
    import importlib

    return [importlib.import_module(f"engine.cli.{name}") for name in GROUPS]


# commands ------------------------------------------------------------------------------


def cmd_models(ws: Any, args: argparse.Namespace) -> int:
    if args.action == "list":
        models = [m.as_dict() for m in ws.registry.list()]
        if args.json:
            emit_json(models)
        elif not models:
            print("No models yet. Import one with: airlock models import PATH")
        else:
            for m in models:
                detail = (f"{m['family'] or '':<10} {m['prediction'] or '':<12}" if m["kind"] == "image" else
                          f"{m['quantization'] or '':<8} ctx {m['context_length'] or '?':<6}  ")
                print(f"{m['name']:<32} {m['kind']:<5} {m['format']:<11} {detail} "
                      f"{human_size(m['size_bytes']):>9}  {m['sha256'][:12]}  {m['path']}")
        return 0
    if args.action == "import":
        record = ws.registry.import_model(Path(args.path), name=args.name, link=args.link,
                                          progress=progress_printer("hashing", not args.json),
                                          family=args.family, prediction=args.prediction,
                                          config_dir=args.config)
        fit = record.memory_needed()
        if args.json:
            emit_json(record.as_dict())
        else:
            if record.kind == "image":
                meta = record.metadata
                print(f"Imported '{record.name}' ({record.size_label}, {record.format} {record.quantization}, "
                      f"{meta.get('prediction')} from {meta.get('prediction_source')}, "
                      f"{human_size(record.size_bytes)}, sha256 {record.sha256[:12]}).")
                for line in meta.get("notes", []):
                    note(line)
            else:
                print(f"Imported '{record.name}' ({record.architecture}, {record.quantization}, "
                      f"{human_size(record.size_bytes)}, sha256 {record.sha256[:12]}).")
            from engine.registry.memory import memory_fit

            print(memory_fit(fit).message)
        return 0
    if args.action == "remove":
        record = ws.registry.remove(args.name)
        if args.json:
            emit_json({"removed": record.name})
        else:
            print(f"Removed '{record.name}'.")
        return 0
    if args.action == "verify":
        record = ws.registry.verify(args.name, progress=progress_printer("verifying", not args.json))
        if args.json:
            emit_json({"name": record.name, "ok": True, "sha256": record.sha256})
        else:
            print(f"'{record.name}' is unchanged (sha256 {record.sha256[:12]}).")
        return 0
    raise UsageError(f"unknown models action {args.action}")


def cmd_text(ws: Any, args: argparse.Namespace) -> int:
    from engine.registry.registry import DEFAULT_TEXT_MODEL
    from engine.text.runner import TextRequest

    request = TextRequest(
        model=args.model or DEFAULT_TEXT_MODEL, prompt=args.prompt, system=args.system,
        conversation_id=args.conversation, seed=args.seed, n_ctx=args.context,
        overflow=args.on_overflow, gpu_layers=args.gpu,
        params=jobs.SamplingParams(temperature=args.temperature, top_p=args.top_p, top_k=args.top_k,
                                   min_p=args.min_p, repeat_penalty=args.repeat_penalty,
                                   max_tokens=args.max_tokens),
    )
    if args.max_tokens < 1:
        raise BadInput("--max-tokens must be at least 1.")
    outcome = stream_text(ws, request, quiet=args.json)
    record = outcome.record
    if args.json:
        emit_json({"id": outcome.generation_id, "model": record["model"], "text": record["output"],
                   "prompt_tokens": record["prompt_tokens"],
                   "completion_tokens": record["completion_tokens"], "seconds": record["seconds"],
                   "seed": record["seed"], "conversation_id": outcome.conversation_id,
                   "tokens_per_second": record["tokens_per_second"],
                   "first_token_s": record["first_token_s"]})
    return 0


def _image_model(ws: Any, name: str | None) -> str:
    if name:
        return name
    images = [m.name for m in ws.registry.list() if m.kind == "image"]
    if len(images) == 1:
        return images[0]
    if not images:
        raise BadInput("No image model is registered yet; import one with 'airlock models import PATH'.")
    raise BadInput(f"Choose an image model with --model (registered: {', '.join(images)}).")


def image_progress(enabled: bool) -> Callable[[Any], None]:
    """Progress lines on stderr for a person watching a terminal; silence otherwise."""
    show = enabled and sys.stderr.isatty()

    def on_event(event: Any) -> None:
        if not show or not isinstance(event, jobs.Progress):
            return
        if event.stage == "denoise":
            left = f", about {event.eta_seconds:.0f} s left" if event.eta_seconds is not None else ""
            sys.stderr.write(f"\rstep {event.step}/{event.total} ({event.seconds or 0:.0f} s{left})   ")
            if event.step >= event.total:
                sys.stderr.write("\n")
        elif event.stage in ("verify", "load") and event.total:
            label = "checking model" if event.stage == "verify" else "loading model"
            sys.stderr.write(f"\r{label} {int(event.step * 100 / event.total):3d}%")
            if event.step >= event.total:
                sys.stderr.write("\n")
        sys.stderr.flush()

    return on_event


def cmd_image(ws: Any, args: argparse.Namespace) -> int:
    from engine.image.runner import ImageRequest, raise_for_failure, run_image
    from engine.image.settings import parse_size

    width, height = parse_size(args.size) if args.size else (None, None)
    request = ImageRequest(
        model=_image_model(ws, args.model), prompt=args.prompt, negative=args.negative, steps=args.steps,
        guidance=args.guidance, width=width, height=height, seed=args.seed, scheduler=args.scheduler,
        count=args.count, init_image=args.init_image, strength=args.strength, preset=args.preset,
        out=args.out, device=args.device, threads=args.threads, write_parameters=not args.no_parameters,
        cpu_bf16=args.bf16,
        memory=jobs.ImageMemory(vae_tiling=args.vae_tiling, attention_slicing=args.attention_slicing,
                                cpu_offload=args.cpu_offload),
    )
    outcome = run_image(ws, request, image_progress(not args.json))
    for message in outcome.notes:
        note(message)
    raise_for_failure(outcome)
    if isinstance(outcome.event, jobs.Cancelled):
        raise AirlockError("Generation was stopped.")
    records = [r for r in outcome.records if r["status"] == "ok"]
    if args.json:
        first = records[0]
        answer = {"id": first["id"], "model": first["model"], "path": first["output_path"], "seed": first["seed"],
                  "seconds": outcome.event.result.get("seconds")}
        if len(records) > 1:
            answer["images"] = [{"id": r["id"], "path": r["output_path"], "seed": r["seed"]} for r in records]
        emit_json(answer)
    else:
        for record in records:
            print(record["output_path"])
    return 0


def _history_line(record: dict[str, Any]) -> str:
    prompt = " ".join(record["prompt"].split())
    return (f"{record['id']:>6}  {record['created_at'][:19].replace('T', ' ')}  "
            f"{(record.get('model') or '?')[:20]:<20} {record['status']:<9} {prompt[:70]}")


def cmd_history(ws: Any, args: argparse.Namespace) -> int:
    history = ws.history
    if args.action in ("list", "search"):
        if args.limit < 1:
            raise BadInput("--limit must be at least 1.")
        if args.action == "list":
            rows = history.list(limit=args.limit, model=args.model)
        else:
            rows = history.search(args.query, limit=args.limit)
        if args.json:
            emit_json(rows)
        elif not rows:
            print("Nothing found." if args.action == "search" else "No history yet.")
        else:
            for row in rows:
                print(_history_line(row))
        return 0
    if args.action == "show":
        record = history.get(args.id)
        if record is None:
            raise BadInput(f"There is no generation {args.id}.")
        if args.json:
            emit_json(record)
        else:
            from engine.store.export import markdown

            sys.stdout.write(markdown(record))
        return 0
    if args.action == "export":
        from engine.store.export import export_history

        if args.out:
            target = Path(args.out)
            partial = target.with_name(target.name + ".part")
            try:
                with open(partial, "w", encoding="utf-8") as out:
                    count = export_history(history, out, fmt=args.format, redact=args.redact)
                partial.replace(target)
            except OSError as exc:
                partial.unlink(missing_ok=True)
                raise BadInput(f"Cannot write {target}: {exc.strerror}.") from exc
            if args.json:
                emit_json({"path": str(target), "records": count, "format": args.format})
            else:
                print(f"Wrote {count} generations to {target}.", file=sys.stderr)
        else:
            if args.json:
                raise UsageError("--json needs --out (the export itself goes to standard output)")
            export_history(history, sys.stdout, fmt=args.format, redact=args.redact)
        return 0
    raise UsageError(f"unknown history action {args.action}")


def cmd_bench(ws: Any, args: argparse.Namespace) -> int:
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
        if args.json:
            emit_json(report)
        else:
            print(format_image_report(report))
        return 0
    from engine.bench.text import bench_text, format_text_report

    report = bench_text(ws, model=args.model, max_tokens=args.tokens, runs=args.runs)
    if args.json:
        emit_json(report)
    else:
        print(format_text_report(report))
    return 0


COMMANDS = {"models": cmd_models, "text": cmd_text, "image": cmd_image, "history": cmd_history,
            "bench": cmd_bench}


def handler_for(command: str) -> Any:
    if command in COMMANDS:
        return COMMANDS[command]
    for group in command_groups():
        if command in group.COMMANDS:
            return group.COMMANDS[command]
    raise UsageError(f"unknown command {command}")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    argv = sys.argv[1:] if argv is None else argv
    ws = None
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            raise UsageError("no command given (see 'airlock --help')")
        from engine.workspace import Workspace

        ws = Workspace.open(args.home, process_name="cli")
        log.info("airlock %s", " ".join(argv))
        return handler_for(args.command)(ws, args)
    except AirlockError as exc:
        log.info("error (exit %s): %s", exc.exit_code, exc, exc_info=not isinstance(exc, BadInput))
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("error: interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last net: one line for the user, the traceback to the log
        log.exception("unexpected failure")
        where = f" (details in {ws.home.logs_dir})" if ws else ""
        print(f"error: something went wrong inside Airlock: {exc}{where}", file=sys.stderr)
        return 1
    finally:
        if ws is not None:
            ws.close()
