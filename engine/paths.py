"""Where Airlock's own files are: the ``resources/`` and ``models/`` folders of the checkout
(or of the PyInstaller bundle).

They are plain folders, not Python packages: names as generic as ``resources`` and
``models`` would clash with other installed packages or a folder in the working directory.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))
RESOURCES = ROOT / "resources"
TRANSLATIONS = RESOURCES / "translations"
MODELS = ROOT / "models"
