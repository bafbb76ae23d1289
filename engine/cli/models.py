"""``airlock models …``: list, import, remove and verify model files."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine import serialize
from engine.cli.output import Output, Parser, UsageError, _json_option, human_size, printable, progress_printer


def add_parsers(command: Callable[..., argparse.ArgumentParser]) -> None:
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


def _model_line(m: dict[str, Any]) -> str:
    detail = (f"{m['family'] or '':<10} {m['prediction'] or '':<12}" if m["kind"] == "image" else
              f"{m['quantization'] or '':<8} ctx {m['context_length'] or '?':<6}  ")
    return (f"{printable(m['name'], newlines=False):<32} {m['kind']:<5} {m['format']:<11} {detail} "
            f"{human_size(m['size_bytes']):>9}  {m['sha256'][:12]}  {m['path']}")


def cmd_models(ws: Any, args: argparse.Namespace) -> Output:
    if args.action == "list":
        models = [serialize.model(m) for m in ws.registry.list()]
        text = ("\n".join(_model_line(m) for m in models) if models else
                "No models yet. Import one with: airlock models import PATH")
        return Output(models, text)
    if args.action == "import":
        from engine.registry.memory import memory_fit

        record = ws.registry.import_model(Path(args.path), name=args.name, link=args.link,
                                          progress=progress_printer("hashing", not args.json),
                                          family=args.family, prediction=args.prediction,
                                          config_dir=args.config)
        fit = record.memory_needed()
        notes: tuple[str, ...] = ()
        if record.kind == "image":
            meta = record.metadata
            line = (f"Imported '{record.name}' ({record.size_label}, {record.format} {record.quantization}, "
                    f"{meta.get('prediction')} from {meta.get('prediction_source')}, "
                    f"{human_size(record.size_bytes)}, sha256 {record.sha256[:12]}).")
            notes = tuple(meta.get("notes", []))
        else:
            line = (f"Imported '{record.name}' ({record.architecture}, {record.quantization}, "
                    f"{human_size(record.size_bytes)}, sha256 {record.sha256[:12]}).")
            if record.chat_template_sha256:  # shown on import, flagged when suspicious (engine/trust)
                flags = record.metadata.get("chat_template_flags") or []
                found = "; suspicious: it " + "; it ".join(flags) + "." if flags else "; nothing suspicious found."
                line += f"\nChat template sha256 {record.chat_template_sha256}{found}"
        return Output(serialize.model(record), f"{line}\n{memory_fit(fit).message}", notes=notes)
    if args.action == "remove":
        record = ws.registry.remove(args.name)
        return Output({"removed": record.name}, f"Removed '{record.name}'.")
    if args.action == "verify":
        record = ws.registry.verify(args.name, progress=progress_printer("verifying", not args.json))
        return Output({"name": record.name, "ok": True, "sha256": record.sha256},
                      f"'{record.name}' is unchanged (sha256 {record.sha256[:12]}).")
    raise UsageError(f"unknown models action {args.action}")


COMMANDS = {"models": cmd_models}
