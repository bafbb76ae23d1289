"""Starting the desktop app: Qt application, language, theme, workspace, main window."""

from __future__ import annotations

import logging
import os
import sys

from desktop import demo, i18n
from desktop.main_window import MainWindow
from desktop.preferences import Preferences
from desktop.qt import QApplication, QCoreApplication, QEvent, QIcon, QInputDialog, QLineEdit, QTimer
from desktop.theme import apply_theme
from engine.errors import AirlockError
from engine.workspace import Workspace
from engine.paths import RESOURCES

log = logging.getLogger(__name__)

QUIT_AFTER_VARIABLE = "AIRLOCK_QUIT_AFTER_MS"
"""When set to a number of milliseconds, the window closes itself (as if the person closed
it) that long after it is shown: how the frozen smoke test checks a clean quit."""


def create_window(ws: Workspace, app: QApplication) -> MainWindow:
    prefs = Preferences(ws.home.root)
    i18n.apply_language(app, prefs.get("language"))
    apply_theme(app, prefs.get("theme"))
    window = MainWindow(ws, prefs)
    demo.install(window)  # the demo banner, or the menu entry that opens a demo
    show_cleanup(window, ws)
    return window


def show_cleanup(window: MainWindow, ws: Workspace) -> None:
    """While the purge due at start runs (on its own thread: engine/trust/install.Cleanup),
    the status bar says so; it is cleared when the purge ends."""
    task = getattr(ws, "cleanup", None)
    if task is None or task.done.is_set():
        return
    def text() -> str:
        return QCoreApplication.translate("Cleanup", "Removing old history in the background…")

    shown = [text()]
    window.statusBar().showMessage(shown[0])
    timer = QTimer(window)
    timer.setInterval(250)

    def check() -> None:
        bar = window.statusBar()
        if task.done.is_set():
            timer.stop()
            if bar.currentMessage() == shown[0]:
                bar.clearMessage()
        elif bar.currentMessage() == shown[0] and text() != shown[0]:  # the language was switched
            shown[0] = text()
            bar.showMessage(shown[0])

    timer.timeout.connect(check)
    timer.start()


def open_workspace(home: str | None, app: QApplication) -> Workspace | None:
    """Open the home, asking for the passphrase when its database is encrypted with one
    (engine/trust/encryption.py); None when the person gives up."""
    from engine.home import resolve_home
    from engine.trust.encryption import WRONG_KEY, NeedsPassphrase

    i18n.apply_language(app, Preferences(resolve_home(home).root).get("language"))
    passphrase: str | None = None
    while True:
        try:
            return Workspace.open(home, process_name="app", passphrase=passphrase)
        except AirlockError as exc:
            if not isinstance(exc, NeedsPassphrase) and str(exc) != WRONG_KEY:
                raise
            text = (QCoreApplication.translate("Unlock", "The passphrase is wrong. Try again:")
                    if passphrase else
                    QCoreApplication.translate("Unlock", "Airlock's history is encrypted. Enter its passphrase:"))
            passphrase, ok = QInputDialog.getText(None, QCoreApplication.translate("Unlock", "Unlock Airlock"),
                                                  text, QLineEdit.EchoMode.Password)
            if not ok:
                return None


def run_app(home: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Airlock")
    app.setOrganizationName("Airlock")
    icon = RESOURCES / "icons" / "airlock.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    try:
        ws = open_workspace(home, app)
    except AirlockError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    if ws is None:  # the person closed the passphrase prompt
        return 2
    window = create_window(ws, app)
    window.show()
    log.info("main window shown: %s", window.windowTitle())
    QTimer.singleShot(0, window.chat.preload)  # load the model after the window is up
    quit_after = os.environ.get(QUIT_AFTER_VARIABLE, "")
    if quit_after.isdigit():  # the frozen smoke test (tests/packaging/frozen_smoke.py)
        QTimer.singleShot(int(quit_after), window.close)
    try:
        return app.exec()
    finally:
        # The window goes before its workspace: no page may read a closed database on a
        # late event (a language switch in the same process, as in the demo's tests).
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        ws.close()
