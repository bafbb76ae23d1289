"""Streaming sha256 of model files, with progress and cancel, while copying if asked.

Model files are gigabytes: they are read once, in chunks, hashing as they go, so an
import costs one read (and one write when copying) and can be stopped at any chunk.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from engine.errors import Cancelled

CHUNK = 4 * 1024 * 1024

Progress = Callable[[int, int], None]
"""Called with (bytes done, bytes total) after each chunk."""
CancelCheck = Callable[[], bool]
"""Returns True when the user asked to stop."""


def sha256_file(path: Path, progress: Progress | None = None,
                cancel: CancelCheck | None = None) -> str:
    return _stream(path, None, progress, cancel)


def copy_with_sha256(source: Path, destination: Path, progress: Progress | None = None,
                     cancel: CancelCheck | None = None) -> str:
    """Copy ``source`` to ``destination`` and return the sha256 of what was written.

    Writes to a ``.part`` file and renames at the end, so an interrupted copy never
    leaves something that looks like a model; the partial file is removed on failure.
    """
    partial = destination.with_name(destination.name + ".part")
    try:
        digest = _stream(source, partial, progress, cancel)
        os.replace(partial, destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return digest


def _stream(source: Path, destination: Path | None, progress: Progress | None,
            cancel: CancelCheck | None) -> str:
    total = source.stat().st_size
    digest = hashlib.sha256()
    done = 0
    out = open(destination, "wb") if destination else None
    try:
        with open(source, "rb") as stream:
            while chunk := stream.read(CHUNK):
                if cancel is not None and cancel():
                    raise Cancelled("Stopped before the file was fully read.")
                digest.update(chunk)
                if out:
                    out.write(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
        if out:
            out.flush()
            os.fsync(out.fileno())
    finally:
        if out:
            out.close()
    return digest.hexdigest()
