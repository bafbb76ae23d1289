"""Writing a diffusers Stable Diffusion pipeline as one checkpoint in the original layout.

Checkpoints people download (Civitai, the original releases) use the key names of the
CompVis/LDM and Stability "generative-models" code: ``model.diffusion_model.input_blocks.1.1...``
for the UNet, ``first_stage_model.*`` for the VAE, and for the text encoders
``cond_stage_model.transformer.*`` (SD 1.x: OpenAI CLIP in Hugging Face names),
``cond_stage_model.model.*`` (SD 2.x: OpenCLIP's own names, with the attention's query, key
and value in one ``in_proj`` matrix) or ``conditioner.embedders.0.transformer.*`` and
``conditioner.embedders.1.model.*`` (SDXL: both). diffusers converts these layouts to its
own when loading a single file; this module goes the other way, so that the benchmark and
the tests can make such checkpoints from weights they build themselves (nothing is
downloaded) and load them through exactly the code path a user's file takes. The mapping
follows the LDM UNet's numbering: with ``L`` layers per block, down block ``i`` layer ``j``
is ``input_blocks.{1 + i(L+1) + j}``, its downsampler ``input_blocks.{(i+1)(L+1)}``; up block
``i`` layer ``j`` is ``output_blocks.{i(L+1) + j}``; the VAE decoder counts its blocks the
other way round.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

RESNET = [("norm1", "in_layers.0"), ("conv1", "in_layers.2"), ("norm2", "out_layers.0"),
          ("conv2", "out_layers.3"), ("time_emb_proj", "emb_layers.1"), ("conv_shortcut", "skip_connection")]
UNET_TOP = {"time_embedding.linear_1": "time_embed.0", "time_embedding.linear_2": "time_embed.2",
            "add_embedding.linear_1": "label_emb.0.0", "add_embedding.linear_2": "label_emb.0.2",  # SDXL
            "conv_in": "input_blocks.0.0", "conv_norm_out": "out.0", "conv_out": "out.2"}
OPEN_CLIP_LAYER = [("layer_norm1", "ln_1"), ("layer_norm2", "ln_2"), ("mlp.fc1", "mlp.c_fc"),
                   ("mlp.fc2", "mlp.c_proj"), ("self_attn.out_proj", "attn.out_proj")]
PREFIXES = {  # where each generation keeps its text encoders, and in which naming
    "sd1": {"text_encoder": ("cond_stage_model.transformer.", "hf")},
    "sd2": {"text_encoder": ("cond_stage_model.model.", "open_clip")},
    "sdxl": {"text_encoder": ("conditioner.embedders.0.transformer.", "hf"),
             "text_encoder_2": ("conditioner.embedders.1.model.", "open_clip")},
}


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


def _hf_clip(text_encoder: dict[str, Any]) -> dict[str, Any]:
    """Hugging Face CLIP names as checkpoints keep them (always under ``text_model.``)."""
    state = {}
    for key, tensor in text_encoder.items():
        if not key.endswith("position_ids"):
            state[key if key.startswith("text_model.") else "text_model." + key] = tensor
    return state


def _open_clip(text_encoder: dict[str, Any]) -> dict[str, Any]:
    """OpenCLIP's names: ``transformer.resblocks.N`` with q, k and v stacked in ``in_proj``,
    the projection stored transposed and without the ``.weight`` suffix."""
    import torch

    source = {k.removeprefix("text_model."): v for k, v in text_encoder.items() if not k.endswith("position_ids")}
    state: dict[str, Any] = {"token_embedding.weight": source.pop("embeddings.token_embedding.weight"),
                             "positional_embedding": source.pop("embeddings.position_embedding.weight"),
                             "ln_final.weight": source.pop("final_layer_norm.weight"),
                             "ln_final.bias": source.pop("final_layer_norm.bias")}
    projection = source.pop("text_projection.weight", None)
    if projection is not None:
        state["text_projection"] = projection.T
    layers = sorted({int(m[1]) for k in source if (m := re.match(r"encoder\.layers\.(\d+)\.", k))})
    for n in layers:
        old, new = f"encoder.layers.{n}.", f"transformer.resblocks.{n}."
        for part in ("weight", "bias"):
            state[f"{new}attn.in_proj_{part}"] = torch.cat(
                [source.pop(f"{old}self_attn.{x}_proj.{part}") for x in "qkv"])
        for diffusers_name, clip_name in OPEN_CLIP_LAYER:
            for part in ("weight", "bias"):
                state[f"{new}{clip_name}.{part}"] = source.pop(f"{old}{diffusers_name}.{part}")
    if source:
        raise KeyError(f"text encoder tensors with no OpenCLIP name: {sorted(source)[:5]}")
    return state


def ldm_checkpoint(generation: str, models: dict[str, dict[str, Any]], unet_config: dict[str, Any],
                   vae_config: dict[str, Any]) -> dict[str, Any]:
    """One original-layout state dict from the diffusers state dicts of a pipeline's models
    (``unet``, ``vae``, ``text_encoder`` and, for SDXL, ``text_encoder_2``).

    ``generation`` is "sd1", "sd2" or "sdxl". Tensors pass through untouched (real, or on
    the meta device for a structural check), except the VAE attention projections, which
    LDM stores as 1x1 convolutions, and OpenCLIP's stacked and transposed ones.
    """
    state: dict[str, Any] = {}
    for key, tensor in models["unet"].items():
        state["model.diffusion_model." + _unet_key(key, unet_config)] = tensor
    blocks = len(vae_config["up_block_types"])
    for key, tensor in models["vae"].items():
        name, conv = _vae_key(key, blocks)
        state["first_stage_model." + name] = tensor.reshape(*tensor.shape, 1, 1) if conv else tensor
    for component, (prefix, naming) in PREFIXES[generation].items():
        text = (_hf_clip if naming == "hf" else _open_clip)(models[component])
        state.update({prefix + key: tensor for key, tensor in text.items()})
    return state


def generation_of(folder: Path) -> str:
    """sd1, sd2 or sdxl for a diffusers folder: SDXL has two text encoders; of the others,
    SD 1.x's OpenAI CLIP uses quick-GELU and SD 2.x's OpenCLIP plain GELU."""
    index = json.loads((folder / "model_index.json").read_text(encoding="utf-8"))
    if "text_encoder_2" in index:
        return "sdxl"
    text = json.loads((folder / "text_encoder" / "config.json").read_text(encoding="utf-8"))
    return "sd1" if text.get("hidden_act") == "quick_gelu" else "sd2"


def write_checkpoint(folder: Path, target: Path, *, dtype: str = "float32") -> Path:
    """Write a diffusers folder's models as one original-layout ``.safetensors`` checkpoint
    (the layout of the checkpoints people download)."""
    import torch
    from safetensors.torch import load_file, save_file

    generation = generation_of(folder)
    components = ["unet", "vae", "text_encoder"] + (["text_encoder_2"] if generation == "sdxl" else [])
    models = {}
    for name in components:
        weights = "model.safetensors" if name.startswith("text_encoder") else "diffusion_pytorch_model.safetensors"
        models[name] = load_file(folder / name / weights)
    configs = {name: json.loads((folder / name / "config.json").read_text(encoding="utf-8"))
               for name in ("unet", "vae")}
    state = ldm_checkpoint(generation, models, configs["unet"], configs["vae"])
    wanted = getattr(torch, dtype)
    save_file({k: v.to(wanted).contiguous() for k, v in state.items()}, str(target), metadata={"format": "pt"})
    return target

