"""Tiny random Stable Diffusion models for tests, built here and never downloaded.

:func:`build_tiny_folder` makes a diffusers folder (UNet, VAE, CLIP text encoder with
random weights, the real CLIP tokenizer Airlock bundles, SD 1.5's scheduler config) of
a few megabytes that generates a 64x64 image in well under a second.
:func:`write_sd1_checkpoint` (from :mod:`engine.ldm_layout`) turns such a folder into one
``.safetensors`` checkpoint in the original Stable Diffusion (LDM) key layout, the layout of
the checkpoints people download, so the single-file loader is tested on the conversion
it does for real files.
:func:`config_only_copy` gives the folder's configs without weights: what a single
checkpoint of these sizes needs in place of the bundled full-size configs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from engine.image_models import CLIP_BPE, FAMILIES
from engine.ldm_layout import write_sd1_checkpoint

TEXT_WIDTH = 32


def build_tiny_folder(folder: Path, seed: int = 0) -> Path:
    import torch
    from diffusers import AutoencoderKL, PNDMScheduler, StableDiffusionPipeline, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    torch.manual_seed(seed)
    unet = UNet2DConditionModel(
        sample_size=32, in_channels=4, out_channels=4, layers_per_block=1, block_out_channels=(32, 64),
        down_block_types=("CrossAttnDownBlock2D", "DownBlock2D"),
        up_block_types=("UpBlock2D", "CrossAttnUpBlock2D"), cross_attention_dim=TEXT_WIDTH,
        attention_head_dim=8, norm_num_groups=32,
    )
    vae = AutoencoderKL(
        in_channels=3, out_channels=3, latent_channels=4, block_out_channels=(32, 64), layers_per_block=1,
        down_block_types=("DownEncoderBlock2D",) * 2, up_block_types=("UpDecoderBlock2D",) * 2,
        norm_num_groups=32, sample_size=64,
    )
    text_encoder = CLIPTextModel(CLIPTextConfig(
        hidden_size=TEXT_WIDTH, intermediate_size=37, num_attention_heads=4, num_hidden_layers=2,
        vocab_size=49408, max_position_embeddings=77, projection_dim=TEXT_WIDTH, bos_token_id=0,
        eos_token_id=2, pad_token_id=1, hidden_act="quick_gelu",
    ))
    tokenizer = CLIPTokenizer.from_pretrained(str(CLIP_BPE), model_max_length=77)
    scheduler_config = json.loads((FAMILIES["sd15"].config_dir / "scheduler" / "scheduler_config.json").read_text())
    scheduler = PNDMScheduler.from_config(scheduler_config)
    pipe = StableDiffusionPipeline(vae=vae, text_encoder=text_encoder, tokenizer=tokenizer, unet=unet,
                                   scheduler=scheduler, safety_checker=None, feature_extractor=None,
                                   requires_safety_checker=False)
    pipe.save_pretrained(folder, safe_serialization=True)
    return folder


def config_only_copy(folder: Path, target: Path) -> Path:
    """The folder's configs and tokenizer files, without any weights."""
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in (".json", ".txt"):
            destination = target / path.relative_to(folder)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
    return target


__all__ = ["build_tiny_folder", "config_only_copy", "write_sd1_checkpoint"]
