"""Files the app ships with: translations, style, the default template pack, and the
configs that let image checkpoints load offline. ``RESOURCES`` is their folder."""

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent
TRANSLATIONS = RESOURCES / "translations"
