"""Logging to ``logs/`` in the data home: tracebacks live here, never on the user's screen."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from engine import offline

FORMAT = "%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"


def setup_logging(logs_dir: Path, process_name: str = "airlock") -> Path:
    """Send this process's log records to ``logs/<process_name>.log`` (rotated at 5 MB).

    Also points the offline guard's refusal log at ``logs/network-blocked.log`` so that
    every process of this home, workers included (they inherit the environment),
    records refused connections in one place.
    """
    logs_dir.mkdir(parents=True, exist_ok=True)
    path = logs_dir / f"{process_name}.log"
    os.environ.setdefault(offline.NETWORK_LOG_VARIABLE, str(logs_dir / "network-blocked.log"))
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_airlock", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=5_000_000, backupCount=3,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    handler._airlock = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return path
