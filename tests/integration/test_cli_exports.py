"""Exports never replace what they should not: a FIFO gets the data, a device stays a
device, a link stays a link, an existing file needs --force."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from engine.home import Home
from engine.workspace import Workspace
from tests.conftest import assert_one_line_error


def seed_history(home: Path, count: int = 3) -> None:
    ws = Workspace(Home(home).ensure())
    try:
        for i in range(count):
            ws.history.add({"prompt": f"prompt {i}", "output": f"answer {i}", "model": "m", "status": "done"})
    finally:
        ws.close()


def lines_in(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_existing_file_is_refused_without_force_and_replaced_with_it(cli, tmp_path):
    seed_history(cli.home)
    target = tmp_path / "history.jsonl"
    target.write_text("keep me\n")
    assert_one_line_error(cli("history", "export", "--out", str(target), check_exit=2),
                          "already exists; add --force")
    assert target.read_text() == "keep me\n"
    cli("history", "export", "--out", str(target), "--force")
    assert lines_in(target) == 3
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_fifo_reader_gets_every_generation(cli, tmp_path):
    seed_history(cli.home)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen([sys.executable, "-c", f"import sys; sys.stdout.write(open({str(fifo)!r}).read())"],
                              stdout=subprocess.PIPE, text=True)
    result = cli("history", "export", "--out", str(fifo))
    assert "Wrote 3 generations" in result.stderr
    assert len(reader.communicate(timeout=60)[0].splitlines()) == 3
    assert fifo.is_fifo()


def test_a_character_device_stays_one(cli):
    seed_history(cli.home)
    before = os.stat("/dev/null")
    cli("history", "export", "--out", "/dev/null")
    after = os.stat("/dev/null")
    assert Path("/dev/null").is_char_device() and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_link_is_followed_and_kept(cli, tmp_path):
    seed_history(cli.home)
    real = tmp_path / "real.jsonl"
    real.write_text("")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    assert_one_line_error(cli("history", "export", "--out", str(link), check_exit=2), "already exists")
    cli("history", "export", "--out", str(link), "--force")
    assert link.is_symlink() and lines_in(real) == 3


def test_templates_export_refuses_an_existing_file(cli, tmp_path):
    target = tmp_path / "pack.json"
    target.write_text("{}")
    assert_one_line_error(cli("templates", "export", "--all", "--out", str(target), check_exit=2),
                          "already exists")
    assert target.read_text() == "{}"
    cli("templates", "export", "--all", "--out", str(target), "--force")
    assert target.stat().st_size > 100
    conn = sqlite3.connect(cli.home / "airlock.db")
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_every_report_writer_keeps_the_rules(cli, tmp_path):
    """The audit export and both insights files refuse an existing file without --force,
    write through a FIFO and keep a link a link (they had their own .part-and-rename)."""
    import json

    seed_history(cli.home)
    writers = [("audit", "export", "--out"), ("insights", "--csv"), ("insights", "export", "--out")]
    for number, command in enumerate(writers):
        target = tmp_path / f"report-{number}"
        target.write_text("keep me\n")
        assert_one_line_error(cli(*command, str(target), check_exit=2), "already exists; add --force")
        assert target.read_text() == "keep me\n"
        cli(*command, str(target), "--force")
        assert target.read_text() != "keep me\n"

        fifo = tmp_path / f"pipe-{number}"
        os.mkfifo(fifo)
        reader = subprocess.Popen([sys.executable, "-c", f"import sys; sys.stdout.write(open({str(fifo)!r}).read())"],
                                  stdout=subprocess.PIPE, text=True)
        cli(*command, str(fifo))
        assert reader.communicate(timeout=60)[0].strip() and fifo.is_fifo()

        real, link = tmp_path / f"real-{number}", tmp_path / f"link-{number}"
        link.symlink_to(real)
        cli(*command, str(link))
        assert link.is_symlink() and real.read_text().strip()
    rollup = json.loads((tmp_path / "real-2").read_text())
    assert "payload" in rollup
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
