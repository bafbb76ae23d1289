"""The catalog of recommended models (``catalog.json``): what to fetch, whether it fits.

Airlock never downloads: the catalog tells a person which file to fetch on a connected
machine and from where, how much memory it needs, and what settings suit it. A model
imported later is recognized by its sha256 or, when none is published, its file name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from engine.paths import MODELS

CATALOG_FILE = MODELS / "catalog.json"


@dataclass(frozen=True)
class CatalogEntry:
    id: str
    name: str
    family: str
    languages: tuple[str, ...]
    traditional_chinese: str
    parameters: str
    parameters_b: float
    quantization: str
    file_name: str
    file_size_bytes: int
    size_is_estimate: bool
    ram_needed_bytes: int
    context_length: int
    recommended_context: int | None
    recommended_temperature: float | None
    licence: str
    page: str
    sha256: str | None
    notes: str
    notes_zh_TW: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "CatalogEntry":
        values = {f.name: data.get(f.name) for f in fields(cls)}
        values["languages"] = tuple(values["languages"] or ())
        return cls(**values)

    def fits(self, total_memory_bytes: int) -> bool:
        return self.ram_needed_bytes <= total_memory_bytes * 0.9


@lru_cache(maxsize=1)
def entries() -> tuple[CatalogEntry, ...]:
    """Catalog entries in the catalog's order (Traditional Chinese strength first)."""
    data = json.loads(CATALOG_FILE.read_text(encoding="utf-8"))
    return tuple(CatalogEntry.from_json(item) for item in data["models"])


def match(sha256: str | None, path: str | None) -> CatalogEntry | None:
    """The entry an imported file is, by hash first, then by file name."""
    name = Path(path).name.lower() if path else None
    for entry in entries():
        if sha256 and entry.sha256 and entry.sha256 == sha256:
            return entry
    for entry in entries():
        if name and entry.file_name.lower() == name:
            return entry
    return None


@dataclass(frozen=True)
class Recommended:
    """The settings a model should run with unless a person chose otherwise."""

    context: int
    """The catalog's recommended context size, else Airlock's default for the file."""
    temperature: float | None
    """The catalog's recommended temperature; None: the sampling default."""


def recommended(record: Any) -> Recommended:
    """What the catalog recommends for a registered text model (engine.registry.registry.
    ModelRecord). Every front end starts from this, so the chat, the CLI and the API run a
    recognized model the same way."""
    entry = match(record.sha256, record.path)
    context = entry.recommended_context if entry and entry.recommended_context else record.default_context()
    return Recommended(context=context, temperature=entry.recommended_temperature if entry else None)
