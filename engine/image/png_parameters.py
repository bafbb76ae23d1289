"""The ``parameters`` text every generated PNG carries, in the AUTOMATIC1111 format.

People drop a PNG into A1111, ComfyUI, Civitai or an image viewer and expect to see how
it was made; this is the format those tools read::

    a red bicycle in the rain
    Negative prompt: blurry
    Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 512x512, Model hash: 0123456789, Model: sd15

The first lines are the prompt, then an optional ``Negative prompt:`` (possibly several
lines), then one line of ``key: value`` pairs. A value holding a comma, colon or quote
is written as a JSON string, as A1111 does.
"""

from __future__ import annotations

import json
import re
from typing import Any

CHUNK = "parameters"
NEGATIVE = "Negative prompt: "
_PAIR = re.compile(r'\s*([\w ]+):\s*("(?:\\.|[^\\"])*"|[^,]*)(?:,|$)')


def _value(value: Any) -> str:
    if isinstance(value, float):
        text = f"{value:g}"
    else:
        text = str(value)
    if any(c in text for c in ',:"\n'):
        return json.dumps(text, ensure_ascii=False)
    return text


def format_parameters(prompt: str, negative: str, settings: dict[str, Any]) -> str:
    """The text for the ``parameters`` chunk; ``settings`` keeps its order (Steps first)."""
    lines = [prompt]
    if negative:
        lines.append(NEGATIVE + negative)
    lines.append(", ".join(f"{key}: {_value(value)}" for key, value in settings.items()
                           if value is not None and value != ""))
    return "\n".join(lines)


def a1111_settings(*, steps: int, sampler: str, guidance: float, seed: int, width: int, height: int,
                   model_sha256: str, model_name: str, strength: float | None = None) -> dict[str, Any]:
    """The key-value line for one image, in the order A1111 writes it."""
    settings: dict[str, Any] = {
        "Steps": steps, "Sampler": sampler, "CFG scale": float(guidance), "Seed": seed,
        "Size": f"{width}x{height}", "Model hash": model_sha256[:10], "Model": model_name,
    }
    if strength is not None:
        settings["Denoising strength"] = float(strength)
    return settings


def parse_parameters(text: str) -> dict[str, Any]:
    """Read a ``parameters`` text back: {"prompt", "negative", and each setting as text}.

    Settings keep A1111's names ("Steps", "CFG scale", ...); quoted values are unquoted.
    """
    lines = text.strip("\n").split("\n")
    settings_line = ""
    if lines and _PAIR.match(lines[-1]) and re.match(r"\s*Steps:", lines[-1]):
        settings_line = lines.pop()
    prompt_lines: list[str] = []
    negative_lines: list[str] = []
    target = prompt_lines
    for line in lines:
        if line.startswith(NEGATIVE) and target is prompt_lines:
            target = negative_lines
            line = line[len(NEGATIVE):]
        target.append(line)
    result: dict[str, Any] = {"prompt": "\n".join(prompt_lines), "negative": "\n".join(negative_lines)}
    for key, value in _PAIR.findall(settings_line):
        value = value.strip()
        if value.startswith('"') and value.endswith('"') and len(value) >= 2:
            try:
                value = json.loads(value)
            except ValueError:
                pass
        result[key.strip()] = value
    return result


def record_parameters(record: dict[str, Any]) -> str:
    """A stored image generation (a history record) as AUTOMATIC1111 writes parameters, so
    other tools can paste it: the same text the PNG carries, rebuilt from the record."""
    params = record.get("params") or {}
    settings = a1111_settings(
        steps=params.get("steps"), sampler=params.get("scheduler"), guidance=params.get("guidance", 0),
        seed=record.get("seed"), width=record.get("width"), height=record.get("height"),
        model_sha256=record.get("model_sha256") or "", model_name=record.get("model") or "",
        strength=params.get("strength"))
    return format_parameters(record["prompt"], params.get("negative") or "", settings)
