"""The backend seam: where a text or image job runs.

Front ends and runners never talk to a worker process directly; they ask the workspace
for ``ws.backend("text")`` and call this protocol. Today's implementation is the local
worker process (engine/backends/worker_process.py); a remote OpenAI-compatible server,
or a pool that batch jobs fan out over, is one more module implementing the same five
members. Events are the plain dataclasses of engine/jobs.py whichever backend runs the
job, so the runners, the history record and the GUI bridge do not change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

EventSink = Callable[[Any], None]


@runtime_checkable
class Backend(Protocol):
    kind: str
    """"text" or "image": which jobs it takes."""

    name: str
    """Where the work happens, as recorded with each generation ("local", or a connection's name)."""

    def run(self, job: Any, on_event: EventSink | None = None) -> Any:
        """Run ``job`` to its end, passing every event to ``on_event``; return the terminal
        event (jobs.Done, jobs.Failed or jobs.Cancelled). Never raises for failures of the
        work itself: they come back as jobs.Failed."""

    def cancel(self, job_id: str) -> None:
        """Ask the job to stop; run() then returns jobs.Cancelled (or Done if it finished first)."""

    def stop(self) -> None:
        """Release what the backend holds (processes, connections)."""

    def pids(self) -> list[int]:
        """Local processes doing the work (none for a remote server): for tests and the
        memory display."""
