"""The image engine on tiny random Stable Diffusion models, in a real worker process.

The models are built by the fixtures (never downloaded): a diffusers folder and the same
weights as one original-layout checkpoint, loaded through ``from_single_file`` with a
config folder. One workspace (and so one worker) is shared by the module to keep the
suite fast; its worker is started inside the module fixture, so it reports refused
connections to the module's own network log, which is checked at the end.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from engine import jobs
from engine.errors import BadInput
from engine.image.runner import ImageRequest, build_job, run_image
from engine.image.png_parameters import parse_parameters
from engine.store.db import integrity_ok
from tests.helpers.tiny_sd import TinyModels, build_tiny_models, write_checkpoint
from tests.helpers.workspaces import logged_workspace

pytestmark = [pytest.mark.slow, pytest.mark.image]


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory) -> TinyModels:
    return build_tiny_models(tmp_path_factory.mktemp("tiny-sd"))


@pytest.fixture(scope="module")
def image_ws(tmp_path_factory, tiny_models):
    with logged_workspace(tmp_path_factory, "image-home") as ws:
        ws.registry.import_model(tiny_models.folder, name="tiny")
        ws.registry.import_model(tiny_models.checkpoint, name="tiny-ckpt", config_dir=tiny_models.configs,
                                 link=True)
        warm = run_image(ws, request(steps=1))  # starts the worker now, under this module's network log
        assert warm.ok, warm.event
        yield ws


def request(prompt: str = "a lighthouse at dusk", **kw) -> ImageRequest:
    kw.setdefault("model", "tiny")
    kw.setdefault("width", 64)
    kw.setdefault("height", 64)
    kw.setdefault("steps", 3)
    kw.setdefault("seed", 11)
    return ImageRequest(prompt=prompt, **kw)


def test_generation_streams_progress_writes_pngs_and_records_each_image(image_ws):
    from PIL import Image

    events: list = []
    outcome = run_image(image_ws, request(count=2, negative="fog", seed=40, steps=4), events.append)
    assert outcome.ok, outcome.event
    started = next(e for e in events if isinstance(e, jobs.Started))
    assert started.device == "CPU" and started.n_ctx == 77 and 4 <= started.prompt_tokens <= 8
    denoise = [e for e in events if isinstance(e, jobs.Progress) and e.stage == "denoise"]
    assert [(e.step, e.total) for e in denoise] == [(i, 8) for i in range(1, 9)]
    assert events.index(started) < events.index(denoise[0])
    assert all(e.seconds is not None and e.eta_seconds is not None for e in denoise)
    previews = [e for e in denoise if e.preview]  # every 2nd step, at most twice a second, and the last
    assert {4, 8} <= {e.step for e in previews} <= {2, 4, 6, 8}
    assert Image.open(io.BytesIO(previews[0].preview)).size == (32, 32)  # the latent grid
    assert len(outcome.generation_ids) == 2
    for index, generation_id in enumerate(outcome.generation_ids):
        row = image_ws.history.get(generation_id)
        assert row["kind"] == "image" and row["status"] == "done" and row["seed"] == 40 + index
        assert row["model_sha256"] == image_ws.registry.get("tiny").sha256
        assert (row["width"], row["height"]) == (64, 64) and Path(row["output_path"]).is_file()
        assert Path(row["output_path"]).parent == image_ws.home.outputs_dir
        params = row["params"]
        assert params["negative"] == "fog" and params["steps"] == 4 and params["scheduler"] == "DPM++ 2M Karras"
        assert params["index"] == index and params["count"] == 2 and params["family"] == "sd15"
        assert set(row["versions"]) >= {"torch", "diffusers", "transformers"} and row["seconds"] > 0
        with Image.open(row["output_path"]) as image:
            parsed = parse_parameters(image.text["parameters"])
        assert parsed["prompt"] == "a lighthouse at dusk" and parsed["negative"] == "fog"
        assert parsed["Seed"] == str(40 + index) and parsed["Steps"] == "4" and parsed["Size"] == "64x64"
        assert parsed["Model hash"] == row["model_sha256"][:10] and parsed["Model"] == "tiny"
    assert set(outcome.generation_ids) <= {r["id"] for r in image_ws.history.search("lighthouse")}


def test_same_seed_same_bytes_across_runs_processes_and_file_formats(image_ws, tmp_path):
    from PIL import Image

    first = run_image(image_ws, request(scheduler="Euler a", out=str(tmp_path / "a.png")))
    pid = image_ws.image_worker.pid
    again = run_image(image_ws, request(scheduler="Euler a", out=str(tmp_path / "b.png")))
    other = run_image(image_ws, request(scheduler="Euler a", seed=12, out=str(tmp_path / "c.png")))
    assert image_ws.image_worker.pid == pid  # the model stayed loaded
    a, b, c = ((tmp_path / n).read_bytes() for n in ("a.png", "b.png", "c.png"))
    assert a == b and a != c
    image_ws.image_worker.stop()
    fresh = run_image(image_ws, request(scheduler="Euler a", out=str(tmp_path / "d.png")))
    assert (tmp_path / "d.png").read_bytes() == a
    # the same weights as one original-layout checkpoint, through from_single_file: same pixels
    single = run_image(image_ws, request(model="tiny-ckpt", scheduler="Euler a", out=str(tmp_path / "e.png")))
    assert all(o.ok for o in (first, again, other, fresh, single))
    with Image.open(tmp_path / "a.png") as x, Image.open(tmp_path / "e.png") as y:
        assert x.tobytes() == y.tobytes()
        assert parse_parameters(y.text["parameters"])["Model"] == "tiny-ckpt"


def test_img2img_starts_from_the_picture(image_ws, tmp_path):
    from PIL import Image

    Image.new("RGB", (96, 80), (200, 30, 30)).save(tmp_path / "red.png")
    Image.new("RGB", (96, 80), (30, 30, 200)).save(tmp_path / "blue.png")
    red = run_image(image_ws, request(init_image=str(tmp_path / "red.png"), strength=0.5, steps=4))
    blue = run_image(image_ws, request(init_image=str(tmp_path / "blue.png"), strength=0.5, steps=4))
    assert red.ok and blue.ok, (red.event, blue.event)
    assert red.event.result["steps_run"] == 2  # strength 0.5 of 4 steps
    plain = run_image(image_ws, request(steps=4))
    with Image.open(red.paths[0]) as r, Image.open(blue.paths[0]) as b, Image.open(plain.paths[0]) as p:
        assert r.size == (64, 64) and len({r.tobytes(), b.tobytes(), p.tobytes()}) == 3
        assert parse_parameters(r.text["parameters"])["Denoising strength"] == "0.5"
    row = image_ws.history.get(red.generation_ids[0])
    assert row["params"]["strength"] == 0.5 and row["params"]["init_image"] == str(tmp_path / "red.png")


def test_cancel_stops_within_one_step_and_keeps_the_model(image_ws):
    pid = image_ws.image_worker.pid
    job_ids: list[str] = []
    steps_seen: list[int] = []

    def on_event(event):
        if isinstance(event, jobs.Progress) and event.stage == "denoise":
            steps_seen.append(event.step)
            if len(steps_seen) == 1:
                threading.Thread(target=image_ws.image_worker.cancel, args=(job_ids[0],)).start()

    outcome = run_image(image_ws, request(steps=40, count=3), on_event, on_job=lambda job: job_ids.append(job.job_id))
    assert isinstance(outcome.event, jobs.Cancelled)
    assert steps_seen[-1] <= 2  # the cancel was seen at the next step's end (or inside it)
    assert [r["status"] for r in outcome.records] == ["stopped"]
    assert image_ws.history.get(outcome.generation_ids[0])["output_path"] is None
    assert image_ws.image_worker.pid == pid  # stopped cooperatively: no reload needed
    assert run_image(image_ws, request(steps=1)).ok


def test_killed_worker_fails_the_job_and_the_next_job_works(image_ws):
    killed: list[int] = []

    def on_event(event):
        if isinstance(event, jobs.Progress) and event.stage == "denoise" and not killed:
            killed.append(image_ws.image_worker.pid)
            os.kill(killed[0], signal.SIGKILL)

    outcome = run_image(image_ws, request(steps=40), on_event)
    assert isinstance(outcome.event, jobs.Failed) and outcome.event.kind == "crashed"
    assert "the model process ended (killed by SIGKILL" in outcome.event.message
    row = image_ws.history.get(outcome.generation_ids[0])
    assert row["status"] == "failed" and row["prompt"] == "a lighthouse at dusk"
    after = run_image(image_ws, request(steps=1))
    assert after.ok and image_ws.image_worker.pid not in (None, killed[0])
    assert integrity_ok(image_ws.db)


def test_changed_checkpoint_is_refused_before_load(image_ws, tiny_models, tmp_path):
    copy = write_checkpoint(tiny_models.folder, tmp_path / "copy.safetensors", dtype="float16")
    image_ws.registry.import_model(copy, name="changing", link=True, config_dir=tiny_models.configs)
    data = bytearray(copy.read_bytes())
    data[-10] ^= 0xFF
    copy.write_bytes(bytes(data))
    outcome = run_image(image_ws, request(model="changing"))
    assert isinstance(outcome.event, jobs.Failed) and outcome.event.kind == "bad_input"
    assert "changed since it was imported" in outcome.event.message
    assert [r["status"] for r in outcome.records] == ["failed"]


def test_bad_requests_are_refused_before_anything_runs(image_ws, tmp_path):
    before = image_ws.history.count()
    cases = {
        "No model named 'nope'": request(model="nope"),
        "smollm2-135m' is a text model": request(model="smollm2-135m"),
        "prompt is empty": request("  "),
        r"Image size 5000x64 is not possible": request(width=5000),
        r"Image size 100x64 is not possible": request(width=100),
        "Unknown scheduler 'Heun'": request(scheduler="Heun"),
        "turbo preset runs 1-4 steps": request(preset="turbo", steps=8),
        "turbo preset runs without guidance": request(preset="turbo", steps=2, guidance=5.0),
        "init image .* does not exist": request(init_image=str(tmp_path / "none.png")),
        "no denoising step would run": request(init_image=__file__, strength=0.1, steps=2),
        "must end in .png": request(out=str(tmp_path / "x.jpg")),
        "count must be between 1 and 64": request(count=0),
    }
    for message, bad in cases.items():
        with pytest.raises(BadInput, match=message):
            build_job(image_ws, bad)
    assert image_ws.history.count() == before


def test_the_size_is_bounded_by_memory(image_ws):
    import psutil

    model = image_ws.registry.get("tiny")
    needed = model.memory_needed(image_size=(2048, 2048))
    assert needed > model.memory_needed(image_size=(512, 512))
    if needed > psutil.virtual_memory().total * 0.9:  # this machine could not hold it: refused up front
        with pytest.raises(BadInput, match="choose a size below 2048x2048 or a smaller model"):
            build_job(image_ws, request(width=2048, height=2048))
    else:
        assert build_job(image_ws, request(width=2048, height=2048))[0].width == 2048


def test_without_parameters_the_png_has_no_settings(image_ws, tmp_path):
    from PIL import Image

    outcome = run_image(image_ws, request(write_parameters=False, out=str(tmp_path / "plain.png")))
    with Image.open(tmp_path / "plain.png") as image:
        assert "parameters" not in image.text
    assert image_ws.history.get(outcome.generation_ids[0])["params"]["write_parameters"] is False


def test_the_gui_process_never_imports_torch():
    code = ("import sys, engine.workspace, engine.image.runner, engine.image.settings, engine.registry.image_families, "
            "engine.registry.registry, engine.cli.main, engine.image.png_parameters\n"
            "print(sorted(m for m in ('torch', 'diffusers', 'transformers', 'llama_cpp') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_cpu_bf16_when_the_cpu_has_it(image_ws, tmp_path):
    fp32 = run_image(image_ws, request(out=str(tmp_path / "fp32.png")))
    first = run_image(image_ws, request(cpu_bf16=True, out=str(tmp_path / "bf16-a.png")))
    second = run_image(image_ws, request(cpu_bf16=True, out=str(tmp_path / "bf16-b.png")))
    assert fp32.ok and first.ok and second.ok
    assert (tmp_path / "bf16-a.png").read_bytes() == (tmp_path / "bf16-b.png").read_bytes()
    row = image_ws.history.get(first.generation_ids[0])
    assert row["params"]["cpu_bf16"] is True
    if row["params"]["dtype"] == "bfloat16 autocast":
        assert not first.notes
    else:  # no native bf16 here: fp32, and the person is told
        assert row["params"]["dtype"] == "float32" and "no native bfloat16" in first.notes[0]
        assert (tmp_path / "bf16-a.png").read_bytes() == (tmp_path / "fp32.png").read_bytes()
