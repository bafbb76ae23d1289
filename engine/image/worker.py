"""The image worker: runs inside its own process, holds one Stable Diffusion pipeline, writes PNGs.

Only this module (and the image benchmark's raw baseline) imports torch and diffusers.
It verifies the model's sha256 before every load, loads single checkpoints through the
bundled diffusers configs (``resources/diffusers/<family>/``) with
``local_files_only=True`` so nothing is ever fetched, and runs txt2img or img2img with a
CPU ``torch.Generator`` per image, so the same seed and settings give the same pixels on
the CPU, run after run, process after process.

Every denoising step sends a :class:`jobs.Progress` (with a small preview every few
steps, from a linear latent-to-RGB map that needs no extra weights). A cancel is seen at
the end of the step (``callback_on_step_end``) and also between the UNet's blocks, so a
long CPU step stops within a fraction of a second instead of running to its end.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import diffusers
import torch
from PIL import Image, PngImagePlugin

from engine import jobs

from engine.image import png_parameters
from engine.errors import BadInput, Cancelled
from engine.registry.image_families import CLIP_BPE, FAMILIES, ImageFamily
from engine.machine import cpu_has_native_bf16, library_versions, nvidia_gpu_present, physical_cores
from engine.backends.local import check_loaded_same, verify_before_load

log = logging.getLogger(__name__)

Emit = Callable[[Any], None]
IsCancelled = Callable[[], bool]
CLIP_CONTEXT = 77
PREVIEW_SECONDS = 0.5
"""At most two previews a second: making one copies the latents off the GPU, which waits
for the GPU to finish its queue; done every few steps of a 30 ms step it cost about 10%."""

SCHEDULER_CLASSES: dict[str, tuple[str, dict[str, Any]]] = {
    "Euler": ("EulerDiscreteScheduler", {}),
    "Euler a": ("EulerAncestralDiscreteScheduler", {}),
    "DPM++ 2M Karras": ("DPMSolverMultistepScheduler", {"algorithm_type": "dpmsolver++", "use_karras_sigmas": True}),
    "DDIM": ("DDIMScheduler", {}),
    "LCM": ("LCMScheduler", {}),
}

# Linear maps from the 4 latent channels to RGB, fitted on decoded images by the
# community (SD 1.x/2.x: Keturn, "Decoding latents to RGB without upscaling", 2022;
# SDXL: the factors ComfyUI ships in comfy/latent_formats.py). Good enough for a
# thumbnail that shows composition and colour while the real decode waits for the end.
LATENT_RGB = {
    False: ([[0.3512, 0.2297, 0.3227], [0.3250, 0.4974, 0.2350],
             [-0.2829, 0.1762, 0.2721], [-0.2120, -0.2616, -0.7177]], [0.0, 0.0, 0.0]),
    True: ([[0.3651, 0.4232, 0.4341], [-0.2533, -0.0042, 0.1068],
            [0.1076, 0.1111, -0.0362], [-0.3165, -0.2492, -0.2188]], [0.1084, -0.0175, -0.0011]),
}


class Stopped(Exception):
    """Raised from inside the pipeline when the user cancels, so nothing more is computed."""


def choose_device(policy: str) -> tuple[str, str, str | None]:
    """(torch device, what to tell the user, why not the GPU) for the job's device setting."""
    if policy == "cpu":
        return "cpu", "CPU", "the GPU is switched off in the settings"
    if torch.cuda.is_available():
        return "cuda", f"GPU ({torch.cuda.get_device_name(0)})", None
    if policy == "cuda":
        raise BadInput("No CUDA GPU is usable by this torch build; choose the CPU or install torch with CUDA.")
    if nvidia_gpu_present():
        return "cpu", "CPU", ("an NVIDIA GPU is present but this torch build has no CUDA support; "
                              "install the CUDA build of torch to use it")
    return "cpu", "CPU", None  # no GPU here: the CPU is not a fallback


def bundled_tokenizers(family: ImageFamily) -> dict[str, Any]:
    """CLIP tokenizers for a family's bundled configs, from the one shared copy of CLIP's BPE.

    The vocabulary and merges are the same for every Stable Diffusion tokenizer; the
    families differ only in their special tokens (SD 2.x and SDXL's second encoder pad
    with "!"), which each family's ``tokenizer*/special_tokens_map.json`` says.
    """
    from transformers import CLIPTokenizer

    vocab = json.loads((CLIP_BPE / "vocab.json").read_text(encoding="utf-8"))
    lines = (CLIP_BPE / "merges.txt").read_text(encoding="utf-8").splitlines()[1:]
    merges = [tuple(line.split()) for line in lines if line]
    tokenizers = {}
    for name in ("tokenizer", "tokenizer_2") if family.xl else ("tokenizer",):
        folder = family.config_dir / name
        special = json.loads((folder / "special_tokens_map.json").read_text(encoding="utf-8"))
        config = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
        tokenizers[name] = CLIPTokenizer(vocab=vocab, merges=merges,
                                         model_max_length=config.get("model_max_length", CLIP_CONTEXT),
                                         **special)
    return tokenizers


def make_scheduler(name: str, base_config: dict[str, Any], prediction: str) -> Any:
    """A fresh scheduler of the friendly ``name`` built on the model's own scheduler config
    (its beta schedule and timestep spacing, e.g. Turbo's "trailing")."""
    class_name, overrides = SCHEDULER_CLASSES[name]
    return getattr(diffusers, class_name).from_config(base_config, prediction_type=prediction, **overrides)


def preview_png(latents: torch.Tensor, xl: bool, scale: int = 1) -> bytes:
    factors, bias = LATENT_RGB[xl]
    with torch.no_grad():
        latent = latents[0].detach().float().cpu()
        rgb = torch.einsum("chw,cr->hwr", latent, torch.tensor(factors)) + torch.tensor(bias)
        pixels = ((rgb + 1) / 2).clamp(0, 1).mul(255).round().to(torch.uint8).numpy()
    image = Image.fromarray(pixels, "RGB")
    if scale > 1:
        image = image.resize((image.width * scale, image.height * scale), Image.Resampling.NEAREST)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def save_png(image: Image.Image, path: Path, parameters: str | None) -> None:
    """Write the PNG through engine.files.atomic_write (the main process already refused
    an existing file the user did not ask to replace)."""
    from engine.files import atomic_write

    info = PngImagePlugin.PngInfo()
    if parameters:
        info.add_text(png_parameters.CHUNK, parameters)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path, replace=True, binary=True) as out:
        image.save(out, format="PNG", pnginfo=info)


def load_init_image(path: str, width: int, height: int) -> Image.Image:
    try:
        with Image.open(path) as source:
            image = source.convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise BadInput(f"Cannot read the init image {Path(path).name}: {exc}.") from exc
    if image.size != (width, height):
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    return image


class ImageWorker:
    """State of one image worker process: the loaded pipeline and how it was loaded."""

    def __init__(self) -> None:
        self.pipe: Any = None
        self.img2img: Any = None
        self.key: tuple | None = None
        self.device = "cpu"
        self.device_label = "CPU"
        self.fallback_reason: str | None = None
        self.dtype = torch.float32
        self.base_scheduler: dict[str, Any] = {}
        self.offloaded = False
        self.slicing = False
        self.threads: int | None = None
        self.openvino: Any = None  # the loaded model's OpenVINO UNet, once it has been asked for
        self._cancelled: IsCancelled = lambda: False

    # loading -------------------------------------------------------------------------

    def ensure_loaded(self, job: jobs.ImageJob, emit: Emit, cancelled: IsCancelled) -> float | None:
        device, label, reason = choose_device(job.device)
        offload = device == "cuda" and self._wants_offload(job)
        key = (job.model_path, job.model_sha256, job.config_dir, job.variant, job.family, device, offload)
        self._set_threads(job)
        if self.pipe is not None and self.key == key:
            return None
        self.unload()
        started = time.perf_counter()
        hashed = verify_before_load(job, emit, cancelled)
        dtype = torch.float16 if device == "cuda" else torch.float32
        pipe = self._load(job, dtype)
        check_loaded_same(job, hashed)  # a single file swapped during the load is refused
        pipe.set_progress_bar_config(disable=True)
        if offload:
            pipe.enable_model_cpu_offload()
        else:
            pipe.to(device)
        if device == "cpu":
            # NHWC is oneDNN's preferred layout for convolutions on x86 (Intel's advice);
            # measured neutral on a 2-core AVX-512 machine (docs/benchmarks.md), never slower.
            pipe.unet.to(memory_format=torch.channels_last)
            pipe.vae.to(memory_format=torch.channels_last)
        self._add_cancel_hooks(pipe)
        self.pipe, self.key, self.dtype, self.offloaded = pipe, key, dtype, offload
        self.device, self.device_label, self.fallback_reason = device, label, reason
        self.base_scheduler = dict(pipe.scheduler.config)
        emit(jobs.Progress(job.job_id, 1, 1, "load"))
        return time.perf_counter() - started

    @staticmethod
    def _load(job: jobs.ImageJob, dtype: torch.dtype) -> Any:
        family = FAMILIES[job.family]
        cls = diffusers.StableDiffusionXLPipeline if family.xl else diffusers.StableDiffusionPipeline
        if job.model_format == "diffusers":
            options: dict[str, Any] = {"local_files_only": True, "use_safetensors": True, "dtype": dtype}
            if not family.xl:  # no safety-checker weights are loaded (none ship with single files either)
                options.update(safety_checker=None, feature_extractor=None, requires_safety_checker=False)
            if job.variant:
                options["variant"] = job.variant
            return cls.from_pretrained(job.model_path, **options)
        config = Path(job.config_dir) if job.config_dir else family.config_dir
        tokenizers = {} if job.config_dir else bundled_tokenizers(family)
        return cls.from_single_file(job.model_path, config=str(config), local_files_only=True, dtype=dtype,
                                    **tokenizers)

    @staticmethod
    def _wants_offload(job: jobs.ImageJob) -> bool:
        if job.memory.cpu_offload != "auto":
            return job.memory.cpu_offload == "on"
        total = torch.cuda.get_device_properties(0).total_memory
        return total < (10 if FAMILIES[job.family].xl else 6) * 1024**3

    def _set_threads(self, job: jobs.ImageJob) -> None:
        threads = job.threads or physical_cores()
        if threads != self.threads:
            torch.set_num_threads(threads)
            self.threads = threads

    def _add_cancel_hooks(self, pipe: Any) -> None:
        """Check for a cancel before each big block of the UNet and the VAE decoder: a full
        step takes seconds on a CPU, a block a fraction of one."""

        def check(_module: Any, _inputs: Any) -> None:
            if self._cancelled():
                raise Stopped()

        blocks = [*pipe.unet.down_blocks, pipe.unet.mid_block, *pipe.unet.up_blocks, *pipe.vae.decoder.up_blocks]
        for block in blocks:
            if block is not None:
                block.register_forward_pre_hook(check)

    def unload(self) -> None:
        self.pipe, self.img2img, self.key, self.slicing, self.openvino = None, None, None, False, None
        if torch.cuda.is_available():
            torch.cuda.empty_cache()

    def _pipeline_for(self, job: jobs.ImageJob) -> Any:
        if job.init_image is None:
            return self.pipe
        if self.img2img is None:  # the same modules, so no extra memory
            if FAMILIES[job.family].xl:
                self.img2img = diffusers.StableDiffusionXLImg2ImgPipeline(**self.pipe.components)
            else:
                self.img2img = diffusers.StableDiffusionImg2ImgPipeline(**self.pipe.components,
                                                                        requires_safety_checker=False)
            self.img2img.set_progress_bar_config(disable=True)
        return self.img2img

    def _apply_memory_options(self, pipe: Any, job: jobs.ImageJob) -> dict[str, bool]:
        big = job.width * job.height > 1024 * 1024
        small_gpu = self.device == "cuda" and torch.cuda.get_device_properties(0).total_memory < 8 * 1024**3
        tiling = job.memory.vae_tiling == "on" or (job.memory.vae_tiling == "auto" and big)
        slicing = job.memory.attention_slicing == "on" or (job.memory.attention_slicing == "auto" and small_gpu)
        if tiling != bool(pipe.vae.use_tiling):
            pipe.vae.enable_tiling() if tiling else pipe.vae.disable_tiling()
        if slicing != self.slicing:  # switching resets every attention processor: only on change
            pipe.enable_attention_slicing() if slicing else pipe.disable_attention_slicing()
            self.slicing = slicing
        return {"vae_tiling": tiling, "attention_slicing": slicing, "cpu_offload": self.offloaded}

    # generating ----------------------------------------------------------------------

    def handle(self, job: jobs.ImageJob, emit: Emit, cancelled: IsCancelled) -> None:
        try:
            load_seconds = self.ensure_loaded(job, emit, cancelled)
            init = load_init_image(job.init_image, job.width, job.height) if job.init_image else None
        except BadInput as exc:
            emit(jobs.Failed(job.job_id, str(exc), "bad_input"))
            return
        except Cancelled:
            emit(jobs.Cancelled(job.job_id, {"images": []}))
            return
        except Exception as exc:  # diffusers raises many kinds for an unloadable checkpoint
            log.exception("loading %s failed", job.model_path)
            self.unload()
            emit(jobs.Failed(job.job_id, f"the model could not be loaded ({exc})", "bad_input"))
            return
        try:
            engine, engine_note = self._choose_cpu_engine(job, emit, cancelled)
        except Stopped:
            emit(jobs.Cancelled(job.job_id, {"images": []}))
            return
        prompt_tokens = len(self.pipe.tokenizer(job.prompt).input_ids)
        emit(jobs.Started(job.job_id, self.device_label, self.fallback_reason, CLIP_CONTEXT, prompt_tokens, 0,
                          load_seconds))
        self._generate(job, init, emit, cancelled, load_seconds, prompt_tokens,
                       {"cpu_engine": engine, "cpu_engine_note": engine_note})

    def _choose_cpu_engine(self, job: jobs.ImageJob, emit: Emit, cancelled: IsCancelled) -> tuple[str, str | None]:
        """Put the UNet the job asks for in place: OpenVINO (converting it on first use, with
        progress as the "convert" stage) or PyTorch. Returns (what runs it, why not OpenVINO
        when it was asked for and cannot be used: the job then runs in PyTorch)."""
        unet = self.pipe.unet
        unet.__dict__.pop("forward", None)  # PyTorch's own forward unless OpenVINO is set below
        if job.cpu_engine != "openvino" or self.device != "cpu":
            return "pytorch", None
        if FAMILIES[job.family].xl:
            return "pytorch", "OpenVINO runs SD 1.x and 2.x models; this SDXL model ran in PyTorch."
        if unet.config.time_cond_proj_dim is not None:  # LCM-distilled: the UNet takes a guidance input too
            return "pytorch", "OpenVINO does not run this model's guidance-embedding UNet yet; it ran in PyTorch."
        from engine.image import openvino_unet

        bf16 = job.cpu_bf16 and cpu_has_native_bf16()
        progress = lambda done, total: emit(jobs.Progress(job.job_id, done, total, "convert"))  # noqa: E731
        self._cancelled = cancelled  # the cancel hooks see a cancel while the UNet is traced
        try:
            if self.openvino is None or self.openvino.precision != ("bf16" if bf16 else "f32"):
                self.openvino, _converted = openvino_unet.prepare(
                    unet, job.model_path, job.model_sha256, bf16=bf16, threads=self.threads or physical_cores(),
                    cancelled=cancelled, progress=progress)
            progress(2, 3)
            self.openvino.compile_for(self._unet_shapes(job))  # now, not inside the first step
            progress(3, 3)
        except ImportError:
            return "pytorch", "OpenVINO is not installed (the cpu-accel extra), so the images were computed in PyTorch."
        except Exception as exc:  # a model OpenVINO cannot convert, a full disk, a read-only folder
            if cancelled():
                raise Stopped() from None
            log.exception("preparing the UNet for OpenVINO failed")
            self.openvino = None
            return "pytorch", f"OpenVINO could not convert this model ({exc}); the images were computed in PyTorch."
        finally:
            self._cancelled = lambda: False
        unet.forward = self.openvino.forward  # an instance attribute: nn.Module.__call__ now runs OpenVINO
        return "openvino", None

    def _unet_shapes(self, job: jobs.ImageJob) -> tuple[tuple[int, ...], ...]:
        """The UNet's input shapes for this job (what the pipeline will pass it)."""
        unet = self.pipe.unet
        batch = 2 if job.guidance > 1 and unet.config.time_cond_proj_dim is None else 1
        scale = self.pipe.vae_scale_factor
        return ((batch, unet.config.in_channels, job.height // scale, job.width // scale), (batch,),
                (batch, CLIP_CONTEXT, unet.config.cross_attention_dim))

    def _generate(self, job: jobs.ImageJob, init: Image.Image | None, emit: Emit, cancelled: IsCancelled,
                  load_seconds: float | None, prompt_tokens: int, engine: dict[str, Any]) -> None:
        pipe = self._pipeline_for(job)
        pipe.scheduler = make_scheduler(job.scheduler, self.base_scheduler, job.prediction)
        memory = self._apply_memory_options(pipe, job)
        family = FAMILIES[job.family]
        images: list[dict[str, Any]] = []
        steps_per_image = [job.steps if init is None else min(int(job.steps * job.strength), job.steps)]
        bf16 = job.cpu_bf16 and self.device == "cpu" and cpu_has_native_bf16()

        def precision() -> Any:
            return torch.autocast("cpu", dtype=torch.bfloat16) if bf16 else contextlib.nullcontext()

        started = time.perf_counter()
        last_preview = [float("-inf")]
        self._cancelled = cancelled

        def on_step_end(pipeline: Any, step: int, _timestep: Any, callback_kwargs: dict[str, Any]) -> dict[str, Any]:
            if cancelled():
                pipeline._interrupt = True  # the pipeline's own stop flag ...
                raise Stopped()  # ... and no VAE decode of a picture nobody wants
            steps_per_image[0] = pipeline.num_timesteps
            total = steps_per_image[0] * job.count
            done = index * steps_per_image[0] + step + 1
            seconds = time.perf_counter() - started
            eta = seconds / done * (total - done) if done else None
            preview = None
            last = step + 1 == steps_per_image[0]
            if job.preview_every and (last or ((step + 1) % job.preview_every == 0
                                               and time.perf_counter() - last_preview[0] >= PREVIEW_SECONDS)):
                preview = preview_png(callback_kwargs["latents"], family.xl)
                last_preview[0] = time.perf_counter()
            emit(jobs.Progress(job.job_id, done, total, "denoise", preview, seconds, eta))
            return callback_kwargs

        finish = "done"
        try:
            for index in range(job.count):
                image_started = time.perf_counter()
                seed = job.seed + index
                arguments: dict[str, Any] = {
                    "prompt": job.prompt, "negative_prompt": job.negative or None,
                    "num_inference_steps": job.steps, "guidance_scale": job.guidance,
                    "generator": torch.Generator("cpu").manual_seed(seed),
                    "callback_on_step_end": on_step_end, "output_type": "pil",
                }
                if init is None:
                    arguments.update(width=job.width, height=job.height)
                else:
                    arguments.update(image=init, strength=job.strength)
                with torch.inference_mode(), precision():
                    picture = pipe(**arguments).images[0]
                path = Path(job.output_paths[index])
                save_png(picture, path, self._parameters(job, seed) if job.write_parameters else None)
                images.append({"path": str(path), "seed": seed, "width": picture.width, "height": picture.height,
                               "seconds": time.perf_counter() - image_started})
        except Stopped:
            finish = "cancelled"
        except torch.cuda.OutOfMemoryError:
            log.exception("out of GPU memory")
            finish = "the GPU ran out of memory; choose a smaller size or turn on CPU offload"
        except (RuntimeError, ValueError) as exc:
            log.exception("generation failed")
            if "out of memory" in str(exc).lower() or "can't allocate" in str(exc).lower():
                finish = "the computer ran out of memory; choose a smaller size or model"
            else:
                finish = f"generation failed inside diffusers ({exc})"
        finally:
            self._cancelled = lambda: False
        result = {
            "images": images, "seconds": time.perf_counter() - started, "load_seconds": load_seconds,
            "steps_run": steps_per_image[0], "prompt_tokens": prompt_tokens,
            "device": self.device_label,
            "dtype": (f"OpenVINO {self.openvino.precision}" if engine["cpu_engine"] == "openvino"
                      else "bfloat16 autocast" if bf16 else str(self.dtype).removeprefix("torch.")),
            "threads": self.threads if self.device == "cpu" else None, "memory": memory, **engine,
            "versions": library_versions("torch", "diffusers", "transformers", "accelerate", "safetensors"),
        }
        if finish == "done":
            emit(jobs.Done(job.job_id, result))
        elif finish == "cancelled":
            emit(jobs.Cancelled(job.job_id, result))
        else:  # the images finished before the failure are kept and recorded
            emit(jobs.Failed(job.job_id, finish, "internal", result))

    @staticmethod
    def _parameters(job: jobs.ImageJob, seed: int) -> str:
        settings = png_parameters.a1111_settings(
            steps=job.steps, sampler=job.scheduler, guidance=job.guidance, seed=seed, width=job.width,
            height=job.height, model_sha256=job.model_sha256, model_name=job.model_name,
            strength=job.strength if job.init_image else None)
        return png_parameters.format_parameters(job.prompt, job.negative, settings)


def make_handler() -> Callable[[jobs.ImageJob, Emit, IsCancelled], None]:
    """The factory :mod:`engine.backends.worker_process` calls in the child."""
    return ImageWorker().handle
