"""The benchmark's faster CPU paths on a tiny pipeline: they run, and run what they claim.

The full-size timings are `airlock bench image`'s job (docs/benchmarks.md); here the
OpenVINO path is checked to really run the UNet outside PyTorch, to stay close to the
PyTorch image, and to hand the pipeline back unchanged.
"""

from __future__ import annotations

import pytest

from engine.bench import image as image_bench
from tests.helpers.tiny_sd import build_tiny_folder

pytestmark = [
    pytest.mark.slow,
    pytest.mark.image,
    pytest.mark.filterwarnings("ignore:__array__ implementation doesn't accept a copy keyword:DeprecationWarning"),
    # OpenVINO converts a TorchScript trace of the UNet: torch warns about tracing itself
    pytest.mark.filterwarnings("ignore::torch.jit.TracerWarning"),
    pytest.mark.filterwarnings("ignore:`torch.jit.trace:DeprecationWarning"),
]


def test_the_openvino_path_runs_the_unet_and_gives_the_pipeline_back(tmp_path):
    import importlib.util
    import sys

    if importlib.util.find_spec("openvino") is None:
        pytest.skip("the cpu-accel extra is not installed")

    import diffusers

    from engine.image.worker import make_scheduler

    pipe = diffusers.StableDiffusionPipeline.from_pretrained(build_tiny_folder(tmp_path / "tiny"),
                                                             local_files_only=True)
    pipe.scheduler = make_scheduler("Euler", dict(pipe.scheduler.config), "epsilon")
    pipe.set_progress_bar_config(disable=True)
    reference = image_bench.raw_run(pipe, 4, 64)
    lines: list[str] = []
    converted = image_bench.openvino_unet(pipe, 64, lines.append)
    torch_calls = []  # calls of the PyTorch UNet from here on
    pipe.unet.conv_in.register_forward_pre_hook(lambda *_: torch_calls.append(1))
    run = image_bench.openvino_run(pipe, 64, 4, lines.append, converted)
    assert "error" not in run, run
    assert not torch_calls  # every UNet call of the 1 + 4 steps went to OpenVINO
    assert len(run["intervals"]) == 3 and run["convert_seconds"] > 0 and run["openvino"].startswith("2026.")
    assert any("OpenVINO" in line for line in lines)
    assert sys.modules["openvino_telemetry"] is None  # no usage reports (and the network check passed)
    assert image_bench.psnr(run["image"], reference["image"]) > 35  # bf16 UNet: close, not equal
    again = image_bench.raw_run(pipe, 4, 64)
    assert again["image"].tobytes() == reference["image"].tobytes() and torch_calls
