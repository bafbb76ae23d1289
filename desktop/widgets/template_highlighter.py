"""Syntax highlighting for template bodies: ``{{ variables }}``, ``{% tags %}``, ``{# notes #}``.

Constructs are shown in the accent colour; a name the template uses without declaring
it is underlined in red, so a typo is visible before saving. Which names those are comes
from the engine (engine.prompts.render.variable_names, the renderer's own reading); this
class only finds where they stand. Constructs may span lines (the block state carries
which one is open).
"""

from __future__ import annotations

import re

from desktop.qt import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

_OPEN = {"{{": 1, "{%": 2, "{#": 3}
_CLOSE = {1: "}}", 2: "%}", 3: "#}"}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _utf16(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 code units; an emoji is two of them."""
    return len(text[:index].encode("utf-16-le")) // 2


class TemplateHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, accent: str = "#2f6fde"):
        super().__init__(document)
        self.unknown_names: set[str] = set()
        self.expression = self._format(accent, bold=True)
        self.tag = self._format("#8e44ad", bold=True)
        self.comment = self._format("#7f8c8d", italic=True)
        self.unknown = self._format("#c0392b", bold=True)
        self.unknown.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.unknown.setUnderlineColor(QColor("#c0392b"))

    @staticmethod
    def _format(color: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(color))
        if bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontItalic(italic)
        return fmt

    def set_unknown(self, names: set[str]) -> None:
        """The names to underline (the engine's undeclared names for this text)."""
        if names != self.unknown_names:
            self.unknown_names = set(names)
            self.rehighlight()

    def _apply(self, text: str, start: int, end: int, fmt: QTextCharFormat) -> None:
        a, b = _utf16(text, start), _utf16(text, end)
        if b > a:
            self.setFormat(a, b - a, fmt)

    def highlightBlock(self, text: str) -> None:
        state = max(self.previousBlockState(), 0)
        position = 0
        while position < len(text):
            if state == 0:
                found = [(text.find(mark, position), mark) for mark in _OPEN]
                found = [(i, m) for i, m in found if i >= 0]
                if not found:
                    break
                start, mark = min(found)
                state, search_from = _OPEN[mark], start + 2
            else:  # a construct opened on an earlier line
                start = search_from = position
            close = text.find(_CLOSE[state], search_from)
            end = len(text) if close < 0 else close + 2
            fmt = {1: self.expression, 2: self.tag, 3: self.comment}[state]
            self._apply(text, start, end, fmt)
            if state in (1, 2):
                self._mark_unknown(text, start, end)
            if close < 0:
                break
            state, position = 0, end
        self.setCurrentBlockState(state)

    def _mark_unknown(self, text: str, start: int, end: int) -> None:
        """Underline the unknown names where they are read (not attributes, filters or text in quotes)."""
        inner = text[start:end]
        strings = [(m.start(), m.end()) for m in re.finditer(r"'[^']*'|\"[^\"]*\"", inner)]
        for match in _NAME.finditer(inner):
            if match.group(0) not in self.unknown_names:
                continue
            before = inner[:match.start()].rstrip()
            if before.endswith((".", "|")) or any(a <= match.start() < b for a, b in strings):
                continue  # an attribute, a filter, or inside quotes
            self._apply(text, start + match.start(), start + match.end(), self.unknown)
