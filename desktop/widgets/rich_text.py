"""Answers and questions shown as written.

Mail and letters are the main job, so every line break is kept and only Markdown that
cannot be mistaken for plain writing is rendered: headings with ``#``, lists, emphasis,
code fences, links, tables. Setext headings (a line followed by ``---`` or ``===``, as a
signature above a rule would be) and indented code (a letter's indented address) stay
plain text, and HTML in the text is shown, not run. Copy always gives the raw text.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

_MARKDOWN = (MarkdownIt("commonmark", {"breaks": True, "html": False, "linkify": False})
             .enable("table").disable(["lheading", "code"]))


def to_html(text: str) -> str:
    """``text`` as HTML for a rich-text label: faithful line breaks, unambiguous Markdown."""
    return _MARKDOWN.render(text)
