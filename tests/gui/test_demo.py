"""Demo mode: `airlock --demo` opens a throw-away home with the sample data and a banner,
and leaving it deletes the home and leaves no process behind."""

from __future__ import annotations

import tempfile

import psutil
import pytest

from desktop import demo as demo_ui
from desktop.app import create_window
from desktop.qt import QApplication, QTimer
from engine import demo
from engine.errors import BadInput
from engine.workspace import Workspace
from tests.gui.conftest import dispose


def test_demo_home_has_the_samples_and_a_banner(qtbot, tmp_path):
    root = demo.create(tmp_path / "tmp")
    ws = Workspace.open(root)
    try:
        window = create_window(ws, QApplication.instance())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.demo_banner.isVisible() and "deletes it" in window.demo_banner.label.text()
        assert not hasattr(window, "demo_menu")
        assert "smollm2-135m" in [m.name for m in ws.registry.list()]
        assert len(ws.templates.list()) >= 10
        assert {"山嵐茶飲（範例品牌語氣）", "Northwind Outdoor (example voice)"} <= {v.name for v in ws.voices.list()}
        assert {d["name"] for d in ws.knowledge.documents()} == set(demo.KNOWLEDGE_FILES)
        assert ws.knowledge.search("TrailLite") and ws.knowledge.search("烏龍")
        assert (root / "samples" / "sample-customers.csv").read_text(encoding="utf-8-sig").startswith("customer_name")
        window.chat.bridge.shutdown()
        dispose(window)
    finally:
        ws.close()
    demo.remove(root)
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_real_home_gets_the_menu_entry_and_is_never_removed(window, home):
    assert window.demo_menu.action.text().startswith("Try the demo")
    assert demo_ui.demo_command()[-1] == "--demo"
    with pytest.raises(BadInput, match="not a demo home"):
        demo.remove(home.root)
    assert home.db_path.exists()


@pytest.mark.slow
def test_airlock_demo_runs_and_leaves_nothing_behind(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    seen = {}
    before = {p.pid for p in psutil.Process().children(recursive=True)}

    def leave() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "demo_banner"))
        seen["home"] = window.ws.home.root
        seen["files"] = sorted(p.name for p in seen["home"].iterdir())
        window.demo_banner.leave.click()

    QTimer.singleShot(1500, leave)
    assert demo_ui.run_demo() == 0
    assert "airlock.db" in seen["files"] and "samples" in seen["files"]
    assert not seen["home"].exists()
    assert list(tmp_path.glob(f"{demo.PREFIX}*")) == []
    # the worker it started is gone (multiprocessing's own resource tracker lives on with pytest)
    left = [p for p in psutil.Process().children(recursive=True)
            if p.is_running() and p.pid not in before and "resource_tracker" not in " ".join(p.cmdline())]
    assert left == []
