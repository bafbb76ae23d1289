"""``airlock bench image``: raw diffusers against the engine on the same work, then faster CPU paths.

The model is the full-size Stable Diffusion 1.5 architecture built from the bundled
configs (``resources/diffusers/sd15``) with random weights (seeded, so every run builds
the same one), written once as an original-layout fp16 checkpoint under the home's
``cache/``: nothing is downloaded, and both sides load it exactly as a user's
checkpoint is loaded, through ``from_single_file`` with the bundled configs and
``local_files_only=True``.

Both sides run the same prompt, seed, scheduler (Euler), guidance and size, at two step
counts; seconds per step is the difference of the two wall times divided by the
difference of the step counts, so text encoding, VAE decoding and (for the engine) the
process hop, PNG write and history record cancel out of it but stay in the totals. The
step intervals seen by the step callbacks (for the engine: when each step's event
reaches this process) give a second, independent estimate. After one warm-up each, the
runs alternate raw/engine and are repeated (``runs`` times), and the medians are
reported, because a small shared machine drifts by several percent from minute to minute.

Then, on the raw pipeline, the faster CPU paths: channels_last, bf16 autocast (where the
CPU has native bf16), torch.compile (in a child process with a time budget, since
compiling the UNet takes minutes on a small machine) and the UNet run by OpenVINO in
bfloat16 (when the ``cpu-accel`` extra is installed). Each is checked against the fp32
eager image from the same seed (PSNR, SSIM). Random weights make noise-like pictures,
which is a harder fidelity test than a real image, not an easier one.

This module and the raw side import torch in the calling process: it is a benchmark,
never part of the GUI.
"""

from __future__ import annotations

import gc
import math
import multiprocessing
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine import jobs
from engine.registry.image_families import FAMILIES
from engine.image.runner import ImageRequest, run_image
from engine.workspace import Workspace

PROMPT = "a photograph of a red bicycle leaning on a brick wall at golden hour, detailed"
NEGATIVE = "blurry, low quality"
SEED = 1234
GUIDANCE = 7.5
SCHEDULER = "Euler"
MODEL_NAME = "bench-sd15-random"
WEIGHTS_SEED = 0
COMPILE_BUDGET_SECONDS = 900
Report = Callable[[str], None]


# the model ------------------------------------------------------------------------------


def random_sd15_checkpoint(cache: Path, report: Report) -> Path:
    """The full-size SD 1.5 architecture with seeded random weights, as one fp16 checkpoint."""
    path = cache / f"sd15-random-{WEIGHTS_SEED}.safetensors"
    if path.is_file():
        return path
    import torch
    from diffusers import AutoencoderKL, UNet2DConditionModel
    from safetensors.torch import save_file
    from transformers import CLIPTextConfig, CLIPTextModel

    from engine.bench.ldm_layout import ldm_checkpoint

    report("building a full-size SD 1.5 with random weights (once; cached in the home)")
    configs = FAMILIES["sd15"].config_dir
    torch.manual_seed(WEIGHTS_SEED)
    unet_config = UNet2DConditionModel.load_config(configs / "unet")
    vae_config = AutoencoderKL.load_config(configs / "vae")
    unet = UNet2DConditionModel.from_config(unet_config)
    vae = AutoencoderKL.from_config(vae_config)
    text = CLIPTextModel(CLIPTextConfig.from_pretrained(configs / "text_encoder"))
    state = ldm_checkpoint("sd1", {"unet": unet.state_dict(), "vae": vae.state_dict(),
                                   "text_encoder": text.state_dict()}, unet_config, vae_config)
    state = {k: v.to(torch.float16).contiguous() for k, v in state.items()}
    del unet, vae, text
    cache.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    save_file(state, str(partial), metadata={"format": "pt", "airlock.note": "random weights for benchmarks"})
    partial.replace(path)
    del state
    gc.collect()
    return path


def load_raw_pipeline(checkpoint: Path) -> Any:
    """The raw baseline: diffusers as its documentation shows, on the device the engine
    picks (CUDA in fp16 when torch sees a GPU, else the CPU in fp32, eager)."""
    import diffusers
    import torch

    from engine.image.worker import bundled_tokenizers, make_scheduler
    from engine.machine import physical_cores

    torch.set_num_threads(physical_cores())
    cuda = torch.cuda.is_available()
    family = FAMILIES["sd15"]
    pipe = diffusers.StableDiffusionPipeline.from_single_file(
        str(checkpoint), config=str(family.config_dir), local_files_only=True,
        dtype=torch.float16 if cuda else torch.float32, **bundled_tokenizers(family))
    pipe.scheduler = make_scheduler(SCHEDULER, dict(pipe.scheduler.config), "epsilon")
    pipe.set_progress_bar_config(disable=True)
    if cuda:
        pipe.to("cuda")
    return pipe


def raw_run(pipe: Any, steps: int, size: int, *, autocast: Any = None) -> dict[str, Any]:
    import contextlib

    import torch

    marks: list[float] = []

    def on_step_end(_pipe: Any, _step: int, _t: Any, kwargs: dict[str, Any]) -> dict[str, Any]:
        marks.append(time.perf_counter())
        return kwargs

    context = torch.autocast("cpu", dtype=autocast) if autocast is not None else contextlib.nullcontext()
    started = time.perf_counter()
    with torch.inference_mode(), context:
        image = pipe(PROMPT, negative_prompt=NEGATIVE, num_inference_steps=steps, guidance_scale=GUIDANCE,
                     width=size, height=size, generator=torch.Generator("cpu").manual_seed(SEED),
                     callback_on_step_end=on_step_end).images[0]
    return {"seconds": time.perf_counter() - started, "intervals": _intervals(started, marks), "image": image}


def engine_run(ws: Workspace, steps: int, size: int, out: Path, **options: Any) -> dict[str, Any]:
    """One run through the engine (worker process, events, PNG, history); ``options`` are
    more ImageRequest fields (``cpu_engine="openvino"``)."""
    from PIL import Image

    marks: list[float] = []
    converting: list[float] = []

    def on_event(event: Any) -> None:
        if isinstance(event, jobs.Progress) and event.stage == "denoise":
            marks.append(time.perf_counter())
        if isinstance(event, jobs.Progress) and event.stage == "convert":
            converting.append(time.perf_counter())

    started = time.perf_counter()
    outcome = run_image(ws, ImageRequest(model=MODEL_NAME, prompt=PROMPT, negative=NEGATIVE, steps=steps,
                                         guidance=GUIDANCE, width=size, height=size, seed=SEED,
                                         scheduler=SCHEDULER, preset="standard", out=str(out), **options),
                        on_event)
    seconds = time.perf_counter() - started  # after the PNG write and the history record
    if not outcome.ok:
        raise RuntimeError(f"engine run failed: {outcome.event}")
    with Image.open(out) as image:
        picture = image.convert("RGB")
    return {"seconds": seconds, "intervals": _intervals(started, marks), "image": picture,
            "device": outcome.event.result.get("device"), "dtype": outcome.event.result.get("dtype"),
            "cpu_engine": outcome.event.result.get("cpu_engine"), "notes": list(outcome.notes),
            "prepare_seconds": converting[-1] - converting[0] if converting else 0.0}


def engine_openvino(ws: Workspace, steps: tuple[int, int], size: int, runs: int, raw: dict[str, Any],
                    reference: Any, work: Path, report: Report) -> dict[str, Any]:
    """The product's fastest CPU path measured through the engine: the UNet by OpenVINO
    (bf16 where the CPU has it natively), converted on the first run (timed, then cached
    beside the model), against raw fp32 eager diffusers of the same run."""
    from engine.image import openvino_unet
    from engine.machine import cpu_has_native_bf16

    version = openvino_unet.openvino_version()
    if version is None:
        return {"skipped": "OpenVINO is not installed (pip install -e '.[cpu-accel]')"}
    bf16 = cpu_has_native_bf16()
    model = ws.registry.get(MODEL_NAME)
    cached = (openvino_unet.cache_dir(model.path, model.sha256, version) / "unet.xml").is_file()
    report("engine with OpenVINO: first run " + ("(the UNet is cached)" if cached else
                                                 "(converting the UNet; minutes on a small machine)"))
    first = engine_run(ws, 1, size, work / "ov-warm.png", cpu_engine="openvino", cpu_bf16=bf16)
    if first["cpu_engine"] != "openvino":
        return {"skipped": " ".join(first["notes"]) or "the engine ran PyTorch"}
    low, high = steps
    timed: dict[int, list[dict[str, Any]]] = {n: [] for n in steps}
    for repeat in range(runs):
        for n in steps:
            report(f"engine with OpenVINO, run {repeat + 1}/{runs}, {n} step(s)")
            timed[n].append(engine_run(ws, n, size, work / f"ov-{n}-{repeat + 1}.png", cpu_engine="openvino",
                                       cpu_bf16=bf16))
    summary = _summary(timed, steps)
    return {**summary, "dtype": timed[high][-1]["dtype"], "openvino": version,
            "first_run_prepare_seconds": round(first["prepare_seconds"], 1), "was_cached": cached,
            "speedup_per_step": raw["s_per_step"] / summary["s_per_step"],
            "speedup_per_step_intervals": (raw["s_per_step_intervals"] / summary["s_per_step_intervals"]
                                           if summary["s_per_step_intervals"] else None),
            "speedup_total": raw["seconds"][str(high)] / summary["seconds"][str(high)],
            "fidelity_vs_raw_fp32": fidelity(timed[high][-1]["image"], reference)}


def _intervals(started: float, marks: list[float]) -> list[float]:
    return [b - a for a, b in zip(marks, marks[1:])]


# fidelity -------------------------------------------------------------------------------


def psnr(a: Any, b: Any) -> float:
    import numpy as np

    x, y = (np.asarray(i.convert("RGB"), dtype=np.float64) for i in (a, b))
    mse = float(((x - y) ** 2).mean())
    return math.inf if mse == 0 else 10 * math.log10(255.0**2 / mse)


def ssim(a: Any, b: Any) -> float:
    """Mean SSIM on luminance with the usual 11x11 Gaussian window (sigma 1.5)."""
    import numpy as np
    import torch
    import torch.nn.functional as F

    def luminance(image: Any) -> torch.Tensor:
        pixels = np.asarray(image.convert("L"), dtype=np.float64)
        return torch.from_numpy(pixels).reshape(1, 1, image.height, image.width)

    x, y = luminance(a), luminance(b)
    coords = torch.arange(11, dtype=torch.float64) - 5
    gauss = torch.exp(-(coords**2) / (2 * 1.5**2))
    gauss /= gauss.sum()
    window = (gauss[:, None] * gauss[None, :]).expand(1, 1, 11, 11)

    def blur(t: torch.Tensor) -> torch.Tensor:
        return F.conv2d(t, window)

    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    mx, my = blur(x), blur(y)
    vx, vy, cov = blur(x * x) - mx * mx, blur(y * y) - my * my, blur(x * y) - mx * my
    value = ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2))
    return float(value.mean())


def fidelity(image: Any, reference: Any) -> dict[str, float | None]:
    value = psnr(image, reference)
    return {"psnr_db": None if math.isinf(value) else round(value, 2), "identical": math.isinf(value),
            "ssim": round(ssim(image, reference), 5)}


# faster CPU paths -----------------------------------------------------------------------------


def _compile_child(checkpoint: str, size: int, steps: int, conn: Any) -> None:
    """Runs in a child process: compile the UNet, warm it up, then time ``steps`` steps."""
    import io

    import torch

    pipe = load_raw_pipeline(Path(checkpoint))
    started = time.perf_counter()
    pipe.unet = torch.compile(pipe.unet)
    raw_run(pipe, 1, size)  # compiles
    compile_seconds = time.perf_counter() - started
    run = raw_run(pipe, steps, size)
    buffer = io.BytesIO()
    run["image"].save(buffer, format="PNG")
    conn.send({"compile_seconds": compile_seconds, "seconds": run["seconds"], "intervals": run["intervals"],
               "png": buffer.getvalue()})


def compiled_run(checkpoint: Path, size: int, steps: int, budget: float) -> dict[str, Any]:
    from PIL import Image

    context = multiprocessing.get_context("spawn")
    reader, writer = context.Pipe(duplex=False)
    process = context.Process(target=_compile_child, args=(str(checkpoint), size, steps, writer), daemon=True)
    started = time.perf_counter()
    process.start()
    writer.close()
    try:
        if not reader.poll(budget):
            return {"error": f"did not compile and run within {budget:.0f} s", "seconds_waited":
                    round(time.perf_counter() - started, 1)}
        result = reader.recv()
    except EOFError:
        return {"error": f"the compile process ended with exit code {process.exitcode}"}
    finally:
        if process.is_alive():
            process.kill()
        process.join(10)
        reader.close()
    import io

    result["image"] = Image.open(io.BytesIO(result.pop("png"))).convert("RGB")
    return result


def openvino_unet(pipe: Any, size: int, report: Report) -> dict[str, Any]:
    """The pipeline's UNet converted for OpenVINO's CPU plugin in bfloat16, as a drop-in
    ``forward`` for it (raises ImportError without the ``cpu-accel`` extra).

    The UNet (about 90% of the time of a step) is traced and converted with
    ``openvino.convert_model`` (no optimum-intel: its pins on transformers fight diffusers'),
    compiled with ``INFERENCE_PRECISION_HINT=bf16`` and static shapes (the guidance batch
    of 2, this size). The text encoder, scheduler and VAE stay the same PyTorch fp32 code,
    so the image differs only by what the UNet's precision changes.
    """
    import openvino as ov  # its telemetry is kept out by engine.offline
    import torch
    from diffusers.models.unets.unet_2d_condition import UNet2DConditionOutput

    class UNetOnly(torch.nn.Module):
        def __init__(self, unet: Any) -> None:
            super().__init__()
            self.unet = unet

        def forward(self, sample: Any, timestep: Any, text: Any) -> Any:
            return self.unet(sample, timestep, text, return_dict=False)[0]

    latent, width = size // pipe.vae_scale_factor, pipe.text_encoder.config.hidden_size
    example = (torch.randn(2, 4, latent, latent), torch.full((2,), 999.0), torch.randn(2, 77, width))
    report("variant: OpenVINO bf16 UNet (converting the UNet; about 1.5 minutes here)")
    started = time.perf_counter()
    with torch.no_grad():
        model = ov.convert_model(UNetOnly(pipe.unet), example_input=example)
    model.reshape({port: ov.PartialShape(list(t.shape)) for port, t in zip(model.inputs, example)})
    compiled = ov.Core().compile_model(model, "CPU", {
        "INFERENCE_PRECISION_HINT": "bf16", "PERFORMANCE_HINT": "LATENCY",
        "INFERENCE_NUM_THREADS": torch.get_num_threads()})
    request = compiled.create_infer_request()

    def forward(sample: Any, timestep: Any, encoder_hidden_states: Any, *_args: Any, return_dict: bool = True,
                **_kwargs: Any) -> Any:
        t = torch.as_tensor(timestep, dtype=torch.float32).reshape(-1).expand(sample.shape[0])
        result = request.infer([sample.float().contiguous().numpy(), t.contiguous().numpy(),
                                encoder_hidden_states.float().contiguous().numpy()])
        out = torch.from_numpy(result[compiled.output(0)].copy())
        return UNet2DConditionOutput(sample=out) if return_dict else (out,)

    return {"forward": forward, "convert_seconds": time.perf_counter() - started,
            "openvino": ov.get_version().split("-")[0]}


def openvino_run(pipe: Any, size: int, steps: int, report: Report,
                 converted: dict[str, Any] | None = None) -> dict[str, Any]:
    """A raw run with the UNet in OpenVINO (:func:`openvino_unet`; ``converted`` reuses one)."""
    try:
        converted = converted or openvino_unet(pipe, size, report)
    except ImportError:
        return {"error": "OpenVINO is not installed (pip install -e '.[cpu-accel]')"}
    pipe.unet.forward = converted["forward"]  # an instance attribute: nn.Module.__call__ now runs OpenVINO
    try:
        raw_run(pipe, 1, size)  # the first inference prepares its kernels
        run = raw_run(pipe, steps, size)
    finally:
        del pipe.unet.forward
    return {**run, "convert_seconds": converted["convert_seconds"], "openvino": converted["openvino"]}


# the benchmark ---------------------------------------------------------------------------------


def _summary(runs: dict[int, list[dict[str, Any]]], steps: tuple[int, int]) -> dict[str, Any]:
    """Median wall times per step count; s/step from each repeat's pair, then the median."""
    low, high = steps
    pairs = [(b["seconds"] - a["seconds"]) / (high - low) for a, b in zip(runs[low], runs[high])]
    return {"seconds": {str(n): round(statistics.median(r["seconds"] for r in runs[n]), 2) for n in steps},
            "s_per_step": statistics.median(pairs), "s_per_step_runs": [round(p, 3) for p in pairs],
            "s_per_step_intervals": median_interval(*runs[high])}


def median_interval(*runs: dict[str, Any]) -> float | None:
    intervals = [i for run in runs for i in run["intervals"]]
    return statistics.median(intervals) if intervals else None


def bench_image(ws: Workspace, *, steps: tuple[int, int] = (1, 4), size: int = 512, runs: int = 2,
                variants: bool = True, compile_budget: float = COMPILE_BUDGET_SECONDS,
                progress: Report | None = None) -> dict[str, Any]:
    import torch

    report = progress or (lambda line: None)
    checkpoint = random_sd15_checkpoint(ws.home.root / "cache" / "bench", report)
    existing = ws.registry.find(MODEL_NAME)
    if existing is not None and existing.path != str(checkpoint.resolve()):
        ws.registry.remove(MODEL_NAME)
        existing = None
    if existing is None:
        report("hashing the benchmark checkpoint")
        ws.registry.import_model(checkpoint, name=MODEL_NAME, link=True)
    work = Path(tempfile.mkdtemp(prefix="airlock-bench-"))
    try:
        report("loading the raw pipeline")
        pipe = load_raw_pipeline(checkpoint)
        report("warming up (one step each way; the engine's worker loads the model)")
        raw_run(pipe, 1, size)
        engine_run(ws, 1, size, work / "warm.png")
        raw_runs: dict[int, list[dict[str, Any]]] = {n: [] for n in steps}
        engine_runs: dict[int, list[dict[str, Any]]] = {n: [] for n in steps}
        for repeat in range(runs):
            for n in steps:
                report(f"run {repeat + 1}/{runs}, {n} step(s): raw diffusers")
                raw_runs[n].append(raw_run(pipe, n, size))
                report(f"run {repeat + 1}/{runs}, {n} step(s): engine")
                engine_runs[n].append(engine_run(ws, n, size, work / f"engine-{n}-{repeat + 1}.png"))
        low, high = steps
        raw, engine = _summary(raw_runs, steps), _summary(engine_runs, steps)
        engine["device"] = engine_runs[high][-1]["device"]
        reference = raw_runs[high][-1]["image"]
        result: dict[str, Any] = {
            "model": "Stable Diffusion 1.5 architecture, random weights (fp16 checkpoint, run in fp32)",
            "size": f"{size}x{size}", "steps": list(steps), "scheduler": SCHEDULER, "guidance": GUIDANCE,
            "threads": torch.get_num_threads(), "torch": torch.__version__,
            "raw": raw, "engine": engine,
            "runs": runs,
            "ratio": {"speed_per_step": raw["s_per_step"] / engine["s_per_step"],
                      "speed_per_step_intervals": (raw["s_per_step_intervals"] / engine["s_per_step_intervals"]
                                                   if engine["s_per_step_intervals"] else None),
                      "speed_total": raw["seconds"][str(high)] / engine["seconds"][str(high)]},
            "engine_vs_raw_fidelity": fidelity(engine_runs[high][-1]["image"], reference),
        }
        if "cuda" not in str(pipe.device):  # the product's fast CPU path, through the engine
            result["engine_openvino"] = engine_openvino(ws, steps, size, runs, raw, reference, work, report)
        if variants and "cuda" not in str(pipe.device):
            ws.image_worker.stop()  # free its copy of the weights for the variants
            result["variants"] = _variants(pipe, checkpoint, size, high, raw_runs[high][-1], compile_budget,
                                           report)
        return result
    finally:
        ws.registry.remove(MODEL_NAME)  # a random model has no place in the user's list
        for path in work.glob("*"):
            path.unlink(missing_ok=True)
        work.rmdir()


def _variants(pipe: Any, checkpoint: Path, size: int, steps: int, baseline: dict[str, Any], budget: float,
              report: Report) -> dict[str, Any]:
    import torch

    from engine.machine import cpu_has_native_bf16

    base_step = median_interval(baseline)
    results: dict[str, Any] = {"fp32_eager": {"seconds": round(baseline["seconds"], 2),
                                              "s_per_step": base_step, "speedup_per_step": 1.0}}

    def record(name: str, run: dict[str, Any], *extra: str) -> None:
        """The run's speed and fidelity, or why it was skipped; ``extra`` keys are copied."""
        if "error" in run:
            results[name] = {"skipped": run["error"]}
            return
        step = median_interval(run)
        results[name] = {"seconds": round(run["seconds"], 2), "s_per_step": step,
                         "speedup_per_step": base_step / step if step and base_step else None,
                         "speedup_total": baseline["seconds"] / run["seconds"],
                         **fidelity(run["image"], baseline["image"]),
                         **{key: round(v, 1) if isinstance(v := run[key], float) else v for key in extra}}

    report("variant: channels_last")
    pipe.unet.to(memory_format=torch.channels_last)
    pipe.vae.to(memory_format=torch.channels_last)
    raw_run(pipe, 1, size)
    record("channels_last", raw_run(pipe, steps, size))
    if cpu_has_native_bf16():
        report("variant: bf16 autocast + channels_last")
        raw_run(pipe, 1, size, autocast=torch.bfloat16)
        record("bf16_autocast_channels_last", raw_run(pipe, steps, size, autocast=torch.bfloat16))
    else:
        results["bf16_autocast_channels_last"] = {"skipped": "this CPU has no native bf16 (avx512_bf16 or AMX)"}
    if budget <= 0:
        compiled: dict[str, Any] = {"error": "not tried (--no-compile)"}
    else:
        report(f"variant: torch.compile (child process, up to {budget:.0f} s)")
        compiled = compiled_run(checkpoint, size, steps, budget)
    record("torch_compile", compiled, "compile_seconds")
    record("openvino_bf16", openvino_run(pipe, size, steps, report), "convert_seconds", "openvino")
    results["tiny_vae"] = {"skipped": "no TAESD weights are installed (none ship on PyPI), so the full VAE "
                                      "decoder is used; a tiny VAE would only speed up the decode"}
    return results


def format_image_report(report: dict[str, Any]) -> str:
    raw, engine, ratio = report["raw"], report["engine"], report["ratio"]
    low, high = report["steps"]
    lines = [
        f"{report['model']}, {report['size']}, {report['scheduler']}, guidance {report['guidance']}, "
        f"{report['threads']} threads, torch {report['torch']}",
        f"{'':<8}{f'{low} step(s)':>12}{f'{high} steps':>12}{'s/step':>10}{'s/step (intervals)':>20}",
    ]
    for name, side in (("raw", raw), ("engine", engine)):
        intervals = side["s_per_step_intervals"]
        interval_text = "-" if intervals is None else f"{intervals:.2f}"
        lines.append(f"{name:<8}{side['seconds'][str(low)]:>11.1f}s{side['seconds'][str(high)]:>11.1f}s"
                     f"{side['s_per_step']:>10.2f}{interval_text:>20}")
    lines.append(f"engine/raw speed per step {ratio['speed_per_step']:.3f} (intervals "
                 f"{ratio['speed_per_step_intervals'] or float('nan'):.3f}), total {ratio['speed_total']:.3f}; "
                 f"engine image vs raw: {_fidelity_text(report['engine_vs_raw_fidelity'])}")
    accelerated = report.get("engine_openvino")
    if accelerated and "skipped" in accelerated:
        lines.append(f"engine with OpenVINO: skipped: {accelerated['skipped']}")
    elif accelerated:
        lines.append(
            f"engine with OpenVINO ({accelerated['dtype']}): {accelerated['s_per_step']:.2f} s/step, "
            f"x{accelerated['speedup_per_step']:.2f} per step over raw fp32 eager (intervals "
            f"x{accelerated['speedup_per_step_intervals'] or float('nan'):.2f}, total x{accelerated['speedup_total']:.2f}); "
            f"{_fidelity_text(accelerated['fidelity_vs_raw_fp32'])}; first run prepared the UNet in "
            f"{accelerated['first_run_prepare_seconds']:.0f} s ({'cached' if accelerated['was_cached'] else 'converted'})")
    for name, variant in report.get("variants", {}).items():
        if "skipped" in variant:
            lines.append(f"{name:<30} skipped: {variant['skipped']}")
            continue
        speedup = variant.get("speedup_per_step")
        text = f"{name:<30} {variant['s_per_step']:.2f} s/step, x{speedup:.2f}" if speedup else f"{name:<30}"
        if "psnr_db" in variant:
            text += f", {_fidelity_text(variant)}"
        if "compile_seconds" in variant:
            text += f", compile {variant['compile_seconds']:.0f} s"
        if "convert_seconds" in variant:
            text += f", convert {variant['convert_seconds']:.0f} s (OpenVINO {variant['openvino']})"
        lines.append(text)
    return "\n".join(lines)


def _fidelity_text(values: dict[str, Any]) -> str:
    if values.get("identical"):
        return "identical pixels"
    return f"PSNR {values['psnr_db']:.1f} dB, SSIM {values['ssim']:.4f}"
