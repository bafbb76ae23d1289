"""Tiny random Stable Diffusion models for tests, built here and never downloaded.

:func:`build_tiny_folder` makes a diffusers folder (UNet, VAE, CLIP text encoders with
random weights, the real CLIP tokenizer Airlock bundles, the family's bundled scheduler
config) of a few megabytes that generates a 64x64 image in well under a second, in the
shape of one of the three architectures: SD 1.x (one CLIP encoder, quick-GELU), SD 2.x
(an OpenCLIP-style encoder, GELU, linear attention projections) or SDXL (two encoders of
different widths, the pooled text and size conditioning, its own pipeline class).
:func:`write_checkpoint` (from :mod:`engine.bench.ldm_layout`) turns such a folder into one
``.safetensors`` checkpoint in the original key layout of that architecture, the layout
of the checkpoints people download, so the single-file loader is tested on the
conversion it does for real files.
:func:`config_only_copy` gives the folder's configs without weights: what a single
checkpoint of these sizes needs in place of the bundled full-size configs.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.registry.image_families import CLIP_BPE, FAMILIES
from engine.bench.ldm_layout import write_checkpoint

TEXT_WIDTH = 32
TEXT_2_WIDTH = 48  # SDXL's second encoder is wider than its first (1280 against 768): so here
TIME_DIM = 8
SCHEDULERS = {"sd1": "sd15", "sd2": "sd2-v", "sdxl": "sdxl"}  # whose bundled scheduler config to use


def _text_encoder(width: int, act: str, projection: bool = False) -> Any:
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTextModelWithProjection

    config = CLIPTextConfig(hidden_size=width, intermediate_size=37, num_attention_heads=4, num_hidden_layers=2,
                            vocab_size=49408, max_position_embeddings=77, projection_dim=width, bos_token_id=0,
                            eos_token_id=2, pad_token_id=1, hidden_act=act)
    return (CLIPTextModelWithProjection if projection else CLIPTextModel)(config)


def _unet(generation: str) -> Any:
    from diffusers import UNet2DConditionModel

    common = dict(sample_size=32, in_channels=4, out_channels=4, layers_per_block=1, block_out_channels=(32, 64),
                  norm_num_groups=32)
    if generation == "sd1":
        return UNet2DConditionModel(down_block_types=("CrossAttnDownBlock2D", "DownBlock2D"),
                                    up_block_types=("UpBlock2D", "CrossAttnUpBlock2D"),
                                    cross_attention_dim=TEXT_WIDTH, attention_head_dim=8, **common)
    if generation == "sd2":
        return UNet2DConditionModel(down_block_types=("CrossAttnDownBlock2D", "DownBlock2D"),
                                    up_block_types=("UpBlock2D", "CrossAttnUpBlock2D"),
                                    cross_attention_dim=TEXT_WIDTH, attention_head_dim=(4, 8),
                                    use_linear_projection=True, upcast_attention=True, **common)
    return UNet2DConditionModel(  # SDXL: attention only in the deeper block, two transformer layers there
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"), up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
        cross_attention_dim=TEXT_WIDTH + TEXT_2_WIDTH, attention_head_dim=(2, 4), use_linear_projection=True,
        transformer_layers_per_block=(1, 2), addition_embed_type="text_time", addition_time_embed_dim=TIME_DIM,
        projection_class_embeddings_input_dim=TEXT_2_WIDTH + 6 * TIME_DIM, **common)


def build_tiny_folder(folder: Path, seed: int = 0, generation: str = "sd1") -> Path:
    import diffusers
    import torch
    from diffusers import AutoencoderKL, StableDiffusionPipeline, StableDiffusionXLPipeline
    from transformers import CLIPTokenizer

    torch.manual_seed(seed)
    unet = _unet(generation)
    vae = AutoencoderKL(
        in_channels=3, out_channels=3, latent_channels=4, block_out_channels=(32, 64), layers_per_block=1,
        down_block_types=("DownEncoderBlock2D",) * 2, up_block_types=("UpDecoderBlock2D",) * 2,
        norm_num_groups=32, sample_size=64,
    )
    family = FAMILIES[SCHEDULERS[generation]]
    index = json.loads((family.config_dir / "model_index.json").read_text())
    scheduler_config = json.loads((family.config_dir / "scheduler" / "scheduler_config.json").read_text())
    scheduler = getattr(diffusers, index["scheduler"][1]).from_config(scheduler_config)
    # the tokenizers' special tokens as the bundled family has them (OpenCLIP pads with "!")
    tokenizers = [CLIPTokenizer.from_pretrained(str(CLIP_BPE), model_max_length=77, **json.loads(
        (family.config_dir / name / "special_tokens_map.json").read_text()))
        for name in ("tokenizer", "tokenizer_2") if (family.config_dir / name).is_dir()]
    if generation == "sdxl":
        pipe = StableDiffusionXLPipeline(
            vae=vae, unet=unet, scheduler=scheduler, tokenizer=tokenizers[0], tokenizer_2=tokenizers[1],
            text_encoder=_text_encoder(TEXT_WIDTH, "quick_gelu"),
            text_encoder_2=_text_encoder(TEXT_2_WIDTH, "gelu", projection=True))
    else:
        text_encoder = _text_encoder(TEXT_WIDTH, "quick_gelu" if generation == "sd1" else "gelu")
        pipe = StableDiffusionPipeline(vae=vae, text_encoder=text_encoder, tokenizer=tokenizers[0], unet=unet,
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


@dataclass(frozen=True)
class TinyModels:
    """One tiny model three ways: a diffusers folder, the same weights as one original-layout
    checkpoint, and the folder's configs without weights (the checkpoint's ``--config``)."""

    folder: Path
    checkpoint: Path
    configs: Path


def build_tiny_models(root: Path, generation: str = "sd1", seed: int = 0) -> TinyModels:
    folder = build_tiny_folder(root / f"tiny-{generation}", seed=seed, generation=generation)
    return TinyModels(folder, write_checkpoint(folder, root / f"tiny-{generation}.safetensors"),
                      config_only_copy(folder, root / f"tiny-{generation}-configs"))


__all__ = ["TinyModels", "build_tiny_folder", "build_tiny_models", "config_only_copy", "write_checkpoint"]
