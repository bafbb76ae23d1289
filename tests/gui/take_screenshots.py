"""Open the real app in a real X window (Xvfb) and save a PNG of each page in each language.

Run by tests/gui/test_screenshots.py as: python take_screenshots.py OUT_DIR HOME_DIR
(with DISPLAY set and QT_QPA_PLATFORM=xcb). The home gets two real generations from the
default model first, so the pages show real data.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from desktop import i18n
from desktop.app import create_window
from desktop.qt import QApplication, QGuiApplication
from engine import jobs
from engine.text.runner import TextRequest, run_text
from engine.workspace import Workspace

PAGES = ("chat", "images", "templates", "batch", "knowledge", "history", "insights", "models", "settings")
BRAND_GUIDE = """# 山嵐茶器 品牌指南

品牌調性：溫暖、樸實、有手感。我們說「一起慢慢喝茶」，不說「限時搶購」。
主要客群：25–40 歲、重視生活品味的上班族。

## 產品
- 手拉坯茶壺，台灣鶯歌製造，每把約 350 ml。
- 柴燒茶杯，釉色每只不同。
"""


def settle(app: QApplication, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(out_dir: Path, home: Path) -> None:
    app = QApplication(sys.argv[:1])
    ws = Workspace.open(home, process_name="screenshots")
    params = jobs.SamplingParams(max_tokens=120)
    first = run_text(ws, TextRequest(model="smollm2-135m", seed=4, params=params,
                                     prompt="Write a short Instagram caption for a handmade ceramic tea set, with three hashtags."))
    run_text(ws, TextRequest(model="smollm2-135m", seed=5, params=params,
                             conversation_id=first.conversation_id,
                             prompt="Make it warmer and add a call to action."))
    run_text(ws, TextRequest(model="smollm2-135m", seed=6, params=jobs.SamplingParams(max_tokens=60),
                             prompt="請用三句話介紹我們的品牌調性。"))
    from engine.knowledge.base import KnowledgeBase

    KnowledgeBase(ws.db).import_text("品牌資料", "brand-guide.md", BRAND_GUIDE)
    window = create_window(ws, app)
    window.resize(1280, 800)
    window.move(0, 0)
    window.show()
    window.chat.open_conversation(first.conversation_id)
    window.chat.settings_button.setChecked(True)
    window.chat.preload()
    deadline = time.monotonic() + 60
    while window.chat.bridge.busy and time.monotonic() < deadline:
        settle(app, 0.1)
    settle(app, 1.0)
    out_dir.mkdir(parents=True, exist_ok=True)
    for language in ("en", "zh_TW"):
        i18n.apply_language(app, language)
        for page in PAGES:
            window.sidebar.setCurrentRow(window.pages.index(getattr(window, page)))
            if page == "history":
                window.history.table.selectRow(0)
            if page == "templates" and window.templates.browser.list.count() > 1:
                window.templates.browser.list.setCurrentRow(1)
            settle(app)
            shot = QGuiApplication.primaryScreen().grabWindow(0, 0, 0, 1280, 800)
            shot.save(str(out_dir / f"{page}-{language}.png"))
            print(out_dir / f"{page}-{language}.png", flush=True)
    window.close()
    ws.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
