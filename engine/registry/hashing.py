"""Streaming sha256 of model files, with progress and cancel, while copying if asked.

Model files are gigabytes: they are read once, in chunks, hashing as they go, so an
import costs one read (and one write when copying) and can be stopped at any chunk.
"""

from __future__ import annotations

import hashlib
import os
import shutil
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


def part_path(destination: Path) -> Path:
    """Where a copy in progress is written: ``NAME.<pid>.part``, so the next start can tell
    a copy a killed process left (its pid is gone) from one running now (see
    engine.registry.registry.clean_stale_parts)."""
    return destination.with_name(f"{destination.name}.{os.getpid()}.part")


def copy_with_sha256(source: Path, destination: Path, progress: Progress | None = None,
                     cancel: CancelCheck | None = None) -> str:
    """Copy ``source`` to ``destination`` and return the sha256 of what was written.

    Writes to a ``.part`` file and renames at the end, so an interrupted copy never
    leaves something that looks like a model; the partial file is removed on failure.
    """
    partial = part_path(destination)
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


def tree_files(folder: Path) -> list[Path]:
    """The files that make up a model folder, in a stable order (hidden files left out)."""
    files = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file():
            files.append(path)
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def tree_digest(entries: list[tuple[str, str]]) -> str:
    """One sha256 for a folder: over each file's relative path and sha256, in path order.

    Renaming, adding, removing or changing any file changes it; the folder's own
    location and the files' timestamps do not.
    """
    digest = hashlib.sha256(b"airlock-folder-v1\n")
    for relative, file_sha256 in sorted(entries):
        digest.update(f"{relative}\0{file_sha256}\n".encode("utf-8"))
    return digest.hexdigest()


def sha256_tree(folder: Path, progress: Progress | None = None,
                cancel: CancelCheck | None = None) -> str:
    """The stable hash of a model folder (see :func:`tree_digest`), with overall progress."""
    return _tree(folder, None, progress, cancel)


def copy_tree_with_sha256(source: Path, destination: Path, progress: Progress | None = None,
                          cancel: CancelCheck | None = None) -> str:
    """Copy a model folder to ``destination`` and return the hash of what was written.

    Copies into ``destination.part`` and renames at the end, so an interrupted copy
    never leaves something that looks like a model; the partial folder is removed on
    failure.
    """
    partial = part_path(destination)
    try:
        digest = _tree(source, partial, progress, cancel)
        os.replace(partial, destination)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return digest


def _tree(folder: Path, destination: Path | None, progress: Progress | None,
          cancel: CancelCheck | None) -> str:
    files = tree_files(folder)
    total = sum(f.stat().st_size for f in files)
    done = 0
    entries = []
    for path in files:
        relative = path.relative_to(folder).as_posix()
        base = done

        def file_progress(file_done: int, _file_total: int) -> None:
            if progress:
                progress(base + file_done, total)

        if destination is None:
            file_sha256 = _stream(path, None, file_progress, cancel)
        else:
            target = destination / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            file_sha256 = _stream(path, target, file_progress, cancel)
        entries.append((relative, file_sha256))
        done += path.stat().st_size
    if progress and not files:
        progress(0, 0)
    return tree_digest(entries)
