"""The window icon app.py sets is a real file that renders (it used to point at nothing)."""

from __future__ import annotations

from desktop.qt import QIcon
from engine.paths import RESOURCES


def test_the_window_icon_exists_and_renders(qapp):
    icon = QIcon(str(RESOURCES / "icons" / "airlock.svg"))
    pixmap = icon.pixmap(64, 64)
    assert not pixmap.isNull() and pixmap.width() == 64
    image = pixmap.toImage()
    assert len({image.pixel(x, y) for x in range(0, 64, 4) for y in range(0, 64, 4)}) > 3
