"""Switching the interface language (繁體中文 / English) while the app runs.

Qt sends every widget a LanguageChange event when a translator is installed or removed;
each page answers it by setting its texts again (``retranslate``), so a switch is live.
"""

from __future__ import annotations

from desktop.qt import QApplication, QLocale, QTranslator
from engine.paths import TRANSLATIONS

LANGUAGES = {"en": "English", "zh_TW": "繁體中文"}

_installed: list[QTranslator] = []
_current = ["en"]


def current_language() -> str:
    return _current[0]


def apply_language(app: QApplication, code: str) -> bool:
    """Install the translation for ``code``; returns False if it could not be loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = "en"
    if code == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    translator = QTranslator(app)
    if not translator.load(str(TRANSLATIONS / f"airlock_{code}.qm")):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    qt_translator = QTranslator(app)  # Qt's own strings: standard buttons, dialogs
    from PySide6.QtCore import QLibraryInfo

    if qt_translator.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    QLocale.setDefault(QLocale(code))
    _current[0] = code
    return True
