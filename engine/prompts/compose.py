"""From a template and what a person typed to a prompt ready to run, and back to the record.

:func:`compose` checks the values against the template's variables, renders the body
in the sandbox, adds the knowledge snippets (chosen by hand or retrieved top-k) with
their citations, and builds the system instructions from the template's own system
text, its thinking framework and its brand voice. The result says everything needed
to send it to the text engine (:func:`engine.text.runner.text_request`) or to the image page, and carries
the *annotations* that the generation's history record keeps: template name and
version, brand voice rules (checked on the answer), cited snippets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from engine.prompts import brand_voice as voices
from engine.prompts.brand_voice import BrandVoices
from engine.errors import BadInput
from engine.prompts.frameworks import Frameworks
from engine.jobs import SamplingParams
from engine.knowledge.base import KnowledgeBase, Snippet, snippets_block
from engine.prompts.render import check_source, render_source
from engine.prompts.variables import resolve_values
from engine.prompts.templates import TEXT_PARAMS, Template


@dataclass(frozen=True)
class Retrieval:
    """Let Airlock choose the ``k`` best snippets for the prompt (from ``collection``, or all)."""

    k: int = 3
    collection: str | None = None


@dataclass(frozen=True)
class ComposedPrompt:
    template: str
    kind: str
    language: str
    prompt: str
    system: str | None
    negative: str
    model: str | None  # the template's recommended model, when it is registered
    params: Mapping[str, Any]
    snippets: tuple[Snippet, ...] = ()
    brand_voice: Mapping[str, Any] | None = None  # the rules checked on the answer
    notes: tuple[str, ...] = ()
    annotations: Mapping[str, Any] = field(default_factory=dict)


def _json_safe(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}


def compose(db: sqlite_utils.Database, template: Template, given: Mapping[str, Any], *,
            snippet_ids: Sequence[int] = (), retrieval: Retrieval | None = None,
            registered_models: Sequence[str] | None = None) -> ComposedPrompt:
    """Render ``template`` with ``given`` values into a prompt (see the module doc).

    Raises BadInput naming missing required variables, a value of the wrong type, or a
    template that breaks the sandbox's rules.
    """
    values = resolve_values(template.variables, given)
    where = f"Template '{template.name}'"
    notes: list[str] = []
    knowledge = KnowledgeBase(db)
    snippets = list(knowledge.snippets(snippet_ids))
    declared = {v.name for v in template.variables}
    uses_knowledge = "knowledge" in _names(template.body, declared, where)
    if retrieval is not None:
        if retrieval.collection:
            knowledge.collection(retrieval.collection)  # an unknown name is an error, not "nothing found"
        draft = render_source(template.body, {**values, "knowledge": ""}, where=where)
        query = " ".join([draft, *(str(v) for v in values.values() if isinstance(v, str))])
        chosen = {s.chunk_id for s in snippets}
        for snippet in knowledge.retrieve(query, collection=retrieval.collection, k=retrieval.k):
            if snippet.chunk_id not in chosen:
                snippets.append(snippet)
        if not snippets:
            notes.append("No knowledge snippet matched this prompt.")
    block = snippets_block(snippets, template.language)
    prompt = render_source(template.body, {**values, "knowledge": block}, where=where).strip()
    if block and not uses_knowledge:
        if template.kind == "image":
            notes.append("Knowledge snippets are left out of image prompts.")
            snippets = []
        else:
            prompt = f"{prompt}\n\n{block}"
    negative = render_source(template.negative, values, where=where).strip() if template.negative else ""

    system_parts: list[str] = []
    if template.system:
        system_parts.append(render_source(template.system, {**values, "knowledge": block}, where=where).strip())
    framework_key = None
    if template.framework:
        framework = Frameworks(db).find(template.framework)
        if framework is None:
            notes.append(f"The thinking framework '{template.framework}' is not in the library; "
                         "running without it.")
        else:
            framework_key = framework.key
            system_parts.append(framework.instruction_for(template.language))
    rules = None
    if template.brand_voice and template.kind == "text":
        voice = BrandVoices(db).find(template.brand_voice)
        if voice is None:
            notes.append(f"The brand voice '{template.brand_voice}' no longer exists; running without it.")
        else:
            system_parts.append(voices.instructions(voice))
            rules = voice.rules()
    model = template.model
    if model and registered_models is not None and model not in registered_models:
        notes.append(f"The recommended model '{model}' is not registered here; using the default model.")
        model = None
    annotations: dict[str, Any] = {"template": {"name": template.name, "version": template.version,
                                                "variables": _json_safe(values)}}
    if rules:
        annotations["brand_voice"] = rules
    if framework_key:
        annotations["framework"] = framework_key
    if snippets:
        annotations["knowledge"] = [s.citation() for s in snippets]
    return ComposedPrompt(
        template=template.name, kind=template.kind, language=template.language, prompt=prompt,
        system="\n\n".join(p for p in system_parts if p) or None, negative=negative, model=model,
        params=dict(template.params), snippets=tuple(snippets), brand_voice=rules, notes=tuple(notes),
        annotations=annotations)


def _names(source: str, declared: set[str], where: str) -> set[str]:
    """Every name the body loads (declared or built in), to know whether it places ``knowledge``."""
    from jinja2 import nodes

    from engine.prompts.render import environment

    check_source(source, declared, where=where)
    return {n.name for n in environment().parse(source).find_all(nodes.Name) if n.ctx == "load"}


def sampling_params(params: Mapping[str, Any], base: SamplingParams | None = None) -> SamplingParams:
    """The template's recommended text parameters over ``base`` (the defaults)."""
    base = base or SamplingParams()
    chosen = {k: params[k] for k in TEXT_PARAMS if k in params}
    return SamplingParams(**{**base.as_dict(), **chosen})
