"""The UNet run by OpenVINO on the CPU: converted once per model, cached beside it, reused.

The UNet is about 90% of a CPU denoising step, and OpenVINO's CPU plugin runs it faster
than PyTorch eager (docs/benchmarks.md, "Faster CPU paths"). It is traced and converted
with ``openvino.convert_model`` (no optimum-intel: its pins on transformers fight
diffusers'), saved as OpenVINO IR in a folder beside the model keyed by the model's
sha256 and the OpenVINO version (so a changed file or a new OpenVINO converts again),
and compiled per image shape (static shapes are OpenVINO's fast path; compiled blobs are
cached in the same folder, so a known shape compiles in seconds). The text encoder,
scheduler and VAE stay PyTorch fp32, so the picture differs only by what the UNet's
arithmetic changes; ``bf16`` asks for bfloat16 where the CPU has it natively.

Imported only by the image worker (it imports torch); ``openvino`` itself is imported
on first use, so a build without the ``cpu-accel`` extra runs PyTorch and says why.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch

log = logging.getLogger(__name__)

CACHE_FOLDER = ".airlock-openvino"
Progress = Callable[[int, int], None]


class ConversionStopped(Exception):
    """The user cancelled while the UNet was being converted (the caller checks its own
    cancel flag too: a cancel hook's exception may come out of OpenVINO wrapped)."""


def openvino_version() -> str | None:
    """The installed OpenVINO version ("2026.4.1"), or None when it is not installed."""
    try:
        import openvino as ov  # its telemetry is kept out by engine.offline
    except ImportError:
        return None
    return ov.get_version().split("-")[0]


def cache_dir(model_path: str, sha256: str, version: str) -> Path:
    """Where a model's converted UNet lives: beside the model file (or folder)."""
    return Path(model_path).parent / CACHE_FOLDER / f"{Path(model_path).name}-{sha256[:16]}-openvino-{version}"


class _UNetOnly(torch.nn.Module):
    """The three inputs an SD 1.x/2.x UNet takes, as a module ``convert_model`` can trace."""

    def __init__(self, unet: Any) -> None:
        super().__init__()
        self.unet = unet

    def forward(self, sample: Any, timestep: Any, text: Any) -> Any:
        return self.unet(sample, timestep, text, return_dict=False)[0]


def convert(unet: Any, folder: Path, *, progress: Progress, cancelled: Callable[[], bool]) -> Path:
    """Trace and convert ``unet`` to OpenVINO IR in ``folder`` (written aside, then renamed,
    so a crash or a cancel never leaves a half model that a later run would trust).

    Progress counts phases out of three (0: tracing and converting, 1: saving; the caller
    reports 2 and 3 around compiling); a cancel is seen between them and, during tracing,
    by the worker's cancel hooks on the UNet's blocks.
    """
    import openvino as ov

    progress(0, 3)
    channels = unet.config.in_channels
    width = unet.config.cross_attention_dim
    example = (torch.randn(2, channels, 64, 64), torch.full((2,), 999.0), torch.randn(2, 77, width))
    started = time.perf_counter()
    with torch.no_grad():
        model = ov.convert_model(_UNetOnly(unet), example_input=example)
    log.info("UNet traced and converted in %.1f s", time.perf_counter() - started)
    if cancelled():
        raise ConversionStopped()
    progress(1, 3)
    partial = folder.with_name(folder.name + f".partial-{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        ov.save_model(model, partial / "unet.xml")  # weights stored as fp16, computed in f32/bf16
        if cancelled():
            raise ConversionStopped()
        shutil.rmtree(folder, ignore_errors=True)
        partial.rename(folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return folder / "unet.xml"


class OpenVINOUNet:
    """A drop-in ``forward`` for a diffusers UNet that runs the converted model."""

    def __init__(self, xml: Path, *, bf16: bool, threads: int):
        import openvino as ov

        self._ov = ov
        self.core = ov.Core()
        self.core.set_property({"CACHE_DIR": str(xml.parent / "compiled")})
        self.xml = xml
        self.config = {"INFERENCE_PRECISION_HINT": "bf16" if bf16 else "f32",
                       "PERFORMANCE_HINT": "LATENCY", "INFERENCE_NUM_THREADS": threads}
        self.precision = "bf16" if bf16 else "f32"
        self._compiled: dict[tuple, tuple[Any, Any]] = {}

    def compile_for(self, shapes: tuple[tuple[int, ...], ...]) -> tuple[Any, Any]:
        """The compiled model and an infer request for these input shapes (static: fast)."""
        if shapes not in self._compiled:
            started = time.perf_counter()
            model = self.core.read_model(self.xml)
            model.reshape({port: self._ov.PartialShape(list(shape)) for port, shape in zip(model.inputs, shapes)})
            compiled = self.core.compile_model(model, "CPU", self.config)
            self._compiled = {shapes: (compiled, compiled.create_infer_request())}  # one shape kept
            log.info("OpenVINO UNet compiled for %s in %.1f s", shapes, time.perf_counter() - started)
        return self._compiled[shapes]

    def forward(self, sample: Any, timestep: Any, encoder_hidden_states: Any, *_args: Any,
                return_dict: bool = True, **_kwargs: Any) -> Any:
        from diffusers.models.unets.unet_2d_condition import UNet2DConditionOutput

        t = torch.as_tensor(timestep, dtype=torch.float32).reshape(-1).expand(sample.shape[0])
        inputs = [sample.float().contiguous().numpy(), t.contiguous().numpy(),
                  encoder_hidden_states.float().contiguous().numpy()]
        compiled, request = self.compile_for(tuple(tuple(x.shape) for x in inputs))
        result = request.infer(inputs)
        out = torch.from_numpy(result[compiled.output(0)].copy()).to(sample.dtype)
        return UNet2DConditionOutput(sample=out) if return_dict else (out,)


def prepare(unet: Any, model_path: str, sha256: str, *, bf16: bool, threads: int, progress: Progress,
            cancelled: Callable[[], bool]) -> tuple[OpenVINOUNet, bool]:
    """The model's OpenVINO UNet, converting it first when it is not cached yet; returns
    (it, whether a conversion ran). Raises ImportError without OpenVINO."""
    version = openvino_version()
    if version is None:
        raise ImportError("openvino")
    folder = cache_dir(model_path, sha256, version)
    xml = folder / "unet.xml"
    converted = False
    if not (xml.is_file() and xml.with_suffix(".bin").is_file()):
        xml = convert(unet, folder, progress=progress, cancelled=cancelled)
        converted = True
    return OpenVINOUNet(xml, bf16=bf16, threads=threads), converted
