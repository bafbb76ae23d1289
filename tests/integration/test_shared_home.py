"""Several processes on one home: a fresh home opened six times at once, an import that
another process must not delete, a writer that waits for the lock and says so."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from engine.store import migrations


def airlock(airlock_cmd, home: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([*airlock_cmd, *args, "--home", str(home)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "AIRLOCK_HOME": ""})


def check_db(home: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(home / "airlock.db")
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    return conn


def test_six_processes_open_a_fresh_home_at_once(airlock_cmd, tmp_path):
    home = tmp_path / "home"
    commands = [("history", "list"), ("templates", "list"), ("knowledge", "list"), ("models", "list"),
                ("history", "list", "--json"), ("templates", "list", "--json")]
    processes = [airlock(airlock_cmd, home, *c) for c in commands]
    results = [(p.wait(300), p.communicate()) for p in processes]
    for code, (out, err) in results:
        assert code == 0 and "error" not in err, err
    conn = check_db(home)
    names = [r[0] for r in conn.execute("select name from _migrations")]
    assert sorted(names) == sorted(fn.__name__ for fn in migrations.MIGRATIONS)  # each once
    templates = [r[0] for r in conn.execute("select name from templates")]
    assert templates and len(templates) == len(set(templates))  # the default pack installed once
    assert conn.execute("select count(*) from settings where key like 'default_pack%'").fetchone()[0] == 1
    conn.close()


IMPORTER = """
import sys, time
from pathlib import Path
from engine.home import Home
from engine.workspace import Workspace
import engine.knowledge.base as base
ws = Workspace(Home(Path(sys.argv[1])).ensure())
source = Path(sys.argv[1]) / "big.txt"
source.write_text("\\n\\n".join(f"paragraph {i} " * 40 for i in range(50)))
base.BATCH_CHUNKS = 1
def slow(done, total):
    print("importing", flush=True)
    time.sleep(600)  # a slow import, still running
ws.knowledge.import_files("docs", [source], progress=slow)
"""


def test_an_import_in_another_live_process_is_not_discarded(cli, tmp_path):
    importer = subprocess.Popen([sys.executable, "-c", IMPORTER, str(cli.home)], stdout=subprocess.PIPE, text=True)
    try:
        assert importer.stdout.readline().strip() == "importing"
        cli("knowledge", "list")  # discards only abandoned imports
        conn = check_db(cli.home)
        assert conn.execute("select status from knowledge_documents").fetchall() == [("importing",)]
        conn.close()
    finally:
        importer.kill()
        importer.wait(30)
        importer.stdout.close()
    cli("knowledge", "list")  # its owner is gone now
    conn = check_db(cli.home)
    assert conn.execute("select count(*) from knowledge_documents").fetchone()[0] == 0
    assert conn.execute("select count(*) from knowledge_chunks").fetchone()[0] == 0
    assert conn.execute("select count(*) from leases").fetchone()[0] == 0
    conn.close()


LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("begin immediate")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("commit")
"""


def test_a_writer_waits_for_the_lock_and_says_so(cli):
    cli("knowledge", "list")
    cli.home.joinpath("doc.txt").write_text("Tea sets are hand-made.\n")
    cli("knowledge", "import", str(cli.home / "doc.txt"), "--collection", "docs")
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(cli.home / "airlock.db"), "4"],
                              stdout=subprocess.PIPE, text=True)
    assert locker.stdout.readline().strip() == "locked"
    started = time.monotonic()
    result = cli("knowledge", "remove", "docs")
    assert time.monotonic() - started >= 2
    assert "note: waiting for another Airlock process to finish writing" in result.stderr
    assert locker.wait(30) == 0
    locker.stdout.close()
    conn = check_db(cli.home)
    assert conn.execute("select count(*) from knowledge_documents").fetchone()[0] == 0
    conn.close()
    assert json.loads(cli("knowledge", "list", "--json").stdout) == []
