"""A conversation's title from its first question.

The chat list shows titles one line wide, so a title is the first line that says
something: Markdown heading lines ("## Scene", as the SWIFT builder writes them) and
emphasis marks are skipped, and runs of white space become one space.
"""

from __future__ import annotations

import re

MAX_TITLE = 80
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MARKS = re.compile(r"(\*\*|__|`)")


def title_from_prompt(prompt: str) -> str:
    """The first non-heading line of ``prompt``, plain and at most 80 characters; the first
    heading's text when there is nothing else."""
    heading = ""
    for line in prompt.splitlines():
        text = line.strip()
        if not text:
            continue
        match = _HEADING.match(line)
        if match:
            heading = heading or match.group(1)
            continue
        text = text.lstrip("-*> ").strip() or text
        return _clip(text)
    return _clip(heading or prompt)


def _clip(text: str) -> str:
    return " ".join(_MARKS.sub("", text).split())[:MAX_TITLE]
