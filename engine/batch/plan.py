"""From an imported table and a template to a stored batch job, or a refusal that creates none.

Every row is checked and rendered before anything is stored, so a file with a bad row
is refused as a whole, naming every failing row. Prompts are laid out fixed part first:
the system message (the template's instructions, framework, brand voice and the output
fields) is the same for every row, and the batch templates put the row's values at the
end of the body, so llama.cpp reuses the shared prefix's KV cache from row to row
(measured in ``airlock bench batch``).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import sqlite_utils

from engine import jobs
from engine.batch import mapping as columns
from engine.batch.store import SEED_POLICIES, BatchStore
from engine.batch.table import Table
from engine.errors import BadInput
from engine.prompts.compose import compose, sampling_params
from engine.prompts.templates import Template, TemplateLibrary
from engine.registry.registry import DEFAULT_TEXT_MODEL
from engine.text import structured

DRY_RUN_ROWS = 5


def batch_params(template: Template, overrides: Mapping[str, Any] | None = None) -> jobs.SamplingParams:
    """The template's recommended sampling settings, then the person's, checked once."""
    params = sampling_params(template.params)
    if overrides:
        unknown = sorted(set(overrides) - set(params.as_dict()))
        if unknown:
            raise BadInput(f"Unknown sampling setting '{unknown[0]}'.")
        params = replace(params, **overrides)
    validated = getattr(params, "validated", None)  # the one sampling check (engine/jobs.py)
    return validated() if validated else params


def render_rows(db: sqlite_utils.Database, template: Template, table: Table,
                mapping: Mapping[str, str | None], *, snippet_ids: Sequence[int] = ()) -> tuple[list[dict], dict]:
    """(rows ready to store, annotations of the first row: brand voice rules, citations)."""
    problems = columns.validate_rows(template, table, mapping)
    if problems:
        raise BadInput(columns.problems_message(problems))
    rows: list[dict[str, Any]] = []
    annotations: dict[str, Any] = {}
    suffix = structured.instruction(template.outputs, template.language) if template.outputs else ""
    for number, record in enumerate(table.records(), start=1):
        try:
            composed = compose(db, template, columns.row_values(record, mapping), snippet_ids=snippet_ids)
        except BadInput as exc:
            raise BadInput(f"Row {number} cannot be rendered: {exc}") from None
        if number == 1:
            annotations = dict(composed.annotations)
        system = "\n\n".join(p for p in (composed.system, suffix) if p) or None
        rows.append({"row_number": number, "input": record, "prompt": composed.prompt, "system": system})
    return rows, annotations


def create_job(ws: Any, template_name: str, table: Table, *,
               mapping: Mapping[str, str | None] | None = None, model: str | None = None,
               params: Mapping[str, Any] | None = None, seed: int | None = None,
               seed_policy: str = "per_row", snippet_ids: Sequence[int] = (), dry_run: bool = False,
               db: sqlite_utils.Database | None = None) -> int:
    """Check everything, render every row and store the job; returns its number."""
    db = db or ws.db
    template = TemplateLibrary(db).get(template_name)
    if template.kind != "text":
        raise BadInput(f"'{template.name}' is an image template; a batch writes text drafts.")
    if seed_policy not in SEED_POLICIES:
        raise BadInput(f"Unknown seed policy '{seed_policy}' (use {' or '.join(SEED_POLICIES)}).")
    chosen = columns.auto_map(template, table.columns)
    chosen.update(mapping or {})  # the person's choices over the names that matched
    model_name = model or (template.model if template.model and ws.registry.find(template.model) else None) \
        or DEFAULT_TEXT_MODEL
    record = ws.registry.get(model_name)
    if record.kind != "text":
        raise BadInput(f"'{record.name}' is an image model; choose a text model.")
    sampling = batch_params(template, params)
    base_seed = seed if seed is not None else random.randrange(2**31)
    rows, annotations = render_rows(db, template, table, chosen, snippet_ids=snippet_ids)
    for row in rows:
        row["seed"] = base_seed + row["row_number"] if seed_policy == "per_row" else base_seed
    schema = structured.check_schema(structured.fields_schema(template.outputs)) if template.outputs else None
    job = {
        "template_name": template.name, "template_version": template.version,
        "template_snapshot": template.content(), "brand_voice": annotations.get("brand_voice"),
        "knowledge": annotations.get("knowledge") or [], "model": record.name, "model_sha256": record.sha256,
        "params": {**sampling.as_dict(), "n_ctx": min(record.default_context(), 4096)},
        "seed_policy": seed_policy, "seed": base_seed,
        "outputs": [f.as_dict() for f in template.outputs], "json_schema": schema, "mapping": chosen,
        "columns": list(table.columns), "source_name": table.source_name, "source_encoding": table.encoding,
        "dry_run": int(dry_run),
    }
    return BatchStore(db, mask=ws.record_steps.apply_text).create(job, rows)
