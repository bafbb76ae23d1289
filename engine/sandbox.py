"""Running untrusted Jinja templates with limits they cannot outrun.

Airlock's own templates (engine/prompts/render.py) and a model's chat template
(engine/registry/chat_template.py) both render in a :class:`LimitedSandbox`: Jinja2's
immutable sandbox, with every loop, call, filter, concatenation, ``+``, ``*``, ``%`` and
``**`` counted or size-checked *while it runs*, under one wall-clock :func:`budget`. So a
self-calling macro, a string that doubles forty times, ``center(3e9)`` or
``tojson(indent=2e8)`` stop at their first step past a limit with one sentence, instead
of running forever or taking gigabytes before an output cap is reached.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from engine.errors import BadInput

MAX_RENDER_SECONDS = 2.0
MAX_REPEAT_CHARS = 100_000
MAX_LOOP_ITERATIONS = 200_000
LOOP_GUARD = "airlock_loop_guard"
SIZE_GUARD = "airlock_size_guard"
MAX_VALUE_CHARS = 1_000_000
"""No string or list a template builds while it runs may be longer than this (checked as
each value is made: a doubling string stops at its first step past the limit, not at the
output cap after gigabytes)."""
MAX_CALLS = 100_000
"""Macro, method and filter calls in one render (a self-calling macro ends here)."""
MAX_NUMBER_ARGUMENT = 100_000
"""A width, indent or count given to a filter or method (``center(3e9)``, ``tojson(indent=2e8)``)."""


class _Budget:
    """How much one render may still loop, and until when."""

    def __init__(self, where: str, seconds: float = MAX_RENDER_SECONDS):
        self.where = where
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.iterations = 0
        self.calls = 0

    def tick(self) -> None:
        self.iterations += 1
        if self.iterations > MAX_LOOP_ITERATIONS:
            raise BadInput(f"{self.where} loops more than {MAX_LOOP_ITERATIONS:,} times.")
        if self.iterations % 1000 == 0:
            self.check_time()

    def call(self) -> None:
        self.calls += 1
        if self.calls > MAX_CALLS:
            raise BadInput(f"{self.where} makes more than {MAX_CALLS:,} calls (a macro that calls itself?).")
        self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise BadInput(f"{self.where} took longer than {self.seconds:.0f} seconds to render.")


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("template_budget", default=None)


def _loop_guard(iterable: Iterable[Any]) -> Iterator[Any]:
    budget = _BUDGET.get()
    for item in iterable:
        if budget is not None:
            budget.tick()
        yield item


def _size_guard(value: Any) -> Any:
    """Every ``~`` concatenation passes here (the compiled tree is rewritten to call it)."""
    _check_size(value)
    return value


def _check_size(value: Any) -> None:
    if isinstance(value, (str, list, tuple, dict)) and len(value) > MAX_VALUE_CHARS:
        budget = _BUDGET.get()
        where = budget.where if budget else "The template"
        raise BadInput(f"{where} builds a value of more than {MAX_VALUE_CHARS:,} characters or items.")


def _check_arguments(args: tuple[Any, ...], kwargs: Mapping[str, Any], what: str) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) > MAX_NUMBER_ARGUMENT:
            raise BadInput(f"A template asked {what} for a size of {value:g}; the most is {MAX_NUMBER_ARGUMENT:,}.")
        if isinstance(value, str) and _HUGE_WIDTH.search(value):
            raise BadInput(f"A template asked {what} for a field wider than {MAX_NUMBER_ARGUMENT:,} characters.")


_HUGE_WIDTH = re.compile(r"[{%:]\D{0,3}\d{6,}")
"""A format field such as ``{:>999999999}`` or ``%999999999s``."""


def _guarded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        budget = _BUDGET.get()
        if budget is not None:
            budget.call()
        _check_arguments(args[1:] if args else args, kwargs, f"the '{name}' filter")
        result = function(*args, **kwargs)
        _check_size(result)
        return result

    for attribute in ("jinja_pass_arg",):  # keep how Jinja passes the context or environment
        if hasattr(function, attribute):
            setattr(guarded, attribute, getattr(function, attribute))
    return guarded


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """An immutable sandbox whose every loop, call, filter, concatenation, ``+``, ``*``,
    ``%`` and ``**`` is counted or size-checked while it runs, under one wall-clock budget
    (:func:`budget`). Airlock's templates render in :class:`PromptSandbox`; a model's own
    chat template renders in one of these in the text worker."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = {name: _guarded_filter(name, f) for name, f in self.filters.items()}
        self.globals[LOOP_GUARD] = _loop_guard
        self.globals[SIZE_GUARD] = _size_guard

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        budget = _BUDGET.get()
        if budget is not None:
            budget.call()
        if not getattr(__obj, "checks_own_limits", False):  # range() in templates says its own limit
            owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)  # 'x'.center(...), '{:>9999999}'.format(...)
            _check_arguments((*args, owner) if isinstance(owner, str) else args, kwargs, "a function")
        result = super().call(__context, __obj, *args, **kwargs)
        _check_size(result)
        return result

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            if isinstance(right, (int, float)) and abs(right) > 100:
                raise BadInput("Powers above 100 are not allowed in templates.")
            return left**right
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int):
                    if len(seq) * max(count, 0) > MAX_REPEAT_CHARS:
                        raise BadInput("A template tried to repeat text beyond "
                                       f"{MAX_REPEAT_CHARS:,} characters.")
            return left * right
        if operator == "%" and isinstance(left, str):
            _check_arguments((left,), {}, "'%' formatting")
        result = super().call_binop(context, operator, left, right)
        _check_size(result)
        return result

    def compile_limited(self, source: str) -> Any:
        """The template with every loop and concatenation wrapped in its guard (a rewrite of
        the parsed tree, so nothing runs unwatched). Raises TemplateSyntaxError."""
        tree = self.parse(source)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(nodes.Name(LOOP_GUARD, "load", lineno=loop.lineno), [loop.iter], [], None,
                                   None, lineno=loop.lineno)
        for parent in list(tree.find_all(nodes.Node)):
            for field in parent.fields:
                value = getattr(parent, field, None)
                if isinstance(value, nodes.Concat):
                    setattr(parent, field, _wrap(value))
                elif isinstance(value, list):
                    setattr(parent, field, [_wrap(v) if isinstance(v, nodes.Concat) else v for v in value])
        code = self.compile(tree)
        return self.template_class.from_code(self, code, self.make_globals(None), None)


def _wrap(node: nodes.Concat) -> nodes.Call:
    return nodes.Call(nodes.Name(SIZE_GUARD, "load", lineno=node.lineno), [node], [], None, None,
                      lineno=node.lineno)


@contextlib.contextmanager
def budget(where: str, seconds: float = MAX_RENDER_SECONDS) -> Iterator[_Budget]:
    """One render's limits: everything a :class:`LimitedSandbox` runs inside the block
    counts against them; a MemoryError becomes one sentence, not an empty message."""
    current = _Budget(where, seconds)
    token = _BUDGET.set(current)
    try:
        yield current
    except MemoryError:
        raise BadInput(f"{where} needed more memory than a template may use.") from None
    except RecursionError:
        raise BadInput(f"{where} nests too deeply to render.") from None
    finally:
        _BUDGET.reset(token)
