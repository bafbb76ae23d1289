"""Jobs and events: the plain data that crosses between the app and its worker processes.

Frozen dataclasses only (they pickle across ``spawn`` and carry no live objects). A job
ends with exactly one terminal event: :class:`Done`, :class:`Failed` or
:class:`Cancelled`.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from engine.errors import BadInput


GPU_POLICIES = ("auto", "cpu")
"""How a worker uses a GPU: "auto" offloads everything when the build and machine can,
"cpu" never does. A number of layers (as text) is also accepted by the text worker."""


SEED_MAX = 2**32 - 2
"""The largest seed that reproduces: llama.cpp reads 0xFFFFFFFF as "pick a random seed",
and anything above 32 bits wraps around, so both would record a seed that lies."""

SAMPLING_LIMITS: dict[str, tuple[type, float, float, bool]] = {
    # name: (type, lowest, highest, lowest allowed itself)
    "temperature": (float, 0.0, 5.0, True),
    "top_p": (float, 0.0, 1.0, True),
    "top_k": (int, 0, 1_000_000, True),
    "min_p": (float, 0.0, 1.0, True),
    "repeat_penalty": (float, 0.0, 10.0, False),
    "max_tokens": (int, 1, 1_000_000, True),
    "seed": (int, 0, SEED_MAX, True),
}
"""The one table of what each text sampling setting accepts; the CLI, the GUI's spin
boxes, templates, batch and the API all check against it through
:meth:`SamplingParams.validated`."""


def check_sampling_value(name: str, value: Any) -> int | float:
    """``value`` as the setting ``name`` takes it, or BadInput saying what is allowed."""
    kind, low, high, low_ok = SAMPLING_LIMITS[name]
    label = name.replace("_", "-")
    def shown(n: float) -> str:
        return f"{n:,}" if kind is int else f"{n:g}"

    noun = "a whole number" if kind is int else "a number"
    allowed = (f"{noun} from {shown(low)} to {shown(high)}" if low_ok else
               f"{noun} above {shown(low)} and at most {shown(high)}")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            value = kind(str(value).strip())
        except (TypeError, ValueError):
            raise BadInput(f"The {label} setting must be {allowed} (got {str(value)[:40]!r}).") from None
    if kind is int and isinstance(value, float):
        if not value.is_integer():
            raise BadInput(f"The {label} setting must be {allowed} (got {value:g}).")
        value = int(value)
    if kind is float:
        if not math.isfinite(float(value)):
            raise BadInput(f"The {label} setting must be {allowed} (got {value}).")
        value = float(value)
    if value < low or value > high or (value == low and not low_ok):
        got = str(value) if len(str(value)) <= 40 else str(value)[:37] + "..."
        raise BadInput(f"The {label} setting must be {allowed} (got {got}).")
    return value


@dataclass(frozen=True)
class SamplingParams:
    temperature: float = 0.7
    top_p: float = 0.95
    top_k: int = 40
    min_p: float = 0.05
    repeat_penalty: float = 1.1
    max_tokens: int = 512
    seed: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def validated(self) -> "SamplingParams":
        """The same settings with their proper types, or BadInput (exit status 2) naming the
        first one out of range: nan, inf, negative top-k, a seed that would not reproduce."""
        return replace(self, **{f.name: check_sampling_value(f.name, getattr(self, f.name))
                                for f in fields(self)})


@dataclass(frozen=True)
class TextJob:
    job_id: str
    model_name: str
    model_path: str
    model_sha256: str
    messages: tuple[dict[str, str], ...]
    params: SamplingParams = field(default_factory=SamplingParams)
    n_ctx: int = 4096
    n_threads: int | None = None
    gpu_layers: str = "auto"  # "auto", "cpu", or a number of layers as text
    overflow: str = "truncate"  # "truncate" drops the oldest turns; "refuse" fails the job
    json_schema: str | None = None
    """A JSON schema (compact text, engine/text/structured.check_schema): the worker samples
    under the grammar built from it, so the reply has that shape."""
    prompt_lookup: int = 0
    """Prompt-lookup decoding: draft this many tokens from the prompt's own n-grams (0: off)."""
    raw_prompt: str | None = None
    """Complete this text as it is, with no chat template (``/v1/completions``); then
    ``messages`` is empty. Its text is never parsed as control tokens."""


@dataclass(frozen=True)
class ImageMemory:
    """How to trade speed for memory when generating images.

    Each option is "auto" (the worker decides from the device and the image size),
    "on" or "off".
    """

    vae_tiling: str = "auto"  # decode big images in tiles
    attention_slicing: str = "auto"  # attention one slice at a time
    cpu_offload: str = "auto"  # keep only the running part of the model on a small GPU

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ImageJob:
    """One txt2img or img2img run of ``count`` images (seeds ``seed``, ``seed + 1``, ...).

    The main process chooses every output path; the worker writes exactly those files.
    """

    job_id: str
    model_name: str
    model_path: str
    model_sha256: str
    model_format: str  # "safetensors" or "diffusers"
    family: str  # a key of engine.registry.image_families.FAMILIES
    prediction: str  # "epsilon" or "v_prediction"
    prompt: str
    output_paths: tuple[str, ...]
    negative: str = ""
    steps: int = 25
    guidance: float = 7.0
    width: int = 512
    height: int = 512
    seed: int = 0
    scheduler: str = "Euler a"
    count: int = 1
    init_image: str | None = None  # img2img when set
    strength: float = 0.75
    preset: str = "standard"
    config_dir: str | None = None  # diffusers configs for a single file; None: the family's bundled ones
    variant: str | None = None  # diffusers weight variant of a folder ("fp16")
    memory: ImageMemory = field(default_factory=ImageMemory)
    device: str = "auto"  # "auto" (CUDA when present), "cpu" or "cuda"
    threads: int | None = None  # CPU threads; None: one per physical core
    cpu_bf16: bool = False  # on a CPU with native bfloat16, compute in it (faster, slightly different pixels)
    cpu_engine: str = "pytorch"  # on a CPU: "openvino" runs the UNet by OpenVINO (engine/image/openvino_unet.py)
    write_parameters: bool = True  # the A1111 "parameters" text chunk in each PNG
    preview_every: int = 2  # a preview every this many steps, at most twice a second, and the last (0: none)


@dataclass(frozen=True)
class Progress:
    """Long preparation (verifying, loading) or image steps; ``stage`` says which.

    For image steps (``stage="denoise"``) ``step``/``total`` count over the whole batch,
    ``seconds`` is the time since the first step began and ``eta_seconds`` the estimate
    of what is left; ``preview`` is a small PNG of the image so far.
    """

    job_id: str
    step: int
    total: int
    stage: str = ""
    preview: bytes | None = None
    seconds: float | None = None
    eta_seconds: float | None = None


@dataclass(frozen=True)
class Started:
    """The model is loaded and the prompt fits; tokens follow."""

    job_id: str
    device: str
    fallback_reason: str | None
    n_ctx: int
    prompt_tokens: int
    dropped_messages: int
    load_seconds: float | None  # None when the model was already loaded


@dataclass(frozen=True)
class Token:
    job_id: str
    text: str


@dataclass(frozen=True)
class Done:
    job_id: str
    result: dict[str, Any]


@dataclass(frozen=True)
class Failed:
    job_id: str
    message: str
    kind: str = "internal"  # "bad_input", "internal" or "crashed"
    result: dict[str, Any] = field(default_factory=dict)  # what was finished before the failure


@dataclass(frozen=True)
class Cancelled:
    job_id: str
    result: dict[str, Any] = field(default_factory=dict)


Event = Progress | Started | Token | Done | Failed | Cancelled
TERMINAL = (Done, Failed, Cancelled)


def is_terminal(event: object) -> bool:
    return isinstance(event, TERMINAL)
