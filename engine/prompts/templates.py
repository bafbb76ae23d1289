"""Company templates: prompts with typed variables, kept with every version ever saved.

A template is a Jinja2 body (rendered only in the sandbox of engine.prompts.render)
plus what it needs to run: its variables, an optional brand voice and thinking framework,
a recommended model and parameters. Each save that changes something is a new version;
old versions can be compared (a unified diff) and restored (which saves them again as
the newest version, so history only grows).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import sqlite_utils

from engine.store import cjk
from engine.errors import BadInput
from engine.store.db import utc_now
from engine.prompts.outputs import OutputField, parse_fields
from engine.prompts.render import check_source
from engine.prompts.variables import Variable, parse_variables
from engine.where import Where

CATEGORIES = ("social_post", "edm", "product_copy", "press_release", "customer_service", "job_post",
              "image_prompt", "other")
"""Known categories (the desktop app names them in the user's language); any other short
label is allowed too."""
KINDS = ("text", "image")
LANGUAGES = ("zh-TW", "en")
TEMPLATE_FIELDS = frozenset({"name", "version", "description", "category", "kind", "language", "body",
                             "negative", "system", "variables", "brand_voice", "framework", "model", "params",
                             "outputs"})
CONTENT_FIELDS = ("name", "description", "category", "kind", "language", "body", "negative", "system",
                  "variables", "brand_voice", "framework", "model", "params", "outputs")

# name: (type, low, high)
TEXT_PARAMS: dict[str, tuple[type, float, float]] = {
    "temperature": (float, 0.0, 2.0), "top_p": (float, 0.0, 1.0), "top_k": (int, 0, 1000),
    "min_p": (float, 0.0, 1.0), "repeat_penalty": (float, 1.0, 2.0), "max_tokens": (int, 1, 32768),
}
IMAGE_PARAMS: dict[str, tuple[type, float, float]] = {
    "steps": (int, 1, 150), "guidance": (float, 0.0, 30.0), "width": (int, 64, 2048),
    "height": (int, 64, 2048), "strength": (float, 0.0, 1.0),
}
IMAGE_TEXT_PARAMS = ("scheduler", "preset")


MAX_VERSION = 1_000_000
"""The highest version a pack item may carry (SQLite integers end near 9.2e18; a bigger
number in a pack is a mistake or an attack, not a history)."""


@dataclass(frozen=True)
class Template:
    name: str
    body: str
    description: str = ""
    category: str = "other"
    kind: str = "text"
    language: str = "zh-TW"
    negative: str = ""  # image templates: what the picture should not show (a body too)
    system: str = ""  # text templates: system instructions (a body too)
    variables: tuple[Variable, ...] = ()
    brand_voice: str | None = None
    framework: str | None = None
    model: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    outputs: tuple[OutputField, ...] = ()
    """Output fields of a structured draft (engine/prompts/outputs.py); () for free text."""
    version: int = 1
    id: int | None = field(default=None, compare=False)
    updated_at: str = field(default="", compare=False)

    def variable(self, name: str) -> Variable | None:
        return next((v for v in self.variables if v.name == name), None)

    def content(self) -> dict[str, Any]:
        """The fields a person edits, as plain data (what a version snapshot and a pack hold)."""
        data = {k: getattr(self, k) for k in CONTENT_FIELDS}
        data["variables"] = [v.as_dict() for v in self.variables]
        data["params"] = dict(self.params)
        data["outputs"] = [f.as_dict() for f in self.outputs]
        return data

    def as_dict(self) -> dict[str, Any]:
        """For packs and ``--json``: the content plus its version."""
        return {**self.content(), "version": self.version}

    def same_content(self, other: "Template") -> bool:
        return self.content() == other.content()

    @classmethod
    def from_dict(cls, data: Any, *, where: str | None = None) -> "Template":
        """Build a template from plain data and check all of it (see :func:`check`)."""
        if not isinstance(data, Mapping):
            raise BadInput(f"{where or 'A template'} must be an object.")
        unknown = sorted(set(data) - TEMPLATE_FIELDS)
        name = data.get("name")
        if not isinstance(name, str) or not name.strip() or len(name.strip()) > 100 or "\n" in name:
            raise BadInput(f"{where or 'A template'} needs a one-line name of 1 to 100 characters.")
        where = f"Template '{name.strip()}'"
        if unknown:
            raise BadInput(f"{where} has an unknown field '{unknown[0]}'.")
        texts: dict[str, Any] = {}
        for key in ("body", "description", "negative", "system"):
            value = data.get(key, "")
            if not isinstance(value, str):
                raise BadInput(f"{where}: '{key}' must be text.")
            texts[key] = value
        version = data.get("version", 1)
        if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= MAX_VERSION:
            raise BadInput(f"{where}: 'version' must be a whole number from 1 to {MAX_VERSION:,}.")
        optional: dict[str, str | None] = {}
        for key in ("brand_voice", "framework", "model"):
            value = data.get(key)
            if value is not None and (not isinstance(value, str) or len(value) > 200):
                raise BadInput(f"{where}: '{key}' must be a name.")
            optional[key] = value or None
        params = data.get("params") or {}
        if not isinstance(params, Mapping):
            raise BadInput(f"{where}: 'params' must be an object.")
        template = cls(
            name=name.strip(), version=version, category=str(data.get("category") or "other").strip(),
            kind=data.get("kind", "text"), language=data.get("language", "zh-TW"),
            variables=parse_variables(data.get("variables"), where=where), params=dict(params),
            outputs=parse_fields(data.get("outputs"), where=where),
            **texts, **optional)
        check(template)
        return template


def check(template: Template) -> None:
    """Refuse a template that could not run: bad kind or language, unknown parameters,
    a body with a syntax error or an unsafe construct."""
    where = f"Template '{template.name}'"
    if template.kind not in KINDS:
        raise BadInput(f"{where} has kind '{template.kind}'; use text or image.")
    if template.language not in LANGUAGES:
        raise BadInput(f"{where} has language '{template.language}'; use zh-TW or en.")
    if not template.category or len(template.category) > 40:
        raise BadInput(f"{where} needs a category of at most 40 characters.")
    if not template.body.strip():
        raise BadInput(f"{where} has an empty body.")
    check_params(template.kind, template.params, where)
    declared = {v.name for v in template.variables}
    check_source(template.body, declared, where=where)
    inner = where[0].lower() + where[1:]  # "template 'x'": one value, so the window can translate it
    if template.negative:
        check_source(template.negative, declared, where=f"The negative prompt of {inner}")
    if template.system:
        check_source(template.system, declared, where=f"The system prompt of {inner}")


def check_params(kind: str, params: Mapping[str, Any], where: str) -> None:
    allowed = TEXT_PARAMS if kind == "text" else IMAGE_PARAMS
    for key, value in params.items():
        if kind == "image" and key in IMAGE_TEXT_PARAMS:
            if not isinstance(value, str):
                raise BadInput(f"{where}: parameter '{key}' must be text.")
            continue
        if key not in allowed:
            names = ", ".join([*allowed, *(IMAGE_TEXT_PARAMS if kind == "image" else ())])
            raise BadInput(f"{where} has an unknown {kind} parameter '{key}' (known: {names}).")
        kind_, low, high = allowed[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or \
                (kind_ is int and not float(value).is_integer()) or not low <= value <= high:
            raise BadInput(f"{where}: parameter '{key}' must be a number from {low:g} to {high:g}.")


def _row_to_template(row: Mapping[str, Any]) -> Template:
    return Template(
        id=row["id"], name=row["name"], description=row["description"], category=row["category"],
        kind=row["kind"], language=row["language"], body=row["body"], negative=row["negative"],
        system=row["system"], brand_voice=row["brand_voice"], framework=row["framework"], model=row["model"],
        variables=tuple(Variable.from_dict(v) for v in json.loads(row["variables"])),
        params=json.loads(row["params"]), version=row["version"], updated_at=row["updated_at"],
        outputs=tuple(OutputField.from_dict(f) for f in json.loads(row["outputs"] or "[]")))


def _snapshot_to_template(snapshot: Mapping[str, Any], version: int) -> Template:
    data = {k: v for k, v in snapshot.items() if k in TEMPLATE_FIELDS}
    return Template.from_dict({**data, "version": version})


def _diff_text(template: Template) -> list[str]:
    """A readable, line-based form of a template for diffs."""
    content = template.content()
    lines = [f"{key}: {json.dumps(content[key], ensure_ascii=False)}"
             for key in ("name", "description", "category", "kind", "language", "brand_voice",
                         "framework", "model", "params", "outputs")]
    lines.append("variables:")
    lines += [f"  {json.dumps(v, ensure_ascii=False, sort_keys=True)}" for v in content["variables"]]
    for key in ("system", "body", "negative"):
        if content[key]:
            lines.append(f"{key}:")
            lines += ["  " + line for line in content[key].splitlines()]
    return lines


class TemplateLibrary:
    """The templates of one data home, with their version history."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    # reading -------------------------------------------------------------------------

    def list(self, *, query: str = "", category: str | None = None, kind: str | None = None) -> list[Template]:
        """Templates by name, or best match first when ``query`` is given (Chinese and English)."""
        filters = Where().add("t.category = ?", category).add("t.kind = ?", kind)
        where, params = filters.and_sql(), filters.params
        if query.strip():
            match = cjk.fts_query(query)
            if match is None:
                return []
            sql = ("select t.* from templates_fts join templates t on t.id = templates_fts.rowid "
                   f"where templates_fts match ?{where} order by bm25(templates_fts), t.name")
            return [_row_to_template(r) for r in self.db.query(sql, [match, *params])]
        sql = f"select t.* from templates t where 1 = 1{where} order by t.name"
        return [_row_to_template(r) for r in self.db.query(sql, params)]

    def categories(self) -> list[str]:
        return [r["category"] for r in self.db.query("select distinct category from templates order by category")]

    def find(self, name: str) -> Template | None:
        rows = list(self.db.query("select * from templates where name = ?", [name]))
        return _row_to_template(rows[0]) if rows else None

    def get(self, name: str) -> Template:
        template = self.find(name)
        if template is None:
            raise BadInput(f"There is no template '{name}'; 'airlock templates list' shows them.")
        return template

    # writing -------------------------------------------------------------------------

    def save(self, template: Template, *, previous_name: str | None = None, note: str = "",
             create: bool = False) -> Template:
        """Create or update a template; every change becomes a new version.

        ``previous_name`` renames. ``create`` refuses to touch an existing template of
        that name (a new one from the editor). Saving unchanged content returns the
        template as it is, without a new version.
        """
        with self.db.atomic():
            return self.write(template, previous_name=previous_name, note=note, create=create)

    def write(self, template: Template, *, previous_name: str | None = None, note: str = "",
              create: bool = False) -> Template:
        """:meth:`save` inside the caller's transaction (pack imports batch these)."""
        check(template)
        now = utc_now()
        if create and self.find(template.name) is not None:
            raise BadInput(f"A template named '{template.name}' already exists.")
        old = self.find(previous_name or template.name)
        if old is not None and previous_name and previous_name != template.name and self.find(template.name):
            raise BadInput(f"A template named '{template.name}' already exists.")
        if old is None and self.find(template.name):
            raise BadInput(f"A template named '{template.name}' already exists.")
        if old is not None and old.same_content(template):
            return old
        content = template.content()
        row = {k: content[k] for k in CONTENT_FIELDS}
        row["variables"] = json.dumps(content["variables"], ensure_ascii=False)
        row["params"] = json.dumps(content["params"], ensure_ascii=False, sort_keys=True)
        row["outputs"] = json.dumps(content["outputs"], ensure_ascii=False)
        row["search_text"] = cjk.index_text(template.name, template.description, template.category,
                                            template.body)
        row["updated_at"] = now
        if old is None:
            version = template.version if template.version >= 1 else 1
            row.update(version=version, created_at=now)
            columns = list(row)
            cursor = self.db.execute(
                f"insert into templates ({', '.join(columns)}) values ({', '.join('?' for _ in columns)})",
                [row[c] for c in columns])
            template_id = int(cursor.lastrowid)
        else:
            version = old.version + 1
            row["version"] = version
            self.db.execute(f"update templates set {', '.join(f'{c} = ?' for c in row)} where id = ?",
                            [*row.values(), old.id])
            template_id = old.id
        self.db.execute(
            "insert into template_versions (template_id, version, snapshot, note, created_at) "
            "values (?, ?, ?, ?, ?)",
            [template_id, version, json.dumps(content, ensure_ascii=False, sort_keys=True), note, now])
        return replace(template, id=template_id, version=version, updated_at=now)

    def delete(self, name: str) -> None:
        """Remove a template and its versions."""
        template = self.get(name)
        with self.db.atomic():
            self.db.execute("delete from templates where id = ?", [template.id])

    # versions ------------------------------------------------------------------------

    def versions(self, name: str) -> list[dict[str, Any]]:
        """``[{version, note, created_at}]``, newest first."""
        template = self.get(name)
        return list(self.db.query(
            "select version, note, created_at from template_versions where template_id = ? "
            "order by version desc", [template.id]))

    def version(self, name: str, version: int) -> Template:
        template = self.get(name)
        rows = list(self.db.query(
            "select snapshot from template_versions where template_id = ? and version = ?",
            [template.id, version]))
        if not rows:
            raise BadInput(f"Template '{name}' has no version {version}.")
        return _snapshot_to_template(json.loads(rows[0]["snapshot"]), version)

    def diff(self, name: str, old: int, new: int | None = None) -> str:
        """A unified diff from version ``old`` to ``new`` (default: the current one)."""
        current = self.get(name)
        new = current.version if new is None else new
        before, after = self.version(name, old), self.version(name, new)
        return "\n".join(difflib.unified_diff(_diff_text(before), _diff_text(after),
                                              f"version {old}", f"version {new}", lineterm=""))

    def restore(self, name: str, version: int) -> Template:
        """Make an old version current again, as a new version (nothing is lost)."""
        current = self.get(name)
        old = self.version(name, version)
        return self.save(replace(old, name=current.name), previous_name=current.name,
                         note=f"restored version {version}")
