"""A template's output fields: the shape of a structured draft (subject + body for a mail,
title + bullets for a product page).

They belong to the template, so they live here with its variables; engine/text/structured.py
turns them into a JSON schema and a grammar and checks the reply against it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from engine.errors import BadInput

FIELD_KINDS = ("text", "list")
NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
MAX_FIELDS = 20
OUTPUT_FIELD_KEYS = frozenset({"name", "label", "kind", "items", "max_chars"})


@dataclass(frozen=True)
class OutputField:
    """One field of a structured draft: ``text`` (one string) or ``list`` of ``items`` strings."""

    name: str
    label: str = ""
    kind: str = "text"
    items: int | None = None  # list fields: exactly this many entries (None: 1 to 10)
    max_chars: int | None = None  # a bound on each string, which the grammar enforces too

    @property
    def display_label(self) -> str:
        return self.label or self.name

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "label": self.label, "kind": self.kind}
        if self.items is not None:
            data["items"] = self.items
        if self.max_chars is not None:
            data["max_chars"] = self.max_chars
        return data

    @classmethod
    def from_dict(cls, data: Any, *, where: str = "An output field") -> "OutputField":
        if not isinstance(data, Mapping):
            raise BadInput(f"{where} must be an object with a name.")
        unknown = sorted(set(data) - OUTPUT_FIELD_KEYS)
        if unknown:
            raise BadInput(f"{where} has an unknown key '{unknown[0]}'.")
        name = data.get("name")
        if not isinstance(name, str) or not NAME.match(name):
            raise BadInput(f"{where} needs a name of letters, digits and underscores (got {name!r}).")
        where = f"Output field '{name}'"
        kind = data.get("kind", "text")
        if kind not in FIELD_KINDS:
            raise BadInput(f"{where} has kind '{kind}'; use text or list.")
        label = data.get("label") or ""
        if not isinstance(label, str) or len(label) > 100:
            raise BadInput(f"{where}: the label must be text of at most 100 characters.")
        items = data.get("items")
        if items is not None and (kind != "list" or isinstance(items, bool) or not isinstance(items, int)
                                  or not 1 <= items <= 20):
            raise BadInput(f"{where}: 'items' is for list fields, a whole number from 1 to 20.")
        max_chars = data.get("max_chars")
        if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int)
                                      or not 1 <= max_chars <= 20_000):
            raise BadInput(f"{where}: 'max_chars' must be a whole number from 1 to 20000.")
        return cls(name=name, label=label, kind=kind, items=items, max_chars=max_chars)


def parse_fields(data: Any, *, where: str = "The template") -> tuple[OutputField, ...]:
    """Output fields from plain data (a pack, the database); ``None`` or ``[]`` means free text."""
    if not data:
        return ()
    if not isinstance(data, (list, tuple)) or len(data) > MAX_FIELDS:
        raise BadInput(f"{where}: 'outputs' must be a list of at most {MAX_FIELDS} fields.")
    fields = tuple(OutputField.from_dict(d, where=f"{where}: an output field") for d in data)
    names = [f.name for f in fields]
    if len(set(names)) != len(names):
        raise BadInput(f"{where} declares the same output field twice.")
    return fields
