"""Packs: templates, brand voices and thinking frameworks shared as one file.

A pack is JSON::

    {"airlock_pack": 1, "name": "…", "description": "…",
     "templates": [...], "brand_voices": [...], "frameworks": [...]}

or a zip holding ``manifest.json`` (``{"airlock_pack": 1, "files": {"pack.json":
{"sha256": …, "size": …}}}``) and that ``pack.json``, for sending through channels that
mangle text. Importing is two steps: :func:`load_pack` validates everything (bad JSON,
unknown fields, template syntax and sandbox rules, sizes, references) and
:func:`preview` compares it with the library; :func:`import_pack` then applies the
person's choice for each conflict (keep both, replace, skip) in one transaction, so a
failure leaves the library exactly as it was.

The default pack (resources/templates/default-pack.json) is installed into a new home
once; what a person deletes from it stays deleted.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import sqlite_utils

from engine.prompts.brand_voice import BrandVoice, BrandVoices
from engine.errors import BadInput
from engine.prompts.frameworks import Framework, Frameworks
from engine.paths import RESOURCES
from engine.store.db import utc_now
from engine.prompts.templates import Template, TemplateLibrary
from engine import messages

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
PACK_FIELDS = frozenset({"airlock_pack", "name", "description", "created_at", "templates", "brand_voices",
                         "frameworks"})
MAX_PACK_BYTES = 20 * 1024 * 1024
MAX_ITEMS = 2000
DEFAULT_PACK = RESOURCES / "templates" / "default-pack.json"
DEFAULT_PACK_SETTING = "default_pack_installed"
DECISIONS = ("keep_both", "replace", "skip")
KINDS = ("template", "brand_voice", "framework")


@dataclass(frozen=True)
class Pack:
    name: str
    description: str = ""
    templates: tuple[Template, ...] = ()
    brand_voices: tuple[BrandVoice, ...] = ()
    frameworks: tuple[Framework, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"airlock_pack": FORMAT_VERSION, "name": self.name, "description": self.description,
                "created_at": utc_now(), "templates": [t.as_dict() for t in self.templates],
                "brand_voices": [v.as_dict() for v in self.brand_voices],
                "frameworks": [f.as_dict() for f in self.frameworks]}


@dataclass(frozen=True)
class PreviewItem:
    kind: str  # template, brand_voice, framework
    name: str
    status: str  # new, same (identical content already here), conflict
    incoming_version: int
    existing_version: int | None = None


@dataclass
class ImportResult:
    added: list[tuple[str, str]] = field(default_factory=list)  # (kind, name)
    replaced: list[tuple[str, str]] = field(default_factory=list)
    kept_both: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, incoming name, saved as)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    unchanged: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def items(rows):
            return [{"kind": r[0], "name": r[1]} for r in rows]

        return {"added": items(self.added), "replaced": items(self.replaced),
                "kept_both": [{"kind": k, "name": n, "saved_as": s} for k, n, s in self.kept_both],
                "skipped": items(self.skipped), "unchanged": items(self.unchanged)}


# reading -------------------------------------------------------------------------------


def read_pack_bytes(path: Path | str) -> bytes:
    path = Path(path)
    if not path.exists():
        raise BadInput(messages.PATH_MISSING(path=path))
    if path.is_dir():
        raise BadInput(messages.PACK_IS_FOLDER(path=path))
    size = path.stat().st_size
    if size > MAX_PACK_BYTES:
        raise BadInput(f"{path.name} is {size / 1e6:.0f} MB; a pack may be at most "
                       f"{MAX_PACK_BYTES // (1024 * 1024)} MB.")
    if size == 0:
        raise BadInput(messages.PACK_EMPTY(name=path.name))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BadInput(f"Cannot read {path.name}: {exc.strerror or exc}.") from None


def _json_from_zip(data: bytes) -> bytes:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise BadInput(messages.PACK_NOT_ZIP()) from None
    with archive:
        names = archive.namelist()
        if "manifest.json" not in names:
            raise BadInput("The zip has no manifest.json, so it is not an Airlock pack.")
        manifest = _parse_json(_read_member(archive, "manifest.json"), "manifest.json")
        if not isinstance(manifest, dict) or manifest.get("airlock_pack") != FORMAT_VERSION or \
                not isinstance(manifest.get("files"), dict) or "pack.json" not in manifest["files"]:
            raise BadInput("manifest.json does not describe an Airlock pack (it must list pack.json).")
        extra = sorted(set(names) - {"manifest.json", *manifest["files"]})
        if extra:
            raise BadInput(f"The zip holds '{extra[0]}', which its manifest does not list.")
        if "pack.json" not in names:
            raise BadInput("The zip's manifest lists pack.json but the zip does not hold it.")
        for member, expected in manifest["files"].items():  # every file the manifest lists, not only pack.json
            if member not in names:
                raise BadInput(f"The zip's manifest lists '{member}' but the zip does not hold it.")
            digest = hashlib.sha256(_read_member(archive, member)).hexdigest()
            if not isinstance(expected, dict) or expected.get("sha256") != digest:
                raise BadInput(f"{member} does not match the sha256 in manifest.json; the pack was changed "
                               "or damaged.")
        return _read_member(archive, "pack.json")


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_PACK_BYTES:
        raise BadInput(f"{name} in the zip unpacks to more than {MAX_PACK_BYTES // (1024 * 1024)} MB.")
    try:
        with archive.open(info) as stream:
            data = stream.read(MAX_PACK_BYTES + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        raise BadInput(f"{name} in the zip cannot be read ({exc}).") from None
    if len(data) > MAX_PACK_BYTES:
        raise BadInput(f"{name} in the zip unpacks to more than {MAX_PACK_BYTES // (1024 * 1024)} MB.")
    return data


def _parse_json(data: bytes, what: str) -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput(messages.PACK_NOT_UTF8(what=what)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(messages.PACK_NOT_JSON(what=what, line=exc.lineno, column=exc.colno, reason=exc.msg)) from None
    except RecursionError:
        raise BadInput(f"{what} nests too deeply to be a pack.") from None


def parse_pack(data: bytes, *, what: str = "The pack") -> Pack:
    """Validate a pack (JSON or zip bytes) completely; raises BadInput on the first problem."""
    if len(data) > MAX_PACK_BYTES:
        raise BadInput(f"{what} is larger than {MAX_PACK_BYTES // (1024 * 1024)} MB.")
    if data[:4] == b"PK\x03\x04":
        data = _json_from_zip(data)
    raw = _parse_json(data, what)
    if not isinstance(raw, dict):
        raise BadInput(messages.PACK_NOT_OBJECT(what=what))
    if raw.get("airlock_pack") != FORMAT_VERSION:
        if "airlock_pack" not in raw:
            raise BadInput(f"{what} is not an Airlock pack (it has no 'airlock_pack' field).")
        raise BadInput(f"{what} has format version {raw.get('airlock_pack')!r}; this Airlock reads version "
                       f"{FORMAT_VERSION}.")
    unknown = sorted(set(raw) - PACK_FIELDS)
    if unknown:
        raise BadInput(f"{what} has an unknown field '{unknown[0]}'.")
    lists = {}
    for key in ("templates", "brand_voices", "frameworks"):
        value = raw.get(key, [])
        if not isinstance(value, list):
            raise BadInput(f"{what}: '{key}' must be a list.")
        if len(value) > MAX_ITEMS:
            raise BadInput(f"{what} holds more than {MAX_ITEMS} {key.replace('_', ' ')}.")
        lists[key] = value
    templates = tuple(Template.from_dict(item, where=f"Template {i + 1} in the pack")
                      for i, item in enumerate(lists["templates"]))
    voices = tuple(BrandVoice.from_dict(item, where=f"Brand voice {i + 1} in the pack")
                   for i, item in enumerate(lists["brand_voices"]))
    frameworks = tuple(Framework.from_dict(item, where=f"Framework {i + 1} in the pack")
                       for i, item in enumerate(lists["frameworks"]))
    for kind, names in (("template", [t.name for t in templates]), ("brand voice", [v.name for v in voices]),
                        ("framework", [f.key for f in frameworks])):
        duplicate = next((n for n in names if names.count(n) > 1), None)
        if duplicate:
            raise BadInput(f"{what} holds the {kind} '{duplicate}' twice.")
    if not (templates or voices or frameworks):
        raise BadInput(f"{what} is empty: it holds no templates, brand voices or frameworks.")
    name = raw.get("name", "")
    description = raw.get("description", "")
    if not isinstance(name, str) or not isinstance(description, str):
        raise BadInput(f"{what}: 'name' and 'description' must be text.")
    return Pack(name=name.strip() or "pack", description=description, templates=templates,
                brand_voices=voices, frameworks=frameworks)


def load_pack(path: Path | str) -> Pack:
    """Read and validate a pack file (JSON or zip)."""
    return parse_pack(read_pack_bytes(path), what=Path(path).name)


# comparing and importing -----------------------------------------------------------------


def _existing(db: sqlite_utils.Database, kind: str, name: str) -> Any:
    if kind == "template":
        return TemplateLibrary(db).find(name)
    if kind == "brand_voice":
        return BrandVoices(db).find(name)
    return Frameworks(db).find(name)


def _same(kind: str, old: Any, new: Any) -> bool:
    if kind == "template":
        return old.same_content(new)
    return {**old.as_dict(), "version": 0} == {**new.as_dict(), "version": 0}


def _items(pack: Pack) -> list[tuple[str, str, Any]]:
    return ([("framework", f.key, f) for f in pack.frameworks]
            + [("brand_voice", v.name, v) for v in pack.brand_voices]
            + [("template", t.name, t) for t in pack.templates])


def preview(db: sqlite_utils.Database, pack: Pack) -> list[PreviewItem]:
    """What importing would do to each item, before anything is written.

    Also refuses a pack whose templates name a brand voice or framework that is
    neither in the pack nor in the library.
    """
    voices = {v.name for v in pack.brand_voices} | {v.name for v in BrandVoices(db).list()}
    frameworks = {f.key for f in pack.frameworks} | {f.key for f in Frameworks(db).list()}
    for template in pack.templates:
        if template.brand_voice and template.brand_voice not in voices:
            raise BadInput(f"Template '{template.name}' uses the brand voice '{template.brand_voice}', "
                           "which is neither in the pack nor in this library.")
        if template.framework and template.framework not in frameworks:
            raise BadInput(f"Template '{template.name}' uses the framework '{template.framework}', "
                           "which is neither in the pack nor in this library.")
    items = []
    for kind, name, incoming in _items(pack):
        old = _existing(db, kind, name)
        if old is None:
            items.append(PreviewItem(kind, name, "new", incoming.version))
        else:
            status = "same" if _same(kind, old, incoming) else "conflict"
            items.append(PreviewItem(kind, name, status, incoming.version, old.version))
    return items


def _free_name(db: sqlite_utils.Database, kind: str, name: str, taken: set[str]) -> str:
    for n in range(2, 1000):
        candidate = f"{name}-{n}" if kind == "framework" else f"{name} ({n})"
        if candidate not in taken and _existing(db, kind, candidate) is None:
            return candidate
    raise BadInput(f"Could not find a free name for '{name}'.")


def import_pack(db: sqlite_utils.Database, pack: Pack, *, decisions: Mapping[tuple[str, str], str] | None = None,
                default: str = "keep_both") -> ImportResult:
    """Import ``pack``; each conflict is settled by ``decisions[(kind, name)]`` or ``default``
    (``keep_both``: import under a new name; ``replace``: the library's item gets the
    pack's content as a new version; ``skip``). All or nothing, in one transaction."""
    decisions = dict(decisions or {})
    for choice in [default, *decisions.values()]:
        if choice not in DECISIONS:
            raise BadInput(f"Unknown conflict choice '{choice}' (use keep_both, replace or skip).")
    plan = preview(db, pack)
    result = ImportResult()
    renamed: dict[tuple[str, str], str] = {}
    library, voices, frameworks = TemplateLibrary(db), BrandVoices(db), Frameworks(db)
    note = f"imported from pack '{pack.name}'"
    with db.atomic():
        taken: set[str] = set()
        for item, (kind, name, incoming) in zip(plan, _items(pack)):
            if kind == "template":  # follow renamed voices and frameworks
                incoming = replace(incoming, brand_voice=renamed.get(("brand_voice", incoming.brand_voice),
                                                                     incoming.brand_voice),
                                   framework=renamed.get(("framework", incoming.framework), incoming.framework))
            if item.status == "same":
                result.unchanged.append((kind, name))
                continue
            choice = "replace" if item.status == "new" else decisions.get((kind, name), default)
            if choice == "skip":
                result.skipped.append((kind, name))
                continue
            if choice == "keep_both":
                new_name = _free_name(db, kind, name, taken)
                taken.add(new_name)
                renamed[(kind, name)] = new_name
                incoming = replace(incoming, **({"key": new_name} if kind == "framework" else {"name": new_name}))
            # A new item (or the copy of "keep both") starts at the pack's version; a replaced
            # one gets the pack's content as its next version, so the old content stays in history.
            if kind == "template":
                library.write(incoming, note=f"{note} (its version {incoming.version})")
            elif kind == "brand_voice":
                voices.write(incoming)
            else:
                frameworks.write(incoming)
            if item.status == "new":
                result.added.append((kind, name))
            elif choice == "keep_both":
                result.kept_both.append((kind, name, renamed[(kind, name)]))
            else:
                result.replaced.append((kind, name))
    return result


# exporting -------------------------------------------------------------------------------


def build_pack(db: sqlite_utils.Database, template_names: list[str] | None = None, *,
               voice_names: list[str] | None = None, framework_keys: list[str] | None = None,
               name: str = "", description: str = "") -> Pack:
    """A pack of the named templates (all when None) plus the brand voices and frameworks
    they use, and any voices or frameworks named on their own."""
    library = TemplateLibrary(db)
    templates = library.list() if template_names is None else [library.get(n) for n in template_names]
    voices_lib, frameworks_lib = BrandVoices(db), Frameworks(db)
    voice_set = dict.fromkeys([*(voice_names or []), *(t.brand_voice for t in templates if t.brand_voice)])
    framework_set = dict.fromkeys([*(framework_keys or []), *(t.framework for t in templates if t.framework)])
    voices = [v for v in (voices_lib.find(n) for n in voice_set) if v is not None]
    frameworks = [f for f in (frameworks_lib.find(k) for k in framework_set) if f is not None]
    if template_names is None and voice_names is None and framework_keys is None:
        voices, frameworks = voices_lib.list(), frameworks_lib.list()
    if not (templates or voices or frameworks):
        raise BadInput("There is nothing to export.")
    default_name = templates[0].name if len(templates) == 1 else "Airlock templates"
    return Pack(name=name or default_name, description=description, templates=tuple(templates),
                brand_voices=tuple(voices), frameworks=tuple(frameworks))


def pack_json(pack: Pack) -> str:
    return json.dumps(pack.as_dict(), ensure_ascii=False, indent=2) + "\n"


def pack_zip(pack: Pack) -> bytes:
    body = pack_json(pack).encode("utf-8")
    manifest = {"airlock_pack": FORMAT_VERSION, "name": pack.name,
                "files": {"pack.json": {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}}}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        archive.writestr("pack.json", body)
    return buffer.getvalue()


def write_pack(pack: Pack, path: Path | str, *, replace: bool = False) -> Path:
    """Write ``pack`` to ``path``: a zip when the name ends in .zip, else JSON; through
    :func:`engine.files.atomic_write` (an existing file only when ``replace``)."""
    from engine.files import write_bytes

    path = Path(path)
    data = pack_zip(pack) if path.suffix.lower() == ".zip" else pack_json(pack).encode("utf-8")
    write_bytes(path, data, replace=replace)
    return path


# the default pack ------------------------------------------------------------------------


def ensure_default_pack(db: sqlite_utils.Database, path: Path = DEFAULT_PACK) -> bool:
    """Install the default pack into this home once; returns True when it did now.

    Cheap on every open (one settings lookup). Once installed it is never installed
    again, so templates a person deleted stay deleted.
    """
    rows = list(db.query("select value from settings where key = ?", [DEFAULT_PACK_SETTING]))
    if rows:
        return False
    if not path.is_file():
        log.warning("default pack %s is missing", path)
        return False
    pack = load_pack(path)
    from engine.store.locking import immediate

    with immediate(db):  # the write lock first: six processes opening a fresh home install it once
        if list(db.query("select value from settings where key = ?", [DEFAULT_PACK_SETTING])):
            return False  # another process installed it while we waited
        import_pack(db, pack, default="skip")
        db.execute("insert or replace into settings (key, value) values (?, ?)",
                   [DEFAULT_PACK_SETTING, json.dumps({"name": pack.name, "installed_at": utc_now()})])
    return True
