"""Real-window screenshots of every page in both languages, for the README and for review.

Starts Xvfb, runs the app with the xcb platform (a real X window, not offscreen), saves
<page>-<language>.png into a temporary folder and checks none of them is blank. The test
never writes docs/screenshots (a run must not dirty git, and a page that fails to render
must fail here, not pass on an old committed picture); `make screenshots` refreshes those
on purpose with the same script.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.qt import QImage
from tests.gui.take_screenshots import PAGES

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


def free_display() -> int:
    for number in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (make system-deps)")
def test_every_page_in_both_languages_is_captured_and_not_blank(tmp_path):
    shots = tmp_path / "shots"
    display = free_display()
    xvfb = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        env = {**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(REPO)}
        result = subprocess.run([sys.executable, str(Path(__file__).with_name("take_screenshots.py")),
                                 str(shots), str(tmp_path / "home")], env=env, capture_output=True,
                                text=True, timeout=240)
        assert result.returncode == 0, result.stderr[-3000:]
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    for page in PAGES:
        for language in ("en", "zh_TW"):
            image = QImage(str(shots / f"{page}-{language}.png"))
            assert image.width() == 1280 and image.height() == 800
            colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
            assert len(colours) > 20, f"{page}-{language}.png looks blank"
