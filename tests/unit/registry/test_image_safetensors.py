"""Reading .safetensors headers by hand: what is accepted, every refusal, decoding one tensor."""

from __future__ import annotations

import json
import struct

import pytest

from engine.errors import BadInput
from engine.registry.safetensors_header import read_floats, read_header
from tests.helpers.safetensors_files import SD1, f32, write_safetensors


def test_reads_names_shapes_dtypes_and_metadata(tmp_path):
    path = write_safetensors(tmp_path / "m.safetensors", SD1, metadata={"modelspec.title": "x"})
    header = read_header(path)
    assert set(header.tensors) == set(SD1)
    assert header.shape("model.diffusion_model.input_blocks.0.0.weight") == (320, 4, 3, 3)
    assert header.metadata == {"modelspec.title": "x"}
    assert header.main_dtype == "F16" and header.file_size == path.stat().st_size
    assert header.has_prefix("first_stage_model.") and not header.has_prefix("conditioner.")


def test_decodes_one_small_tensor_in_each_float_type(tmp_path):
    values = [0.5, -1.25, 3.0]
    bf16 = struct.pack("<3H", *(struct.unpack("<I", struct.pack("<f", v))[0] >> 16 for v in values))
    path = write_safetensors(
        tmp_path / "m.safetensors",
        {"a": ("F32", [3]), "b": ("F16", [3]), "c": ("BF16", [3])},
        data={"a": f32(values), "b": struct.pack("<3e", *values), "c": bf16})
    header = read_header(path)
    for name in "abc":
        assert read_floats(path, header, name) == values


def _file(tmp_path, name: str, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def _raw(tmp_path, header: bytes, data: bytes = b"", length: int | None = None):
    path = tmp_path / "bad.safetensors"
    path.write_bytes(struct.pack("<Q", len(header) if length is None else length) + header + data)
    return path


def test_refusals(tmp_path):
    good = write_safetensors(tmp_path / "good.safetensors", SD1)
    whole = good.read_bytes()
    cases = {
        "is empty": lambda: _file(tmp_path, "e.safetensors", b""),
        "too short": lambda: _file(tmp_path, "s.safetensors", b"\x01\x02"),
        "header ends early": lambda: _raw(tmp_path, b"{}", length=10_000),
        "implausible": lambda: _raw(tmp_path, b"{}", length=2**40),
        "not valid JSON": lambda: _raw(tmp_path, b"GGUF not json at all"),
        "not a JSON object": lambda: _raw(tmp_path, b"[1, 2]"),
        "holds no tensors": lambda: _raw(tmp_path, b"{}"),
        "is malformed": lambda: _raw(tmp_path, json.dumps({"x": {"dtype": "F99", "shape": [1],
                                                                 "data_offsets": [0, 4]}}).encode(), b"\0" * 4),
        "does not match its byte range": lambda: _raw(tmp_path, json.dumps(
            {"x": {"dtype": "F32", "shape": [2], "data_offsets": [0, 4]}}).encode(), b"\0" * 4),
        "overlaps or has gaps": lambda: _raw(tmp_path, json.dumps(
            {"x": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]},
             "y": {"dtype": "F32", "shape": [1], "data_offsets": [2, 6]}}).encode(), b"\0" * 6),
        "truncated: 1,000 bytes of tensor data are missing": lambda: _file(tmp_path, "t.safetensors",
                                                                         whole[:-1000]),
        "unexpected bytes after": lambda: _file(tmp_path, "x.safetensors", whole + b"junk"),
    }
    for message, make in cases.items():
        with pytest.raises(BadInput, match=message):
            read_header(make())
