"""The bounded queue in front of each backend: wait your turn, or hear "429, retry after N s".

A local worker runs one job at a time, a batching server a few; requests beyond that
wait, up to ``queue_limit`` of them. One more is refused at once with a Retry-After
estimated from recent job times, instead of piling up until clients time out. Waiting
time is measured so callers (and the benchmark) can report it.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager


class QueueFull(Exception):
    def __init__(self, retry_after: int):
        super().__init__(f"the model is busy; retry after {retry_after} s")
        self.retry_after = retry_after


class Admission:
    def __init__(self, concurrency: int, queue_limit: int):
        self.concurrency = max(1, concurrency)
        self.queue_limit = max(0, queue_limit)
        self._lock = threading.Lock()
        self._slots = threading.Semaphore(self.concurrency)
        self._admitted = 0
        self._recent: deque[float] = deque(maxlen=20)

    @property
    def admitted(self) -> int:
        return self._admitted

    def retry_after(self) -> int:
        typical = sum(self._recent) / len(self._recent) if self._recent else 2.0
        waiting = max(1, self._admitted - self.concurrency + 1)
        return max(1, math.ceil(typical * waiting / self.concurrency))

    def reserve(self) -> None:
        """Take a place in line now (raises QueueFull); :meth:`slot` then waits for the turn."""
        with self._lock:
            if self._admitted >= self.concurrency + self.queue_limit:
                raise QueueFull(self.retry_after())
            self._admitted += 1

    def release_reservation(self) -> None:
        with self._lock:
            self._admitted -= 1

    @contextmanager
    def slot(self) -> Iterator[float]:
        """Wait for a free slot (after :meth:`reserve`); yields the seconds spent waiting."""
        start = time.perf_counter()
        self._slots.acquire()
        waited = time.perf_counter() - start
        try:
            yield waited
        finally:
            self._recent.append(time.perf_counter() - start - waited)
            self._slots.release()
            self.release_reservation()
