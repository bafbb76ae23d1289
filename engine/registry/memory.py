"""Will this model fit? An estimate of the RAM a model needs, against what this machine has.

llama.cpp needs the weights (memory-mapped, but all of them are touched per token), the
KV cache (two f16 vectors per layer per KV head per token of context), and compute
buffers that grow with the batch and the context. The estimate is deliberately simple
and a little generous; it is shown before loading so a person can pick a smaller
context or model instead of watching the machine swap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import psutil

MiB = 1024 * 1024
GiB = 1024 * MiB
UBATCH = 512


def _arch(metadata: dict[str, Any], key: str, default: Any = None) -> Any:
    arch = metadata.get("general.architecture")
    return metadata.get(f"{arch}.{key}", default)


def kv_cache_bytes(metadata: dict[str, Any], n_ctx: int) -> int:
    layers = int(_arch(metadata, "block_count", 0) or 0)
    embd = int(_arch(metadata, "embedding_length", 0) or 0)
    heads = int(_arch(metadata, "attention.head_count", 0) or 0) or 1
    kv_heads = int(_arch(metadata, "attention.head_count_kv", heads) or heads)
    head_dim = embd // heads if heads else 0
    key_len = int(_arch(metadata, "attention.key_length", head_dim) or head_dim)
    value_len = int(_arch(metadata, "attention.value_length", head_dim) or head_dim)
    return layers * n_ctx * kv_heads * (key_len + value_len) * 2  # f16


def compute_buffer_bytes(metadata: dict[str, Any], n_ctx: int) -> int:
    heads = int(_arch(metadata, "attention.head_count", 0) or 0) or 1
    embd = int(_arch(metadata, "embedding_length", 0) or 0)
    vocab = len(metadata.get("tokenizer.ggml.tokens", [])) or int(_arch(metadata, "vocab_size", 32000) or 32000)
    attention = n_ctx * UBATCH * heads * 4  # f32 attention scores for one micro-batch
    activations = UBATCH * embd * 4 * 8
    logits = vocab * 4 * 8
    return 48 * MiB + attention + activations + logits


def estimate_text_bytes(size_bytes: int, metadata: dict[str, Any], n_ctx: int) -> int:
    """Estimated resident memory for a GGUF model of ``size_bytes`` with ``n_ctx`` context."""
    return size_bytes + kv_cache_bytes(metadata, n_ctx) + compute_buffer_bytes(metadata, n_ctx)


TEXT_ADVICE = "choose a smaller model, a smaller quantization or a shorter context"


@dataclass(frozen=True)
class MemoryFit:
    needed_bytes: int
    available_bytes: int
    total_bytes: int
    advice: str = TEXT_ADVICE

    @property
    def verdict(self) -> str:
        """``fits``, ``tight`` (more than is free now) or ``too_big`` (more than the machine has)."""
        if self.needed_bytes > self.total_bytes * 0.9:
            return "too_big"
        if self.needed_bytes > self.available_bytes:
            return "tight"
        return "fits"

    @property
    def message(self) -> str:
        need, free, total = (f"{b / GiB:.1f} GiB" for b in
                             (self.needed_bytes, self.available_bytes, self.total_bytes))
        if self.verdict == "too_big":
            return f"This model needs about {need} of memory but this machine has {total}; {self.advice}."
        if self.verdict == "tight":
            return (f"This model needs about {need} of memory and {free} is free now; "
                    "close other programs or expect it to be slow.")
        return f"Needs about {need} of memory; {free} of {total} is free."

    def as_dict(self) -> dict[str, Any]:
        return {"needed_bytes": self.needed_bytes, "available_bytes": self.available_bytes,
                "total_bytes": self.total_bytes, "verdict": self.verdict}


def memory_fit(needed_bytes: int, advice: str | None = None) -> MemoryFit:
    """How ``needed_bytes`` compares with this machine's memory; ``advice`` is what the
    refusal tells the user to change (it differs for text and image models)."""
    vm = psutil.virtual_memory()
    return MemoryFit(needed_bytes=needed_bytes, available_bytes=vm.available, total_bytes=vm.total,
                     advice=advice or TEXT_ADVICE)
