"""A GGUF's chat template, shown on import with its hash, and flagged when it holds
constructs a chat template has no business using.

A chat template is Jinja code that comes inside the model file: it runs on every
message. llama.cpp and Airlock render it in a sandbox (the limits on rendering are the
reliability issue's); this check is what a person sees first: reaching into Python
objects (``__class__``, ``__globals__``, ``mro``), loading other templates, names of
process or file functions, huge loops, and sheer size.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

MAX_TEMPLATE_CHARS = 64_000

SUSPICIOUS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    # (reason, pattern, look inside string literals too)
    ("reaches Python internals (double-underscore attributes)", re.compile(r"__\w+__"), True),
    ("walks Python's class tree", re.compile(r"\b(?:mro|subclasses|func_globals|gi_frame|f_globals)\b"), True),
    ("loads other templates", re.compile(r"^-?\s*(?:include|import|from|extends)\b", re.M), False),
    ("names process or file functions",
     re.compile(r"\b(?:popen|subprocess|system|eval|exec|compile|open|getattr|import_module)\s*\("
                r"|\b(?:os|sys|builtins|subprocess|importlib)\s*\."), False),
    ("uses Jinja globals that reach the runtime", re.compile(r"\b(?:lipsum|cycler|joiner|namespace)\s*\.\s*_"), True),
    ("loops over a very large range", re.compile(r"range\(\s*\d{5,}"), False),
    ("repeats a string a very large number of times", re.compile(r"\*\s*\d{5,}"), False),
)

_CODE = re.compile(r"\{([{%])(.*?)[}%]\}", re.S)
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


@dataclass(frozen=True)
class TemplateReport:
    sha256: str
    chars: int
    flags: list[str]


def inspect_template(template: str) -> TemplateReport:
    """The template's sha256 and the reasons it looks suspicious (empty when it does not)."""
    blocks = [m.group(2) for m in _CODE.finditer(template)]  # what Jinja runs; the rest is literal text
    code = "\n".join(blocks)
    bare = "\n".join(_STRING.sub("''", block) for block in blocks)
    flags = [reason for reason, pattern, in_strings in SUSPICIOUS if pattern.search(code if in_strings else bare)]
    if len(template) > MAX_TEMPLATE_CHARS:
        flags.append(f"is unusually long ({len(template):,} characters)")
    return TemplateReport(sha256=hashlib.sha256(template.encode("utf-8")).hexdigest(), chars=len(template),
                          flags=flags)
