"""Rendering template bodies safely: Jinja2 in an immutable sandbox, checked before use.

Templates come from packs that other people wrote, so a body is treated as untrusted
code. Three layers keep it in its box:

1. A static check of the parsed template refuses what a prompt never needs: names that
   are not declared variables (``{{ config }}``, ``{{ self }}``), attributes or keys that
   start with an underscore (``''.__class__``), ``include``/``import``/``extends``.
2. Jinja2's ``ImmutableSandboxedEnvironment`` refuses unsafe attribute access at render
   time (``|attr('__class__')``, ``'{0.__class__}'.format(x)``) and any mutation of
   lists or dicts; its globals are cut down to ``range`` (capped) and ``namespace``.
3. Resource limits: ``*`` and ``**`` cannot build huge values, ``range`` stops at
   :data:`MAX_RANGE`, every ``for`` loop is wrapped in a guard that counts iterations
   (:data:`MAX_LOOP_ITERATIONS`) and watches the clock (:data:`MAX_RENDER_SECONDS`), so
   even loops that print nothing end, and the output stops at :data:`MAX_OUTPUT_CHARS`.

Every refusal is a :class:`engine.errors.BadInput` with one sentence a person can act on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError, TemplateError, UndefinedError

from engine.errors import BadInput
from engine.sandbox import (LOOP_GUARD, MAX_CALLS, MAX_LOOP_ITERATIONS, MAX_NUMBER_ARGUMENT,  # noqa: F401
                            MAX_RENDER_SECONDS, MAX_REPEAT_CHARS, MAX_VALUE_CHARS, SIZE_GUARD, LimitedSandbox,
                            _loop_guard, _size_guard, budget)

MAX_BODY_CHARS = 100_000
MAX_OUTPUT_CHARS = 200_000
MAX_RANGE = 1_000
RESERVED_NAMES = frozenset({"knowledge", "range", "namespace", "loop", "self", "true", "false",
                            "none", "True", "False", "None", "caller", "varargs", "kwargs", LOOP_GUARD})
"""Names a template variable may not take: Jinja's own, and ``knowledge`` (the snippets
Airlock fills in)."""

BUILTIN_NAMES = frozenset({"knowledge", "range", "namespace", "loop", "caller", "varargs", "kwargs"})
"""Names a body may use without declaring them."""

_FORBIDDEN_NODES = {
    nodes.Include: "include other templates",
    nodes.Import: "import other templates",
    nodes.FromImport: "import other templates",
    nodes.Extends: "extend other templates",
}


def _capped_range(*args: int) -> range:
    values = range(*args)
    if len(values) > MAX_RANGE:
        raise BadInput(f"range() in a template may produce at most {MAX_RANGE} numbers.")
    return values


_capped_range.checks_own_limits = True  # type: ignore[attr-defined]


class PromptSandbox(LimitedSandbox):
    """The one Jinja environment templates render in."""

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True,
                         trim_blocks=True, lstrip_blocks=True)
        self.globals = {"range": _capped_range, "namespace": self.globals["namespace"], LOOP_GUARD: _loop_guard,
                        SIZE_GUARD: _size_guard}



_ENV = PromptSandbox()


def environment() -> PromptSandbox:
    return _ENV


def _syntax_message(exc: TemplateSyntaxError, where: str) -> str:
    message = exc.message or "syntax error"
    return f"{where} has a syntax error on line {exc.lineno}: {message.rstrip('.')}."


@dataclass(frozen=True)
class Names:
    """The names a template body reads and the ones it gives values to itself."""

    used: dict[str, int]
    """Every name read, in order of first use, with the line of that use."""
    assigned: frozenset[str]
    """Names the body sets itself: ``{% set %}``, loop variables, macros and their parameters."""

    def undeclared(self, declared: Iterable[str]) -> list[str]:
        """Names read that are neither ``declared`` variables, assigned, nor built in: what
        the renderer refuses, the editor offers to add and the highlighter underlines."""
        known = set(declared) | self.assigned | BUILTIN_NAMES
        return [name for name in self.used if name not in known]


def _names(tree: nodes.Template) -> Names:
    used: dict[str, int] = {}
    for node in tree.find_all(nodes.Name):
        if node.ctx == "load":
            used.setdefault(node.name, node.lineno)
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    assigned |= {n.name for n in tree.find_all(nodes.Macro)}
    return Names(used, frozenset(assigned))


def variable_names(source: str, *, where: str = "The template") -> Names:
    """The one reading of which variables a body uses (renderer, editor and highlighter
    all ask here, so they cannot disagree). BadInput for a syntax error."""
    try:
        return _names(_ENV.parse(source))
    except TemplateSyntaxError as exc:
        raise BadInput(_syntax_message(exc, where)) from exc


def check_source(source: str, declared: set[str] | frozenset[str], *, where: str = "The template") -> set[str]:
    """Parse and check a body; returns the variable names it uses.

    ``declared`` are the template's variable names. Raises BadInput for a syntax error
    (with its line), an undeclared name, an underscore attribute or an include/import.
    """
    if len(source) > MAX_BODY_CHARS:
        raise BadInput(f"{where} is longer than {MAX_BODY_CHARS:,} characters.")
    try:
        tree = _ENV.parse(source)
    except TemplateSyntaxError as exc:
        raise BadInput(_syntax_message(exc, where)) from exc
    for node_type, what in _FORBIDDEN_NODES.items():
        found = next(iter(tree.find_all(node_type)), None)
        if found is not None:
            raise BadInput(f"{where} tries to {what} (line {found.lineno}); templates cannot do that.")
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        attr = node.attr if isinstance(node, nodes.Getattr) else (
            node.arg.value if isinstance(node.arg, nodes.Const) else None)
        if isinstance(attr, str) and attr.startswith("_"):
            raise BadInput(f"{where} reaches for '{attr}' on line {node.lineno}; "
                           "templates may not use names that start with an underscore.")
    for node in tree.find_all(nodes.For):
        if node.recursive:
            raise BadInput(f"{where} uses a recursive loop on line {node.lineno}; templates cannot do that.")
    for node in tree.find_all(nodes.Filter):
        if node.name == "attr":
            raise BadInput(f"{where} uses the 'attr' filter on line {node.lineno}; "
                           "write the variable name instead.")
    names = _names(tree)
    used = names.used
    for name in names.undeclared(declared):
        line = used[name]
        if name == "self":
            raise BadInput(f"{where} uses 'self' on line {line}; templates may only use their own variables.")
        raise BadInput(f"{where} uses '{name}' on line {line}, which is not one of its variables; "
                       "add it to the variables or remove it.")
    return {name for name in used if name in declared}


def render_source(source: str, values: Mapping[str, Any], *, where: str = "The template") -> str:
    """Render a checked body with ``values`` in the sandbox, within the output and time limits."""
    template = _compile(source, where)
    parts: list[str] = []
    size = 0
    try:
        with budget(where) as limits:
            for chunk in template.generate(**dict(values)):
                parts.append(chunk)
                size += len(chunk)
                if size > MAX_OUTPUT_CHARS:
                    raise BadInput(f"{where} renders to more than {MAX_OUTPUT_CHARS:,} characters.")
                limits.check_time()
    except SecurityError as exc:
        raise BadInput(f"{where} tried something templates may not do ({exc}).") from exc
    except UndefinedError as exc:
        raise BadInput(f"{where} uses something that has no value ({exc}).") from exc
    except (TemplateError, TypeError, ValueError, ArithmeticError, OverflowError) as exc:
        if isinstance(exc, BadInput):
            raise
        raise BadInput(f"{where} could not be rendered: {exc}.") from exc
    return "".join(parts)


def _compile(source: str, where: str) -> Any:
    """Compile with every loop's iterable wrapped in the guard (a rewrite of the parsed
    template, so no loop can run unwatched)."""
    try:
        return _ENV.compile_limited(source)
    except TemplateSyntaxError as exc:
        raise BadInput(_syntax_message(exc, where)) from exc


def literal(text: str) -> str:
    """``text`` as a template body that renders to exactly ``text`` (for pasted material
    that may contain ``{{`` or ``{%``)."""
    if not any(mark in text for mark in ("{{", "{%", "{#")):
        return text
    return text.replace("{", "{{ '{' }}")
