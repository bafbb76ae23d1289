"""No tracebacks, ever: a read-only home, a home or logs/ that is a file, a full disk,
bytes that are not UTF-8, a closed stdout, a database locked too long, an empty --home.
Each is one `error:` line and the right exit status; the database stays intact."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.conftest import assert_one_line_error
from tests.helpers.mounts import fill_leaving, free_bytes, read_only, small_disk


def run(airlock_cmd, *args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*airlock_cmd, *args], capture_output=True, timeout=300,
                          env={**os.environ, "AIRLOCK_HOME": "", **(env or {})}, **kw)


def text_of(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    return subprocess.CompletedProcess(result.args, result.returncode,
                                       result.stdout.decode(errors="replace") if result.stdout else "",
                                       result.stderr.decode(errors="replace"))


def intact(home: Path) -> None:
    conn = sqlite3.connect(home / "airlock.db")
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_read_only_home_is_one_line(cli):
    cli("history", "list")
    with read_only(cli.home):
        for args in (("history", "list"), ("templates", "list"), ("text", "hello")):
            result = cli(*args, check_exit=1)
            assert_one_line_error(result, "read-only; use a writable one with --home")
    intact(cli.home)


def test_a_home_or_logs_that_is_a_file(airlock_cmd, cli, tmp_path):
    cli.home.mkdir(parents=True)
    (cli.home / "logs").write_text("not a folder")
    assert_one_line_error(cli("history", "list", check_exit=1), "logs is a file where Airlock needs a folder")
    plain = tmp_path / "plain-file"
    plain.write_text("")
    result = text_of(run(airlock_cmd, "history", "list", "--home", str(plain)))
    assert result.returncode == 1
    assert_one_line_error(result, "plain-file is a file where Airlock needs a folder")


def test_an_empty_home_option_is_a_usage_error(airlock_cmd):
    result = text_of(run(airlock_cmd, "history", "list", "--home", ""))
    assert result.returncode == 2
    assert_one_line_error(result, "--home is empty")


def test_arguments_that_are_not_utf8(airlock_cmd, cli):
    result = text_of(run(airlock_cmd, "history", "search", os.fsdecode(b"\xff\xfe caf\xe9"),
                         "--home", str(cli.home)))
    assert result.returncode == 2
    assert_one_line_error(result, r"argument 3 \(\\xff\\xfe caf\\xe9\) is not valid UTF-8")


def test_a_closed_stdout(airlock_cmd, cli):
    cli("history", "list")
    result = text_of(run(airlock_cmd, "history", "list", "--home", str(cli.home), stdout=None,
                         preexec_fn=lambda: os.close(1)))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: Standard output is closed"), result.stderr


LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("begin immediate")
print("locked", flush=True)
time.sleep(30)
"""


def test_a_database_locked_too_long(airlock_cmd, cli):
    cli("knowledge", "list")
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(cli.home / "airlock.db")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout.readline().strip() == "locked"
        result = text_of(run(airlock_cmd, "knowledge", "remove", "nothing", "--home", str(cli.home),
                             env={"AIRLOCK_LOCK_WAIT": "2"}))
    finally:
        locker.kill()
        locker.wait(30)
        locker.stdout.close()
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("note: waiting for another Airlock process")
    assert len(lines) == 2 and lines[1].startswith("error: The database is busy"), result.stderr
    intact(cli.home)


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("begin immediate")
print("locked", flush=True)
sys.stdin.readline()  # until the test says the other side is waiting
conn.execute("commit")
"""


def test_a_plain_write_waiting_for_the_lock_says_so_and_how_long(airlock_cmd, cli):
    """A one-statement write (templates delete) waits for a second process's write lock,
    says so on stderr with how long it will wait, and succeeds once the lock is free."""
    import json

    name = json.loads(cli("templates", "list", "--json").stdout)[0]["name"]
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(cli.home / "airlock.db")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        waiting = subprocess.Popen([*airlock_cmd, "templates", "delete", name, "--home", str(cli.home)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "AIRLOCK_HOME": "", "AIRLOCK_LOCK_WAIT": "90"})
        note = waiting.stderr.readline()  # blocks until the CLI says it is waiting
        holder.stdin.write("go\n")
        holder.stdin.close()
        out, rest = waiting.communicate(timeout=120)
    finally:
        holder.wait(30)
        holder.stdout.close()
    assert note == "note: waiting for another Airlock process to finish writing to the database (up to 90 s)…\n"
    assert waiting.returncode == 0 and rest == "", rest
    assert name not in {t["name"] for t in json.loads(cli("templates", "list", "--json").stdout)}
    intact(cli.home)


def test_an_import_the_disk_cannot_hold_is_one_line_and_leaves_nothing(airlock_cmd, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(f"paragraph {i} " + "tea sets are made by hand " * 12 for i in range(30000)))
    with small_disk(tmp_path / "disk", "3m") as disk:
        home = str(disk / "home")
        assert run(airlock_cmd, "history", "list", "--home", home).returncode == 0
        result = text_of(run(airlock_cmd, "knowledge", "import", str(big), "--collection", "docs", "--home", home))
        assert result.returncode == 1
        assert_one_line_error(result, "Not enough free disk space to import this")
        after = text_of(run(airlock_cmd, "knowledge", "list", "--json", "--home", home))
        assert after.stderr == "" and after.stdout.strip() == "[]"  # no "--- Logging error ---"
        intact(Path(home))
        conn = sqlite3.connect(Path(home) / "airlock.db")
        assert conn.execute("select count(*) from knowledge_chunks").fetchone()[0] == 0
        conn.close()


def test_a_disk_that_fills_during_an_export_is_one_line(airlock_cmd, cli, tmp_path):
    from engine.home import Home
    from engine.workspace import Workspace

    ws = Workspace(Home(cli.home).ensure())
    try:
        for i in range(300):
            ws.history.add({"prompt": f"prompt {i} " * 100, "output": "answer " * 200, "model": "m", "status": "done"})
    finally:
        ws.close()
    with small_disk(tmp_path / "disk", "200k") as disk:
        result = cli("history", "export", "--out", str(disk / "history.jsonl"), check_exit=1)
        assert_one_line_error(result, "The disk is full")
        assert list(disk.iterdir()) == []  # no half file, no temporary left
    intact(cli.home)


def test_a_write_that_fills_the_disk_gives_the_space_back(airlock_cmd, tmp_path):
    """A pack import that fills the disk: one line, the write-ahead log's space comes back
    (engine/store/space.py), and the next command runs without a word on stderr."""
    import json

    pack = tmp_path / "big-pack.json"
    pack.write_text(json.dumps({"airlock_pack": 1, "name": "big", "templates": [
        {"name": f"long {i}", "body": f"{i} " + os.urandom(30_000).hex()} for i in range(60)]}))
    with small_disk(tmp_path / "disk", "16m") as disk:
        home = disk / "home"
        assert run(airlock_cmd, "templates", "list", "--home", str(home)).returncode == 0
        assert (home / "airlock.db-reserve").stat().st_size == 4 * 1024 * 1024
        before = text_of(run(airlock_cmd, "templates", "list", "--json", "--home", str(home)))
        fill_leaving(disk, 2_000_000)
        result = text_of(run(airlock_cmd, "templates", "import", str(pack), "--home", str(home)))
        assert result.returncode == 1
        assert_one_line_error(result, "The disk is full")
        wal = home / "airlock.db-wal"
        assert not wal.exists() or wal.stat().st_size == 0
        assert free_bytes(disk) > 1_500_000  # what the failed import wrote is free again
        after = text_of(run(airlock_cmd, "templates", "list", "--json", "--home", str(home)))
        assert after.returncode == 0 and after.stderr == ""  # no "--- Logging error ---"
        assert json.loads(after.stdout) == json.loads(before.stdout)  # nothing half-imported
        intact(home)

