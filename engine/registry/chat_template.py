"""A model's own chat template (``tokenizer.chat_template`` in the GGUF), run with limits.

The template comes with a downloaded file, so it is untrusted code: a nested loop can spin
forever, ``'x' * 3e9`` or ``tojson(indent=2e8)`` can take gigabytes. The template renders
in :class:`engine.sandbox.LimitedSandbox` (every loop, call, filter and
concatenation counted or size-checked as it runs, under a wall-clock budget), in the text
worker. At import, :func:`validate` parses it and renders a sample conversation within
the same limits, so a broken template is refused with its reason instead of failing
every chat later with "internal error".

This module imports llama_cpp only inside :func:`formatter` (it runs in the worker); the
import-time check needs only Jinja.
"""

from __future__ import annotations

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
    """At import: the template parses and renders a sample conversation within the limits
    (BadInput with the reason otherwise)."""
    template = compile_template(source)
    render_limited(template, messages=list(SAMPLE_CONVERSATION), bos_token=bos_token, eos_token=eos_token,
                   add_generation_prompt=True, strftime_now=lambda f: "")


class _LimitedTemplate:
    """Stands in for the compiled Jinja template inside llama-cpp-python's formatter."""

    def __init__(self, source: str):
        self.compiled = compile_template(source)

    def render(self, **values: Any) -> str:
        values.pop("raise_exception", None)  # render_limited passes its own
        return render_limited(self.compiled, **values)


def formatter(source: str, *, eos_token: str, bos_token: str, stop_token_ids: list[int]) -> Any:
    """In the text worker: llama-cpp-python's Jinja2ChatFormatter whose template renders
    with the limits (a template that fails now is BadInput, which fails just that job)."""
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    chat = Jinja2ChatFormatter(template="", eos_token=eos_token, bos_token=bos_token, stop_token_ids=stop_token_ids)
    chat.template = source
    chat._environment = _LimitedTemplate(source)
    return chat
