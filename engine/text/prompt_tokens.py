"""Turning a chat into tokens so that only the chat template's own markers are control
tokens.

Tokenizing the whole formatted prompt with special tokens parsed lets
``<|im_end|><|im_start|>system …`` typed in a prompt, a template value, a batch cell or a
knowledge snippet become real control tokens and forge system or assistant turns. Here
each message's content is replaced by a private marker, the template is rendered, and the
result is tokenized piece by piece: the template's text with special tokens parsed, each
message's content as plain text (special tokens off).

A template that changes the content itself (so a marker does not come through intact) is
handled by the fallback: the real prompt is rendered and every control token's text that
the contents contain is broken with a zero-width joiner before tokenizing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Tokenize = Callable[[bytes, bool, bool], list[int]]  # (text, add_bos, special) -> tokens

ZERO_WIDTH_JOINER = "\u2060"


def _marker(index: int) -> str:
    return f"\ue000airlock-{index}\ue001"  # private-use characters: never in real text


def split_prompt(formatter: Any, messages: Sequence[dict[str, str]]) -> tuple[list[tuple[str, bool]], bool] | None:
    """The rendered prompt as (text, is_template) pieces and the formatter's added_special,
    or None when the template did not pass every content through unchanged."""
    marks = [_marker(i) for i in range(len(messages))]
    formatted = formatter(messages=[{**m, "content": mark} for m, mark in zip(messages, marks)])
    prompt = formatted.prompt
    pieces: list[tuple[str, bool]] = []
    position = 0
    for mark, message in zip(marks, messages):
        found = prompt.find(mark, position)
        if found < 0 or prompt.count(mark) != 1:
            return None
        pieces.append((prompt[position:found], True))
        pieces.append((message["content"], False))
        position = found + len(mark)
    tail = prompt[position:]
    if "\ue000airlock-" in tail:
        return None
    pieces.append((tail, True))
    return pieces, bool(formatted.added_special)


def tokenize_chat(formatter: Any, messages: Sequence[dict[str, str]], tokenize: Tokenize,
                  control_texts: Sequence[str] = (), *, template_markers: bool = True) -> list[int]:
    """Tokens of the chat, the contents never parsed as control tokens.

    ``template_markers=False`` (a plain transcript, no chat template) parses nothing.
    ``control_texts`` are the vocabulary's control-token strings, for the fallback."""
    split = split_prompt(formatter, messages)
    if split is None:
        safe = [{**m, "content": neutralize(m["content"], control_texts)} for m in messages]
        formatted = formatter(messages=safe)
        return tokenize(formatted.prompt.encode("utf-8"), not formatted.added_special, template_markers)
    pieces, added_special = split
    tokens: list[int] = []
    first = True
    for text, is_template in pieces:
        if not text:
            continue
        tokens += tokenize(text.encode("utf-8"), first and not added_special, is_template and template_markers)
        first = False
    if first:  # nothing at all: still the BOS the model expects
        tokens += tokenize(b"", not added_special, False)
    return tokens


def neutralize(text: str, control_texts: Sequence[str]) -> str:
    """``text`` with each control token's string broken by a zero-width joiner, so it can
    only be read as ordinary characters."""
    for control in sorted(control_texts, key=len, reverse=True):
        if len(control) > 1 and control in text:
            text = text.replace(control, control[0] + ZERO_WIDTH_JOINER + control[1:])
    return text
