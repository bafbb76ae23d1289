"""Running an image generation end to end: checks, output paths, worker, one history row per image.

The CLI and the desktop app both call :func:`run_image`; it blocks the calling thread
(the GUI calls it from a worker thread) and reports every event through ``on_event``.
A GUI that must write history on its own thread calls :func:`build_job`, runs the job
on ``ws.image_worker`` and then :func:`record_outcome` where it likes. Whatever
happens, the user's prompt is kept: finished images, a stopped image and a failure are
all written to history with their status.

No torch here: this module runs in the GUI process.
"""

from __future__ import annotations

import importlib.util
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine import jobs

from engine.image import settings as image_settings

from engine.registry import memory
from engine.errors import BadInput
from engine.backends.worker_process import StartWatcher
from engine.trust import install as trust

Workspace = Any  # engine/workspace.py's façade; it sits above this package, so it is not imported here

DEVICES = ("auto", "cpu", "cuda")
MEMORY_CHOICES = ("auto", "on", "off")


CPU_ENGINES = ("pytorch", "openvino")
"""What runs the UNet on a CPU: PyTorch eager, or OpenVINO (converted once per model)."""

@dataclass(frozen=True)
class ImageRequest:
    """What a person asked for; ``None`` means "the preset's or the model's default"."""

    model: str
    prompt: str
    negative: str = ""
    steps: int | None = None
    guidance: float | None = None
    width: int | None = None
    height: int | None = None
    seed: int | None = None  # None: a fresh random seed, recorded with the result
    scheduler: str | None = None
    count: int = 1
    init_image: str | None = None  # a picture to start from (img2img)
    strength: float | None = None  # img2img: how far from the picture to go (0-1]
    preset: str | None = None  # standard, turbo or lcm; None: what suits the model
    out: str | None = None  # where to write (count > 1: NAME-1.png, NAME-2.png ...)
    replace: bool = False  # an existing ``out`` file may be replaced (the CLI's --force)
    memory: jobs.ImageMemory = field(default_factory=jobs.ImageMemory)
    device: str = "auto"
    threads: int | None = None
    cpu_bf16: bool = False  # on a CPU with native bfloat16: about twice as fast, pixels differ slightly
    cpu_engine: str = "pytorch"  # on a CPU: "openvino" (the cpu-accel extra) runs the UNet faster
    write_parameters: bool = True
    preview_every: int = 2


@dataclass(frozen=True)
class ImageOutcome:
    generation_ids: tuple[int, ...]
    event: Any  # the terminal event: jobs.Done, jobs.Failed or jobs.Cancelled
    records: tuple[dict[str, Any], ...]
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return isinstance(self.event, jobs.Done)

    @property
    def paths(self) -> list[str]:
        return [r["output_path"] for r in self.records if r["status"] == "done"]


def image_libraries_present() -> bool:
    """Whether torch and diffusers can be imported here, found without importing them (the
    GUI process never imports torch): the text-only edition leaves both out, and its image
    worker would otherwise die at import with nothing a person could act on."""
    for name in ("torch", "diffusers"):
        try:
            if importlib.util.find_spec(name) is None:
                return False
        except ValueError:  # already imported (a spec-less module in sys.modules): present
            continue
    return True


def build_job(ws: Workspace, request: ImageRequest) -> tuple[jobs.ImageJob, list[str]]:
    """Check the request and turn it into a worker job; returns (job, notes)."""
    if not request.prompt.strip():
        raise BadInput("The prompt is empty; describe the image you want.")
    model = ws.registry.get(request.model)
    if model.kind != "image":
        raise BadInput(f"'{model.name}' is a text model; choose an image model.")
    if not image_libraries_present():  # the text-only bundle, or a pip install without the image extra
        raise BadInput("Image generation needs torch and diffusers, which this copy of Airlock does not include "
                       "(the text-only edition); use the full edition to make images.")
    meta = model.metadata
    family = meta.get("family", "sd15")
    init_image = _check_init_image(request.init_image)
    settings = image_settings.resolve(
        family=family, preset=request.preset, steps=request.steps, guidance=request.guidance,
        width=request.width, height=request.height, scheduler=request.scheduler, count=request.count,
        strength=request.strength, img2img=init_image is not None, model_preset=meta.get("preset", "standard"))
    if request.device not in DEVICES:
        raise BadInput(f"Unknown device '{request.device}' (use {', '.join(DEVICES)}).")
    for option, value in request.memory.as_dict().items():
        if value not in MEMORY_CHOICES:
            raise BadInput(f"The memory option {option} must be auto, on or off (got '{value}').")
    if request.threads is not None and request.threads < 1:
        raise BadInput("The number of threads must be at least 1.")
    seed = request.seed if request.seed is not None else random.randrange(image_settings.MAX_SEED - settings.count)
    if not 0 <= seed <= image_settings.MAX_SEED:
        raise BadInput(f"The seed must be between 0 and {image_settings.MAX_SEED} (got {seed}).")
    if request.cpu_engine not in CPU_ENGINES:
        raise BadInput(f"Unknown CPU engine '{request.cpu_engine}' (use {' or '.join(CPU_ENGINES)}).")
    notes: list[str] = []
    fit = memory.memory_fit(model.memory_needed(image_size=(settings.width, settings.height)),
                            advice=f"choose a size below {settings.width}x{settings.height} or a smaller model")
    if fit.verdict == "too_big":
        raise BadInput(fit.message)
    if fit.verdict == "tight":
        notes.append(fit.message)
    if request.negative and settings.guidance <= 1:
        notes.append("Guidance is 1 or less, so the negative prompt has no effect.")
    job_id = uuid.uuid4().hex
    job = jobs.ImageJob(
        job_id=job_id, model_name=model.name, model_path=model.path, model_sha256=model.sha256,
        model_format=model.format, family=family, prediction=meta.get("prediction", "epsilon"),
        prompt=request.prompt, negative=request.negative,
        output_paths=tuple(_output_paths(ws, request.out, settings.count, seed, job_id, request.replace)),
        steps=settings.steps, guidance=settings.guidance, width=settings.width, height=settings.height,
        seed=seed, scheduler=settings.scheduler, count=settings.count, init_image=init_image,
        strength=settings.strength, preset=settings.preset, config_dir=meta.get("config_dir"),
        variant=meta.get("variant"), memory=request.memory, device=request.device, threads=request.threads,
        cpu_bf16=request.cpu_bf16, cpu_engine=request.cpu_engine,
        # The trust settings (or the policy, or PII history mode) may keep settings out of PNGs.
        write_parameters=request.write_parameters and trust.png_parameters_allowed(ws),
        preview_every=max(0, request.preview_every),
    )
    return job, notes


def _check_init_image(path: str | None) -> str | None:
    if path is None:
        return None
    source = Path(path).expanduser()
    if not source.is_file():
        raise BadInput(f"The init image {path} does not exist.")
    return str(source.resolve())


def _output_paths(ws: Workspace, out: str | None, count: int, seed: int, job_id: str,
                  replace: bool = False) -> list[Path]:
    if out is None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        return [ws.home.outputs_dir / f"{stamp}-{job_id[:6]}-{seed + i}.png" for i in range(count)]
    target = Path(out).expanduser().resolve()
    if target.suffix.lower() != ".png":
        raise BadInput(f"The output file {out} must end in .png.")
    if not target.parent.is_dir():
        raise BadInput(f"The folder {target.parent} does not exist.")
    paths = [target] if count == 1 else [target.with_name(f"{target.stem}-{i + 1}{target.suffix}")
                                         for i in range(count)]
    from engine.files import TargetExists, target_kind

    for path in paths:  # the worker writes them with engine.files.atomic_write
        kind = target_kind(path)
        if kind == "file" and not replace:
            raise TargetExists(path)
        if kind in ("folder", "other"):
            raise BadInput(f"{path} is not a file Airlock can write; choose another name.")
    return paths


def run_image(ws: Workspace, request: ImageRequest, on_event: Callable[[Any], None] | None = None,
              on_job: Callable[[jobs.ImageJob], None] | None = None) -> ImageOutcome:
    """Generate, streaming events to ``on_event``, and record one history row per image.

    ``on_job`` receives the job before it starts, so the caller can cancel it by id.
    Raises BadInput before anything runs when the request itself is unusable.
    """
    job, notes = build_job(ws, request)
    if on_job:
        on_job(job)
    watcher = StartWatcher(on_event)
    event = ws.backend("image").run(job, watcher)
    return record_outcome(ws, job, event, watcher.started, notes)


def record_outcome(ws: Workspace, job: jobs.ImageJob, event: Any, started: jobs.Started | None,
                   notes: list[str]) -> ImageOutcome:
    """Write each finished image, and the stopped or failed one, to history (on the writer's thread)."""
    notes = list(notes)
    if started:
        if started.prompt_tokens > started.n_ctx:
            notes.append(f"The prompt is {started.prompt_tokens} tokens long; the text encoder reads only "
                         f"the first {started.n_ctx}.")
        if started.fallback_reason and started.device == "CPU":
            notes.append(f"Running on the CPU: {started.fallback_reason}.")
    result = getattr(event, "result", {}) or {}
    if job.cpu_bf16 and result.get("device") == "CPU" and "bfloat16" not in str(result.get("dtype")):
        notes.append("This CPU has no native bfloat16, so the images were computed in fp32.")
    if result.get("cpu_engine_note"):
        notes.append(result["cpu_engine_note"])
    images = result.get("images", [])
    base = _base_record(job, result, started)
    records = []
    for index, image in enumerate(images):
        records.append({**base, "seed": image["seed"], "seconds": image["seconds"], "status": "done",
                        "output_path": image["path"], "width": image["width"], "height": image["height"],
                        "params": {**base["params"], "index": index}})
    if not isinstance(event, jobs.Done) and len(images) < job.count:
        index = len(images)
        records.append({**base, "seed": job.seed + index, "seconds": None,
                        "status": "stopped" if isinstance(event, jobs.Cancelled) else "failed",
                        "error": event.message if isinstance(event, jobs.Failed) else None,
                        "output_path": None, "width": job.width, "height": job.height,
                        "params": {**base["params"], "index": index}})
    ids = tuple(ws.history.add(record) for record in records)
    for record, generation_id in zip(records, ids):
        record["id"] = generation_id
    return ImageOutcome(ids, event, tuple(records), tuple(notes))


def _base_record(job: jobs.ImageJob, result: dict[str, Any], started: jobs.Started | None) -> dict[str, Any]:
    return {
        "conversation_id": None,
        "kind": "image",
        "model": job.model_name,
        "model_sha256": job.model_sha256,
        "prompt": job.prompt,
        "output": "",
        "params": {
            "negative": job.negative, "steps": job.steps, "guidance": job.guidance, "width": job.width,
            "height": job.height, "scheduler": job.scheduler, "preset": job.preset, "count": job.count,
            "seed": job.seed, "init_image": job.init_image,
            "strength": job.strength if job.init_image else None, "family": job.family,
            "prediction": job.prediction, "model_format": job.model_format, "device_policy": job.device,
            "cpu_bf16": job.cpu_bf16, "cpu_engine_requested": job.cpu_engine,
            "cpu_engine": result.get("cpu_engine"),
            "memory_requested": job.memory.as_dict(), "memory": result.get("memory"),
            "threads": result.get("threads"), "dtype": result.get("dtype"),
            "steps_run": result.get("steps_run"), "write_parameters": job.write_parameters,
            "load_seconds": started.load_seconds if started else None,
            "total_seconds": result.get("seconds"), "job_id": job.job_id,
        },
        "prompt_tokens": started.prompt_tokens if started else None,
        "device": result.get("device", started.device if started else None),
        "versions": result.get("versions", {}),
        "error": None,
    }
