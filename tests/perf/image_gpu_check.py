"""A one-shot check of the image engine on a CUDA machine (run by hand: python tests/perf/image_gpu_check.py).

CI has no GPU, so the CUDA path (fp16, CPU offload, cancel on the GPU) is checked with
this script on a lent GPU machine. It builds the tiny test models, runs them through the
real worker on the GPU, then times the full-size SD 1.5 random-weight model raw against
the engine (``airlock bench image`` without the CPU variants). On a machine without CUDA
it runs the same checks on the CPU and says so. Prints one JSON report; exits 1 on a
failed check.
"""

from __future__ import annotations

import json
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from engine import jobs  # noqa: E402
from engine.home import Home  # noqa: E402
from engine.image.runner import ImageRequest, run_image  # noqa: E402
from engine.workspace import Workspace  # noqa: E402
from tests.helpers.tiny_sd import build_tiny_folder, config_only_copy, write_checkpoint  # noqa: E402


def main() -> int:
    import torch

    cuda = torch.cuda.is_available()
    report: dict = {"cuda": cuda, "device_name": torch.cuda.get_device_name(0) if cuda else None,
                    "torch": torch.__version__, "checks": {}}
    failures: list[str] = []

    def check(name: str, ok: bool, detail: object = None) -> None:
        report["checks"][name] = {"ok": bool(ok), "detail": detail}
        if not ok:
            failures.append(name)

    root = Path(tempfile.mkdtemp(prefix="airlock-gpu-"))
    folder = build_tiny_folder(root / "tiny")
    checkpoint = write_checkpoint(folder, root / "tiny.safetensors")
    configs = config_only_copy(folder, root / "configs")
    ws = Workspace(Home(root / "home").ensure())
    try:
        ws.registry.import_model(folder, name="tiny")
        ws.registry.import_model(checkpoint, name="tiny-ckpt", config_dir=configs, link=True)

        def image(**kw):
            kw.setdefault("model", "tiny")
            return run_image(ws, ImageRequest(prompt="a lighthouse at dusk", width=64, height=64, steps=4,
                                              seed=11, **kw))

        first = image(out=str(root / "a.png"))
        result = first.event.result if first.ok else {}
        check("txt2img", first.ok, str(first.event)[:300] if not first.ok else
              {k: result.get(k) for k in ("device", "dtype", "seconds", "load_seconds")})
        expected = ("GPU", "float16") if cuda else ("CPU", "float32")
        check("device_and_dtype", result.get("device", "").startswith(expected[0]) and
              result.get("dtype") == expected[1], [result.get("device"), result.get("dtype")])
        again = image(out=str(root / "b.png"))
        check("same_seed_same_bytes", again.ok and (root / "a.png").read_bytes() == (root / "b.png").read_bytes())
        single = image(model="tiny-ckpt", out=str(root / "c.png"))
        if single.ok:
            from PIL import Image, ImageChops

            with Image.open(root / "a.png") as a, Image.open(root / "c.png") as c:
                diff = ImageChops.difference(a.convert("RGB"), c.convert("RGB")).getextrema()
            check("single_file_matches_folder", max(high for _, high in diff) <= 2, diff)
        else:
            check("single_file_matches_folder", False, str(single.event)[:300])
        (root / "init.png").write_bytes((root / "a.png").read_bytes())
        img2img = image(init_image=str(root / "init.png"), strength=0.5)
        check("img2img", img2img.ok and img2img.event.result["steps_run"] == 2, str(img2img.event)[:200])
        job_ids: list[str] = []
        steps: list[int] = []

        def on_event(event):
            if isinstance(event, jobs.Progress) and event.stage == "denoise":
                steps.append(event.step)
                if len(steps) == 1:
                    threading.Thread(target=ws.image_worker.cancel, args=(job_ids[0],)).start()

        pid = ws.image_worker.pid
        cancelled = run_image(ws, ImageRequest(model="tiny", prompt="x", width=64, height=64, steps=150, seed=1),
                              on_event, on_job=lambda job: job_ids.append(job.job_id))
        check("cancel_within_one_step", isinstance(cancelled.event, jobs.Cancelled) and steps[-1] <= 3
              and ws.image_worker.pid == pid, {"steps_seen": steps[-3:], "event": type(cancelled.event).__name__})
        offload = image(memory=jobs.ImageMemory(cpu_offload="on", attention_slicing="on", vae_tiling="on"))
        check("memory_options", offload.ok and (offload.event.result["memory"]["cpu_offload"] == cuda),
              offload.event.result.get("memory") if offload.ok else str(offload.event)[:300])
        on_cpu = image(device="cpu")
        check("cpu_policy", on_cpu.ok and on_cpu.event.result["device"] == "CPU",
              on_cpu.event.result.get("device") if on_cpu.ok else str(on_cpu.event)[:300])
        ws.image_worker.stop()
        if cuda:
            from engine.bench.image import bench_image

            started = time.perf_counter()
            bench = bench_image(ws, steps=(5, 25), size=512, variants=False)
            bench.pop("variants", None)
            report["bench_gpu"] = bench
            report["bench_gpu_seconds"] = round(time.perf_counter() - started, 1)
            check("bench_ratio", bench["ratio"]["speed_per_step"] > 0.9, bench["ratio"])
    finally:
        ws.close()
    if failures:
        worker_log = root / "home" / "logs" / "image-worker.log"
        report["worker_log_tail"] = worker_log.read_text(errors="replace")[-4000:] if worker_log.exists() else None
    report["failures"] = failures
    print(json.dumps(report, indent=1, default=str))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
