"""Telling image models apart from their files alone, and refusing what cannot load (no torch)."""

from __future__ import annotations

import json
import statistics

import pytest

from engine.registry import image_families as image_models
from engine.errors import BadInput
from engine.registry.image_families import inspect_checkpoint, inspect_folder
from tests.helpers.safetensors_files import SD1, SD2, SDXL, f32, write_safetensors

PROBE = image_models.V_PRED_PROBE


def checkpoint(tmp_path, name, tensors, **kw):
    return write_safetensors(tmp_path / name, tensors, **kw)


def test_families_from_tensor_names_and_sizes(tmp_path):
    sd1 = inspect_checkpoint(checkpoint(tmp_path, "dreamshaper.safetensors", SD1))
    assert (sd1.family, sd1.prediction, sd1.preset, sd1.standard) == ("sd15", "epsilon", "standard", True)
    assert sd1.dtype == "F16" and sd1.format == "safetensors"
    xl = inspect_checkpoint(checkpoint(tmp_path, "sd_xl_base_1.0.safetensors", SDXL))
    assert (xl.family, xl.prediction, xl.preset) == ("sdxl", "epsilon", "standard")
    turbo = inspect_checkpoint(checkpoint(tmp_path, "sd_xl_turbo_1.0_fp16.safetensors", SDXL))
    assert (turbo.family, turbo.preset) == ("sdxl-turbo", "turbo")
    sd_turbo = inspect_checkpoint(checkpoint(tmp_path, "sd_turbo.safetensors", SD2))
    assert (sd_turbo.family, sd_turbo.prediction, sd_turbo.preset) == ("sd-turbo", "epsilon", "turbo")
    lcm = inspect_checkpoint(checkpoint(tmp_path, "LCM_Dreamshaper_v7.safetensors", SD1))
    assert lcm.preset == "lcm"


def _spread(std: float) -> list[float]:
    values = [std if i % 2 else -std for i in range(320)]
    assert statistics.pstdev(values) == pytest.approx(std)
    return values


def test_sd2_v_prediction_from_the_weights_metadata_or_option(tmp_path):
    v_model = checkpoint(tmp_path, "v2-1_768-ema-pruned.safetensors", SD2, data={PROBE: f32(_spread(0.2))})
    info = inspect_checkpoint(v_model)
    assert (info.family, info.prediction) == ("sd2-v", "v_prediction")
    assert info.prediction_source.startswith("weights") and "--prediction" in info.notes[0]
    eps_model = checkpoint(tmp_path, "v2-1_512-ema-pruned.safetensors", SD2, data={PROBE: f32(_spread(0.05))})
    assert (inspect_checkpoint(eps_model).family, inspect_checkpoint(eps_model).prediction) == ("sd2", "epsilon")
    # the user's word wins over the weights
    forced = inspect_checkpoint(eps_model, prediction="v")
    assert (forced.family, forced.prediction, forced.prediction_source) == ("sd2-v", "v_prediction", "option")
    stated = checkpoint(tmp_path, "m.safetensors", SD2, metadata={"modelspec.prediction_type": "v"},
                        data={PROBE: f32(_spread(0.05))})
    assert inspect_checkpoint(stated).prediction_source == "metadata"
    assert inspect_checkpoint(stated).prediction == "v_prediction"
    marked = checkpoint(tmp_path, "xl-vpred.safetensors", {**SDXL, "v_pred": ("F32", [0])})
    assert inspect_checkpoint(marked).prediction == "v_prediction"
    chosen = inspect_checkpoint(eps_model, family="sd2-v")
    assert (chosen.family, chosen.prediction) == ("sd2-v", "v_prediction")


def test_checkpoint_refusals(tmp_path):
    inpaint = dict(SD1)
    inpaint["model.diffusion_model.input_blocks.0.0.weight"] = ("F16", [320, 9, 3, 3])
    no_vae = {k: v for k, v in SD1.items() if not k.startswith("first_stage_model.")}
    refiner = {k.replace("conditioner.embedders.1.model.", "conditioner.embedders.0.model."): v
               for k, v in SDXL.items() if not k.startswith("conditioner.embedders.0.transformer")}
    odd = dict(SD1)
    odd["model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight"] = ("F16", [32, 32])
    cases = {
        "lora.safetensors": ({"lora_unet_down_blocks_0.lora_down.weight": ("F16", [4, 4])}, "is a LoRA"),
        "unet.safetensors": ({"down_blocks.0.resnets.0.conv1.weight": ("F16", [4, 4])}, "single diffusers component"),
        "llm.safetensors": ({"model.layers.0.mlp.weight": ("F16", [4, 4])}, "not a Stable Diffusion checkpoint"),
        "inpaint.safetensors": (inpaint, "inpainting model"),
        "novae.safetensors": (no_vae, "no VAE weights"),
        "refiner.safetensors": (refiner, "SDXL refiner"),
        "odd.safetensors": (odd, r"not its sizes \(text width 32, expected 768\).*--config"),
    }
    for name, (tensors, message) in cases.items():
        with pytest.raises(BadInput, match=message):
            inspect_checkpoint(checkpoint(tmp_path, name, tensors))
    with pytest.raises(BadInput, match="is a Stable Diffusion 1.x checkpoint, not Stable Diffusion XL"):
        inspect_checkpoint(checkpoint(tmp_path, "a.safetensors", SD1), family="sdxl")
    with pytest.raises(BadInput, match="Unknown image model family 'sd3'"):
        inspect_checkpoint(checkpoint(tmp_path, "a.safetensors", SD1), family="sd3")


def fake_folder(root, *, class_name="StableDiffusionPipeline", cross=768, spacing=None, extra=None):
    """A diffusers folder with the right files and tiny stand-in weights."""
    root.mkdir()
    index = {"_class_name": class_name, "scheduler": ["diffusers", "PNDMScheduler"],
             "unet": ["diffusers", "UNet2DConditionModel"], "vae": ["diffusers", "AutoencoderKL"],
             "text_encoder": ["transformers", "CLIPTextModel"], "tokenizer": ["transformers", "CLIPTokenizer"],
             "safety_checker": [None, None]}
    (root / "model_index.json").write_text(json.dumps(index))
    (root / "scheduler").mkdir()
    scheduler = {"prediction_type": "epsilon", **({"timestep_spacing": spacing} if spacing else {})}
    (root / "scheduler" / "scheduler_config.json").write_text(json.dumps(scheduler))
    for component, weights in (("unet", "diffusion_pytorch_model"), ("vae", "diffusion_pytorch_model"),
                               ("text_encoder", "model")):
        (root / component).mkdir()
        (root / component / "config.json").write_text(json.dumps({"cross_attention_dim": cross}))
        write_safetensors(root / component / f"{weights}.safetensors", {"w": ("F16", [4])})
    (root / "tokenizer").mkdir()
    (root / "tokenizer" / "vocab.json").write_text("{}")
    (root / "tokenizer" / "merges.txt").write_text("#version: 0.2\n")
    for relative, content in (extra or {}).items():
        (root / relative).write_bytes(content)
    return root


def test_diffusers_folders(tmp_path):
    info = inspect_folder(fake_folder(tmp_path / "my-sd15"))
    assert (info.format, info.family, info.prediction, info.standard) == ("diffusers", "sd15", "epsilon", True)
    turbo = inspect_folder(fake_folder(tmp_path / "sd-turbo-copy", cross=1024, spacing="trailing"))
    assert (turbo.family, turbo.preset) == ("sd-turbo", "turbo")
    assert image_models.is_diffusers_folder(tmp_path / "my-sd15")
    assert not image_models.is_diffusers_folder(tmp_path)


def test_folder_refusals(tmp_path):
    with pytest.raises(BadInput, match=r"holds pickle weights \(unet/diffusion_pytorch_model.bin\)"):
        inspect_folder(fake_folder(tmp_path / "a", extra={"unet/diffusion_pytorch_model.bin": b"\x80\x04"}))
    with pytest.raises(BadInput, match="FluxPipeline model"):
        inspect_folder(fake_folder(tmp_path / "b", class_name="FluxPipeline"))
    folder = fake_folder(tmp_path / "c")
    (folder / "vae" / "diffusion_pytorch_model.safetensors").unlink()
    with pytest.raises(BadInput, match="vae/ needs config.json and .safetensors weights"):
        inspect_folder(folder)
    folder = fake_folder(tmp_path / "d")
    weights = folder / "unet" / "diffusion_pytorch_model.safetensors"
    weights.write_bytes(weights.read_bytes()[:-3])
    with pytest.raises(BadInput, match="truncated"):
        inspect_folder(folder)
    folder = fake_folder(tmp_path / "e")
    (folder / "model_index.json").write_text("{not json")
    with pytest.raises(BadInput, match="damaged model_index.json"):
        inspect_folder(folder)


def test_every_family_has_its_bundled_configs():
    for family in image_models.FAMILIES.values():
        folder = family.config_dir
        needed = ["model_index.json", "scheduler/scheduler_config.json", "unet/config.json", "vae/config.json",
                  "text_encoder/config.json", "tokenizer/tokenizer_config.json",
                  "tokenizer/special_tokens_map.json"]
        if family.xl:
            needed += ["text_encoder_2/config.json", "tokenizer_2/special_tokens_map.json"]
        assert all((folder / n).is_file() for n in needed), family.name
        scheduler = json.loads((folder / "scheduler" / "scheduler_config.json").read_text())
        assert scheduler["prediction_type"] == family.prediction
        unet = json.loads((folder / "unet" / "config.json").read_text())
        assert unet["cross_attention_dim"] == image_models.CROSS_ATTENTION[family.generation]
        assert unet["sample_size"] * 8 == family.size
        if family.turbo:
            assert scheduler["timestep_spacing"] == "trailing"
    assert (image_models.CLIP_BPE / "vocab.json").stat().st_size > 900_000
