"""Logging to ``logs/`` in the data home: tracebacks live here, never on the user's screen."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from engine import offline

FORMAT = "%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"


class QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A log file that stops trying (silently) after the first failed write, instead of
    printing "--- Logging error ---" and a traceback for every record."""

    def handleError(self, record: logging.LogRecord) -> None:
        self.emit = lambda record: None  # type: ignore[method-assign]


def setup_logging(logs_dir: Path, process_name: str = "airlock") -> Path:
    """Send this process's log records to ``logs/<process_name>.log`` (rotated at 5 MB).

    Also points the offline guard's refusal log at ``logs/network-blocked.log`` so that
    every process of this home, workers included (they inherit the environment),
    records refused connections in one place.
    """
    path = logs_dir / f"{process_name}.log"
    os.environ.setdefault(offline.NETWORK_LOG_VARIABLE, str(logs_dir / "network-blocked.log"))
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_airlock", False):
            root.removeHandler(handler)
            handler.close()
    # A log that cannot be written (a read-only home, logs/ that is a file, a full disk) must
    # never become a message on the user's screen: logging goes quiet instead.
    logging.raiseExceptions = False
    try:
        logs_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = QuietRotatingFileHandler(path, maxBytes=5_000_000, backupCount=3,
                                                            encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    handler._airlock = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return path
