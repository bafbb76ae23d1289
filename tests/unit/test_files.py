"""atomic_write on real files: FIFOs read by another process, character devices, links,
existing files, a full disk and a read-only folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from engine.errors import AirlockError, BadInput
from engine.files import DiskFull, TargetExists, atomic_write, write_text
from tests.helpers.mounts import fill, read_only, small_disk


def test_a_new_file_appears_whole_with_the_usual_mode(tmp_path):
    target = tmp_path / "out.txt"
    write_text(target, "hello")
    assert target.read_text() == "hello"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_an_existing_file_is_refused_unless_replace_and_then_keeps_its_mode(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("precious")
    target.chmod(0o600)
    with pytest.raises(TargetExists, match="already exists; add --force"):
        write_text(target, "new")
    assert target.read_text() == "precious"
    write_text(target, "new", replace=True)
    assert target.read_text() == "new" and target.stat().st_mode & 0o777 == 0o600


def test_a_failure_midway_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("precious")
    with pytest.raises(RuntimeError):
        with atomic_write(target, replace=True) as out:
            out.write("half")
            raise RuntimeError("boom")
    assert target.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_fifo_is_written_through_to_its_reader(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen([sys.executable, "-c", f"import sys; sys.stdout.write(open({str(fifo)!r}).read())"],
                              stdout=subprocess.PIPE, text=True)
    write_text(fifo, "through the pipe\n")
    assert reader.communicate(timeout=30)[0] == "through the pipe\n"
    assert fifo.is_fifo()


def test_a_character_device_stays_a_device(tmp_path):
    before = os.stat("/dev/null")
    write_text("/dev/null", "discarded")
    after = os.stat("/dev/null")
    assert Path("/dev/null").is_char_device() and after.st_ino == before.st_ino and after.st_rdev == before.st_rdev


def test_a_link_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with pytest.raises(TargetExists):
        write_text(link, "new")
    write_text(link, "new", replace=True)
    assert link.is_symlink() and real.read_text() == "new"


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(BadInput, match="is a folder"):
        write_text(tmp_path, "x", replace=True)


def test_a_full_disk_is_one_sentence_and_leaves_nothing(tmp_path):
    with small_disk(tmp_path / "disk", "1m") as disk:
        fill(disk)
        with pytest.raises(DiskFull, match="The disk is full"):
            with atomic_write(disk / "out.txt") as out:
                out.write("x" * 2_000_000)
        assert [p.name for p in disk.iterdir()] == ["filler"]


def test_a_read_only_folder_is_bad_input(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only(folder):
        with pytest.raises(BadInput, match="may not write"):
            write_text(folder / "out.txt", "x")
    assert not isinstance(BadInput("x"), DiskFull) and issubclass(DiskFull, AirlockError)
