"""Thinking frameworks (AIDA, PAS, FAB, 4P, SWOT, …): the T of a SWIFT prompt.

Each framework has a key, a name and a one-paragraph explanation in English and
Traditional Chinese (shown in the library so a person can pick one), and an instruction
that is put into a prompt to make the model structure its answer that way. The library
ships in the default pack and travels in packs like templates do.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import sqlite_utils

from engine.errors import BadInput
from engine.prompts.templates import MAX_VERSION
from engine.store.db import utc_now

FRAMEWORK_FIELDS = frozenset({"key", "version", "name", "name_zh", "summary", "summary_zh",
                              "instruction", "instruction_zh"})
KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+-]{0,31}$")
MAX_TEXT_CHARS = 10_000


@dataclass(frozen=True)
class Framework:
    key: str
    name: str
    name_zh: str = ""
    summary: str = ""
    summary_zh: str = ""
    instruction: str = ""
    instruction_zh: str = ""
    version: int = 1

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def instruction_for(self, language: str) -> str:
        if language == "zh-TW" and self.instruction_zh:
            return self.instruction_zh
        return self.instruction or self.instruction_zh

    def name_for(self, language: str) -> str:
        return self.name_zh if language == "zh-TW" and self.name_zh else self.name

    def summary_for(self, language: str) -> str:
        return self.summary_zh if language == "zh-TW" and self.summary_zh else self.summary

    @classmethod
    def from_dict(cls, data: Any, *, where: str = "A framework") -> "Framework":
        if not isinstance(data, Mapping):
            raise BadInput(f"{where} must be an object.")
        key = data.get("key")
        if not isinstance(key, str) or not KEY.match(key):
            raise BadInput(f"{where} needs a short key of letters and digits, such as AIDA (got {key!r}).")
        where = f"Framework '{key}'"
        unknown = sorted(set(data) - FRAMEWORK_FIELDS)
        if unknown:
            raise BadInput(f"{where} has an unknown field '{unknown[0]}'.")
        version = data.get("version", 1)
        if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= MAX_VERSION:
            raise BadInput(f"{where}: 'version' must be a whole number from 1 to {MAX_VERSION:,}.")
        texts = {}
        for field in ("name", "name_zh", "summary", "summary_zh", "instruction", "instruction_zh"):
            value = data.get(field, "")
            if not isinstance(value, str) or len(value) > MAX_TEXT_CHARS:
                raise BadInput(f"{where}: '{field}' must be text of at most {MAX_TEXT_CHARS:,} characters.")
            texts[field] = value.strip()
        if not texts["name"]:
            texts["name"] = key
        if not (texts["instruction"] or texts["instruction_zh"]):
            raise BadInput(f"{where} needs an instruction (what the model should do with it).")
        return cls(key=key, version=version, **texts)


class Frameworks:
    """The thinking-framework library of one data home."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def list(self) -> list[Framework]:
        return [self._from_row(r) for r in self.db.query("select * from frameworks order by key")]

    def find(self, key: str) -> Framework | None:
        rows = list(self.db.query("select * from frameworks where key = ?", [key]))
        return self._from_row(rows[0]) if rows else None

    def get(self, key: str) -> Framework:
        framework = self.find(key)
        if framework is None:
            known = ", ".join(f.key for f in self.list()) or "none yet"
            raise BadInput(f"There is no thinking framework '{key}' (known: {known}).")
        return framework

    @staticmethod
    def _from_row(row: Mapping[str, Any]) -> Framework:
        return Framework(**{k: row[k] for k in FRAMEWORK_FIELDS})

    def save(self, framework: Framework) -> Framework:
        with self.db.atomic():
            return self.write(framework)

    def write(self, framework: Framework, *, keep_version: bool = False) -> Framework:
        """Insert or update without a transaction of its own (pack imports batch these)."""
        now = utc_now()
        old = self.find(framework.key)
        columns = ["name", "name_zh", "summary", "summary_zh", "instruction", "instruction_zh"]
        values = [getattr(framework, c) for c in columns]
        if old is None:
            self.db.execute(
                f"insert into frameworks (key, {', '.join(columns)}, version, created_at, updated_at) "
                f"values (?, {', '.join('?' for _ in columns)}, ?, ?, ?)",
                [framework.key, *values, framework.version, now, now])
            return framework
        version = framework.version if keep_version else old.version + 1
        self.db.execute(
            f"update frameworks set {', '.join(c + ' = ?' for c in columns)}, version = ?, updated_at = ? "
            "where key = ?", [*values, version, now, framework.key])
        return Framework(**{**asdict(framework), "version": version})

    def delete(self, key: str) -> None:
        with self.db.atomic():
            self.db.execute("delete from frameworks where key = ?", [key])
