"""Retention: old generations go with their images, search entries and batch jobs, and
nothing of them stays in the database files; purges are audited as counts."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from engine.errors import BadInput
from engine.trust import install, retention
from engine.workspace import Workspace

OLD_SECRET = "zebrafish-ledger-4471"
NEW_TEXT = "fresh campaign copy"


def stamp(days_ago: float) -> str:
    moment = datetime.now(timezone.utc) - timedelta(days=days_ago)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def fill(ws) -> dict[str, int]:
    ids = {}
    conversation = ws.history.new_conversation("old one")
    image = ws.home.outputs_dir / "old.png"
    image.write_bytes(b"\x89PNG old")
    ids["old_text"] = ws.history.add({"kind": "text", "prompt": f"about {OLD_SECRET}", "output": OLD_SECRET,
                                      "status": "done", "conversation_id": conversation,
                                      "created_at": stamp(40)})
    ids["old_image"] = ws.history.add({"kind": "image", "prompt": f"{OLD_SECRET} poster", "status": "done",
                                       "output_path": str(image), "created_at": stamp(35)})
    ids["new"] = ws.history.add({"kind": "text", "prompt": NEW_TEXT, "output": "ok", "status": "done",
                                 "created_at": stamp(1)})
    return ids


def test_purge_removes_old_records_images_and_search_entries(workspace):
    ids = fill(workspace)
    assert workspace.history.search(OLD_SECRET)
    result = retention.purge(workspace.db, workspace.home.outputs_dir, before=retention.cutoff_for(30))
    assert (result.generations, result.images, result.conversations) == (2, 1, 1)
    assert workspace.history.get(ids["old_text"]) is None and workspace.history.get(ids["new"]) is not None
    assert workspace.history.search(OLD_SECRET) == []
    assert not (workspace.home.outputs_dir / "old.png").exists()
    fts_rows = workspace.db.execute("select count(*) from generations_fts where generations_fts match ?",
                                    [f'"{OLD_SECRET}"']).fetchone()[0]
    assert fts_rows == 0
    workspace.db.conn.close()
    for path in workspace.home.root.glob("airlock.db*"):
        assert OLD_SECRET.encode() not in path.read_bytes(), path  # VACUUM left no page behind
    workspace.db = None


@pytest.fixture
def workspace(home):
    ws = Workspace(home)
    yield ws
    if ws.db is not None:
        ws.close()
    else:
        ws.text_worker.stop()
        ws.image_worker.stop()


def test_retention_setting_applies_on_open_and_is_audited(home):
    with Workspace(home) as ws:
        ids = fill(ws)
        ws.trust.set("retention_days", 30)
    with Workspace(home) as ws:
        assert ws.history.get(ids["old_text"]) is None and ws.history.get(ids["new"]) is not None
        entry = ws.audit_log.entries(event="data.purged")[0]["details"]
        assert entry["reason"] == "retention" and entry["generations"] == 2 and entry["days"] == 30
        assert OLD_SECRET not in str(entry)
        assert ws.audit_log.verify().ok


def test_images_written_outside_the_home_are_left(workspace, tmp_path):
    elsewhere = tmp_path / "mine.png"
    elsewhere.write_bytes(b"png")
    workspace.history.add({"kind": "image", "prompt": "x", "status": "done", "output_path": str(elsewhere),
                           "created_at": stamp(90)})
    result = retention.purge(workspace.db, workspace.home.outputs_dir, before=retention.cutoff_for(30))
    assert result.generations == 1 and result.images_outside_home == 1 and elsewhere.exists()


def test_batch_jobs_go_with_the_history(workspace):
    if "batch_jobs" not in workspace.db.table_names():
        pytest.skip("the batch tables are not in this checkout yet")
    columns = {c.name: c for c in workspace.db["batch_jobs"].columns}
    row = {name: ("x" if col.type.upper() == "TEXT" else 0) for name, col in columns.items() if name != "id"}
    row.update(updated_at=stamp(60), created_at=stamp(60), status="done", params="{}", mapping="{}",
               columns="[]", template_snapshot="{}")
    job = workspace.db["batch_jobs"].insert(row).last_pk
    workspace.db["batch_rows"].insert({"job_id": job, "row_number": 1, "input": OLD_SECRET, "prompt": OLD_SECRET})
    result = retention.purge(workspace.db, workspace.home.outputs_dir, before=retention.cutoff_for(30))
    assert result.batch_jobs == 1
    assert workspace.db.execute("select count(*) from batch_rows").fetchone()[0] == 0


def test_delete_everything_needs_the_words(workspace):
    fill(workspace)
    with pytest.raises(BadInput, match="delete everything"):
        install.purge_all(workspace, "yes")
    assert workspace.history.count() == 3
    result = install.purge_all(workspace, "Delete everything")
    assert result.generations == 3 and workspace.history.count() == 0
    assert workspace.audit_log.entries(event="data.purged")[0]["details"]["reason"] == "delete everything"
    assert workspace.audit_log.verify().ok


def test_a_purged_word_leaves_the_search_index_and_the_word_list(workspace):
    """FTS5 keeps a deleted row's terms in its segments until they are merged, and the
    search-word list only grows: the purge merges the index and drops unused words."""
    for i in range(30):
        workspace.history.add({"kind": "text", "prompt": f"filler {i} about tea", "output": "ok", "status": "done"})
    workspace.history.add({"kind": "text", "prompt": "quokkamarmot zebrafishledger", "output": "xylophonist",
                           "status": "done", "created_at": stamp(40)})
    workspace.history.add({"kind": "text", "prompt": "zebrafishledger stays", "output": "ok", "status": "done"})
    assert retention.purge(workspace.db, workspace.home.outputs_dir, before=retention.cutoff_for(30)).generations == 1
    words = {r[0] for r in workspace.db.execute("select word from search_words")}
    assert "zebrafishledger" in words and not {"quokkamarmot", "xylophonist"} & words
    assert [r["prompt"] for r in workspace.history.search("zebrafish")] == ["zebrafishledger stays"]
    workspace.db.conn.close()
    for path in workspace.home.root.glob("airlock.db*"):
        data = path.read_bytes()
        assert b"quokkamarmot" not in data and b"xylophonist" not in data, path
    workspace.db = None


def test_the_window_starts_without_waiting_for_the_purge(home, monkeypatch):
    """The window's workspace (process "app") purges on a thread of its own: here the
    VACUUM is held back, and the workspace opens (and works) meanwhile."""
    import threading

    with Workspace(home) as ws:
        ids = fill(ws)
        ws.trust.set("retention_days", 30)
    release = threading.Event()
    compact = retention.compact

    def slow_compact(db):
        assert release.wait(30)
        compact(db)

    monkeypatch.setattr(retention, "compact", slow_compact)
    ws = Workspace(home, process_name="app")
    try:
        task = ws.cleanup
        assert task is not None and not task.done.is_set()  # opened while the purge is still running
        ws.history.add({"kind": "text", "prompt": "typed while it purges", "status": "done"})
        release.set()
        assert task.done.wait(30) and task.error is None
        assert task.thread_id != threading.get_ident()
        assert task.result.generations == 2 and ws.history.get(ids["old_text"]) is None
        assert ws.history.count() == 2
        entry = ws.audit_log.entries(event="data.purged")[0]["details"]
        assert entry["reason"] == "retention" and entry["generations"] == 2
        assert ws.audit_log.verify().ok
    finally:
        release.set()
        ws.close()


def test_the_window_forgets_the_last_keep_no_history_session_but_not_its_own(home):
    with Workspace(home) as ws:
        ws.trust.set("keep_no_history", True)
        old = ws.history.add({"kind": "text", "prompt": "last session", "status": "done"})
        ws.db.conn.close()  # killed: close() never ran
        ws.text_worker.stop()
        ws.image_worker.stop()
        ws.close = lambda: None
    ws = Workspace(home, process_name="app")
    try:
        mine = ws.history.add({"kind": "text", "prompt": "this session", "status": "done"})
        assert ws.cleanup is not None and ws.cleanup.done.wait(30)
        # By prompt, not id: when the purge runs before this session's first write, that row
        # takes the freed id (SQLite reuses the highest rowid once it is deleted).
        prompts = [row[0] for row in ws.db.execute("select prompt from generations")]
        assert prompts == ["this session"] and ws.history.get(mine)["prompt"] == "this session"
        assert ws.cleanup.forgotten.generations == 1 and old is not None
    finally:
        ws.close()
    with Workspace(home) as again:
        assert again.history.get(mine) is None  # its own session ends at close
