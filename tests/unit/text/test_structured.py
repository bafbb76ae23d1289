"""Output fields -> JSON schema, schema checks, and parsing/validating replies (no model)."""

from __future__ import annotations

import json

import pytest

from engine.errors import BadInput
from engine.text import structured
from engine.text.structured import OutputField, StructuredOutputError


MAIL = (OutputField("subject", "Subject", max_chars=80), OutputField("body", "Body"))
PAGE = (OutputField("title"), OutputField("bullets", kind="list", items=3))


def test_fields_make_a_strict_object_schema():
    schema = structured.fields_schema(PAGE)
    assert schema["required"] == ["title", "bullets"]
    assert schema["properties"]["bullets"] == {"type": "array", "items": {"type": "string", "minLength": 1},
                                               "minItems": 3, "maxItems": 3}
    assert schema["additionalProperties"] is False
    assert json.loads(structured.check_schema(schema)) == schema


def test_parse_reply_accepts_the_shape_and_a_code_fence():
    schema = structured.fields_schema(MAIL)
    value = structured.parse_reply('```json\n{"subject": "Hi", "body": "Thanks"}\n```', schema)
    assert value == {"subject": "Hi", "body": "Thanks"}
    assert structured.field_texts({"title": "T", "bullets": ["a", "b", "c"]}, PAGE) == \
        {"title": "T", "bullets": "- a\n- b\n- c"}


@pytest.mark.parametrize("reply, reason", [
    ("", "empty"),
    ('{"subject": "Hi", "body": "Tha', "ends before the JSON is complete"),
    ('{"subject": "Hi"}', "'body' is a required property"),
    ('{"subject": "' + "x" * 81 + '", "body": "b"}', "at subject"),
    ('{"subject": "a", "body": "b", "extra": 1}', "Additional properties"),
    ("Sure! Here is your mail", "not valid JSON"),
])
def test_parse_reply_names_what_is_wrong(reply, reason):
    with pytest.raises(StructuredOutputError, match=reason):
        structured.parse_reply(reply, structured.fields_schema(MAIL))


@pytest.mark.parametrize("schema, reason", [
    ("{not json", "not valid JSON"),
    ({"type": "string"}, "object or an array"),
    ({"type": "object", "properties": 3}, "not valid"),
    ([1], "must be an object"),
])
def test_bad_schemas_are_refused(schema, reason):
    with pytest.raises(BadInput, match=reason):
        structured.check_schema(schema)


@pytest.mark.parametrize("data, reason", [
    ([{"name": "1x"}], "needs a name"),
    ([{"name": "a", "kind": "table"}], "kind"),
    ([{"name": "a", "items": 3}], "list fields"),
    ([{"name": "a"}, {"name": "a"}], "twice"),
    ([{"name": "a", "colour": 1}], "unknown key"),
])
def test_bad_output_fields_are_refused(data, reason):
    with pytest.raises(BadInput, match=reason):
        structured.parse_fields(data)


def test_grammar_comes_from_llama_cpp_converter():
    source = structured.grammar_source(structured.check_schema(structured.fields_schema(PAGE)))
    assert "root ::=" in source and "bullets" in source
