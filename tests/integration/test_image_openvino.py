"""The OpenVINO CPU path of the image engine on tiny random Stable Diffusion models, in a
real worker process (issue 12): converted once per model with progress, cached beside the
model and reused by a fresh worker, close to PyTorch's picture, cancel between steps, and
PyTorch with a reason when OpenVINO cannot be used."""

from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path

import pytest

from engine import jobs
from engine.bench.image import fidelity
from engine.image import openvino_unet
from engine.image.runner import ImageRequest, build_job, run_image
from tests.helpers.tiny_sd import TinyModels, build_tiny_models
from tests.helpers.workspaces import logged_workspace

pytestmark = [pytest.mark.slow, pytest.mark.image, pytest.mark.timeout(900)]  # minutes when the CPU is shared
pytest.importorskip("openvino")


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory) -> TinyModels:
    return build_tiny_models(tmp_path_factory.mktemp("tiny-sd-ov"))


@pytest.fixture(scope="module")
def ov_ws(tmp_path_factory, tiny_models):
    with logged_workspace(tmp_path_factory, "ov-home") as ws:
        ws.registry.import_model(tiny_models.folder, name="tiny", link=True)
        warm = run_image(ws, request(steps=1, cpu_engine="pytorch"))  # the worker starts under this log
        assert warm.ok, warm.event
        yield ws


def request(**kw) -> ImageRequest:
    values = dict(prompt="a lighthouse at dusk", model="tiny", width=64, height=64, steps=4, seed=11,
                  scheduler="Euler", cpu_engine="openvino")
    return ImageRequest(**{**values, **kw})


def cache_of(ws) -> Path:
    model = ws.registry.get("tiny")
    return openvino_unet.cache_dir(model.path, model.sha256, openvino_unet.openvino_version())


def convert_stages(events: list) -> list[tuple[int, int]]:
    return [(e.step, e.total) for e in events if isinstance(e, jobs.Progress) and e.stage == "convert"]


def picture(outcome):
    from PIL import Image

    with Image.open(outcome.records[0]["output_path"]) as image:
        return image.convert("RGB")


def test_converted_once_cached_beside_the_model_and_reused_by_a_fresh_worker(ov_ws):
    shutil.rmtree(cache_of(ov_ws), ignore_errors=True)
    events: list = []
    first = run_image(ov_ws, request(), events.append)
    assert first.ok, first.event
    assert convert_stages(events) == [(0, 3), (1, 3), (2, 3), (3, 3)]
    started = next(e for e in events if isinstance(e, jobs.Started))
    assert events.index(started) > max(i for i, e in enumerate(events) if isinstance(e, jobs.Progress)
                                       and e.stage == "convert")
    assert (cache_of(ov_ws) / "unet.xml").is_file() and (cache_of(ov_ws) / "unet.bin").is_file()
    assert cache_of(ov_ws).parent.parent == Path(ov_ws.registry.get("tiny").path).parent
    params = first.records[0]["params"]
    assert params["cpu_engine"] == "openvino" == params["cpu_engine_requested"]
    assert params["dtype"] == "OpenVINO f32" and not first.notes

    again: list = []
    assert run_image(ov_ws, request(), again.append).ok
    assert convert_stages(again) == [(2, 3), (3, 3)]  # nothing converted: compiled for the shape only
    ov_ws.image_worker.stop()
    fresh_events: list = []
    fresh = run_image(ov_ws, request(), fresh_events.append)
    assert fresh.ok and convert_stages(fresh_events) == [(2, 3), (3, 3)]  # the cache on disk
    assert picture(fresh).tobytes() == picture(first).tobytes()

    torch_side = run_image(ov_ws, request(cpu_engine="pytorch"))
    assert torch_side.records[0]["params"]["cpu_engine"] == "pytorch"
    close = fidelity(picture(first), picture(torch_side))
    assert close["psnr_db"] > 30 and close["ssim"] > 0.95, close


def test_a_cancel_between_steps_stops_the_openvino_run_and_keeps_the_worker(ov_ws):
    assert run_image(ov_ws, request(steps=1)).ok
    pid = ov_ws.image_worker.pid
    job_ids: list[str] = []
    steps: list[int] = []

    def on_event(event):
        if isinstance(event, jobs.Progress) and event.stage == "denoise":
            steps.append(event.step)
            if len(steps) == 1:
                threading.Thread(target=ov_ws.image_worker.cancel, args=(job_ids[0],)).start()

    outcome = run_image(ov_ws, request(steps=40), on_event, on_job=lambda job: job_ids.append(job.job_id))
    assert isinstance(outcome.event, jobs.Cancelled) and steps[-1] <= 2
    assert [r["status"] for r in outcome.records] == ["stopped"]
    assert ov_ws.image_worker.pid == pid


def test_a_model_that_cannot_be_converted_runs_in_pytorch_and_says_why(ov_ws, tmp_path, tiny_models):
    blocked = tmp_path / "blocked"
    shutil.copytree(tiny_models.folder, blocked / "tiny")
    index = blocked / "tiny" / "model_index.json"
    index.write_text(index.read_text() + "\n")  # another model to the registry (its own sha256)
    (blocked / openvino_unet.CACHE_FOLDER).write_text("a file where the cache folder would go")
    ov_ws.registry.import_model(blocked / "tiny", name="tiny-blocked", link=True)
    outcome = run_image(ov_ws, request(model="tiny-blocked"))
    assert outcome.ok, outcome.event
    assert outcome.records[0]["params"]["cpu_engine"] == "pytorch"
    assert outcome.records[0]["params"]["cpu_engine_requested"] == "openvino"
    assert any(note.startswith("OpenVINO could not convert this model") for note in outcome.notes)


@pytest.mark.filterwarnings("ignore:__array__ implementation doesn't accept a copy keyword:DeprecationWarning")
def test_without_openvino_the_worker_runs_pytorch_and_says_why(ov_ws, monkeypatch):
    """In this process: the worker's handler with ``import openvino`` failing for real."""
    from engine.image.worker import ImageWorker

    monkeypatch.setitem(sys.modules, "openvino", None)  # makes the import raise ImportError
    job, _notes = build_job(ov_ws, request(steps=1))
    events: list = []
    ImageWorker().handle(job, events.append, lambda: False)
    done = events[-1]
    assert isinstance(done, jobs.Done), done
    assert done.result["cpu_engine"] == "pytorch"
    assert "OpenVINO is not installed" in done.result["cpu_engine_note"]


def test_an_unknown_cpu_engine_is_refused(ov_ws):
    from engine.errors import BadInput

    with pytest.raises(BadInput):
        build_job(ov_ws, request(cpu_engine="tensorrt"))


def test_the_bench_measures_the_openvino_path_through_the_engine(ov_ws, tiny_models, tmp_path):
    """`airlock bench image`'s engine_openvino on the tiny model (the full-size numbers are
    the benchmark's): it runs the engine's OpenVINO path and compares with raw fp32."""
    from engine.bench import image as image_bench

    copy = tmp_path / "bench-model"
    shutil.copytree(tiny_models.folder, copy)
    index = copy / "model_index.json"
    index.write_text(index.read_text() + "\n\n")  # its own sha256 (not tiny-blocked's), so the registry takes it
    ov_ws.registry.import_model(copy, name=image_bench.MODEL_NAME, link=True)
    try:
        raw = {"s_per_step": 1.0, "s_per_step_intervals": 1.0, "seconds": {"1": 1.0, "2": 2.0}}
        reference = picture(run_image(ov_ws, request(model=image_bench.MODEL_NAME, cpu_engine="pytorch",
                                                     prompt=image_bench.PROMPT, negative=image_bench.NEGATIVE,
                                                     seed=image_bench.SEED, guidance=image_bench.GUIDANCE,
                                                     steps=2)))
        lines: list[str] = []
        work = tmp_path / "work"
        work.mkdir()
        # two runs: each one writes a file of its own (a second run once failed on the first's)
        result = image_bench.engine_openvino(ov_ws, (1, 2), 64, 2, raw, reference, work, lines.append)
    finally:
        ov_ws.registry.remove(image_bench.MODEL_NAME)
    assert "skipped" not in result, result
    assert result["dtype"] in ("OpenVINO f32", "OpenVINO bf16") and result["speedup_per_step"] > 0
    assert result["fidelity_vs_raw_fp32"]["psnr_db"] is None or result["fidelity_vs_raw_fp32"]["psnr_db"] > 30
    report = {"model": "m", "size": "64x64", "scheduler": "Euler", "guidance": 7.5, "threads": 2, "torch": "x",
              "steps": [1, 2], "raw": {**raw, "s_per_step_intervals": 1.0}, "engine": {**raw},
              "ratio": {"speed_per_step": 1.0, "speed_per_step_intervals": 1.0, "speed_total": 1.0},
              "engine_vs_raw_fidelity": {"identical": True}, "engine_openvino": result}
    assert f"engine with OpenVINO ({result['dtype']})" in image_bench.format_image_report(report)
