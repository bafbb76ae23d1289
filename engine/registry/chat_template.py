"""A model's own chat template (``tokenizer.chat_template`` in the GGUF), run with limits.

The template comes with a downloaded file, so it is untrusted code: a nested loop can spin
forever, ``'x' * 3e9`` or ``tojson(indent=2e8)`` can take gigabytes. The template renders
in :class:`engine.sandbox.LimitedSandbox` (every loop, call, filter and
concatenation counted or size-checked as it runs, under a wall-clock budget), in the text
worker, and in a child process of its own with a memory cap and a wall-clock kill
(engine/registry/template_child.py), since one step too big or too slow finishes before
any count sees it. At import, :func:`validate` parses it and renders a sample
conversation the same way, so a broken template is refused with its reason instead of
failing every chat later with "internal error".

This module imports llama_cpp only inside :func:`formatter` (it runs in the worker); the
import-time check needs only Jinja.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import jinja2
import jinja2.ext
from jinja2 import TemplateSyntaxError

from engine.errors import BadInput
from engine import sandbox as render

RENDER_SECONDS = 2.0
"""A real chat template renders a long conversation in milliseconds."""
MAX_PROMPT_CHARS = 4_000_000
WHERE = "The model's chat template"

SAMPLE_CONVERSATION = (
    {"role": "system", "content": "You are a helpful assistant."},
    {"role": "user", "content": "Hello, 你好?"},
    {"role": "assistant", "content": "Hello! How can I help?"},
    {"role": "user", "content": "Write one sentence about tea."},
)


class _IgnoreGenerationTags(jinja2.ext.Extension):
    """HuggingFace's ``{% generation %}`` tag passes through (as llama-cpp-python does)."""

    tags = {"generation"}

    def parse(self, parser: Any) -> Any:
        parser.stream.skip(1)
        return parser.parse_statements(("name:endgeneration",), drop_needle=True)


def _tojson(x: Any, ensure_ascii: bool = False, indent: int | None = None, separators: Any = None,
            sort_keys: bool = False) -> str:
    import json

    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def environment() -> render.LimitedSandbox:
    env = render.LimitedSandbox(loader=jinja2.BaseLoader(), trim_blocks=True, lstrip_blocks=True,
                                extensions=[_IgnoreGenerationTags, jinja2.ext.loopcontrols])
    env.filters["tojson"] = render._guarded_filter("tojson", _tojson)
    return env


def compile_template(source: str) -> Any:
    """The template compiled with its guards; BadInput for a syntax error."""
    try:
        return environment().compile_limited(source)
    except TemplateSyntaxError as exc:
        raise BadInput(f"{WHERE} does not parse (line {exc.lineno}: {exc.message}); Airlock will not use "
                       "this model file.") from exc


def render_limited(template: Any, **values: Any) -> str:
    """Render a compiled template under the limits; BadInput saying which limit."""
    def raise_exception(message: str) -> None:
        raise ValueError(message)

    with render.budget(WHERE, RENDER_SECONDS) as limits:
        try:
            parts, size = [], 0
            for chunk in template.generate(raise_exception=raise_exception, **values):
                parts.append(chunk)
                size += len(chunk)
                if size > MAX_PROMPT_CHARS:
                    raise BadInput(f"{WHERE} renders more than {MAX_PROMPT_CHARS:,} characters.")
                limits.check_time()
            return "".join(parts)
        except BadInput:
            raise
        except jinja2.exceptions.SecurityError as exc:
            raise BadInput(f"{WHERE} tried something templates may not do ({exc}).") from exc
        except (jinja2.TemplateError, TypeError, ValueError, ArithmeticError, KeyError,
                AttributeError, IndexError) as exc:
            raise BadInput(f"{WHERE} failed to render ({exc}).") from exc


def validate(source: str, *, bos_token: str = "", eos_token: str = "") -> None:
    """At import: the template parses and renders a sample conversation within the limits,
    in a child process with a memory cap and a wall-clock kill (BadInput with the reason
    otherwise)."""
    from engine.registry.template_child import TemplateChild

    child = TemplateChild()  # parsing too: Jinja's constant folding runs filters while it compiles
    try:
        child.render(source, {"messages": list(SAMPLE_CONVERSATION), "bos_token": bos_token,
                              "eos_token": eos_token, "add_generation_prompt": True}, seconds=RENDER_SECONDS)
    finally:
        child.close()


class _LimitedTemplate:
    """Stands in for the compiled Jinja template inside llama-cpp-python's formatter: every
    render goes to the model's rendering child (engine/registry/template_child.py)."""

    def __init__(self, source: str):
        from engine.registry.template_child import TemplateChild

        self.source = source  # compiled in the child (Jinja folds constant filters while compiling)
        self.child = TemplateChild()
        self.child.start()

    def render(self, **values: Any) -> str:
        return self.child.render(self.source, values, seconds=RENDER_SECONDS)

    def close(self) -> None:
        self.child.close()


def formatter(source: str, *, eos_token: str, bos_token: str, stop_token_ids: list[int]) -> Any:
    """In the text worker: llama-cpp-python's Jinja2ChatFormatter whose template renders
    with the limits (a template that fails now is BadInput, which fails just that job)."""
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    chat = Jinja2ChatFormatter(template="", eos_token=eos_token, bos_token=bos_token, stop_token_ids=stop_token_ids)
    chat.template = source
    chat._environment = _LimitedTemplate(source)
    return chat


class _Uncompiled:
    """What llama-cpp-python gets instead of its Jinja2ChatFormatter while it loads a model:
    the loader compiles every chat template in the GGUF, in a plain Jinja sandbox whose
    constant folding runs filters and operators (``'x' | center(3000000000)``,
    ``10 ** 100 ** …``) at compile time, in the worker, without limits. Airlock never uses
    llama.cpp's chat handlers (the worker renders through :func:`formatter`), so this keeps
    the text and compiles nothing."""

    def __init__(self, template: str, *args: Any, **kwargs: Any) -> None:
        self.template = template

    def to_chat_handler(self) -> Any:
        def refuse(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("Airlock renders chat templates itself (engine/registry/chat_template.py).")

        return refuse


@contextlib.contextmanager
def loading_without_compiling() -> Iterator[None]:
    """Around ``llama_cpp.Llama(...)`` in the text worker: the loader compiles no template
    (see :class:`_Uncompiled`)."""
    from llama_cpp import llama_chat_format

    original = llama_chat_format.Jinja2ChatFormatter
    llama_chat_format.Jinja2ChatFormatter = _Uncompiled  # type: ignore[misc,assignment]
    try:
        yield
    finally:
        llama_chat_format.Jinja2ChatFormatter = original  # type: ignore[misc]


def close_formatter(chat: Any) -> None:
    """Stop the rendering child of a :func:`formatter` (the model is unloaded)."""
    close = getattr(getattr(chat, "_environment", None), "close", None)
    if close is not None:
        close()
