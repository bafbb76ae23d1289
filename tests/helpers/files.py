"""Building bad model files for refusal tests from the real default model."""

from __future__ import annotations

from pathlib import Path


def truncated_copy(source: Path, target: Path, keep_bytes: int) -> Path:
    with open(source, "rb") as src, open(target, "wb") as dst:
        dst.write(src.read(keep_bytes))
    return target


def changed_copy(source: Path, target: Path) -> Path:
    """Same size, one byte flipped near the end (inside the tensor data)."""
    data = bytearray(source.read_bytes())
    data[-100] ^= 0xFF
    target.write_bytes(bytes(data))
    return target
