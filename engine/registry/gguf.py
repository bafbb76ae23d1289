"""Reading a GGUF file's header without loading it: metadata, tensor table, completeness.

The registry needs a model's architecture, quantization, context length and chat
template before anything loads it, and must refuse a file that is not GGUF or was cut
short by a failed copy. Reading the header is a few kilobytes to a few megabytes (the
tokenizer vocabulary); the tensor data is never read. Written against the GGUF
specification (ggml/docs/gguf.md, versions 2 and 3) so the GUI process needs neither
llama_cpp nor numpy to do it.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from engine.errors import BadInput
from engine import messages

MAGIC = b"GGUF"
DEFAULT_ALIGNMENT = 32
MAX_STRING = 64 * 1024 * 1024
MAX_ARRAY = 16 * 1024 * 1024
_U64 = struct.Struct("<Q")

# value type id -> struct format (scalars); 8 string, 9 array
_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?",
            10: "<Q", 11: "<q", 12: "<d"}
STRING, ARRAY = 8, 9

# ggml tensor type id -> (name, elements per block, bytes per block)
TENSOR_TYPES: dict[int, tuple[str, int, int]] = {
    0: ("F32", 1, 4), 1: ("F16", 1, 2), 2: ("Q4_0", 32, 18), 3: ("Q4_1", 32, 20),
    6: ("Q5_0", 32, 22), 7: ("Q5_1", 32, 24), 8: ("Q8_0", 32, 34), 9: ("Q8_1", 32, 40),
    10: ("Q2_K", 256, 84), 11: ("Q3_K", 256, 110), 12: ("Q4_K", 256, 144),
    13: ("Q5_K", 256, 176), 14: ("Q6_K", 256, 210), 15: ("Q8_K", 256, 292),
    16: ("IQ2_XXS", 256, 66), 17: ("IQ2_XS", 256, 74), 18: ("IQ3_XXS", 256, 98),
    19: ("IQ1_S", 256, 50), 20: ("IQ4_NL", 32, 18), 21: ("IQ3_S", 256, 110),
    22: ("IQ2_S", 256, 82), 23: ("IQ4_XS", 256, 136), 24: ("I8", 1, 1), 25: ("I16", 1, 2),
    26: ("I32", 1, 4), 27: ("I64", 1, 8), 28: ("F64", 1, 8), 29: ("IQ1_M", 256, 56),
    30: ("BF16", 1, 2), 34: ("TQ1_0", 256, 54), 35: ("TQ2_0", 256, 66),
    39: ("MXFP4", 32, 17), 40: ("NVFP4", 64, 36), 41: ("Q1_0", 128, 18),
}

# general.file_type (llama_ftype) -> the quantization name people use
FILE_TYPES = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K",
    11: "Q3_K_S", 12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S",
    17: "Q5_K_M", 18: "Q6_K", 19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS",
    23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL", 26: "IQ3_S", 27: "IQ3_M", 28: "IQ2_S",
    29: "IQ2_M", 30: "IQ4_XS", 31: "IQ1_M", 32: "BF16", 36: "TQ1_0", 37: "TQ2_0",
    38: "MXFP4_MOE",
}


class _Truncated(Exception):
    pass


@dataclass
class GGUFInfo:
    """What the registry keeps about a GGUF file."""

    version: int
    metadata: dict[str, Any]
    tensor_count: int
    data_offset: int
    data_end: int
    tensor_types: dict[str, int] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.metadata.get(key, default)

    @property
    def architecture(self) -> str | None:
        return self.metadata.get("general.architecture")

    def arch_value(self, key: str, default: Any = None) -> Any:
        return self.metadata.get(f"{self.architecture}.{key}", default)

    @property
    def context_length(self) -> int | None:
        value = self.arch_value("context_length")
        return int(value) if value is not None else None

    @property
    def quantization(self) -> str | None:
        file_type = self.metadata.get("general.file_type")
        if file_type is not None and int(file_type) in FILE_TYPES:
            return FILE_TYPES[int(file_type)]
        if self.tensor_types:  # the most common tensor type says most of it
            return max(self.tensor_types, key=lambda k: self.tensor_types[k])
        return None

    @property
    def chat_template(self) -> str | None:
        return self.metadata.get("tokenizer.chat_template")

    @property
    def chat_template_sha256(self) -> str | None:
        template = self.chat_template
        return hashlib.sha256(template.encode("utf-8")).hexdigest() if template else None

    @property
    def size_label(self) -> str | None:
        return self.metadata.get("general.size_label")

    def summary(self) -> dict[str, Any]:
        """Small, JSON-friendly metadata (no vocabulary arrays) for the registry."""
        keep = {}
        for key, value in self.metadata.items():
            if isinstance(value, list):
                continue
            if isinstance(value, str) and len(value) > 512 and key != "tokenizer.chat_template":
                continue
            keep[key] = value
        return keep


class _Reader:
    def __init__(self, stream: BinaryIO, size: int):
        self.stream = stream
        self.size = size

    def take(self, n: int) -> bytes:
        data = self.stream.read(n)
        if len(data) != n:
            raise _Truncated()
        return data

    def scalar(self, kind: int) -> Any:
        fmt = _SCALARS[kind]
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))[0]

    def u32(self) -> int:
        return self.scalar(4)

    def u64(self) -> int:
        return self.scalar(10)

    def string(self) -> str:
        length = self.u64()
        if length > MAX_STRING or self.stream.tell() + length > self.size:
            raise _Truncated()
        return self.take(length).decode("utf-8", errors="replace")

    def value(self, kind: int) -> Any:
        if kind in _SCALARS:
            return self.scalar(kind)
        if kind == STRING:
            return self.string()
        if kind == ARRAY:
            item_kind = self.u32()
            count = self.u64()
            if count > MAX_ARRAY:
                raise _Truncated()
            if item_kind in _SCALARS:  # read numeric arrays in one go
                fmt = _SCALARS[item_kind]
                width = struct.calcsize(fmt)
                raw = self.take(width * count)
                return list(struct.unpack(f"<{count}{fmt[1:]}", raw))
            if item_kind == STRING:
                return self.strings(count)
            return [self.value(item_kind) for _ in range(count)]
        raise ValueError(f"unknown GGUF value type {kind}")

    def strings(self, count: int) -> list[str]:
        """``count`` strings in one loop: a vocabulary holds ~50,000 tokens and as many
        merges, and reading them through :meth:`string` one call chain each made opening a
        workspace with the bundled model take seconds (checked the same way: a length past
        MAX_STRING or the end of the file is a truncated file)."""
        read, unpack = self.stream.read, _U64.unpack
        out = []
        for _ in range(count):
            head = read(8)
            if len(head) != 8:
                raise _Truncated()
            (length,) = unpack(head)
            data = read(length) if length <= MAX_STRING else b""
            if len(data) != length:
                raise _Truncated()
            out.append(data.decode("utf-8", errors="replace"))
        return out


def _tensor_bytes(type_id: int, dims: list[int]) -> int | None:
    spec = TENSOR_TYPES.get(type_id)
    if spec is None:
        return None
    _, block, block_bytes = spec
    elements = 1
    for d in dims:
        elements *= d
    return (elements // block) * block_bytes


def read_gguf(path: Path) -> GGUFInfo:
    """Parse ``path``'s header and tensor table; refuse what is not a complete GGUF file."""
    name = path.name
    size = path.stat().st_size
    if size == 0:
        raise BadInput(messages.GGUF_EMPTY(name=name))
    with open(path, "rb") as stream:
        reader = _Reader(stream, size)
        try:
            if stream.read(4) != MAGIC:
                raise BadInput(messages.NOT_GGUF(name=name))
            version = reader.u32()
            if version not in (2, 3):
                raise BadInput(f"{name} uses GGUF version {version}, which Airlock cannot read.")
            tensor_count = reader.u64()
            kv_count = reader.u64()
            if tensor_count > 1_000_000 or kv_count > 1_000_000:
                raise BadInput(messages.GGUF_CORRUPT(name=name))
            metadata: dict[str, Any] = {}
            for _ in range(kv_count):
                key = reader.string()
                metadata[key] = reader.value(reader.u32())
            alignment = int(metadata.get("general.alignment", DEFAULT_ALIGNMENT)) or DEFAULT_ALIGNMENT
            tensors = []
            types: dict[str, int] = {}
            for _ in range(tensor_count):
                reader.string()
                n_dims = reader.u32()
                if n_dims > 8:
                    raise BadInput(f"{name} has a corrupt tensor table.")
                dims = [reader.u64() for _ in range(n_dims)]
                type_id = reader.u32()
                offset = reader.u64()
                tensors.append((type_id, dims, offset))
                type_name = TENSOR_TYPES.get(type_id, (f"type{type_id}",))[0]
                types[type_name] = types.get(type_name, 0) + 1
        except _Truncated:
            raise BadInput(messages.GGUF_TRUNCATED(name=name)) from None
        except (ValueError, UnicodeDecodeError, struct.error) as exc:
            raise BadInput(f"{name} has a corrupt GGUF header ({exc}).") from None
        header_end = stream.tell()
    data_offset = -(-header_end // alignment) * alignment
    data_end = data_offset
    for type_id, dims, offset in tensors:
        nbytes = _tensor_bytes(type_id, dims)
        end = data_offset + offset + (nbytes or 0)
        data_end = max(data_end, end)
    if data_end > size:
        missing = data_end - size
        raise BadInput(
            f"{name} is truncated: {missing:,} bytes of tensor data are missing; copy the file again."
        )
    return GGUFInfo(version=version, metadata=metadata, tensor_count=tensor_count,
                    data_offset=data_offset, data_end=data_end, tensor_types=types)
