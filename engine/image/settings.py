"""Image generation settings people choose: schedulers by name, presets, sizes, and their bounds.

Shared by the main process (which checks a request before anything runs, so a bad
size fails at once with a clear message) and the image worker (which maps the names to
diffusers classes). No torch here.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.errors import BadInput
from engine.registry.image_families import FAMILIES

SCHEDULERS = ("Euler", "Euler a", "DPM++ 2M Karras", "DDIM", "LCM")
"""Friendly names, as AUTOMATIC1111 spells them (they end up in the PNG parameters)."""

MIN_SIDE, MAX_SIDE = 64, 2048
MAX_PIXELS = 2048 * 2048
MAX_STEPS = 150
MAX_COUNT = 64
MAX_SEED = 2**32 - 1


@dataclass(frozen=True)
class Preset:
    """Defaults and bounds for a kind of model: few-step distilled models break outside them."""

    name: str
    steps: int
    min_steps: int
    max_steps: int
    guidance: float
    max_guidance: float
    scheduler: str | None  # None: the family's own choice (see default_scheduler)
    description: str


PRESETS: dict[str, Preset] = {p.name: p for p in (
    Preset("standard", 25, 1, MAX_STEPS, 7.0, 30.0, "DPM++ 2M Karras",
           "ordinary models: 20-30 steps with guidance 5-9"),
    Preset("turbo", 1, 1, 4, 0.0, 0.0, None,
           "SD-Turbo and SDXL-Turbo: 1-4 steps without guidance"),
    Preset("lcm", 4, 1, 8, 1.0, 2.0, "LCM",
           "latent-consistency models: 2-8 steps with guidance 1-2"),
)}


@dataclass(frozen=True)
class Settings:
    """A request's settings after defaults and checks: what the worker will run."""

    preset: str
    steps: int
    guidance: float
    width: int
    height: int
    scheduler: str
    count: int
    strength: float


def default_scheduler(preset: Preset, family: str) -> str:
    if preset.scheduler is not None:
        return preset.scheduler
    # Turbo models were distilled with these (their published scheduler configs).
    return "Euler a" if FAMILIES[family].xl else "Euler"


def resolve(*, family: str, preset: str | None, steps: int | None, guidance: float | None,
            width: int | None, height: int | None, scheduler: str | None, count: int,
            strength: float | None, img2img: bool, model_preset: str = "standard") -> Settings:
    """Fill in defaults from the preset and the model's family; refuse what cannot run."""
    name = preset or model_preset
    if name not in PRESETS:
        raise BadInput(f"Unknown preset '{name}' (use {', '.join(PRESETS)}).")
    chosen = PRESETS[name]
    size = FAMILIES[family].size
    steps = chosen.steps if steps is None else steps
    guidance = chosen.guidance if guidance is None else guidance
    width = size if width is None else width
    height = size if height is None else height
    scheduler = scheduler or default_scheduler(chosen, family)
    strength = 0.75 if strength is None else strength
    if not chosen.min_steps <= steps <= chosen.max_steps:
        raise BadInput(f"The {name} preset runs {chosen.min_steps}-{chosen.max_steps} steps (got {steps}).")
    if not 0 <= guidance <= chosen.max_guidance:
        if chosen.max_guidance == 0:
            raise BadInput(f"The {name} preset runs without guidance; leave --guidance out or set it to 0.")
        raise BadInput(f"Guidance must be between 0 and {chosen.max_guidance:g} for the {name} preset "
                       f"(got {guidance:g}).")
    check_size(width, height)
    if scheduler not in SCHEDULERS:
        raise BadInput(f"Unknown scheduler '{scheduler}' (use {', '.join(SCHEDULERS)}).")
    if not 1 <= count <= MAX_COUNT:
        raise BadInput(f"The image count must be between 1 and {MAX_COUNT} (got {count}).")
    if img2img:
        if not 0 < strength <= 1:
            raise BadInput(f"Strength must be above 0 and at most 1 (got {strength:g}).")
        if int(steps * strength) < 1:
            raise BadInput(f"With {steps} steps and strength {strength:g} no denoising step would run; "
                           "raise --steps or --strength.")
    return Settings(preset=name, steps=steps, guidance=float(guidance), width=width, height=height,
                    scheduler=scheduler, count=count, strength=float(strength))


def check_size(width: int, height: int) -> None:
    if (width % 8 or height % 8 or not MIN_SIDE <= width <= MAX_SIDE or not MIN_SIDE <= height <= MAX_SIDE
            or width * height > MAX_PIXELS):
        raise BadInput(f"Image size {width}x{height} is not possible: width and height must be multiples of 8 "
                       f"between {MIN_SIDE} and {MAX_SIDE}.")


def parse_size(text: str) -> tuple[int, int]:
    """'768x512' -> (768, 512), refusing anything else with a one-line message."""
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        raise BadInput(f"Size '{text}' is not WIDTHxHEIGHT, for example 512x512.")
    width, height = (int(p) for p in parts)
    check_size(width, height)
    return width, height


def native_sizes(family: str | None) -> list[tuple[int, int]]:
    """The sizes a family was trained for: its square, then portrait and landscape shapes of
    about the same pixel count (multiples of 64), as the GUI offers them; any other size
    from MIN_SIDE to MAX_SIDE is a custom size."""
    side = FAMILIES[family].size if family in FAMILIES else 512
    shapes = {512: [(512, 768), (768, 512)], 768: [(768, 1024), (1024, 768), (640, 896), (896, 640)],
              1024: [(832, 1216), (1216, 832), (896, 1152), (1152, 896)]}
    return [(side, side), *shapes.get(side, [])]
