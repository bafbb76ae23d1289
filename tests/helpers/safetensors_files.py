"""Writing small ``.safetensors`` files by hand (no torch), for header and detection tests.

Tensors are given as name -> (dtype, shape) and filled with zeros unless ``data`` gives
their bytes; the layout is the format's: 8-byte little-endian header length, JSON
header, then the tensors back to back.
"""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path

from engine.registry.safetensors_header import DTYPE_BYTES

# Names and shapes as they appear in the published checkpoints (a few of each part).
SD1 = {
    "model.diffusion_model.input_blocks.0.0.weight": ("F16", [320, 4, 3, 3]),
    "model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight": ("F16", [320, 768]),
    "first_stage_model.decoder.conv_out.weight": ("F16", [3, 128, 3, 3]),
    "cond_stage_model.transformer.text_model.embeddings.token_embedding.weight": ("F16", [16, 8]),
}
SD2 = {
    "model.diffusion_model.input_blocks.0.0.weight": ("F16", [320, 4, 3, 3]),
    "model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight": ("F16", [320, 1024]),
    "model.diffusion_model.output_blocks.11.1.transformer_blocks.0.norm1.bias": ("F32", [320]),
    "first_stage_model.decoder.conv_out.weight": ("F16", [3, 128, 3, 3]),
    "cond_stage_model.model.token_embedding.weight": ("F16", [16, 8]),
}
SDXL = {
    "model.diffusion_model.input_blocks.0.0.weight": ("F16", [320, 4, 3, 3]),
    "model.diffusion_model.input_blocks.4.1.transformer_blocks.0.attn2.to_k.weight": ("F16", [640, 2048]),
    "first_stage_model.decoder.conv_out.weight": ("F16", [3, 128, 3, 3]),
    "conditioner.embedders.0.transformer.text_model.embeddings.token_embedding.weight": ("F16", [16, 8]),
    "conditioner.embedders.1.model.transformer.resblocks.9.mlp.c_proj.bias": ("F16", [1280]),
}


def write_safetensors(path: Path, tensors: dict[str, tuple[str, list[int]]], *,
                      metadata: dict[str, str] | None = None,
                      data: dict[str, bytes] | None = None) -> Path:
    header: dict[str, object] = {}
    if metadata:
        header["__metadata__"] = metadata
    blobs = []
    offset = 0
    for name, (dtype, shape) in tensors.items():
        size = math.prod(shape) * DTYPE_BYTES[dtype]
        blob = (data or {}).get(name, b"\0" * size)
        assert len(blob) == size, name
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + size]}
        blobs.append(blob)
        offset += size
    raw = json.dumps(header).encode("utf-8")
    raw += b" " * (-len(raw) % 8)  # the reference writer pads the header to 8 bytes
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(raw)))
        out.write(raw)
        for blob in blobs:
            out.write(blob)
    return path


def f32(values: list[float]) -> bytes:
    return struct.pack(f"<{len(values)}f", *values)
