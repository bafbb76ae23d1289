"""One open Airlock home: its database, history, model registry and worker processes.

The CLI opens one per command; the desktop app opens one for its lifetime. Whoever
opens it closes it, which stops the workers.
"""

from __future__ import annotations

import logging
from pathlib import Path

from engine.history import History
from engine.home import Home, resolve_home
from engine.logs import setup_logging
from engine.registry import Registry
from engine.store import open_db
from engine.worker_process import WorkerProcess

log = logging.getLogger(__name__)


class Workspace:
    def __init__(self, home: Home, *, process_name: str = "airlock"):
        self.home = home
        setup_logging(home.logs_dir, process_name)
        self.db = open_db(home.db_path)
        self.history = History(self.db)
        self.registry = Registry(self.db, home)
        self.text_worker = WorkerProcess("text", "engine.text_worker:make_handler",
                                         log_dir=home.logs_dir)

    @classmethod
    def open(cls, home: str | Path | None = None, *, process_name: str = "airlock") -> "Workspace":
        return cls(resolve_home(home), process_name=process_name)

    def close(self) -> None:
        self.text_worker.stop()
        self.db.conn.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
