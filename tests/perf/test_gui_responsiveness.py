"""Benchmark: how quickly the window appears, whether the event loop ever stalls while a
model streams at full speed, and what the GUI process costs in memory.

Run with `make bench` (or `pytest -m perf tests/perf -s`); results print and are written
to tests/perf/results/gui.json. Goals (issue: desktop app): window visible within 1.0 s
of process start, no event-loop stall over 50 ms while tokens stream.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from desktop.qt import Qt, QTimer

pytestmark = pytest.mark.perf
RESULTS = Path(__file__).with_name("results")

STARTUP = textwrap.dedent("""
    import time
    import sys
    from desktop.app import create_window
    from desktop.qt import QApplication
    from engine.workspace import Workspace
    app = QApplication(sys.argv[:1])
    ws = Workspace.open(sys.argv[1])
    window = create_window(ws, app)
    window.show()
    app.processEvents()
    print(time.time())  # the parent subtracts the moment it started this process
    import psutil
    print(psutil.Process().memory_info().rss)
    print(",".join(m for m in ("torch", "diffusers", "transformers", "llama_cpp") if m in sys.modules))
    ws.close()
""")


def save(name: str, values: dict) -> None:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / "gui.json"
    data = json.loads(path.read_text()) if path.exists() else {}
    data[name] = values
    path.write_text(json.dumps(data, indent=2))
    print(f"\n{name}: {json.dumps(values)}")


def test_window_visible_within_a_second_of_process_start(tmp_path):
    times, rss = [], []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", STARTUP, str(tmp_path / "home")], env=env,
                   capture_output=True, check=True)  # first run creates the home and database
    for _ in range(5):
        started = time.time()
        out = subprocess.run([sys.executable, "-c", STARTUP, str(tmp_path / "home")], env=env,
                             capture_output=True, text=True, check=True).stdout.splitlines()
        times.append(float(out[0]) - started)
        rss.append(int(out[1]))
        assert out[2] == ""
    times.sort()
    save("startup", {"window_visible_s_median": times[2], "window_visible_s_max": times[-1],
                     "gui_rss_mb_at_start": round(sorted(rss)[2] / 1e6, 1)})
    assert times[2] <= 1.0


def test_no_event_loop_stall_while_streaming(qtbot, window):
    chat = window.chat
    qtbot.waitUntil(lambda: not chat.bridge.busy, timeout=30_000)  # preload done
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(window)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(5)
    timer.timeout.connect(tick)
    chat.settings.max_tokens.setValue(400)
    chat.settings.seed.setValue(2)
    chat.input.setPlainText("Write a long, detailed story about a lighthouse keeper and a storm.")
    timer.start()
    last[0] = time.perf_counter()
    chat.send()
    qtbot.waitUntil(lambda: not chat.bridge.busy, timeout=120_000)
    timer.stop()
    record = window.ws.history.get(chat.view.messages()[-1].generation_id)
    gaps.sort()
    worst_lag_ms = (gaps[-1] - 0.005) * 1000
    gui_rss = psutil.Process().memory_info().rss
    save("streaming", {
        "tokens": record["completion_tokens"], "tokens_per_second": round(record["tokens_per_second"], 1),
        "timer_ticks": len(gaps), "worst_lag_ms": round(worst_lag_ms, 1),
        "p99_lag_ms": round((gaps[int(len(gaps) * 0.99)] - 0.005) * 1000, 1),
        "gui_rss_mb_after_answer": round(gui_rss / 1e6, 1),
    })
    assert worst_lag_ms <= 50
