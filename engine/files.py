"""Writing a file the user named, without ever replacing what should not be replaced.

Every writer of a user-chosen path (history and template exports, packs, images written
to ``--out``, reports) goes through :func:`atomic_write`:

- a regular file is written to a hidden temporary file beside it and renamed over the
  target at the end, so a failure or a kill never leaves half a file;
- a FIFO or a character device (``/dev/stdout``, ``/dev/null``, a terminal) is written
  through, never replaced by a regular file;
- a symbolic link is followed on purpose: the file it points to is written and the link
  stays a link;
- an existing regular file is refused unless the caller says ``replace=True`` (the CLI's
  ``--force``, the GUI's overwrite confirmation);
- a folder, a block device or a socket is refused.

Errors are Airlock errors with one sentence: a full disk, no permission, a missing folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from engine.errors import AirlockError, BadInput, DiskFull

PART_SUFFIX = ".part"
"""Temporary files end with this; a stale one (from a kill) is safe to delete."""


class TargetExists(BadInput):
    """The file is already there and the caller did not ask to replace it."""

    def __init__(self, path: Path):
        super().__init__(f"{path} already exists; add --force to replace it, or choose another name.")
        self.path = path


def write_error(path: Path | str, exc: OSError) -> AirlockError:
    """The one-sentence error for a failed write of ``path``."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(f"The disk is full: {path} could not be written; free some space and try again.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BadInput(f"Airlock may not write {path} ({exc.strerror}); choose another place.")
    if exc.errno == errno.ENOENT:
        return BadInput(f"Cannot write {path}: its folder does not exist.")
    if exc.errno == errno.EISDIR:
        return BadInput(f"{path} is a folder; give a file name.")
    if exc.errno == errno.EPIPE:
        return AirlockError(f"Nobody is reading {path} any more; the export was cut short.")
    return AirlockError(f"Cannot write {path}: {exc.strerror or exc}.")


def target_kind(path: Path) -> str:
    """"new", "file", "stream" (FIFO or character device) or "other" for what ``path``
    names once links are followed."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "new"
    except OSError as exc:
        raise write_error(path, exc) from exc
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return "stream"
    if stat.S_ISDIR(mode):
        return "folder"
    return "other"


def resolve_target(path: Path | str) -> Path:
    """The path that will really be written: a link is followed to the file it names (a
    dangling link to where its target would be)."""
    path = Path(path)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


@contextlib.contextmanager
def atomic_write(path: Path | str, *, replace: bool = False, binary: bool = False,
                 encoding: str = "utf-8", newline: str | None = None) -> Iterator[IO[Any]]:
    """Open ``path`` for writing, following the rules in the module docstring.

    Yields a text (or ``binary``) file; the data counts as written only when the block
    ends without an exception. ``replace`` allows overwriting an existing regular file.
    """
    shown = Path(path)
    if str(shown) in ("", "."):
        raise BadInput("No file name was given to write.")
    target = resolve_target(shown)
    kind = target_kind(target)
    if kind == "folder":
        raise BadInput(f"{shown} is a folder; give a file name.")
    if kind == "other":
        raise BadInput(f"{shown} is not a file Airlock can write (a device or socket); choose a file name.")
    if kind == "file" and not replace:
        raise TargetExists(shown)
    if kind == "stream":
        yield from _write_through(target, shown, binary, encoding, newline)
        return
    yield from _write_replacing(target, shown, kind == "file", binary, encoding, newline)


def _write_through(target: Path, shown: Path, binary: bool, encoding: str,
                   newline: str | None) -> Iterator[IO[Any]]:
    try:
        handle = open(target, "wb" if binary else "w", **({} if binary else
                                                          {"encoding": encoding, "newline": newline}))
    except OSError as exc:
        raise write_error(shown, exc) from exc
    try:
        with handle:
            yield handle
    except OSError as exc:
        raise write_error(shown, exc) from exc


def _write_replacing(target: Path, shown: Path, exists: bool, binary: bool, encoding: str,
                     newline: str | None) -> Iterator[IO[Any]]:
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{PART_SUFFIX}")
    try:  # 0666 less the umask, like open(); a replaced file keeps its own mode
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise write_error(shown, exc) from exc
    try:
        try:
            if exists:
                os.chmod(temp, stat.S_IMODE(os.stat(target).st_mode))
            handle = os.fdopen(fd, "wb" if binary else "w",
                               **({} if binary else {"encoding": encoding, "newline": newline}))
        except BaseException:
            os.close(fd)
            raise
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise write_error(shown, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_text(path: Path | str, text: str, *, replace: bool = False) -> None:
    with atomic_write(path, replace=replace) as out:
        out.write(text)


def write_bytes(path: Path | str, data: bytes, *, replace: bool = False) -> None:
    with atomic_write(path, replace=replace, binary=True) as out:
        out.write(data)


def is_stale_part(path: Path) -> bool:
    """A temporary file :func:`atomic_write` (or a model copy) left behind by a kill."""
    return path.name.endswith(PART_SUFFIX) and path.is_file() and not path.is_symlink()
