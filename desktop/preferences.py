"""The desktop app's preferences, kept in ``settings.ini`` inside the data home.

Kept with the data (not in the user's registry/config folder) so that a home copied to
another machine, or a test's temporary home, carries its own settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.qt import QLocale, QSettings

DEFAULTS: dict[str, Any] = {
    "theme": "light",
    "default_model": "smollm2-135m",
    "threads": 0,  # 0: one per physical core
    "gpu_policy": "auto",  # auto, cpu, or a number of layers
    "overflow": "truncate",
    "last_page": 0,
}


def system_language() -> str:
    return "zh_TW" if QLocale.system().name().startswith("zh") else "en"


class Preferences:
    def __init__(self, home_root: Path):
        self.settings = QSettings(str(home_root / "settings.ini"), QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        default = system_language() if key == "language" else DEFAULTS.get(key)
        value = self.settings.value(key, default)
        if isinstance(default, int) and not isinstance(value, int):
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        return value

    def set(self, key: str, value: Any) -> None:
        self.settings.setValue(key, value)

    def bytes(self, key: str) -> Any:
        return self.settings.value(key)

    def sync(self) -> None:
        self.settings.sync()
