"""The engine's messages in the person's language.

The engine speaks English (engine/messages.py declares each message once, with an id);
its messages reach the window as text: raised in this process or sent by a worker. This
turns such a text back into its declared message and shows the translation from the
"EngineMessages" context of the .ts file, values kept. Text that is not a declared
message is shown as it is.
"""

from __future__ import annotations

from desktop.qt import QCoreApplication
from engine import messages


def engine_text(text: str) -> str:
    """``text`` translated when it is a declared engine message (values that are
    themselves messages are translated too)."""
    found = messages.parse(text.strip())
    if found is None:
        return text
    message, values = found
    translated = QCoreApplication.translate(messages.CONTEXT, message.text)
    try:
        return translated.format(**{k: engine_text(v) for k, v in values.items()})
    except (KeyError, IndexError, ValueError):  # a translation with broken placeholders: keep English
        return text
