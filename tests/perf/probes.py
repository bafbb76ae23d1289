"""What the GUI benchmarks share: a probe for stalls of the GUI thread, and the results file."""

from __future__ import annotations

import json
import time
from pathlib import Path

from desktop.qt import QObject, Qt, QTimer

RESULTS = Path(__file__).with_name("results")
INTERVAL_MS = 5


class StallProbe:
    """A precise 5 ms timer on the GUI thread: any gap between its ticks beyond 5 ms is
    time the event loop could not run (a stall the user would feel as a stutter)."""

    def __init__(self, parent: QObject):
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer(parent)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.gaps.sort()

    def lag_ms(self, quantile: float = 1.0) -> float:
        """The stall at this quantile of all gaps (1.0: the worst), in milliseconds."""
        gap = self.gaps[min(len(self.gaps) - 1, int(len(self.gaps) * quantile))]
        return round((gap - INTERVAL_MS / 1000) * 1000, 1)


def save(name: str, values: dict) -> None:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / "gui.json"
    data = json.loads(path.read_text()) if path.exists() else {}
    data[name] = values
    path.write_text(json.dumps(data, indent=2))
    print(f"\n{name}: {json.dumps(values)}")
