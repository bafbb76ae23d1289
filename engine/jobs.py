"""Jobs and events: the plain data that crosses between the app and its worker processes.

Frozen dataclasses only (they pickle across ``spawn`` and carry no live objects). A job
ends with exactly one terminal event: :class:`Done`, :class:`Failed` or
:class:`Cancelled`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


GPU_POLICIES = ("auto", "cpu")
"""How a worker uses a GPU: "auto" offloads everything when the build and machine can,
"cpu" never does. A number of layers (as text) is also accepted by the text worker."""


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
