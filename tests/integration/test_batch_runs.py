"""Batch jobs on the real default model in real worker processes: a 20-row run, a worker
killed mid-batch, the whole process killed mid-batch and resumed, Ctrl+C pausing."""

from __future__ import annotations

import collections
import json
import os
import signal
import subprocess
import threading
import time

import psutil
import pytest

from engine.batch.plan import create_job
from engine.batch.runner import BatchRunner
from engine.batch.store import BatchStore
from engine.cli.batch import _ctrl_c_pauses
from engine.batch.table import Table
from engine.home import Home
from engine.prompts.outputs import OutputField
from engine.prompts.templates import Template, TemplateLibrary
from engine.prompts.variables import Variable
from engine.store.db import open_db
from engine.workspace import Workspace

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]  # minutes on a shared, loaded CI box

SUBJECT = Template(
    name="Subject line", language="en", system="You write short, friendly mail subject lines.",
    body="Write one subject line for a thank-you mail.\n\nCustomer: {{ name }}",
    variables=(Variable("name", required=True),), params={"max_tokens": 32, "temperature": 0.7},
    outputs=(OutputField("subject", max_chars=30),))
NAMES = ["Ada", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kai", "Lu", "Max", "Ned", "Oz",
         "Pia", "Quin", "Ray", "Sol", "Tia"]


def table(count: int) -> Table:
    return Table(columns=("name",), rows=tuple((n,) for n in NAMES[:count]), source_name="names.csv")


def batch_generations(db, job_id: int) -> collections.Counter:
    """How many history records each row of the job has (exactly once means all 1)."""
    counter: collections.Counter = collections.Counter()
    for row in db.query("select params from generations"):
        batch = json.loads(row["params"]).get("batch")
        if batch and batch["job_id"] == job_id:
            counter[batch["row"]] += 1
    return counter


def test_a_twenty_row_batch_on_the_default_model(workspace):
    TemplateLibrary(workspace.db).save(SUBJECT)
    job_id = create_job(workspace, SUBJECT.name, table(20), seed=11)
    seen = []
    summary = BatchRunner(workspace, job_id, on_progress=seen.append).run()
    store = BatchStore(workspace.db)
    rows = store.rows(job_id)
    assert summary.state == "finished" and len(rows) == 20
    assert all(r.status in ("done", "failed") and r.attempts == 1 for r in rows)
    done = [r for r in rows if r.status == "done"]
    assert len(done) >= 15, [r.error for r in rows if r.error]
    for r in done:
        assert set(r.output_fields) == {"subject"} and 0 < len(r.output_fields["subject"]) <= 30
    for r in rows:
        if r.status == "failed":
            assert r.error.startswith("The draft could not be read as its fields")
    assert all(r.cached_tokens and r.cached_tokens > r.prompt_tokens // 2 for r in rows[1:])  # prefix reused
    assert batch_generations(workspace.db, job_id) == {n: 1 for n in range(1, 21)}
    assert seen[-1].finished + seen[-1].failed == 20 and seen[-1].pending == 0
    assert any(p.rows_per_minute for p in seen)


def test_a_killed_worker_loses_no_row_and_repeats_none(workspace):
    TemplateLibrary(workspace.db).save(SUBJECT)
    job_id = create_job(workspace, SUBJECT.name, table(6), seed=3)
    store = BatchStore(workspace.db)
    killed = []
    watcher = workspace.connection()  # the killing thread reads on a connection of its own

    def kill_once(progress):
        if progress.finished + progress.failed == 2 and not killed:
            # the next row is claimed and generating within moments: kill its worker then
            def later():
                for _ in range(200):
                    pid = workspace.text_worker.pid
                    if pid and BatchStore(watcher.db).counts(job_id)["running"]:
                        os.kill(pid, signal.SIGKILL)
                        killed.append(pid)
                        return
                    time.sleep(0.01)
            threading.Thread(target=later).start()

    try:
        summary = BatchRunner(workspace, job_id, on_progress=kill_once).run()
    finally:
        watcher.close()
    rows = store.rows(job_id)
    assert killed and summary.state == "finished"
    assert all(r.status in ("done", "failed") for r in rows)
    assert sorted(r.attempts for r in rows) == [1, 1, 1, 1, 1, 2]  # only the row in flight ran again
    assert batch_generations(workspace.db, job_id) == {n: 1 for n in range(1, 7)}
    assert workspace.text_worker.pid != killed[0]


def _wait_for(condition, timeout=240.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_killing_the_whole_process_then_resuming_runs_every_row_once(airlock_cmd, tmp_path, no_network):
    home = Home(tmp_path / "home").ensure()
    with Workspace(home) as ws:
        TemplateLibrary(ws.db).save(SUBJECT)
    (tmp_path / "names.csv").write_text("name\n" + "\n".join(NAMES[:4]) + "\n", encoding="utf-8")
    env = {**os.environ, "AIRLOCK_HOME": ""}
    cmd = [*airlock_cmd, "batch", "run", "--template", SUBJECT.name, "--csv", str(tmp_path / "names.csv"),
           "--seed", "5", "--json", "--home", str(home.root)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    db = open_db(home.db_path, migrate=False)
    try:
        def two_done_one_running():
            try:
                counts = BatchStore(db).counts(1)
            except Exception:
                return False
            return counts["done"] + counts["failed"] >= 2 and counts["running"] == 1
        assert _wait_for(two_done_one_running), proc.communicate(timeout=5)
        children = psutil.Process(proc.pid).children(recursive=True)
        proc.kill()  # SIGKILL: no cleanup of any kind
        proc.communicate(timeout=10)  # (also closes our ends of its pipes)
        psutil.wait_procs(children, timeout=15)  # the worker's watchdog ends it with its parent
        assert not [c for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
        before = {r.row_number: (r.finished_at, r.generation_id) for r in BatchStore(db).rows(1)
                  if r.status in ("done", "failed")}
        assert BatchStore(db).counts(1)["running"] == 1  # left behind by the dead process

        status = subprocess.run([*airlock_cmd, "batch", "status", "1", "--json", "--home", str(home.root)],
                                capture_output=True, text=True, env=env, timeout=60)
        assert json.loads(status.stdout)["counts"]["running"] == 0  # recovered to pending
        resumed = subprocess.run([*airlock_cmd, "batch", "resume", "1", "--json", "--home", str(home.root)],
                                 capture_output=True, text=True, env=env, timeout=600)
        assert resumed.returncode == 0, resumed.stderr
        assert json.loads(resumed.stdout)["state"] == "finished"
        rows = BatchStore(db).rows(1)
        assert all(r.status in ("done", "failed") for r in rows)
        for r in rows:  # rows finished before the kill were not generated again
            if r.row_number in before:
                assert (r.finished_at, r.generation_id) == before[r.row_number]
        assert batch_generations(db, 1) == {n: 1 for n in range(1, 5)}
    finally:
        db.conn.close()
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=10)


@pytest.mark.timeout(60, method="signal")  # the old handler waited here forever: fail, do not hang
def test_ctrl_c_while_the_main_thread_holds_the_runners_lock_still_pauses(workspace):
    """The signal handler runs on the main thread, which may be inside the runner's (or the
    router's, or the worker pipe's) lock at that instant: the pause must not wait on it there.
    (CI once saw `airlock batch run` print "pausing" and then hang.)"""
    TemplateLibrary(workspace.db).save(SUBJECT)
    runner = BatchRunner(workspace, create_job(workspace, SUBJECT.name, table(2), seed=11))
    with _ctrl_c_pauses(runner):
        with runner._lock:
            signal.raise_signal(signal.SIGINT)
        deadline = time.monotonic() + 10
        while runner._stop is None and time.monotonic() < deadline:
            time.sleep(0.01)
    assert runner._stop == "paused"
    assert runner.run().state == "paused"  # a paused runner starts no row
    assert BatchStore(workspace.db).counts(runner.job.id)["pending"] == 2


def test_ctrl_c_pauses_and_resume_finishes(airlock_cmd, tmp_path, no_network):
    home = Home(tmp_path / "home").ensure()
    with Workspace(home) as ws:
        TemplateLibrary(ws.db).save(SUBJECT)
    (tmp_path / "names.csv").write_text("name\n" + "\n".join(NAMES[:4]) + "\n", encoding="utf-8")
    env = {**os.environ, "AIRLOCK_HOME": ""}
    proc = subprocess.Popen([*airlock_cmd, "batch", "run", "--template", SUBJECT.name, "--csv",
                             str(tmp_path / "names.csv"), "--json", "--home", str(home.root)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    db = open_db(home.db_path, migrate=False)
    try:
        assert _wait_for(lambda: "batch_rows" in db.table_names() and
                         BatchStore(db).counts(1)["done"] + BatchStore(db).counts(1)["failed"] >= 1)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        summary = json.loads(out)
        assert summary["state"] == "paused" and summary["counts"]["running"] == 0
        assert summary["counts"]["pending"] >= 1
        resumed = subprocess.run([*airlock_cmd, "batch", "resume", "1", "--json", "--home", str(home.root)],
                                 capture_output=True, text=True, env=env, timeout=600)
        assert json.loads(resumed.stdout)["state"] == "finished"
        assert batch_generations(db, 1) == {n: 1 for n in range(1, 5)}
    finally:
        db.conn.close()
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=10)
