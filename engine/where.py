"""One SQL ``WHERE`` clause from optional filters, for every store that lists rows.

History, the audit log and the template library each take a handful of optional filters
(a model, a kind, a date range, a text); a filter left out adds nothing. Written once here,
a store lists its filters one line each instead of an ``if`` and two appends per filter,
and every clause keeps its value as a ``?`` parameter, never pasted into the SQL.
It imports nothing from the engine, so any package (store, trust, prompts) may use it.
"""

from __future__ import annotations

from typing import Any


def _given(value: Any) -> bool:
    """A filter counts when it has a value: None and the empty string mean "any"."""
    return value is not None and value != ""


class Where:
    """Clauses joined by ``and``, with their parameters in order.

    >>> w = Where().add("kind = ?", "text").add("model = ?", None).add("id < ?", 0)
    >>> w.sql(), w.params
    (' where kind = ? and id < ?', ['text', 0])
    """

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any, when: bool | None = None) -> "Where":
        """Add ``clause`` (``?`` placeholders, one per param) when ``when`` is true, or,
        without ``when``, when every param has a value (not None, not empty)."""
        if when if when is not None else all(_given(p) for p in params):
            self.clauses.append(clause)
            self.params.extend(params)
        return self

    def sql(self) -> str:
        """`` where a and b`` (empty when no filter was given)."""
        return " where " + " and ".join(self.clauses) if self.clauses else ""

    def and_sql(self) -> str:
        """`` and a and b``, to follow a condition the query already has."""
        return "".join(f" and {c}" for c in self.clauses)
