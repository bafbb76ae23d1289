"""Engine messages are declared once and can be recognised from their English text."""

from __future__ import annotations

import pytest

from engine import messages
from engine.errors import BadInput
from engine.prompts.variables import Variable, resolve_values


def test_every_declared_message_round_trips_through_parse():
    for message in messages.CATALOG.values():
        values = {name: f"<{name} value>" for name in message.fields}
        found = messages.parse(message(**values))
        assert found is not None and found[0] is message and found[1] == values, message.id


def test_text_that_is_not_a_declared_message_is_not_recognised():
    assert messages.parse("Something nobody declared.") is None


def test_placeholders_must_be_plain_names():
    with pytest.raises(ValueError):
        messages.declare("bad_spec", "{n:.1f} tokens")
    with pytest.raises(ValueError):
        messages.declare("prompt_empty", "declared twice")


def test_the_engine_raises_the_declared_message():
    with pytest.raises(BadInput) as caught:
        resolve_values([Variable(name="brand", type="short_text", required=True)], {})
    found = messages.parse(str(caught.value))
    assert found[0] is messages.MISSING_VARIABLE and found[1] == {"names": "brand"}


def test_the_text_runner_raises_declared_messages(workspace, smollm2):
    from engine.text.runner import TextRequest, build_job

    with pytest.raises(BadInput) as caught:
        build_job(workspace, TextRequest(model=workspace.registry.list()[0].name, prompt="   "))
    assert messages.parse(str(caught.value))[0] is messages.PROMPT_EMPTY
