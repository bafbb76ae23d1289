"""Demo mode in the window: the banner that says this is a throw-away demo, the menu entry
that opens one (a separate Airlock process on its own demo home, so real work stays
untouched), and ``airlock --demo`` itself: make the home, run the app, delete the home.

The home and its sample data come from engine/demo.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.qt import QAction, QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget
from engine import demo


def demo_command() -> list[str]:
    """How to start ``airlock --demo`` from this very installation (frozen or not)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--demo"]
    return [sys.executable, "-m", "desktop.launch", "--demo"]


class DemoBanner(QFrame):
    """A strip over every page: this is a demo, and leaving deletes it."""

    def __init__(self, window: QMainWindow):
        super().__init__()
        self.setObjectName("demoBanner")
        self.setStyleSheet("#demoBanner { background: #fff3c4; border-bottom: 1px solid #e0c060; }"
                           "#demoBanner QLabel { color: #5a4500; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.leave = QPushButton()
        self.leave.clicked.connect(window.close)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.leave)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Demo: sample templates, brand voices, knowledge and customers in a throw-away "
                                   "folder. Nothing here is kept: leaving the demo deletes it."))
        self.leave.setText(self.tr("Leave demo"))

    def changeEvent(self, event: object) -> None:
        from desktop.qt import QEvent

        if event.type() == QEvent.Type.LanguageChange:  # type: ignore[attr-defined]
            self.retranslate()
        super().changeEvent(event)  # type: ignore[arg-type]


class DemoMenu(QWidget):
    """Owns the Help menu's "Try the demo" entry (kept translated)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.hide()
        self.menu = window.menuBar().addMenu("")
        self.action = QAction(self)
        self.action.triggered.connect(self.open_demo)
        self.menu.addAction(self.action)
        self.process: subprocess.Popen | None = None
        self.retranslate()

    def open_demo(self) -> None:
        self.process = subprocess.Popen(demo_command())

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("Help"))
        self.action.setText(self.tr("Try the demo (sample data, deleted afterwards)…"))

    def changeEvent(self, event: object) -> None:
        from desktop.qt import QEvent

        if event.type() == QEvent.Type.LanguageChange:  # type: ignore[attr-defined]
            self.retranslate()
        super().changeEvent(event)  # type: ignore[arg-type]


def install(window: QMainWindow) -> None:
    """Add the banner when the window's home is a demo home, else the menu entry."""
    home = window.ws.home.root  # type: ignore[attr-defined]
    if demo.is_demo(home):
        body = window.takeCentralWidget()
        wrapper = QWidget()
        layout = QVBoxLayout(wrapper)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        window.demo_banner = DemoBanner(window)  # type: ignore[attr-defined]
        layout.addWidget(window.demo_banner)  # type: ignore[attr-defined]
        layout.addWidget(body, 1)
        window.setCentralWidget(wrapper)
        window.setWindowTitle(window.windowTitle())
    else:
        window.demo_menu = DemoMenu(window)  # type: ignore[attr-defined]


def run_demo() -> int:
    """``airlock --demo``: a fresh demo home for this run, deleted when the window closes."""
    from desktop.app import run_app

    demo.remove_stale()
    root: Path = demo.create()
    try:
        return run_app(str(root))
    finally:
        demo.remove(root)
