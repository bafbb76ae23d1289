"""Engine messages are declared once, recognised from their English text, and every one
has a zh-TW translation: an English sentence raised anywhere in engine/ that is not
declared fails here.

When ``test_every_engine_sentence_is_declared`` fails, you added or reworded a message
in engine/: run

    .venv/bin/python -m tests.helpers.engine_messages   # rewrites engine/message_catalog.py
    make translations                                   # adds it to the .ts (EngineMessages)

then translate the new ``EngineMessages`` entries in resources/translations/airlock_zh_TW.ts
(remove ``type="unfinished"``), run lrelease, and commit the catalog, .ts and .qm with your
change. A sentence built from English pieces ("variable{'s' if ...}") cannot be
translated: write whole sentences.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET

import pytest

from engine import messages
from engine.errors import BadInput
from engine.paths import TRANSLATIONS
from engine.prompts.variables import Variable, resolve_values
from tests.helpers import engine_messages


@functools.lru_cache(maxsize=1)
def scanned() -> tuple[engine_messages.Found, ...]:
    """The engine's sentences, read once for the tests below (parsing engine/ takes seconds)."""
    return tuple(engine_messages.scan())


def test_every_declared_message_round_trips_through_parse():
    for message in messages.CATALOG.values():
        values = {name: f"<{name}>" for name in message.fields}  # no separator inside a value
        found = messages.parse(message(**values))
        assert found is not None and found[0] is message and found[1] == values, message.id


def test_text_that_is_not_a_declared_message_is_not_recognised():
    assert messages.parse("Something nobody declared.") is None


def test_the_most_specific_message_wins():
    found = messages.parse("crm.csv is empty; export the data again with a header row and at least one row.")
    assert found[0].text.startswith("{name} is empty; export") and found[1] == {"name": "crm.csv"}


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


def test_the_scan_finds_raised_reported_and_flagged_sentences():
    found = {item.template for item in scanned()}
    assert "The zip has no manifest.json, so it is not an Airlock pack." in found  # raise BadInput("...")
    assert "{name} is {size} MB; a pack may be at most {max_pack_bytes} MB." in found  # an f-string
    assert "the model process ended ({reason})" in found  # a worker's Failed(...)
    assert "walks Python's class tree" in found  # a suspicious chat template's flag
    assert "Template '{template_name}'" in found  # a piece that becomes {where}
    assert not any(t.startswith("usage:") for t in found)  # the CLI's own modules stay English, unscanned


def test_every_engine_sentence_is_declared():
    """A sentence raised or reported in engine/ that no declared message fits would reach
    the zh-TW window in English. The module docstring says what to do."""
    missing = engine_messages.undeclared(scanned())
    assert not missing, ("engine sentences with no declared message (run `python -m tests.helpers.engine_messages`, "
                         "`make translations`, translate them):\n" +
                         "\n".join(f"{item.where}: {item.template}" for item in missing))


# Message arguments the scan cannot read, each with why its text is still translated (or
# never reaches the window). A new one fails the test below: give it a literal or f-string
# sentence, or a declared message, or add it here with its reason.
UNREAD_ON_PURPOSE = {
    ("engine/api/service.py", "str(exc)[0].upper() + str(exc)[1:] + '.'"):
        "a request-schema error, answered to an API client (the API speaks English)",
    ("engine/backends/remote.py", "message"):
        "_failed's parameter: its callers pass a caught error's text or _explain's declared sentences",
    ("engine/registry/template_child.py", "payload"):
        "the text of a BadInput raised in the child process, declared where the child raised it",
}


def test_every_message_argument_is_read_or_explained():
    """A raise whose message is a variable, a parameter or an expression slips past the
    scan above; this keeps the list of such sites short and reviewed."""
    unread = {(item.where.split(":")[0], item.template) for item in engine_messages.unread()}
    assert unread - UNREAD_ON_PURPOSE.keys() == set(), "a message the scan cannot read: see UNREAD_ON_PURPOSE"
    assert UNREAD_ON_PURPOSE.keys() - unread == set(), "a listed site is gone: take it out of UNREAD_ON_PURPOSE"


def test_the_scan_follows_a_message_through_a_variable():
    found = {item.template for item in scanned()}
    assert "the GPU ran out of memory; choose a smaller size or turn on CPU offload" in found  # finish = "..."
    assert "{path} already exists; add --force to replace it, or choose another name." in found  # super().__init__


def test_every_declared_message_has_a_finished_translation():
    root = ET.parse(TRANSLATIONS / "airlock_zh_TW.ts").getroot()
    translated = {m.findtext("source"): m.find("translation") for ctx in root.iter("context")
                  if ctx.findtext("name") == messages.CONTEXT for m in ctx.iter("message")}
    untranslated = [m.text for m in messages.CATALOG.values()
                    if m.text not in translated or translated[m.text].get("type")
                    or not (translated[m.text].text or "").strip()]
    assert not untranslated, f"`make translations` and translate: {untranslated}"
    assert len(messages.CATALOG) > 450  # every engine sentence, not a sample
