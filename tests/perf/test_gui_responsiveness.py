"""Benchmark: how quickly the window appears, whether the event loop ever stalls while a
model streams at full speed, and what the GUI process costs in memory.

Run with `make bench` (or `pytest -m perf tests/perf -s`); results print and are written
to tests/perf/results/gui.json. Goals (issue: desktop app): window visible within 1.0 s
of process start, no event-loop stall over 50 ms while tokens stream.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import psutil
import pytest

from tests.perf.probes import StallProbe, save

pytestmark = pytest.mark.perf

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
    probe = StallProbe(window)
    chat.settings.max_tokens.setValue(400)
    chat.settings.seed.setValue(2)
    chat.input.setPlainText("Write a long, detailed story about a lighthouse keeper and a storm.")
    probe.start()
    chat.send()
    qtbot.waitUntil(lambda: not chat.bridge.busy, timeout=120_000)
    probe.stop()
    record = window.ws.history.get(chat.view.messages()[-1].generation_id)
    worst_lag_ms = probe.lag_ms()
    gui_rss = psutil.Process().memory_info().rss
    save("streaming", {
        "tokens": record["completion_tokens"], "tokens_per_second": round(record["tokens_per_second"], 1),
        "timer_ticks": len(probe.gaps), "worst_lag_ms": worst_lag_ms, "p99_lag_ms": probe.lag_ms(0.99),
        "gui_rss_mb_after_answer": round(gui_rss / 1e6, 1),
    })
    assert worst_lag_ms <= 50
