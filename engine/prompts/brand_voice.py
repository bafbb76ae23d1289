"""Brand voices: how a company sounds, applied to a prompt and checked on the answer.

A voice has a tone, an audience, a language (zh-TW or en), phrases every piece must
carry (a slogan, a legal line), words it must never use, and example passages. It is
applied as system instructions; after generation :func:`check_text` flags banned words
that appear and required phrases that are missing. A small model will not always obey,
which is exactly why the check exists: the flags are shown on the result in chat, in a
template run and in batch review, and kept in the history record.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import sqlite_utils

from engine.errors import BadInput
from engine.prompts.templates import MAX_VERSION
from engine.store.db import utc_now

LANGUAGES = ("zh-TW", "en")
VOICE_FIELDS = frozenset({"name", "version", "tone", "audience", "language", "required_phrases",
                          "banned_words", "examples"})
MAX_LIST_ITEMS = 200
MAX_TEXT_CHARS = 20_000


@dataclass(frozen=True)
class BrandVoice:
    name: str
    tone: str = ""
    audience: str = ""
    language: str = "zh-TW"
    required_phrases: tuple[str, ...] = ()
    banned_words: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    version: int = 1

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("required_phrases", "banned_words", "examples"):
            data[key] = list(data[key])
        return data

    def rules(self) -> dict[str, Any]:
        """What the after-generation check needs, as plain data for the history record."""
        return {"name": self.name, "version": self.version, "required": list(self.required_phrases),
                "banned": list(self.banned_words)}

    @classmethod
    def from_dict(cls, data: Any, *, where: str = "A brand voice") -> "BrandVoice":
        if not isinstance(data, Mapping):
            raise BadInput(f"{where} must be an object.")
        name = data.get("name")
        if not isinstance(name, str) or not name.strip() or len(name) > 100:
            raise BadInput(f"{where} needs a name of 1 to 100 characters.")
        where = f"Brand voice '{name.strip()}'"
        unknown = sorted(set(data) - VOICE_FIELDS)
        if unknown:
            raise BadInput(f"{where} has an unknown field '{unknown[0]}'.")
        language = data.get("language", "zh-TW")
        if language not in LANGUAGES:
            raise BadInput(f"{where} has language '{language}'; use zh-TW or en.")
        version = data.get("version", 1)
        if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= MAX_VERSION:
            raise BadInput(f"{where}: 'version' must be a whole number from 1 to {MAX_VERSION:,}.")
        texts = {}
        for key in ("tone", "audience"):
            value = data.get(key, "")
            if not isinstance(value, str) or len(value) > MAX_TEXT_CHARS:
                raise BadInput(f"{where}: '{key}' must be text of at most {MAX_TEXT_CHARS:,} characters.")
            texts[key] = value.strip()
        lists = {}
        for key in ("required_phrases", "banned_words", "examples"):
            value = data.get(key, [])
            if not isinstance(value, (list, tuple)) or len(value) > MAX_LIST_ITEMS or \
                    not all(isinstance(v, str) and len(v) <= MAX_TEXT_CHARS for v in value):
                raise BadInput(f"{where}: '{key}' must be a list of texts.")
            lists[key] = tuple(dict.fromkeys(v.strip() for v in value if v.strip()))
        return cls(name=name.strip(), language=language, version=version, **texts, **lists)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "BrandVoice":
        return cls(name=row["name"], tone=row["tone"], audience=row["audience"], language=row["language"],
                   required_phrases=tuple(json.loads(row["required_phrases"])),
                   banned_words=tuple(json.loads(row["banned_words"])),
                   examples=tuple(json.loads(row["examples"])), version=row["version"])


def instructions(voice: BrandVoice) -> str:
    """The voice as system instructions, written in the voice's own language."""
    zh = voice.language == "zh-TW"
    lines = [f"品牌語氣：{voice.name}" if zh else f"Brand voice: {voice.name}"]
    if zh:
        lines.append("請一律使用台灣慣用的繁體中文與用語（例如「影片」「品質」「網路」），不要使用簡體字或中國大陸用語。")
    else:
        lines.append("Write in clear, natural English.")
    if voice.tone:
        lines.append(("語氣與風格：" if zh else "Tone and style: ") + voice.tone)
    if voice.audience:
        lines.append(("目標受眾：" if zh else "Audience: ") + voice.audience)
    if voice.required_phrases:
        joined = "、".join(f"「{p}」" for p in voice.required_phrases) if zh else \
            "; ".join(f'"{p}"' for p in voice.required_phrases)
        lines.append(("每篇內容都必須原封不動地包含：" if zh else "Every piece must include, word for word: ") + joined)
    if voice.banned_words:
        joined = "、".join(voice.banned_words) if zh else ", ".join(voice.banned_words)
        lines.append(("絕對不要使用這些字詞：" if zh else "Never use these words: ") + joined)
    if voice.examples:
        lines.append("以下是符合品牌語氣的範例，請學習語氣，不要照抄內容：" if zh else
                     "Examples of our voice (learn the tone; do not copy them):")
        lines += [f"---\n{example}" for example in voice.examples[:5]]
        lines.append("---")
    return "\n".join(lines)


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def check_text(rules: Mapping[str, Any] | BrandVoice, text: str) -> list[dict[str, Any]]:
    """Flags for ``text``: ``{"kind": "banned", "phrase", "count"}`` for each banned word found
    and ``{"kind": "missing", "phrase"}`` for each required phrase that is absent.

    Matching ignores case and full-width/half-width differences (NFKC), so ＦＲＥＥ is
    caught as FREE.
    """
    if isinstance(rules, BrandVoice):
        rules = rules.rules()
    haystack = _normal(text or "")
    flags: list[dict[str, Any]] = []
    for word in rules.get("banned", []):
        count = haystack.count(_normal(word)) if word else 0
        if count:
            flags.append({"kind": "banned", "phrase": word, "count": count})
    for phrase in rules.get("required", []):
        if phrase and _normal(phrase) not in haystack:
            flags.append({"kind": "missing", "phrase": phrase})
    return flags


def describe_flags(flags: list[dict[str, Any]]) -> str:
    """One line in English for the command line (the desktop app words its own)."""
    parts = []
    banned = [f["phrase"] for f in flags if f["kind"] == "banned"]
    missing = [f["phrase"] for f in flags if f["kind"] == "missing"]
    if banned:
        parts.append("uses banned words: " + ", ".join(banned))
    if missing:
        parts.append("misses required phrases: " + ", ".join(missing))
    return "brand voice: " + "; ".join(parts) if parts else ""


class BrandVoices:
    """The brand voices of one data home."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def list(self) -> list[BrandVoice]:
        return [BrandVoice.from_row(r) for r in self.db.query("select * from brand_voices order by name")]

    def find(self, name: str) -> BrandVoice | None:
        rows = list(self.db.query("select * from brand_voices where name = ?", [name]))
        return BrandVoice.from_row(rows[0]) if rows else None

    def get(self, name: str) -> BrandVoice:
        voice = self.find(name)
        if voice is None:
            known = ", ".join(v.name for v in self.list()) or "none yet"
            raise BadInput(f"There is no brand voice '{name}' (known: {known}).")
        return voice

    def save(self, voice: BrandVoice, *, previous_name: str | None = None) -> BrandVoice:
        """Create or update (renaming from ``previous_name``); templates follow a rename.
        Each save of an existing voice raises its version by one."""
        with self.db.atomic():
            saved = self.write(voice, previous_name=previous_name)
        return saved

    def write(self, voice: BrandVoice, *, previous_name: str | None = None, keep_version: bool = False) -> BrandVoice:
        """:meth:`save` without its own transaction (for pack imports)."""
        now = utc_now()
        old = self.find(previous_name or voice.name)
        if previous_name and previous_name != voice.name and self.find(voice.name):
            raise BadInput(f"A brand voice named '{voice.name}' already exists.")
        lists = {k: json.dumps(list(getattr(voice, k)), ensure_ascii=False)
                 for k in ("required_phrases", "banned_words", "examples")}
        if old is None:
            self.db.execute(
                "insert into brand_voices (name, tone, audience, language, required_phrases, banned_words, "
                "examples, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [voice.name, voice.tone, voice.audience, voice.language, lists["required_phrases"],
                 lists["banned_words"], lists["examples"], voice.version, now, now])
            return voice
        version = voice.version if keep_version else old.version + 1
        self.db.execute(
            "update brand_voices set name = ?, tone = ?, audience = ?, language = ?, required_phrases = ?, "
            "banned_words = ?, examples = ?, version = ?, updated_at = ? where name = ?",
            [voice.name, voice.tone, voice.audience, voice.language, lists["required_phrases"],
             lists["banned_words"], lists["examples"], version, now, old.name])
        if old.name != voice.name:
            self.db.execute("update templates set brand_voice = ? where brand_voice = ?", [voice.name, old.name])
        return BrandVoice(**{**asdict(voice), "version": version})

    def delete(self, name: str) -> None:
        """Remove a voice; templates that used it run without one (and say so)."""
        with self.db.atomic():
            self.db.execute("delete from brand_voices where name = ?", [name])


def flag_record(record: dict[str, Any]) -> dict[str, Any]:
    """Record step: a generation made under a brand voice keeps that voice's flags on its
    output (``params.brand_voice_flags``), whichever front end made it."""
    params = record.get("params")
    if isinstance(params, dict) and params.get("brand_voice") and record.get("kind", "text") == "text":
        record["params"] = {**params,
                            "brand_voice_flags": check_text(params["brand_voice"], record.get("output") or "")}
    return record
