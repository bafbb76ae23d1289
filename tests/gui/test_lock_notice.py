"""The window says when a database write waits for another Airlock program's lock, in the
status bar and in the person's language, and clears it when the lock comes free. A second
real process holds the write lock."""

from __future__ import annotations

import subprocess
import sys
import threading

from desktop import i18n
from desktop.qt import QApplication
from engine.store.locking import WAIT_SECONDS

HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("begin immediate")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("commit")
"""


def hold(db_path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def release(holder: subprocess.Popen) -> None:
    holder.stdin.write("go\n")
    holder.stdin.close()
    holder.wait(30)
    holder.stdout.close()


def test_a_write_from_a_background_thread_shows_the_wait(window, qtbot):
    bar = window.statusBar()
    holder = hold(window.ws.home.db_path)
    conn = window.ws.connection()
    try:
        writer = threading.Thread(target=lambda: conn.db.execute(
            "insert into settings (key, value) values ('lock-test', '1')"))
        writer.start()
        qtbot.waitUntil(lambda: bar.currentMessage().startswith("Waiting for another Airlock process"),
                        timeout=15_000)
        assert f"(up to {WAIT_SECONDS:.0f} s)" in bar.currentMessage()
        release(holder)
        writer.join(30)
        qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=5_000)
    finally:
        if holder.poll() is None:
            release(holder)
        conn.close()
    assert window.ws.db.execute("select value from settings where key = 'lock-test'").fetchone()[0] == "1"


def test_a_write_on_the_window_thread_is_painted_while_it_waits_in_chinese(window, qtbot):
    i18n.apply_language(QApplication.instance(), "zh_TW")
    bar = window.statusBar()
    shown: list[str] = []
    bar.messageChanged.connect(shown.append)
    holder = hold(window.ws.home.db_path)
    threading.Timer(2.5, release, [holder]).start()
    window.ws.db.execute("insert into settings (key, value) values ('lock-test', '2')")  # blocks ~2.5 s
    assert shown[0] == f"正在等待另一個 Airlock 程式完成寫入資料庫（最多 {WAIT_SECONDS:.0f} 秒）…", shown
    QApplication.processEvents()
    assert bar.currentMessage() == ""
