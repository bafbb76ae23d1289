"""``airlock image``: Stable Diffusion on this machine, PNG files out."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from engine import jobs, serialize
from engine.cli.output import Output, _json_option, raise_for_failure
from engine.errors import BadInput


def add_parsers(command: Callable[..., argparse.ArgumentParser]) -> None:
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
    sub.add_argument("--force", action="store_true", help="replace the --out file(s) if they exist")
    sub.add_argument("--no-parameters", action="store_true",
                     help="leave the generation settings out of the PNG")
    sub.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda"))
    for option in ("vae-tiling", "attention-slicing", "cpu-offload"):
        sub.add_argument(f"--{option}", default="auto", choices=("auto", "on", "off"))
    sub.add_argument("--threads", type=int, default=None, help="CPU threads (default: one per core)")
    sub.add_argument("--bf16", action="store_true",
                     help="on a CPU with native bfloat16 (AVX512-BF16, AMX), compute in it: about twice as "
                          "fast, pixels differ slightly from fp32")
    sub.add_argument("--cpu-engine", default="pytorch", choices=("pytorch", "openvino"),
                     help="on a CPU, run the UNet by OpenVINO (the cpu-accel extra): converted once per "
                          "model and kept beside it, then faster every step")
    _json_option(sub)


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
        elif event.stage in ("verify", "load", "convert") and event.total:
            label = {"verify": "checking model", "load": "loading model",
                     "convert": "preparing the OpenVINO UNet (once per model)"}[event.stage]
            sys.stderr.write(f"\r{label} {int(event.step * 100 / event.total):3d}%")
            if event.step >= event.total:
                sys.stderr.write("\n")
        sys.stderr.flush()

    return on_event


def cmd_image(ws: Any, args: argparse.Namespace) -> Output:
    from engine.cli.output import note
    from engine.image.runner import ImageRequest, run_image
    from engine.image.settings import parse_size

    width, height = parse_size(args.size) if args.size else (None, None)
    request = ImageRequest(
        model=_image_model(ws, args.model), prompt=args.prompt, negative=args.negative, steps=args.steps,
        guidance=args.guidance, width=width, height=height, seed=args.seed, scheduler=args.scheduler,
        count=args.count, init_image=args.init_image, strength=args.strength, preset=args.preset,
        out=args.out, replace=args.force, device=args.device, threads=args.threads, write_parameters=not args.no_parameters,
        cpu_bf16=args.bf16, cpu_engine=args.cpu_engine,
        memory=jobs.ImageMemory(vae_tiling=args.vae_tiling, attention_slicing=args.attention_slicing,
                                cpu_offload=args.cpu_offload),
    )
    outcome = run_image(ws, request, image_progress(not args.json))
    for message in outcome.notes:
        note(message)
    raise_for_failure(outcome)
    records = [r for r in outcome.records if r["status"] == "done"]
    return Output(serialize.image_result(outcome, records), "\n".join(r["output_path"] for r in records))


COMMANDS = {"image": cmd_image}
