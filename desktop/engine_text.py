"""The engine's messages in the person's language.

The engine speaks English (engine/messages.py declares each message once, with an id;
engine/message_catalog.py holds every sentence raised or reported in engine/, generated
from the source); its messages reach the window as text: raised in this process or sent
by a worker. This turns such a text back into its declared message and shows the
translation from the "EngineMessages" context of the .ts file, values kept. Text that is
not a declared message is shown as it is.

Every place the window shows an engine error passes it through :func:`engine_text`
(tests/unit/desktop/test_engine_text_sites.py finds a raw ``str(exc)`` shown to a person).

The operating system's own words inside a message (``Permission denied``, ``[Errno 2] No
such file or directory: 'x.csv'``) are translated too, for the common errors, by their
errno: the English the platform writes is read from ``os.strerror``, so it matches.
"""

from __future__ import annotations

import errno
import functools
import os
import re

from desktop.qt import QCoreApplication
from engine import messages

OS_ERROR = re.compile(r"""\[Errno (?P<code>\d+)\] (?P<text>.+?)(?:: (?P<name>'.*'|".*"))?""")


def engine_text(text: str | BaseException) -> str:
    """``text`` (or an exception's message) translated when it is a declared engine
    message; values that are themselves messages ("Template 'x'" in "{where} has an empty
    body.") are translated too."""
    text = str(text)
    found = messages.parse(text.strip())
    if found is None and text[:1].islower():  # a piece lower-cased to sit inside a sentence
        found = messages.parse(text[:1].upper() + text[1:].strip())
    if found is None:
        system = os_error_text(text)
        if system is not None:
            return system
    if found is None and "\n" in text.strip():  # a message of whole lines ("2 rows cannot be used:" ...)
        return "\n".join(engine_text(line) if line.strip() else line for line in text.split("\n"))
    if found is None:
        return text
    message, values = found
    translated = QCoreApplication.translate(messages.CONTEXT, message.text)
    try:
        return translated.format(**{k: engine_text(v) if v else v for k, v in values.items()})
    except (KeyError, IndexError, ValueError):  # a translation with broken placeholders: keep English
        return text


def os_error_text(text: str) -> str | None:
    """The operating system's error ``text`` in the person's language, or None when it is
    not one this knows (or the language is English: the platform's own words stay)."""
    match = OS_ERROR.fullmatch(text.strip())
    code = int(match["code"]) if match else _strerror_codes().get(text.strip())
    source = OS_MEANINGS.get(code) if code is not None else None
    meaning = QCoreApplication.translate("SystemErrors", source) if source else None
    if meaning is None or meaning == source:
        return None
    if match and match["name"]:
        return QCoreApplication.translate("SystemErrors", "{0}: {1}").format(meaning, match["name"])
    return meaning


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    return text


# The common errors a person meets reading and writing files or reaching a server.
_MEANINGS = {
    "ENOENT": QT_TRANSLATE_NOOP("SystemErrors", "no such file or folder"),
    "EACCES": QT_TRANSLATE_NOOP("SystemErrors", "permission denied"),
    "EPERM": QT_TRANSLATE_NOOP("SystemErrors", "the operation is not permitted"),
    "ENOSPC": QT_TRANSLATE_NOOP("SystemErrors", "the disk is full"),
    "EDQUOT": QT_TRANSLATE_NOOP("SystemErrors", "the disk quota is used up"),
    "EROFS": QT_TRANSLATE_NOOP("SystemErrors", "the disk is read-only"),
    "EISDIR": QT_TRANSLATE_NOOP("SystemErrors", "it is a folder"),
    "ENOTDIR": QT_TRANSLATE_NOOP("SystemErrors", "a part of the path is not a folder"),
    "EEXIST": QT_TRANSLATE_NOOP("SystemErrors", "it already exists"),
    "ENOTEMPTY": QT_TRANSLATE_NOOP("SystemErrors", "the folder is not empty"),
    "EBUSY": QT_TRANSLATE_NOOP("SystemErrors", "it is in use by another program"),
    "EIO": QT_TRANSLATE_NOOP("SystemErrors", "the disk could not be read or written (input/output error)"),
    "ENAMETOOLONG": QT_TRANSLATE_NOOP("SystemErrors", "the name is too long"),
    "EMFILE": QT_TRANSLATE_NOOP("SystemErrors", "too many files are open"),
    "ENOMEM": QT_TRANSLATE_NOOP("SystemErrors", "there is not enough memory"),
    "EXDEV": QT_TRANSLATE_NOOP("SystemErrors", "it cannot be moved to another disk"),
    "EADDRINUSE": QT_TRANSLATE_NOOP("SystemErrors", "the address is already in use"),
    "ECONNREFUSED": QT_TRANSLATE_NOOP("SystemErrors", "the connection was refused"),
    "ECONNRESET": QT_TRANSLATE_NOOP("SystemErrors", "the connection was reset"),
    "ETIMEDOUT": QT_TRANSLATE_NOOP("SystemErrors", "the connection timed out"),
    "EHOSTUNREACH": QT_TRANSLATE_NOOP("SystemErrors", "the host cannot be reached"),
    "ENETUNREACH": QT_TRANSLATE_NOOP("SystemErrors", "the network cannot be reached"),
}
OS_MEANINGS: dict[int, str] = {getattr(errno, name): text for name, text in _MEANINGS.items() if hasattr(errno, name)}


@functools.cache
def _strerror_codes() -> dict[str, int]:
    """The platform's English for each code (``os.strerror``), as str(OSError) writes it."""
    return {os.strerror(code): code for code in OS_MEANINGS}
