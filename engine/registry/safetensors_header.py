"""Reading a ``.safetensors`` file's header without loading it: tensor names, shapes, completeness.

The registry must know what a checkpoint is (Stable Diffusion 1.x, 2.x or XL) and refuse
a file cut short by a failed copy before anything loads it, in the GUI process, which
never imports torch. The format is small enough to read by hand: 8 bytes of
little-endian header length, then that many bytes of JSON mapping each tensor name to
``{"dtype", "shape", "data_offsets": [begin, end]}`` (offsets relative to the end of the
header), plus an optional ``"__metadata__"`` map of strings. Written against the
format's specification (huggingface/safetensors, README "Format").
"""

from __future__ import annotations

import json
import math
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.errors import BadInput

MAX_HEADER_BYTES = 100 * 1024 * 1024
"""The reference implementation refuses headers over 100 MB; so do we."""

DTYPE_BYTES = {
    "BOOL": 1, "U8": 1, "I8": 1, "F8_E4M3": 1, "F8_E5M2": 1, "F8_E8M0": 1,
    "I16": 2, "U16": 2, "F16": 2, "BF16": 2,
    "I32": 4, "U32": 4, "F32": 4,
    "I64": 8, "U64": 8, "F64": 8,
}


@dataclass(frozen=True)
class TensorInfo:
    dtype: str
    shape: tuple[int, ...]
    begin: int
    end: int

    @property
    def elements(self) -> int:
        return math.prod(self.shape)


@dataclass
class SafetensorsHeader:
    """What the registry needs to know about one ``.safetensors`` file."""

    tensors: dict[str, TensorInfo]
    metadata: dict[str, str]
    data_start: int
    file_size: int
    dtypes: dict[str, int] = field(default_factory=dict)  # dtype -> number of tensors

    def shape(self, name: str) -> tuple[int, ...] | None:
        info = self.tensors.get(name)
        return info.shape if info else None

    def has_prefix(self, prefix: str) -> bool:
        return any(name.startswith(prefix) for name in self.tensors)

    @property
    def main_dtype(self) -> str | None:
        """The dtype most tensors are stored in (what people call the file's precision)."""
        return max(self.dtypes, key=self.dtypes.get) if self.dtypes else None


def read_header(path: Path) -> SafetensorsHeader:
    """Read and check the header of ``path``; raise BadInput for anything not loadable.

    Refused: empty files, files too short for a header, header lengths past the end
    of the file, headers that are not a JSON object of tensor entries, tensors whose
    byte ranges do not match their dtype and shape or overlap, and files whose tensor
    data is cut short (truncated) or followed by stray bytes.
    """
    name = path.name
    try:
        size = path.stat().st_size
        with open(path, "rb") as stream:
            head = stream.read(8)
            if size == 0:
                raise BadInput(f"{name} is empty (0 bytes); it is not a model.")
            if len(head) < 8:
                raise BadInput(f"{name} is too short to be a safetensors file ({size} bytes).")
            (length,) = struct.unpack("<Q", head)
            if length > MAX_HEADER_BYTES:
                raise BadInput(f"{name} is not a safetensors file (its header length is implausible).")
            if 8 + length > size:
                raise BadInput(f"{name} is truncated: its safetensors header ends early "
                               f"({size:,} bytes, header needs {8 + length:,}).")
            raw = stream.read(length)
    except OSError as exc:
        raise BadInput(f"Cannot read {name}: {exc.strerror}.") from exc
    try:
        document = json.loads(raw.decode("utf-8").rstrip(" "))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadInput(f"{name} is not a safetensors file (its header is not valid JSON).") from exc
    if not isinstance(document, dict):
        raise BadInput(f"{name} is not a safetensors file (its header is not a JSON object).")
    metadata = document.pop("__metadata__", None) or {}
    if not isinstance(metadata, dict):
        raise BadInput(f"{name} has a damaged safetensors header (__metadata__ is not a map).")
    tensors: dict[str, TensorInfo] = {}
    dtypes: dict[str, int] = {}
    for key, entry in document.items():
        tensors[key] = _tensor(name, key, entry)
        dtypes[tensors[key].dtype] = dtypes.get(tensors[key].dtype, 0) + 1
    if not tensors:
        raise BadInput(f"{name} holds no tensors; it is not a model.")
    data_start = 8 + length
    _check_layout(name, tensors, size - data_start)
    return SafetensorsHeader(tensors=tensors, metadata={str(k): str(v) for k, v in metadata.items()},
                             data_start=data_start, file_size=size, dtypes=dtypes)


def _tensor(filename: str, key: str, entry: Any) -> TensorInfo:
    bad = BadInput(f"{filename} has a damaged safetensors header (entry {key!r} is malformed).")
    if not isinstance(entry, dict):
        raise bad
    dtype, shape, offsets = entry.get("dtype"), entry.get("shape"), entry.get("data_offsets")
    if (dtype not in DTYPE_BYTES or not isinstance(shape, list) or not isinstance(offsets, list)
            or len(offsets) != 2
            or not all(isinstance(d, int) and not isinstance(d, bool) and d >= 0 for d in shape + offsets)):
        raise bad
    begin, end = offsets
    info = TensorInfo(dtype=dtype, shape=tuple(shape), begin=begin, end=end)
    if end < begin or end - begin != info.elements * DTYPE_BYTES[dtype]:
        raise BadInput(f"{filename} has a damaged safetensors header "
                       f"(tensor {key!r} does not match its byte range).")
    return info


def _check_layout(filename: str, tensors: dict[str, TensorInfo], data_bytes: int) -> None:
    """Tensors must tile the data area exactly: no gaps, no overlaps, nothing missing."""
    position = 0
    for info in sorted(tensors.values(), key=lambda t: (t.begin, t.end)):
        if info.begin != position:
            raise BadInput(f"{filename} has a damaged safetensors header (tensor data overlaps or has gaps).")
        position = info.end
    if position > data_bytes:
        raise BadInput(f"{filename} is truncated: {position - data_bytes:,} bytes of tensor data are missing.")
    if position < data_bytes:
        raise BadInput(f"{filename} has {data_bytes - position:,} unexpected bytes after its tensor data; "
                       "it is not a clean safetensors file.")


def read_floats(path: Path, header: SafetensorsHeader, name: str, limit: int = 65536) -> list[float]:
    """The values of one small floating-point tensor, decoded without numpy or torch.

    Used for cheap checks on a single tensor (v-prediction detection reads 1,280
    numbers). Refuses tensors over ``limit`` elements.
    """
    info = header.tensors[name]
    if info.elements > limit:
        raise ValueError(f"tensor {name} has {info.elements} elements; refusing to decode over {limit}")
    with open(path, "rb") as stream:
        stream.seek(header.data_start + info.begin)
        raw = stream.read(info.end - info.begin)
    count = info.elements
    if info.dtype == "F32":
        return list(struct.unpack(f"<{count}f", raw))
    if info.dtype == "F16":
        return list(struct.unpack(f"<{count}e", raw))
    if info.dtype == "BF16":  # the top half of an F32
        halves = struct.unpack(f"<{count}H", raw)
        return list(struct.unpack(f"<{count}f", struct.pack(f"<{count}I", *(h << 16 for h in halves))))
    if info.dtype == "F64":
        return list(struct.unpack(f"<{count}d", raw))
    raise ValueError(f"tensor {name} is {info.dtype}, not a float tensor")
