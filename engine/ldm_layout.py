"""Writing a diffusers SD 1.x pipeline as one checkpoint in the original Stable Diffusion layout.

Checkpoints people download (Civitai, the original releases) use the key names of the
CompVis/LDM code: ``model.diffusion_model.input_blocks.1.1...`` for the UNet,
``first_stage_model.*`` for the VAE, ``cond_stage_model.transformer.*`` for CLIP. diffusers
converts that layout to its own when loading a single file; this module goes the other
way, so that the benchmark and the tests can make such a checkpoint from weights they
build themselves (nothing is downloaded) and load it through exactly the code path a
user's file takes. The mapping follows the LDM UNet's numbering: with ``L`` layers per
block, down block ``i`` layer ``j`` is ``input_blocks.{1 + i(L+1) + j}``, its downsampler
``input_blocks.{(i+1)(L+1)}``; up block ``i`` layer ``j`` is ``output_blocks.{i(L+1) + j}``;
the VAE decoder counts its blocks the other way round.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

RESNET = [("norm1", "in_layers.0"), ("conv1", "in_layers.2"), ("norm2", "out_layers.0"),
          ("conv2", "out_layers.3"), ("time_emb_proj", "emb_layers.1"), ("conv_shortcut", "skip_connection")]
UNET_TOP = {"time_embedding.linear_1": "time_embed.0", "time_embedding.linear_2": "time_embed.2",
            "conv_in": "input_blocks.0.0", "conv_norm_out": "out.0", "conv_out": "out.2"}


def _unet_key(key: str, config: dict) -> str:
    per = config["layers_per_block"]
    up_has_attention = ["CrossAttn" in t for t in config["up_block_types"]]
    for new, old in UNET_TOP.items():
        if key.startswith(new + "."):
            return old + key[len(new):]
    if m := re.match(r"down_blocks\.(\d+)\.(resnets|attentions)\.(\d+)\.(.*)", key):
        block, kind, layer, rest = int(m[1]), m[2], int(m[3]), m[4]
        return f"input_blocks.{1 + block * (per + 1) + layer}.{0 if kind == 'resnets' else 1}.{_resnet(rest, kind)}"
    if m := re.match(r"down_blocks\.(\d+)\.downsamplers\.0\.conv\.(.*)", key):
        return f"input_blocks.{(int(m[1]) + 1) * (per + 1)}.0.op.{m[2]}"
    if m := re.match(r"up_blocks\.(\d+)\.(resnets|attentions)\.(\d+)\.(.*)", key):
        block, kind, layer, rest = int(m[1]), m[2], int(m[3]), m[4]
        return f"output_blocks.{block * (per + 1) + layer}.{0 if kind == 'resnets' else 1}.{_resnet(rest, kind)}"
    if m := re.match(r"up_blocks\.(\d+)\.upsamplers\.0\.conv\.(.*)", key):
        block = int(m[1])
        return f"output_blocks.{block * (per + 1) + per}.{2 if up_has_attention[block] else 1}.conv.{m[2]}"
    if m := re.match(r"mid_block\.(resnets|attentions)\.(\d+)\.(.*)", key):
        kind, index, rest = m[1], int(m[2]), m[3]
        position = 1 if kind == "attentions" else 2 * index
        return f"middle_block.{position}.{_resnet(rest, kind)}"
    raise KeyError(key)


def _resnet(rest: str, kind: str) -> str:
    if kind != "resnets":
        return rest
    for new, old in RESNET:
        if rest.startswith(new + "."):
            return old + rest[len(new):]
    return rest


def _vae_key(key: str, blocks: int) -> tuple[str, bool]:
    """(LDM name, whether the tensor is an attention linear that LDM stores as a 1x1 conv)."""
    key = key.replace("conv_shortcut", "nin_shortcut").replace("conv_norm_out", "norm_out")
    if m := re.match(r"(encoder|decoder)\.mid_block\.resnets\.(\d+)\.(.*)", key):
        return f"{m[1]}.mid.block_{int(m[2]) + 1}.{m[3]}", False
    if m := re.match(r"(encoder|decoder)\.mid_block\.attentions\.0\.(.*)", key):
        names = {"group_norm": "norm", "to_q": "q", "to_k": "k", "to_v": "v", "to_out.0": "proj_out"}
        rest = m[2]
        for new, old in names.items():
            if rest.startswith(new + "."):
                return f"{m[1]}.mid.attn_1.{old}{rest[len(new):]}", new != "group_norm" and rest.endswith("weight")
    if m := re.match(r"encoder\.down_blocks\.(\d+)\.resnets\.(\d+)\.(.*)", key):
        return f"encoder.down.{m[1]}.block.{m[2]}.{m[3]}", False
    if m := re.match(r"encoder\.down_blocks\.(\d+)\.downsamplers\.0\.(.*)", key):
        return f"encoder.down.{m[1]}.downsample.{m[2]}", False
    if m := re.match(r"decoder\.up_blocks\.(\d+)\.resnets\.(\d+)\.(.*)", key):
        return f"decoder.up.{blocks - 1 - int(m[1])}.block.{m[2]}.{m[3]}", False
    if m := re.match(r"decoder\.up_blocks\.(\d+)\.upsamplers\.0\.(.*)", key):
        return f"decoder.up.{blocks - 1 - int(m[1])}.upsample.{m[2]}", False
    return key, False


def sd1_checkpoint(unet: dict[str, Any], unet_config: dict[str, Any], vae: dict[str, Any],
                   vae_config: dict[str, Any], text_encoder: dict[str, Any]) -> dict[str, Any]:
    """One SD 1.x-layout state dict from the diffusers state dicts of its three models.

    Tensors pass through untouched (real, or on the meta device for a structural check),
    except the VAE attention projections, which LDM stores as 1x1 convolutions.
    """
    state: dict[str, Any] = {}
    for key, tensor in unet.items():
        state["model.diffusion_model." + _unet_key(key, unet_config)] = tensor
    blocks = len(vae_config["up_block_types"])
    for key, tensor in vae.items():
        name, conv = _vae_key(key, blocks)
        state["first_stage_model." + name] = tensor.reshape(*tensor.shape, 1, 1) if conv else tensor
    for key, tensor in text_encoder.items():
        if key.endswith("position_ids"):
            continue
        name = key if key.startswith("text_model.") else "text_model." + key
        state["cond_stage_model.transformer." + name] = tensor
    return state


def write_sd1_checkpoint(folder: Path, target: Path, *, dtype: str = "float32") -> Path:
    """Write a diffusers SD 1.x folder's UNet, VAE and text encoder as one original-layout
    ``.safetensors`` checkpoint (the layout of the checkpoints people download)."""
    import torch
    from safetensors.torch import load_file, save_file

    state = sd1_checkpoint(
        load_file(folder / "unet" / "diffusion_pytorch_model.safetensors"),
        json.loads((folder / "unet" / "config.json").read_text(encoding="utf-8")),
        load_file(folder / "vae" / "diffusion_pytorch_model.safetensors"),
        json.loads((folder / "vae" / "config.json").read_text(encoding="utf-8")),
        load_file(folder / "text_encoder" / "model.safetensors"),
    )
    wanted = getattr(torch, dtype)
    save_file({k: v.to(wanted).contiguous() for k, v in state.items()}, str(target), metadata={"format": "pt"})
    return target
