"""SD 2.x and SDXL single-file checkpoints, loaded the way a user's file is, in a real worker.

The fixtures build tiny random SD 2.x (OpenCLIP-style text encoder, linear attention
projections, v-prediction) and SDXL (two text encoders of different widths, pooled text
and size conditioning) pipelines, write each one's weights as a checkpoint in its
original key layout (``engine.bench.ldm_layout``), and import both the folder and the
checkpoint. The checkpoint must then load through ``from_single_file`` with a local config
folder and ``local_files_only=True`` (sockets blocked, checked by the network log at the
end) with every weight in its place, and generate what the folder generates. A
full-size SD 1.5 checkpoint then loads through the configs Airlock ships. The full-size
layouts of every family are checked against the bundled configs, tensor by tensor, in
``tests/unit/test_image_bundled_configs.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.bench.image import psnr
from engine.image.runner import ImageRequest, run_image
from engine.workspace import Workspace
from tests.helpers.tiny_sd import TinyModels, build_tiny_models
from tests.helpers.workspaces import logged_workspace

pytestmark = [
    pytest.mark.slow,
    pytest.mark.image,
    # diffusers' Euler schedulers call np.array on a tensor; numpy 2 warns about it (harmless).
    pytest.mark.filterwarnings("ignore:__array__ implementation doesn't accept a copy keyword:DeprecationWarning"),
]
SAME = 40.0  # dB: the single file's image against the folder's (float rounding differs, weights don't)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> dict[str, TinyModels]:
    root = tmp_path_factory.mktemp("tiny-single-file")
    return {generation: build_tiny_models(root, generation, seed=3) for generation in ("sd2", "sdxl")}


@pytest.fixture(scope="module")
def ws(tmp_path_factory, tiny):
    with logged_workspace(tmp_path_factory, "single-file-home") as workspace:
        yield workspace


def generate(ws: Workspace, model: str, out: Path, **kw):
    from PIL import Image

    outcome = run_image(ws, ImageRequest(prompt="a lighthouse at dusk", model=model, width=64, height=64,
                                         seed=5, out=str(out), **{"steps": 3, **kw}))
    assert outcome.ok, outcome.event
    with Image.open(out) as image:
        return image.convert("RGB"), outcome


@pytest.mark.parametrize("generation", ["sd2", "sdxl"])
def test_every_weight_of_the_checkpoint_lands_in_its_place(tiny, generation):
    """What the worker's loader does, checked weight by weight against the folder."""
    import diffusers
    import torch

    models = tiny[generation]
    cls = diffusers.StableDiffusionXLPipeline if generation == "sdxl" else diffusers.StableDiffusionPipeline
    folder = cls.from_pretrained(models.folder, local_files_only=True)
    single = cls.from_single_file(str(models.checkpoint), config=str(models.configs), local_files_only=True)
    components = ["unet", "vae", "text_encoder"] + (["text_encoder_2"] if generation == "sdxl" else [])
    for name in components:
        expected, loaded = getattr(folder, name).state_dict(), getattr(single, name).state_dict()
        assert set(loaded) == set(expected), name
        assert all(torch.equal(loaded[k], expected[k]) for k in expected), name


def test_sd2_v_prediction_checkpoint(ws, tiny, tmp_path):
    models = tiny["sd2"]
    folder = ws.registry.import_model(models.folder, name="sd2-folder")
    v = ws.registry.import_model(models.checkpoint, name="sd2-v-file", config_dir=models.configs,
                                 prediction="v", link=True)
    assert (folder.metadata["family"], folder.metadata["prediction"]) == ("sd2-v", "v_prediction")
    assert (v.metadata["family"], v.metadata["prediction"], v.metadata["format"]) == ("sd2-v", "v_prediction",
                                                                                     "safetensors")
    from_folder, _ = generate(ws, "sd2-folder", tmp_path / "folder.png", scheduler="DDIM")
    from_file, outcome = generate(ws, "sd2-v-file", tmp_path / "file.png", scheduler="DDIM")
    assert psnr(from_file, from_folder) > SAME
    row = ws.history.get(outcome.generation_ids[0])
    assert (row["params"]["family"], row["params"]["prediction"]) == ("sd2-v", "v_prediction")
    assert row["model_sha256"] == v.sha256
    # imported without --prediction, the same file runs as epsilon: the prediction type is honoured
    ws.registry.remove("sd2-v-file")
    eps = ws.registry.import_model(models.checkpoint, name="sd2-eps-file", config_dir=models.configs, link=True)
    assert (eps.metadata["family"], eps.metadata["prediction"]) == ("sd2", "epsilon")
    as_epsilon, _ = generate(ws, "sd2-eps-file", tmp_path / "eps.png", scheduler="DDIM")
    assert psnr(as_epsilon, from_folder) < 30


def test_sdxl_checkpoint_txt2img_img2img_and_turbo(ws, tiny, tmp_path):
    models = tiny["sdxl"]
    ws.registry.import_model(models.folder, name="xl-folder")
    record = ws.registry.import_model(models.checkpoint, name="xl-file", config_dir=models.configs, link=True)
    assert (record.metadata["family"], record.metadata["prediction"]) == ("sdxl", "epsilon")
    from_folder, _ = generate(ws, "xl-folder", tmp_path / "folder.png", scheduler="Euler")
    from_file, _ = generate(ws, "xl-file", tmp_path / "file.png", scheduler="Euler")
    assert psnr(from_file, from_folder) > SAME
    again, _ = generate(ws, "xl-file", tmp_path / "again.png", scheduler="Euler")
    assert again.tobytes() == from_file.tobytes()  # same seed, same pixels
    # img2img runs SDXL's own img2img pipeline on the loaded modules
    changed, outcome = generate(ws, "xl-file", tmp_path / "i2i.png", scheduler="Euler",
                                init_image=str(tmp_path / "file.png"), strength=0.5, steps=4)
    assert outcome.event.result["steps_run"] == 2 and psnr(changed, from_file) < SAME
    # the same file imported as SDXL-Turbo gets its preset: one step, no guidance
    ws.registry.remove("xl-file")
    turbo = ws.registry.import_model(models.checkpoint, name="xl-turbo", config_dir=models.configs,
                                     family="sdxl-turbo", link=True)
    assert (turbo.metadata["family"], turbo.metadata["preset"]) == ("sdxl-turbo", "turbo")
    _, quick = generate(ws, "xl-turbo", tmp_path / "turbo.png", preset="turbo", steps=1, guidance=0.0,
                        scheduler="Euler a")
    assert quick.event.result["steps_run"] == 1


def test_a_full_size_checkpoint_loads_through_the_bundled_configs(ws, tmp_path_factory, tmp_path):
    """The configs Airlock ships, not a test's own: the full-size SD 1.5 architecture with
    random weights (2.1 GB in fp16, the layout of v1-5-pruned-emaonly.safetensors) is
    recognised as a standard SD 1.5, loads offline through ``resources/diffusers/sd15`` and
    the bundled tokenizer, and makes a (tiny, one-step) picture."""
    from engine.bench.image import random_sd15_checkpoint

    checkpoint = random_sd15_checkpoint(tmp_path_factory.mktemp("full-size"), lambda _line: None)
    try:
        record = ws.registry.import_model(checkpoint, name="sd15-full-size", link=True)
        meta = record.metadata
        assert (meta["family"], meta["standard"], meta["config_dir"], meta["dtype"]) == ("sd15", True, None, "F16")
        _, outcome = generate(ws, "sd15-full-size", tmp_path / "full.png", steps=1, scheduler="Euler")
        assert outcome.event.result["device"] == "CPU" and outcome.event.result["load_seconds"] > 0
    finally:
        ws.image_worker.stop()  # 4 GB of weights
        checkpoint.unlink()  # 2 GB of disk
