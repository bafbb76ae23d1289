"""The bundled diffusers configs build the published architectures, offline and without weights.

Models are built on the meta device (shapes only, no memory), so every family, SDXL
included, is checked in seconds. For SD 1.5 the original checkpoint layout is converted
by diffusers' own single-file converters and must fill the model exactly; the
benchmark (`airlock bench image`) then loads a full-size checkpoint through
``from_single_file`` with these configs for real.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.image_models import FAMILIES, classify_checkpoint
from engine.safetensors_header import SafetensorsHeader, TensorInfo

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

    from engine.image_settings import SCHEDULERS
    from engine.image_worker import bundled_tokenizers, make_scheduler

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


def test_sd15_checkpoint_layout_converts_into_the_bundled_architecture():
    from diffusers.loaders.single_file_utils import (convert_ldm_clip_checkpoint, convert_ldm_unet_checkpoint,
                                                     convert_ldm_vae_checkpoint)

    from engine.ldm_layout import sd1_checkpoint

    models, unet_config, vae_config = meta_models(FAMILIES["sd15"])
    checkpoint = sd1_checkpoint(models["unet"].state_dict(), unet_config, models["vae"].state_dict(),
                                vae_config, models["text_encoder"].state_dict())
    for name, converted in (("unet", convert_ldm_unet_checkpoint(checkpoint, unet_config)),
                            ("vae", convert_ldm_vae_checkpoint(checkpoint, vae_config))):
        expected = models[name].state_dict()
        assert set(converted) == set(expected), name
        assert all(converted[k].shape == expected[k].shape for k in expected), name
    text = convert_ldm_clip_checkpoint(checkpoint)
    assert set(text) == {"text_model." + k for k in models["text_encoder"].state_dict()}
    # and the registry recognises such a checkpoint as a standard SD 1.5
    offset, tensors = 0, {}
    for key, tensor in checkpoint.items():
        tensors[key] = TensorInfo("F16", tuple(tensor.shape), offset, offset + tensor.numel() * 2)
        offset += tensor.numel() * 2
    header = SafetensorsHeader(tensors, {}, 8, 8 + offset, {"F16": len(tensors)})
    info = classify_checkpoint(Path("v1-5-pruned-emaonly.safetensors"), header)
    assert (info.family, info.standard, info.prediction) == ("sd15", True, "epsilon")
    assert len(checkpoint) == 1130
