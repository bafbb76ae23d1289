"""`airlock models import` / `airlock image` on a tiny random model, through the installed command."""

from __future__ import annotations

import json

import pytest

from engine.image.png_parameters import parse_parameters
from tests.helpers.tiny_sd import build_tiny_folder
from tests.conftest import assert_one_line_error

pytestmark = [pytest.mark.slow, pytest.mark.image]


@pytest.fixture(scope="module")
def tiny_folder(tmp_path_factory):
    return build_tiny_folder(tmp_path_factory.mktemp("cli-tiny") / "tiny-sd")


def test_import_list_generate_and_history(cli, tiny_folder, tmp_path):
    from PIL import Image

    imported = json.loads(cli("models", "import", str(tiny_folder), "--name", "tiny", "--json").stdout)
    assert imported["kind"] == "image" and imported["format"] == "diffusers" and imported["family"] == "sd15"
    listed = {m["name"]: m for m in json.loads(cli("models", "list", "--json").stdout)}
    assert listed["tiny"]["kind"] == "image" and listed["tiny"]["family"] == "sd15"
    assert listed["smollm2-135m"]["kind"] == "text"
    assert "tiny" in cli("models", "list").stdout

    result = cli("image", "--size", "64x64", "--steps", "2", "--seed", "3", "--json", "a red kite")
    answer = json.loads(result.stdout)  # one JSON value, nothing else
    assert set(answer) == {"id", "model", "path", "seed", "seconds"}
    assert answer["model"] == "tiny" and answer["seed"] == 3 and answer["seconds"] > 0
    assert answer["path"].startswith(str(cli.home / "outputs")) and answer["path"].endswith(".png")
    with Image.open(answer["path"]) as image:
        assert image.size == (64, 64)
        assert parse_parameters(image.text["parameters"])["Seed"] == "3"

    out = tmp_path / "kite.png"
    again = cli("image", "--model", "tiny", "--size", "64x64", "--steps", "2", "--seed", "3",
                "--negative", "clouds", "--scheduler", "Euler a", "--count", "2", "--out", str(out), "a red kite")
    assert again.stdout.split() == [str(tmp_path / "kite-1.png"), str(tmp_path / "kite-2.png")]
    shown = json.loads(cli("history", "show", str(answer["id"]), "--json").stdout)
    assert shown["kind"] == "image" and shown["output_path"] == answer["path"] and shown["seed"] == 3
    rows = json.loads(cli("history", "list", "--json").stdout)
    assert [r["seed"] for r in rows] == [4, 3, 3] and rows[0]["params"]["negative"] == "clouds"


def test_image_errors_exit_2_with_one_line(cli, tiny_folder, tmp_path):
    assert_one_line_error(cli("image", "a cat", check_exit=2), "No image model is registered yet")
    cli("models", "import", str(tiny_folder), "--name", "tiny")
    pickled = tmp_path / "pickled"
    pickled.mkdir()
    (pickled / "model_index.json").write_text('{"_class_name": "StableDiffusionPipeline"}')
    (pickled / "unet").mkdir()
    (pickled / "unet" / "diffusion_pytorch_model.bin").write_bytes(b"\x80\x04")
    assert_one_line_error(cli("models", "import", str(pickled), check_exit=2), "pickle weights")
    cut = tmp_path / "cut.safetensors"
    cut.write_bytes((tiny_folder / "unet" / "diffusion_pytorch_model.safetensors").read_bytes()[:5000])
    assert_one_line_error(cli("models", "import", str(cut), check_exit=2), "truncated")
    assert_one_line_error(cli("image", "--size", "5000x5000", "a cat", check_exit=2), "is not possible")
    assert_one_line_error(cli("image", "--size", "big", "a cat", check_exit=2), "is not WIDTHxHEIGHT")
    assert_one_line_error(cli("image", "--scheduler", "Heun", "a cat", check_exit=2), "Unknown scheduler")
    assert_one_line_error(cli("image", "--model", "smollm2-135m", "a cat", check_exit=2), "is a text model")
    assert_one_line_error(cli("text", "--model", "tiny", "hi", check_exit=2), "is an image model")
    assert_one_line_error(cli("image", "--steps", "x", "a cat", check_exit=2), "invalid int")
