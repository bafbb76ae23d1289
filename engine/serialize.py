"""The JSON shapes of Airlock's objects, written once for every front end.

``airlock ... --json`` and the local HTTP API (engine/api) hand the same generation, model
or template to a script; if each front end built its own dict, ``text --json`` and
``templates run --json`` would (and did) describe one generation two ways. These
functions take engine objects and return plain JSON-ready data; printing is the caller's.
"""

from __future__ import annotations

from typing import Any


def generation(record: dict[str, Any]) -> dict[str, Any]:
    """A stored generation as History returns it (``history list/show --json``)."""
    return dict(record)


def text_result(outcome: Any, composed: Any = None) -> dict[str, Any]:
    """One text generation just made, by ``airlock text`` or from a template.

    The keys are the same either way; ``template`` is null and ``citations`` empty when no
    template was used. ``outcome`` is engine.text.runner.TextOutcome, ``composed`` an
    engine.prompts.compose.Composed.
    """
    record = outcome.record
    params = record.get("params") or {}
    return {
        "id": outcome.generation_id, "model": record["model"], "text": record["output"],
        "prompt": composed.prompt if composed is not None else record["prompt"],
        "template": composed.template if composed is not None else None,
        "seed": record["seed"], "conversation_id": outcome.conversation_id,
        "prompt_tokens": record["prompt_tokens"], "completion_tokens": record["completion_tokens"],
        "seconds": record["seconds"], "tokens_per_second": record.get("tokens_per_second"),
        "first_token_s": record.get("first_token_s"),
        "brand_voice_flags": list(params.get("brand_voice_flags", [])),
        "citations": [s.citation() for s in composed.snippets] if composed is not None else [],
    }


def image_result(outcome: Any, records: list[dict[str, Any]]) -> dict[str, Any]:
    """The images one ``airlock image`` run made: the first one's fields, and ``images``
    listing all of them when there are several. ``records`` are the finished ones."""
    first = records[0]
    answer = {"id": first["id"], "model": first["model"], "path": first["output_path"], "seed": first["seed"],
              "seconds": outcome.event.result.get("seconds")}
    if len(records) > 1:
        answer["images"] = [{"id": r["id"], "path": r["output_path"], "seed": r["seed"]} for r in records]
    return answer


def model(record: Any) -> dict[str, Any]:
    """A registered model (engine.registry.registry.ModelRecord), as ``models list`` shows it."""
    return record.as_dict()


def template_summary(template: Any) -> dict[str, Any]:
    """One line of the template library (``templates list --json``)."""
    return {"name": template.name, "category": template.category, "kind": template.kind,
            "language": template.language, "description": template.description, "version": template.version,
            "brand_voice": template.brand_voice, "framework": template.framework,
            "variables": [v.name for v in template.variables], "updated_at": template.updated_at}


def template(template: Any, versions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A whole template (``templates show --json``): its content, version, and, when
    given, the list of its saved versions."""
    data = template.as_dict()
    if versions is not None:
        data["versions"] = versions
    return data


def composed(composed: Any) -> dict[str, Any]:
    """A filled-in template before generation (``templates render --json``)."""
    return {"name": composed.template, "kind": composed.kind, "prompt": composed.prompt,
            "negative": composed.negative, "system": composed.system,
            "citations": [s.citation() for s in composed.snippets], "notes": list(composed.notes)}
