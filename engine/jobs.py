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


@dataclass(frozen=True)
class Progress:
    """Long preparation (verifying, loading) or image steps; ``stage`` says which."""

    job_id: str
    step: int
    total: int
    stage: str = ""
    preview: bytes | None = None


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


@dataclass(frozen=True)
class Cancelled:
    job_id: str
    result: dict[str, Any] = field(default_factory=dict)


Event = Progress | Started | Token | Done | Failed | Cancelled
TERMINAL = (Done, Failed, Cancelled)


def is_terminal(event: object) -> bool:
    return isinstance(event, TERMINAL)
