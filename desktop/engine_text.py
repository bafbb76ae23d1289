"""The engine's messages in the person's language.

The engine speaks English (engine/messages.py declares each message once, with an id;
engine/message_catalog.py holds every sentence raised or reported in engine/, generated
from the source); its messages reach the window as text: raised in this process or sent
by a worker. This turns such a text back into its declared message and shows the
translation from the "EngineMessages" context of the .ts file, values kept. Text that is
not a declared message is shown as it is.

Every place the window shows an engine error passes it through :func:`engine_text`
(tests/unit/desktop/test_engine_text_sites.py finds a raw ``str(exc)`` shown to a person).
"""

from __future__ import annotations

from desktop.qt import QCoreApplication
from engine import messages


def engine_text(text: str | BaseException) -> str:
    """``text`` (or an exception's message) translated when it is a declared engine
    message; values that are themselves messages ("Template 'x'" in "{where} has an empty
    body.") are translated too."""
    text = str(text)
    found = messages.parse(text.strip())
    if found is None and text[:1].islower():  # a piece lower-cased to sit inside a sentence
        found = messages.parse(text[:1].upper() + text[1:].strip())
    if found is None:
        return text
    message, values = found
    translated = QCoreApplication.translate(messages.CONTEXT, message.text)
    try:
        return translated.format(**{k: engine_text(v) if v else v for k, v in values.items()})
    except (KeyError, IndexError, ValueError):  # a translation with broken placeholders: keep English
        return text
