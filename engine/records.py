"""Record steps: the one list every stored generation passes through before it is written.

Text and image runs, template runs, batch rows and API calls all end in
``History.add``; it hands the record to each step in order. A step takes the record (a
dict of ``generations`` columns, ``params`` as a dict) and returns it, changed or not.
Today the brand-voice check is one; audit, PII redaction and encryption join here, so
none of them depends on which front end made the generation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Record = dict[str, Any]
RecordStep = Callable[[Record], Record]


class RecordSteps:
    """An ordered, named list of steps; a name appears once (adding it again replaces it)."""

    def __init__(self) -> None:
        self._steps: list[tuple[str, RecordStep]] = []

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
