"""A real generation from a template: the default model in the real worker process, the
brand voice checked on the real answer, knowledge citations kept in the history record."""

from __future__ import annotations

import pytest

from engine import jobs
from engine.prompts.brand_voice import BrandVoice, BrandVoices, check_text
from engine.knowledge.base import KnowledgeBase
from engine.registry.registry import DEFAULT_TEXT_MODEL
from engine.prompts.compose import Retrieval, compose
from engine.text.runner import text_request
from engine.prompts.templates import Template, TemplateLibrary
from engine.text.runner import run_text

pytestmark = pytest.mark.slow


def test_template_run_records_template_voice_flags_and_citations(workspace):
    ws = workspace
    BrandVoices(ws.db).save(BrandVoice.from_dict({
        "name": "Northwind", "language": "en", "tone": "Plain and practical.",
        "required_phrases": ["#NorthwindTrail"], "banned_words": ["the"]}))
    KnowledgeBase(ws.db).import_text("Products", "tent-spec.md",
                                     "The Ridge 2 tent weighs 1.8 kg and pitches in under five minutes.")
    template = TemplateLibrary(ws.db).save(Template.from_dict({
        "name": "Tent post", "language": "en", "category": "social_post", "brand_voice": "Northwind",
        "body": "Write a two-sentence post about the {{ product }} tent for hikers.",
        "variables": [{"name": "product", "required": True}], "params": {"temperature": 0.2, "max_tokens": 48}}))

    composed = compose(ws.db, template, {"product": "Ridge 2"}, retrieval=Retrieval(k=1),
                       registered_models=[m.name for m in ws.registry.list()])
    assert "[1] tent-spec.md, chunk 1" in composed.prompt and "Brand voice: Northwind" in composed.system
    tokens = []
    outcome = run_text(ws, text_request(composed, model=DEFAULT_TEXT_MODEL, seed=7),
                       lambda e: tokens.append(e) if isinstance(e, jobs.Token) else None)
    assert outcome.ok and tokens

    record = ws.history.get(outcome.generation_id)
    assert record["output"] and record["system"] == composed.system and record["prompt"] == composed.prompt
    params = record["params"]
    assert params["template"] == {"name": "Tent post", "version": 1, "variables": {"product": "Ridge 2"}}
    assert params["knowledge"][0]["document"] == "tent-spec.md" and params["knowledge"][0]["chunk"] == 1
    assert params["temperature"] == 0.2 and params["max_tokens"] == 48
    flags = params["brand_voice_flags"]
    assert flags == check_text(composed.brand_voice, record["output"])
    assert {"kind": "missing", "phrase": "#NorthwindTrail"} in flags  # a 135M model does not obey
    assert ws.history.search("Ridge")[0]["id"] == outcome.generation_id
