"""``airlock text``: generate with a local model, tokens streaming to stdout as they come."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from engine import serialize
from engine.cli.output import Output, _json_option, note, stream_text, whole_number
from engine.errors import BadInput


def add_parsers(command: Callable[..., argparse.ArgumentParser]) -> None:
    sub = command("text", "generate text with a local model (streams as it goes)")
    sub.add_argument("prompt")
    sub.add_argument("--model", default=None, help="model name (default: smollm2-135m)")
    sub.add_argument("--system", default=None, help="system prompt")
    sub.add_argument("--seed", type=int, default=None)
    sub.add_argument("--max-tokens", type=int, default=512)
    sub.add_argument("--temperature", type=float, default=None,
                     help="default: the catalog's recommendation for the model, else 0.7")
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


def cmd_text(ws: Any, args: argparse.Namespace) -> Output:
    from engine.registry.registry import DEFAULT_TEXT_MODEL
    from engine.text.runner import TextRequest, recommended_params

    model = args.model or DEFAULT_TEXT_MODEL
    request = TextRequest(
        model=model, prompt=args.prompt, system=args.system,
        conversation_id=args.conversation, seed=args.seed, n_ctx=args.context,
        overflow=args.on_overflow, gpu_layers=args.gpu,
        params=recommended_params(ws, model, temperature=args.temperature, top_p=args.top_p, top_k=args.top_k,
                                  min_p=args.min_p, repeat_penalty=args.repeat_penalty,
                                  max_tokens=args.max_tokens),
    )
    if args.max_tokens < 1:
        raise BadInput("--max-tokens must be at least 1.")
    warn_personal_data(ws, args.prompt, args.system)
    outcome = stream_text(ws, request, quiet=args.json)
    return Output(serialize.text_result(outcome))


def warn_personal_data(ws: Any, *texts: str | None) -> None:
    """The "warn" PII mode on the command line: a note before the prompt is sent."""
    from engine.trust import install, pii

    found = install.prompt_findings(ws, *texts)
    if found:
        counts = ", ".join(f"{n} {kind}" for kind, n in pii.summary(found).items())
        where = "masked in history" if "history" in ws.trust.pii_mode() else "kept in history as typed"
        note(f"the prompt holds personal data ({counts}); it stays on this machine, {where}.")  # the text itself has streamed already


COMMANDS = {"text": cmd_text}
