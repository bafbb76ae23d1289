"""Structured output: a reply shaped by a JSON schema, parsed and checked field by field.

A template (or an API request's ``response_format``) declares the shape it wants, as
output fields (``subject`` + ``body`` for a mail) or as a JSON schema. The schema travels
in the :class:`~engine.jobs.TextJob` as text; the text worker turns it into a llama.cpp
grammar (:func:`grammar_for`, the only function here that touches llama_cpp, so the GUI
process can import this module), which constrains sampling to that shape. The reply is
then parsed and validated with ``jsonschema`` (:func:`parse_reply`): a grammar bounds
the syntax, but a reply cut off by ``max_tokens`` or a schema feature the grammar
converter ignores still has to be caught, and such a draft is marked failed with the
reason instead of being stored half-formed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from engine.errors import BadInput
from engine.prompts.outputs import OutputField, parse_fields  # noqa: F401  (re-exported)

MAX_SCHEMA_CHARS = 50_000


class StructuredOutputError(ValueError):
    """A reply that is not the JSON the schema asks for; the message says why (for the row)."""


def fields_schema(fields: Sequence[OutputField]) -> dict[str, Any]:
    """The JSON schema of a draft with these fields: an object with every field required."""
    properties: dict[str, Any] = {}
    for f in fields:
        text: dict[str, Any] = {"type": "string", "minLength": 1}
        if f.max_chars:
            text["maxLength"] = f.max_chars
        if f.kind == "list":
            properties[f.name] = {"type": "array", "items": text,
                                  "minItems": f.items or 1, "maxItems": f.items or 10}
        else:
            properties[f.name] = text
    return {"type": "object", "properties": properties, "required": [f.name for f in fields],
            "additionalProperties": False}


def check_schema(schema: Any) -> str:
    """The schema as compact JSON text (what a TextJob carries), or BadInput saying why not.

    Accepts a dict or JSON text. The schema itself must be valid (Draft 2020-12) and
    describe an object or array, since a draft is stored per field.
    """
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    if isinstance(schema, str):
        try:
            schema = json.loads(schema)
        except json.JSONDecodeError as exc:
            raise BadInput(f"The JSON schema is not valid JSON ({exc.msg} at character {exc.pos}).") from None
    if not isinstance(schema, Mapping):
        raise BadInput("The JSON schema must be an object.")
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        raise BadInput(f"The JSON schema is not valid: {exc.message}.") from None
    text = json.dumps(schema, ensure_ascii=False)  # key order kept: the grammar writes fields in it
    if len(text) > MAX_SCHEMA_CHARS:
        raise BadInput(f"The JSON schema is longer than {MAX_SCHEMA_CHARS} characters.")
    if schema.get("type") not in ("object", "array"):
        raise BadInput("The JSON schema must describe an object or an array (\"type\": \"object\").")
    return text


@lru_cache(maxsize=32)
def grammar_source(schema_text: str) -> str:
    """The GBNF grammar llama.cpp samples under, from the schema (llama-cpp-python's own
    converter, the port of llama.cpp's json_schema_to_grammar). Runs in the text worker."""
    from llama_cpp.llama_grammar import json_schema_to_gbnf

    try:
        return json_schema_to_gbnf(json.dumps(_grammar_bounds(json.loads(schema_text))))
    except Exception as exc:  # the converter raises plain exceptions for unsupported schemas
        raise BadInput(f"The JSON schema cannot be turned into a grammar ({exc}).") from None


GRAMMAR_MAX_REPEAT = 200
"""Longer length bounds are left to validation: the converter spells ``maxLength: n`` as n
nested optional rules, and llama.cpp's grammar engine recurses through them (a 1,200-char
bound crashed the worker with SIGSEGV; 200 costs nothing measurable)."""


def _grammar_bounds(schema: Any) -> Any:
    if isinstance(schema, dict):
        out = {k: _grammar_bounds(v) for k, v in schema.items()}
        for key in ("maxLength", "maxItems"):
            if isinstance(out.get(key), int) and out[key] > GRAMMAR_MAX_REPEAT:
                del out[key]
        return out
    if isinstance(schema, list):
        return [_grammar_bounds(v) for v in schema]
    return schema


def grammar_for(schema_text: str) -> Any:
    """A fresh ``llama_cpp.LlamaGrammar`` for one generation (text worker only)."""
    from llama_cpp import LlamaGrammar

    return LlamaGrammar.from_string(grammar_source(schema_text), verbose=False)


_FENCE = re.compile(r"^```[a-zA-Z]*\s*(.*?)\s*```$", re.S)


def parse_reply(text: str, schema: Mapping[str, Any] | str) -> Any:
    """The reply's JSON value, checked against ``schema``; StructuredOutputError says why not.

    Tolerates a Markdown code fence around the JSON (models answering without the grammar,
    e.g. a remote server, often add one); nothing else is repaired.
    """
    from jsonschema import Draft202012Validator

    if isinstance(schema, str):
        schema = json.loads(schema)
    body = text.strip()
    fenced = _FENCE.match(body)
    if fenced:
        body = fenced.group(1)
    if not body:
        raise StructuredOutputError("the reply is empty")
    try:
        value = json.loads(body)
    except json.JSONDecodeError as exc:
        where = "the reply ends before the JSON is complete (raise max tokens)" \
            if exc.pos >= len(body) - 1 or exc.msg.startswith("Unterminated") \
            else f"{exc.msg} (character {exc.pos})"
        raise StructuredOutputError(f"the reply is not valid JSON: {where}") from None
    errors = sorted(Draft202012Validator(schema).iter_errors(value), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        path = "/".join(str(p) for p in first.path)
        raise StructuredOutputError(f"the reply does not match the schema{f' at {path}' if path else ''}: "
                                    f"{first.message}")
    return value


def field_texts(value: Mapping[str, Any], fields: Sequence[OutputField]) -> dict[str, str]:
    """Each field as display text (a list as one line per item), in declaration order."""
    out: dict[str, str] = {}
    for f in fields:
        item = value.get(f.name, "")
        out[f.name] = "\n".join(f"- {x}" for x in item) if isinstance(item, list) else str(item)
    return out


def instruction(fields: Sequence[OutputField], language: str = "en") -> str:
    """A line for the prompt naming the fields, so the model fills them with sense (the
    grammar alone fixes the keys, not what goes in them)."""
    names = ", ".join(f'"{f.name}"' + (f" ({f.label})" if f.label else "") for f in fields)
    if language == "zh-TW":
        return f"請只輸出一個 JSON 物件，欄位為：{names}。"
    return f"Answer with one JSON object only, with the fields {names}."
