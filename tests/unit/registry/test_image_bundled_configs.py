"""The bundled diffusers configs build the published architectures, offline and without weights.

Models are built on the meta device (shapes only, no memory), so every family, SDXL
included, is checked in seconds. For each architecture (SD 1.x, SD 2.x, SDXL) the
original checkpoint layout, written by ``engine.bench.ldm_layout`` as the published checkpoints
have it, is converted by diffusers' own single-file converters and must fill the bundled
architecture exactly. ``tests/integration/test_image_single_file.py`` then loads tiny
SD 2.x and SDXL checkpoints for real, and the benchmark (`airlock bench image`) a
full-size SD 1.5 one, through ``from_single_file`` with local configs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.registry.image_families import FAMILIES, classify_checkpoint
from engine.registry.safetensors_header import SafetensorsHeader, TensorInfo

pytestmark = [
    pytest.mark.image,
    # diffusers' Euler schedulers call np.array on a tensor; numpy 2 warns about it (harmless).
    pytest.mark.filterwarnings("ignore:__array__ implementation doesn't accept a copy keyword:DeprecationWarning"),
]

# Parameter counts of the published models.
UNET = {"sd1": 859_520_964, "sd2": 865_910_724, "sdxl": 2_567_463_684}
TEXT = {"sd1": 123_060_480, "sd2": 340_387_840, "sdxl": 123_060_480}
TEXT_2 = 694_659_840  # SDXL's OpenCLIP bigG with projection
VAE = 83_653_863


def meta_models(family):
    from accelerate import init_empty_weights
    from diffusers import AutoencoderKL, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTextModelWithProjection

    folder = family.config_dir
    with init_empty_weights():
        unet_config = UNet2DConditionModel.load_config(folder / "unet")
        vae_config = AutoencoderKL.load_config(folder / "vae")
        models = {"unet": UNet2DConditionModel.from_config(unet_config),
                  "vae": AutoencoderKL.from_config(vae_config),
                  "text_encoder": CLIPTextModel(CLIPTextConfig.from_pretrained(folder / "text_encoder"))}
        if family.xl:
            models["text_encoder_2"] = CLIPTextModelWithProjection(
                CLIPTextConfig.from_pretrained(folder / "text_encoder_2"))
    return models, unet_config, vae_config


def count(model) -> int:
    return sum(p.numel() for p in model.parameters())


@pytest.mark.parametrize("name", list(FAMILIES))
def test_each_family_builds_the_published_architecture(name):
    family = FAMILIES[name]
    models, _, _ = meta_models(family)
    assert count(models["unet"]) == UNET[family.generation]
    assert count(models["vae"]) == VAE
    assert count(models["text_encoder"]) == TEXT[family.generation]
    if family.xl:
        assert count(models["text_encoder_2"]) == TEXT_2


@pytest.mark.parametrize("name", list(FAMILIES))
def test_schedulers_and_tokenizers_load_from_the_bundle(name):
    import diffusers

    from engine.image.settings import SCHEDULERS
    from engine.image.worker import bundled_tokenizers, make_scheduler

    family = FAMILIES[name]
    config = diffusers.DiffusionPipeline.load_config(str(family.config_dir))
    scheduler_class = getattr(diffusers, config["scheduler"][1])
    scheduler = scheduler_class.from_pretrained(str(family.config_dir), subfolder="scheduler",
                                                local_files_only=True)
    assert scheduler.config.prediction_type == family.prediction
    for friendly in SCHEDULERS:
        made = make_scheduler(friendly, dict(scheduler.config), family.prediction)
        assert made.config.prediction_type == family.prediction
        if family.turbo:
            assert made.config.timestep_spacing == "trailing"
    tokenizers = bundled_tokenizers(family)
    assert sorted(tokenizers) == (["tokenizer", "tokenizer_2"] if family.xl else ["tokenizer"])
    for key, tokenizer in tokenizers.items():
        ids = tokenizer("a photo of a cat", padding="max_length", max_length=tokenizer.model_max_length).input_ids
        assert ids[:7] == [49406, 320, 1125, 539, 320, 2368, 49407] and len(ids) == 77
        open_clip = family.generation == "sd2" or key == "tokenizer_2"
        assert ids[-1] == (0 if open_clip else 49407)  # OpenCLIP pads with "!" (id 0)


def meta_checkpoint(family):
    """The family's models (meta tensors) written in the original layout, as the published
    checkpoint has them: for SD 2.x that includes OpenCLIP's last layer and projection,
    which SD 2.x does not use and diffusers leaves out."""
    import torch

    from engine.bench.ldm_layout import ldm_checkpoint

    models, unet_config, vae_config = meta_models(family)
    checkpoint = ldm_checkpoint(family.generation, {k: m.state_dict() for k, m in models.items()},
                                unet_config, vae_config)
    if family.generation == "sd2":
        last = "cond_stage_model.model.transformer.resblocks.23."
        for name, shape in (("attn.in_proj_weight", (3072, 1024)), ("attn.in_proj_bias", (3072,)),
                            ("attn.out_proj.weight", (1024, 1024)), ("attn.out_proj.bias", (1024,)),
                            ("ln_1.weight", (1024,)), ("ln_1.bias", (1024,)), ("ln_2.weight", (1024,)),
                            ("ln_2.bias", (1024,)), ("mlp.c_fc.weight", (4096, 1024)), ("mlp.c_fc.bias", (4096,)),
                            ("mlp.c_proj.weight", (1024, 4096)), ("mlp.c_proj.bias", (1024,))):
            checkpoint[last + name] = torch.empty(shape, device="meta")
        checkpoint["cond_stage_model.model.text_projection"] = torch.empty((1024, 1024), device="meta")
    return models, unet_config, vae_config, checkpoint


def assert_fills(converted: dict, model) -> None:
    expected = {k.removeprefix("text_model."): v for k, v in model.state_dict().items()
                if not k.endswith("position_ids")}
    converted = {k.removeprefix("text_model."): v for k, v in converted.items()}
    assert set(converted) == set(expected)
    assert all(tuple(converted[k].shape) == tuple(expected[k].shape) for k in expected)


@pytest.mark.parametrize("name", ["sd15", "sd2", "sdxl"])
def test_the_original_checkpoint_layout_converts_into_the_bundled_architecture(name):
    """diffusers' own single-file converters (the ones ``from_single_file`` runs) turn the
    original layout into exactly the bundled architecture: every tensor, every shape."""
    from diffusers.loaders.single_file_utils import (CHECKPOINT_KEY_NAMES, convert_ldm_clip_checkpoint,
                                                     convert_ldm_unet_checkpoint, convert_ldm_vae_checkpoint,
                                                     convert_open_clip_checkpoint, infer_diffusers_model_type)

    family = FAMILIES[name]
    models, unet_config, vae_config, checkpoint = meta_checkpoint(family)
    if name == "sd15":
        assert len(checkpoint) == 1130  # UNet 686, VAE 248, CLIP-L 196
    assert_fills(convert_ldm_unet_checkpoint(checkpoint, unet_config), models["unet"])
    assert_fills(convert_ldm_vae_checkpoint(checkpoint, vae_config), models["vae"])
    if family.generation == "sd1":
        assert_fills(convert_ldm_clip_checkpoint(checkpoint), models["text_encoder"])
    elif family.generation == "sd2":
        assert_fills(convert_open_clip_checkpoint(models["text_encoder"], checkpoint), models["text_encoder"])
    else:  # the widths tell diffusers which encoder is which: 768 CLIP-L, 1280 OpenCLIP bigG
        assert checkpoint[CHECKPOINT_KEY_NAMES["clip_sdxl"]].shape[-1] == 768
        assert checkpoint[CHECKPOINT_KEY_NAMES["open_clip_sdxl"]].shape[-1] == 1280
        assert_fills(convert_ldm_clip_checkpoint(checkpoint, "conditioner.embedders.0.transformer."),
                     models["text_encoder"])
        assert_fills(convert_open_clip_checkpoint(models["text_encoder_2"], checkpoint,
                                                  prefix="conditioner.embedders.1.model."), models["text_encoder_2"])
    # diffusers, asked to guess (it never is, in Airlock), takes the layout for the real model
    guessed = {"sd15": ("v1",), "sd2": ("v2",), "sdxl": ("xl_base",)}[name]
    assert infer_diffusers_model_type(checkpoint) in guessed
    # and the registry recognises such a checkpoint as a standard one of its family
    offset, tensors = 0, {}
    for key, tensor in checkpoint.items():
        tensors[key] = TensorInfo("F16", tuple(tensor.shape), offset, offset + tensor.numel() * 2)
        offset += tensor.numel() * 2
    header = SafetensorsHeader(tensors, {}, 8, 8 + offset, {"F16": len(tensors)})
    filename = {"sd15": "v1-5-pruned-emaonly", "sd2": "v2-1_512-ema-pruned", "sdxl": "sd_xl_base_1.0"}[name]
    info = classify_checkpoint(Path(filename + ".safetensors"), header)
    assert (info.family, info.standard, info.prediction) == (name, True, "epsilon")
