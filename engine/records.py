"""Record steps: the one list every stored generation passes through before it is written.

Text and image runs, template runs, batch rows and API calls all end in
``History.add``; it hands the record to each step in order. A step takes the record (a
dict of ``generations`` columns, ``params`` as a dict) and returns it, changed or not.
Today the brand-voice check is one; audit, PII redaction and encryption join here, so
none of them depends on which front end made the generation.

Content is stored outside a finished record too: the text streamed so far while a
generation runs, a conversation's title, a batch row's inputs and drafts, a knowledge
document's chunks. Those pass the *text steps* (:meth:`RecordSteps.apply_text`), so a
rule about stored content (PII masking in history mode) holds there as well.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Record = dict[str, Any]
RecordStep = Callable[[Record], Record]
TextStep = Callable[[Any], Any]


class RecordSteps:
    """An ordered, named list of steps; a name appears once (adding it again replaces it)."""

    def __init__(self) -> None:
        self._steps: list[tuple[str, RecordStep]] = []
        self._text_steps: list[tuple[str, TextStep]] = []

    def add(self, name: str, step: RecordStep) -> None:
        self._steps = [(n, s) for n, s in self._steps if n != name] + [(name, step)]

    def remove(self, name: str) -> None:
        self._steps = [(n, s) for n, s in self._steps if n != name]

    @property
    def names(self) -> list[str]:
        return [n for n, _ in self._steps]

    def apply(self, record: Record) -> Record:
        for _, step in self._steps:
            record = step(record)
        return record

    def add_text(self, name: str, step: TextStep) -> None:
        """A step for content stored beside records: it takes a string, or a dict/list
        of them (a batch row's inputs), and returns it changed or not."""
        self._text_steps = [(n, s) for n, s in self._text_steps if n != name] + [(name, step)]

    def apply_text(self, value: Any) -> Any:
        """``value`` as it may be stored (see the module's docstring)."""
        for _, step in self._text_steps:
            value = step(value)
        return value
