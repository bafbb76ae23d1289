"""Real full disks and read-only folders for tests: a tiny tmpfs and a read-only bind
mount (both need root, as in the CI container; elsewhere the test is skipped)."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs or a read-only bind needs root")
    result = subprocess.run(["mount", *args], capture_output=True, text=True)
    if result.returncode:
        pytest.skip(f"mount is not allowed here: {result.stderr.strip()}")


@contextlib.contextmanager
def small_disk(path: Path, size: str = "2m") -> Iterator[Path]:
    """A ``size`` tmpfs at ``path``: writing more fails with ENOSPC, like a full disk."""
    path.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path))
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[Path]:
    """``path`` (a folder) made read-only for everyone, root included."""
    _mount("--bind", "-o", "ro", str(path), str(path))
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def fill(path: Path) -> None:
    """Fill the disk holding ``path`` (a folder) to the last byte."""
    fd = os.open(path / "filler", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for size in (1 << 16, 1 << 10, 1):
            with contextlib.suppress(OSError):
                while os.write(fd, b"\0" * size):
                    pass
    finally:
        os.close(fd)


def free_bytes(path: Path) -> int:
    """Free bytes on the disk holding ``path``."""
    stats = os.statvfs(path)
    return stats.f_bavail * stats.f_frsize


def fill_leaving(path: Path, keep: int) -> None:
    """Take all of the disk holding ``path`` (a folder) but ``keep`` bytes."""
    fd = os.open(path / "filler", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        os.posix_fallocate(fd, 0, max(1, free_bytes(path) - keep))
    finally:
        os.close(fd)
