"""The local backends: a worker process on this machine running a model file from this
machine's disk.

What is local about them is the model file. A remote server (engine/backends/remote.py)
holds its own weights; a local worker opens a file that someone could have replaced since
it was imported, so before loading it hashes the file again and refuses it when it
changed, and after loading checks that the file it opened is the one it hashed. Those
checks run in the child (the text and image workers call :func:`verify_before_load` and
:func:`check_loaded_same`); the transport itself (engine/backends/worker_process.py)
knows nothing about models.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine import jobs
from engine.backends.worker_process import EventSink, WorkerProcess
from engine.errors import BadInput
from engine.home import Home
from engine.registry.registry import check_unchanged

IMAGE_GRACE_SECONDS = 10.0
"""How long a cancelled image job may take to stop before its worker is killed. The
worker checks between UNet blocks, well under a second on a CPU; killing it costs a
model reload of tens of seconds, so it gets more slack than the text worker."""


def text_backend(home: Home) -> WorkerProcess:
    """The local text backend: llama.cpp in its own process, started on its first job."""
    return WorkerProcess("text", "engine.text.worker:make_handler", log_dir=home.logs_dir)


def image_backend(home: Home) -> WorkerProcess:
    """The local image backend: torch and diffusers load only in this process, on its first job."""
    return WorkerProcess("image", "engine.image.worker:make_handler", log_dir=home.logs_dir,
                         grace_seconds=IMAGE_GRACE_SECONDS)


def file_identity(path: Path | str) -> tuple[int, int, int, int] | None:
    """(device, inode, size, mtime in ns) of the file ``path`` names, links followed; None
    for a folder or a missing file. Two equal identities are the same bytes on disk."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def verify_before_load(job: Any, emit: EventSink, cancelled: Callable[[], bool]) -> tuple[int, int, int, int] | None:
    """In a worker, before loading: hash the model file again (reporting progress as the
    "verify" stage) and refuse it if it changed; then announce the "load" stage.

    Returns the identity of the file that was hashed: after loading, the worker calls
    :func:`check_loaded_same`, so a file swapped between the hash and the load (a linked
    model replaced) is refused instead of recorded under the good sha256."""
    path = Path(job.model_path)
    before = file_identity(path)
    check_unchanged(path, job.model_sha256,
                    progress=lambda done, total: emit(jobs.Progress(job.job_id, done, total, "verify")),
                    cancel=cancelled)
    after = file_identity(path)
    if before != after:
        raise BadInput(f"The model file {path.name} changed while Airlock was checking it; "
                       "Airlock will not load it. Try again when nothing is writing it.")
    emit(jobs.Progress(job.job_id, 0, 1, "load"))
    return after


def check_loaded_same(job: Any, identity: tuple[int, int, int, int] | None) -> None:
    """After loading: the file on disk must still be the one that was hashed."""
    if identity is not None and file_identity(job.model_path) != identity:
        raise BadInput(f"The model file {Path(job.model_path).name} was replaced while it was loading; "
                       "Airlock did not use it. Import it again if the change is intended.")
