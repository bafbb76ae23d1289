"""A real main window on a temporary home, driven with pytest-qt (offscreen)."""

from __future__ import annotations

import pytest

from desktop import i18n
from desktop.app import create_window
from desktop.qt import QApplication, QEvent


@pytest.fixture
def window(qtbot, workspace):
    app = QApplication.instance()
    win = create_window(workspace, app)
    qtbot.addWidget(win)
    win.show()
    # (qtbot.waitExposed/waitActive are context managers: called bare they wait for nothing.)
    # Activation comes a few events after show(); keyboard tests need the window's focus.
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    yield win
    if win.chat.bridge.busy:
        win.chat.bridge.cancel()
        qtbot.waitUntil(lambda: not win.chat.bridge.busy, timeout=10_000)
    win.chat.bridge.shutdown()
    i18n.apply_language(app, "en")
    dispose(win)


@pytest.fixture
def templates_page(qtbot, workspace):
    """The Templates page on its own, at the main window's minimum size (offscreen warns
    about a smaller one); its edits are dropped afterwards, without asking."""
    from desktop.pages.templates import TemplatesPage

    widget = TemplatesPage(workspace)
    qtbot.addWidget(widget)
    widget.setMinimumSize(1300, 800)
    widget.resize(1300, 800)
    widget.show()
    yield widget
    widget.shutdown()
    widget.dirty = False
    dispose(widget)


def dispose(win) -> None:
    """Close and really delete a window, so later language or theme changes never reach it."""
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
