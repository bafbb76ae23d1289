"""Messages the engine shows to people, declared once: an id and the English text.

The engine raises and prints English (the CLI contract and the log stay English). The
desktop app shows the same message in the person's language: every message declared
here is extracted for Qt Linguist (``QT_TRANSLATE_NOOP`` below is the marker lupdate
reads; the engine never imports Qt), and :func:`parse` turns a finished English
sentence back into its message and values, so a message can travel as plain text, even
from a worker process, and still be translated where it is shown
(desktop/engine_text.py).

Placeholders are plain ``{name}`` fields: values are formatted by the caller (numbers,
lists), so the translated sentence can put them wherever its grammar wants.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

CONTEXT = "EngineMessages"
"""The Qt translation context of every engine message."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks ``text`` for extraction by lupdate; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Message:
    id: str
    text: str  # English, with {name} placeholders
    regex: str = field(repr=False, compare=False, default="")

    @property
    def pattern(self) -> re.Pattern:
        """Compiled on first use (re caches it): compiling all ~500 at import cost the window
        60-110 ms of its start."""
        return re.compile(self.regex, re.S)

    def __call__(self, **values: object) -> str:
        """The English sentence with ``values`` filled in."""
        return self.text.format(**{k: str(v) for k, v in values.items()})

    @property
    def anchor(self) -> str:
        """The longest run of the message's own text: a cheap test before the pattern."""
        return max((literal for literal, _name, _spec, _conv in string.Formatter().parse(self.text)), key=len)

    @property
    def literal_length(self) -> int:
        """How many characters of the text are its own (not placeholders)."""
        return sum(len(literal) for literal, _name, _spec, _conv in string.Formatter().parse(self.text))

    @property
    def fields(self) -> list[str]:
        return [name for _literal, name, _spec, _conv in string.Formatter().parse(self.text) if name]


CATALOG: dict[str, Message] = {}
_ANCHORS: dict[str, str] = {}


def declare(message_id: str, text: str) -> Message:
    """Add a message to the catalog (ids are unique; placeholders are plain names)."""
    if message_id in CATALOG:
        raise ValueError(f"engine message {message_id!r} is declared twice")
    parts = []
    for literal, name, spec, conversion in string.Formatter().parse(text):
        parts.append(re.escape(literal))
        if name is not None:
            if spec or conversion or not name.isidentifier():
                raise ValueError(f"engine message {message_id!r}: use plain {{name}} placeholders")
            parts.append(f"(?P<{name}>.*?)" if f"(?P<{name}>" not in "".join(parts) else f"(?P={name})")
    message = Message(message_id, text, "".join(parts))
    CATALOG[message_id] = message
    _ANCHORS[message_id] = message.anchor
    return message


def parse(text: str) -> tuple[Message, dict[str, str]] | None:
    """The declared message ``text`` is an instance of, with its values; None if none.

    When several messages fit (``{name} is empty.`` and ``{name} is empty; export ...``
    both fit the second), the one with the most words of its own wins."""
    best: tuple[int, Message, dict[str, str]] | None = None
    for message in CATALOG.values():
        if _ANCHORS[message.id] not in text:  # most messages are ruled out without a regex
            continue
        match = message.pattern.fullmatch(text)
        if match and (best is None or message.literal_length > best[0]):
            best = (message.literal_length, message, match.groupdict())
    return None if best is None else (best[1], best[2])


# text generation -----------------------------------------------------------------------

PROMPT_EMPTY = declare("prompt_empty", QT_TRANSLATE_NOOP(
    "EngineMessages", "The prompt is empty; type something to send."))
PROMPT_TOO_LONG = declare("prompt_too_long", QT_TRANSLATE_NOOP(
    "EngineMessages", "The message is too long for the {n_ctx}-token context ({tokens} tokens, with {reserve} "
    "kept for the answer); shorten it or choose a larger context."))
CONVERSATION_FULL = declare("conversation_full", QT_TRANSLATE_NOOP(
    "EngineMessages", "The conversation ({tokens} tokens) no longer fits the {n_ctx}-token context; start a new "
    "conversation or let Airlock drop the oldest turns."))
IMAGE_MODEL_FOR_TEXT = declare("image_model_for_text", QT_TRANSLATE_NOOP(
    "EngineMessages", "'{name}' is an image model; choose a text model."))

# templates -----------------------------------------------------------------------------

MISSING_VARIABLE = declare("missing_variable", QT_TRANSLATE_NOOP(
    "EngineMessages", "Missing required variable: {names}."))
MISSING_VARIABLES = declare("missing_variables", QT_TRANSLATE_NOOP(
    "EngineMessages", "Missing required variables: {names}."))

# model import --------------------------------------------------------------------------

PATH_MISSING = declare("path_missing", QT_TRANSLATE_NOOP("EngineMessages", "{path} does not exist."))
NOT_GGUF = declare("not_gguf", QT_TRANSLATE_NOOP(
    "EngineMessages", "{name} is not a GGUF model file (its first bytes are not 'GGUF')."))
GGUF_EMPTY = declare("gguf_empty", QT_TRANSLATE_NOOP(
    "EngineMessages", "{name} is empty (0 bytes); copy the model file again."))
GGUF_CORRUPT = declare("gguf_corrupt", QT_TRANSLATE_NOOP("EngineMessages", "{name} has a corrupt GGUF header."))
GGUF_TRUNCATED = declare("gguf_truncated", QT_TRANSLATE_NOOP(
    "EngineMessages", "{name} is truncated: the GGUF header ends early; copy the file again."))
FOLDER_WITHOUT_MODEL = declare("folder_without_model", QT_TRANSLATE_NOOP(
    "EngineMessages", "{path} is a folder without a model Airlock can load."))
FOLDER_HOLDS_GGUF = declare("folder_holds_gguf", QT_TRANSLATE_NOOP(
    "EngineMessages", "{path} is a folder without a model Airlock can load (it holds {file}: import that file)."))
ALREADY_REGISTERED = declare("already_registered", QT_TRANSLATE_NOOP(
    "EngineMessages", "{file} is already registered as '{name}'."))

# template packs ------------------------------------------------------------------------

PACK_IS_FOLDER = declare("pack_is_folder", QT_TRANSLATE_NOOP("EngineMessages", "{path} is a folder, not a pack file."))
PACK_EMPTY = declare("pack_empty", QT_TRANSLATE_NOOP("EngineMessages", "{name} is empty."))
PACK_NOT_ZIP = declare("pack_not_zip", QT_TRANSLATE_NOOP("EngineMessages", "The pack is not a valid zip file."))
PACK_NOT_UTF8 = declare("pack_not_utf8", QT_TRANSLATE_NOOP("EngineMessages", "{what} is not UTF-8 text."))
PACK_NOT_JSON = declare("pack_not_json", QT_TRANSLATE_NOOP(
    "EngineMessages", "{what} is not valid JSON (line {line}, column {column}: {reason})."))
PACK_NOT_OBJECT = declare("pack_not_object", QT_TRANSLATE_NOOP(
    "EngineMessages", "{what} must be a JSON object with a list of templates."))


# pieces of sentences: values the engine puts into a placeholder ("{what} holds the {kind}
# '{duplicate}' twice."); the window translates a value that is itself a message.
KIND_TEMPLATE = declare("kind_template", QT_TRANSLATE_NOOP("EngineMessages", "template"))
KIND_BRAND_VOICE = declare("kind_brand_voice", QT_TRANSLATE_NOOP("EngineMessages", "brand voice"))
KIND_FRAMEWORK = declare("kind_framework", QT_TRANSLATE_NOOP("EngineMessages", "framework"))
KIND_TEMPLATES = declare("kind_templates", QT_TRANSLATE_NOOP("EngineMessages", "templates"))
KIND_BRAND_VOICES = declare("kind_brand_voices", QT_TRANSLATE_NOOP("EngineMessages", "brand voices"))
KIND_FRAMEWORKS = declare("kind_frameworks", QT_TRANSLATE_NOOP("EngineMessages", "frameworks"))
TIMEOUT_CONNECT = declare("timeout_connect", QT_TRANSLATE_NOOP("EngineMessages", "connect"))
TIMEOUT_LIST = declare("timeout_list", QT_TRANSLATE_NOOP("EngineMessages", "list"))
KIND_INPAINTING = declare("kind_inpainting", QT_TRANSLATE_NOOP("EngineMessages", "an inpainting"))
KIND_SPECIAL_PURPOSE = declare("kind_special_purpose", QT_TRANSLATE_NOOP("EngineMessages", "a special-purpose"))


# every other sentence the engine raises or reports: engine/message_catalog.py, generated
# from the source (tests/helpers/engine_messages.py); a text declared above wins.
def _declare_raised() -> None:
    from engine.message_catalog import MESSAGES

    known = {message.text for message in CATALOG.values()}
    for message_id, text in MESSAGES:
        if text not in known:
            declare(message_id, text)


_declare_raised()
