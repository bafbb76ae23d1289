"""The top of a page: its title and the hint under it, styled once.

Every page opened with the same five lines (a label named ``pageTitle``, then a wrapped
label named ``meta``); the style sheet keys on those names, so a page that spelled one
differently looked different. The page keeps the labels and sets their text in its
``retranslate()``, as before.
"""

from __future__ import annotations

from desktop.qt import QVBoxLayout, QLabel


def add_title(layout: QVBoxLayout) -> QLabel:
    """A page title (style ``pageTitle``) added to ``layout``."""
    title = QLabel()
    title.setObjectName("pageTitle")
    layout.addWidget(title)
    return title


def add_hint(layout: QVBoxLayout) -> QLabel:
    """A wrapped hint in the muted ``meta`` style, added to ``layout``."""
    hint = QLabel()
    hint.setObjectName("meta")
    hint.setWordWrap(True)
    layout.addWidget(hint)
    return hint


def add_page_header(layout: QVBoxLayout) -> tuple[QLabel, QLabel]:
    """Title and hint, the header of most pages."""
    return add_title(layout), add_hint(layout)
